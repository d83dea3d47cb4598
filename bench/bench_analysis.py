"""Speed of the analysis core on a large generated project (figures printed, not asserted).

A project of ``--words`` words (default 1.5 million) in ``--docs`` interview documents (realistic
transcripts from ``bench/corpus.py`` through ``bench_search.generate``, speaker turns found as
import finds them) and ``--segments`` codings (default 200,000) of the bundled codebook's codes
by two coders, each a random span of 40–400 characters at word boundaries (fixed seed). Figures, each with a baseline from the same run:

- reading the analysis snapshot (every coding, review and memo) — the baseline of the queries;
- code queries (AND/OR, NOT, OVERLAPS, NEAR) on the warm snapshot — target < 200 ms;
- the whole co-occurrence matrix of the top-level codes, and the dimension × factor matrix — target < 1 s;
- word frequency of the informants' turns — target < 10 s and ≤ 2.5× a bare pass of the same
  spaCy pipeline (``nlp.pipe`` over the same pieces of text). The first count is timed before
  anything else in the process used spaCy (building the shared pipeline timed apart), then again
  (tokens of unchanged turns reused), then ``qda words`` in a new process from start to end. The
  baselines run on new pipelines built like the shared one (``spacy.blank("id")``, sentencizer,
  lookup lemmatizer), so no tokenizer cache is shared: the whole pipeline, and its tokenizer alone.
  The corpus reshuffles the sample transcripts' utterances, so its vocabulary is small; the same
  count is timed again on a second project whose text has about one word in twelve given a random
  three-letter tail (new word forms are what costs: each is tokenised once at spaCy's own speed);
- keyword in context of a common word and of a lemma — target < 300 ms (baseline: one regex pass);
  the first one builds the word index of every text (kept while the texts are unchanged) and is
  printed on its own.

Run:  .venv/bin/python bench/bench_analysis.py [--words N] [--segments N] [--docs N] [--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_search import generate  # noqa: E402


class Seconds(float):
    """A median wall-clock time that also carries the median CPU time of the process (``.cpu``)."""

    cpu: float = 0.0


def timed(fn, repeat: int = 3):
    times, cpus, result = [], [], None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    seconds = Seconds(statistics.median(times))
    seconds.cpu = statistics.median(cpus)
    return seconds, result


def ms(seconds: Seconds) -> str:
    """``wall ms (cpu ms CPU)``, both medians."""
    return f"{seconds * 1000:9.1f} ms ({seconds.cpu * 1000:7.1f} ms CPU)"


def sec(seconds: Seconds) -> str:
    return f"{seconds:9.2f} s  ({seconds.cpu:6.2f} s CPU)"


def build(path: Path, words: int, n_docs: int, n_segments: int, seed: int, vary: bool = False):
    """The bench project; ``vary``: the text with a larger vocabulary (:func:`larger_vocabulary`)."""
    from qda.sources.header import parse_header
    from qda.sources.turns import find_turns
    from qda.store import Project

    rng = random.Random(seed)
    project = Project.create(path, coder="Bench A")
    for name in ("Koordinasi Internal", "Inovasi Layanan"):  # researchers' own codes, as in the demo
        project.codes.add(name, group="own")
    text = generate(n_words=words, seed=seed)
    if vary:
        text = larger_vocabulary(text, seed)
    lines = text.splitlines(keepends=True)
    per_doc = max(1, len(lines) // n_docs)
    doc_ids = []
    for i in range(n_docs):
        body = "".join(lines[i * per_doc:(i + 1) * per_doc] if i < n_docs - 1 else lines[i * per_doc:])
        turns = [tuple(t) for t in find_turns(body, parse_header(body).end)]  # as import finds them
        doc_ids.append((project.documents.add(f"wawancara_{i:03d}.txt", body, "interview", turns=turns).id, body))
    codes = [c.id for c in project.codes.all()]
    per = n_segments // len(doc_ids)
    for coder in ("Bench A", "Bench B"):
        project.coders.set_current(coder)
        rows = []
        for doc_id, body in doc_ids:
            spaces = [m.start() for m in re.finditer(r" ", body)]
            for _ in range(per // 2):
                k = rng.randrange(len(spaces) - 1)
                start = spaces[k] + 1
                end_at = start + rng.randint(40, 400)
                j = min(len(spaces) - 1, k + 1 + max(0, (end_at - start) // 7))
                end = max(start + 1, min(len(body), spaces[j]))
                rows.append((doc_id, start, end, rng.choice(codes)))
        project.segments.add_many(rows)
    return project, text


def bare_pipeline():
    """A new ``spacy.blank("id")`` with the shared pipeline's components (sentencizer, lookup lemmatizer)."""
    import spacy

    from qda.nlp.pipeline import MAX_CHARS

    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = MAX_CHARS + 1
    return nlp


def distinct_chunks(texts) -> int:
    return len({chunk for text in texts for chunk in text.split()})


def larger_vocabulary(text: str, seed: int) -> str:
    """``text`` with about one word in twelve given a random three-letter tail (new word forms)."""
    rng = random.Random(seed)
    letters = "abdegiklmnprstuy"
    lines = []
    for line in text.split("\n"):
        label, colon, body = line.partition(": ")
        words = body.split(" ")
        for i, word in enumerate(words):
            if word[:1].isalpha() and rng.random() < 1 / 12:
                words[i] = word + "".join(rng.choice(letters) for _ in range(3))
        lines.append(label + colon + " ".join(words))
    return "\n".join(lines)


def cli_words(path: Path) -> Seconds:
    """Wall and CPU time of ``qda words PATH --json`` in a child process (start, imports, open, count)."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qda", "words", str(path), "--json"], check=True,
                   stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = Seconds(time.perf_counter() - t0)
    seconds.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_500_000)
    parser.add_argument("--segments", type=int, default=200_000)
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from qda.analysis import Filters, corpus, run_query
    from qda.analysis import matrices
    from qda.analysis.corpus import Corpus
    from qda.analysis.words import _pieces, kwic, word_frequencies
    from qda.nlp.pipeline import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        project, _text = build(Path(tmp) / "bench.qda", args.words, args.docs, args.segments, args.seed)
        stats = project.stats()
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"project: {stats['documents']} documents, {args.words:,} words, {stats['segments']:,} codings, "
              f"{stats['codes']} codes (built in {time.perf_counter() - t0:.1f} s)")

        snap, data = timed(lambda: Corpus(project), args.repeat)
        print(f"\n{'baseline: read the analysis snapshot':58s} {ms(snap)}")
        cold, _ = timed(lambda: run_query(project, "Responsivitas", corpus=Corpus(project)), 1)
        print(f"{'query on a cold snapshot (read included)':58s} {ms(cold)}")
        corpus(project)  # warm the cache the GUI and CLI use
        queries = [
            "Responsivitas AND (Koordinasi Internal OR Kepemimpinan yang Efektif)",
            "Responsivitas OR Akuntabilitas OR Produktivitas",
            "Kualitas Layanan NOT Beban Kerja yang Wajar",
            "Akuntabilitas OVERLAPS Keadilan dan Transparansi",
            "Responsivitas NEAR/200 Kepemimpinan yang Efektif",
        ]
        for q in queries:
            seconds, result = timed(lambda: run_query(project, q), args.repeat)
            print(f"{'query ' + q[:50]:58s} {ms(seconds)}  {len(result.passages):7,} passages  "
                  f"(target < 200 ms)")
        filtered, result = timed(lambda: run_query(project, queries[0], Filters(coders=["Bench B"],
                                                                                   statuses=["unreviewed"])),
                                 args.repeat)
        print(f"{'same query, coder and status filters':58s} {ms(filtered)}  {len(result.passages):7,} passages")

        whole, m = timed(lambda: matrices.cooccurrence_matrix(project), args.repeat)
        print(f"\n{'co-occurrence matrix, all top-level codes (span)':58s} {ms(whole)}  "
              f"{len(m.rows)}×{len(m.cols)}, total {m.total:,}  (target < 1 s)")
        dimfac, m = timed(lambda: matrices.dimension_factor_matrix(project), args.repeat)
        print(f"{'dimension × factor matrix':58s} {ms(dimfac)}  {len(m.rows)}×{len(m.cols)}")
        src, m = timed(lambda: matrices.code_source_matrix(project), args.repeat)
        print(f"{'code × source matrix':58s} {ms(src)}  {len(m.rows)}×{len(m.cols)}")
        turn, m = timed(lambda: matrices.dimension_factor_matrix(project, unit="turn"), 1)
        print(f"{'dimension × factor matrix per speaker turn':58s} {ms(turn)}")

        data = corpus(project)
        pieces = [p[2] for p in _pieces(data, list(data.documents), "informants")]
        n_pieces_words = sum(len(p.split()) for p in pieces)
        print(f"\nword frequency of the informants' turns: {n_pieces_words:,} words in {len(pieces):,} turns")
        built, _ = timed(pipeline, 1)  # nothing before has used spaCy in this process
        print(f"{'build the shared spaCy pipeline (once per process)':58s} {sec(built)}")
        freq, words = timed(lambda: word_frequencies(project), 1)
        print(f"{'word frequency (surface forms), first time':58s} {sec(freq)}  {len(words):,} words  "
              f"(target < 10 s)")
        again, words = timed(lambda: word_frequencies(project), 1)
        print(f"{'word frequency again (tokens of unchanged turns reused)':58s} {sec(again)}")
        lem, words = timed(lambda: word_frequencies(project, lemma=True, ngram=2), 1)
        print(f"{'word frequency (lemma bigrams)':58s} {sec(lem)}")
        fresh = cli_words(project.path)
        print(f"{'qda words PROJECT --json in a new process (start to end)':58s} {sec(fresh)}")
        # baselines: new pipelines built like the shared one, so neither shares a tokenizer cache
        bare_nlp = bare_pipeline()
        bare, _ = timed(lambda: sum(len(d) for d in bare_nlp.pipe(pieces, batch_size=64)), 1)
        print(f"{'baseline: bare pass of the same spaCy pipeline (nlp.pipe)':58s} {sec(bare)}")
        tok_nlp = bare_pipeline()
        tok, _ = timed(lambda: sum(len(d) for d in tok_nlp.tokenizer.pipe(pieces, batch_size=64)), 1)
        print(f"{'baseline: bare pass of its tokenizer alone':58s} {sec(tok)}")
        for label, base in (("pipeline", bare), ("tokenizer", tok)):
            print(f"{'  word frequency first time / bare ' + label + ' pass':58s} "
                  f"x{freq.cpu / base.cpu:.2f} CPU, x{freq / base:.2f} wall  (target ≤ 2.5×)")
        # the corpus reshuffles the sample transcripts' utterances, so its vocabulary is small; new
        # word forms cost most (each is tokenised once at spaCy's uncached speed): a larger one
        other, _ = build(Path(tmp) / "varied.qda", args.words, args.docs, 0, args.seed, vary=True)
        vdata = corpus(other)
        varied = [p[2] for p in _pieces(vdata, list(vdata.documents), "informants")]
        print(f"\nsame text, about one word in twelve given a 3-letter tail: {distinct_chunks(pieces):,} → "
              f"{distinct_chunks(varied):,} distinct whitespace-separated chunks in the informants' turns")
        vfreq, _ = timed(lambda: word_frequencies(other), 1)
        print(f"{'word frequency, larger vocabulary, first time':58s} {sec(vfreq)}  (target < 10 s)")
        vtok_nlp = bare_pipeline()
        vtok, _ = timed(lambda: sum(len(d) for d in vtok_nlp.tokenizer.pipe(varied, batch_size=64)), 1)
        print(f"{'baseline: bare tokenizer pass over those turns':58s} {sec(vtok)}  "
              f"x{vfreq.cpu / vtok.cpu:.2f} CPU, x{vfreq / vtok:.2f} wall")
        other.close()

        texts = [data.text(d) for d in data.documents]
        regex, _ = timed(lambda: sum(len(re.findall(r"(?i)(?<!\w)pelayanan(?!\w)", t)) for t in texts), args.repeat)
        print(f"\n{'baseline: one regex pass for the word':58s} {ms(regex)}")
        first, lines = timed(lambda: kwic(project, "pelayanan"), 1)
        print(f"{'KWIC pelayanan, first time (builds the word index)':58s} {ms(first)}  {len(lines):7,} lines")
        kw, lines = timed(lambda: kwic(project, "pelayanan"), args.repeat)
        print(f"{'KWIC pelayanan':58s} {ms(kw)}  {len(lines):7,} lines  (target < 300 ms)")
        kw, lines = timed(lambda: kwic(project, "warga", sort="left"), args.repeat)
        print(f"{'KWIC warga, sorted by left context':58s} {ms(kw)}  {len(lines):7,} lines")
        kw, lines = timed(lambda: kwic(project, "layan", lemma=True), args.repeat)
        print(f"{'KWIC lemma layan (every form)':58s} {ms(kw)}  {len(lines):7,} lines")
        print(f"\nload average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        project.close()


if __name__ == "__main__":
    main()
