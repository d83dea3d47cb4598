"""Auto-coding suggestions: quality against the hand-coded gold sample, and speed.

Quality: passage-level precision, recall and F1 per code and overall, for the tuning part
(``tests/data/gold/dev``) and the held-out part (``tests/data/gold/heldout``), which was
never used to choose terms, weights or rules. Speed: words per second of suggestions over
about 1.5 million words of distinct realistic transcripts (``bench/corpus.py``), against two
baselines over the same texts in the same run: spaCy as it comes (``blank("id")`` with a
sentencizer and the lookup lemmatizer) and qda's shared pipeline with the same annotation;
and the whole of ``qda autocode`` on a project holding the same texts (reading the project,
suggesting, storing the suggestions in one transaction).
Each contender is timed in a fresh process (no warm caches inherited), best of ``--repeats``.

    python bench/bench_autocode.py [--words 1500000] [--unit sentence|turn] [--quality-only|--speed-only]

Quality is printed for both units (sentence and turn); ``--unit`` chooses the unit timed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qda.autocode.engine import source_from_text, suggest  # noqa: E402
from qda.autocode.gold import evaluate, load_gold_folder  # noqa: E402
from qda.autocode.matcher import CodeTerms  # noqa: E402
from qda.codebook import load_codebook  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)

GOLD = ROOT / "tests" / "data" / "gold"


def bundled_codes() -> list[CodeTerms]:
    book = load_codebook()
    return [CodeTerms(i, c.name, tuple(c.indicators)) for i, c in enumerate(book.codes, start=1)]


def quality(part: str, codes: list[CodeTerms], unit: str) -> dict:
    texts = load_gold_folder(GOLD / part)
    sources = [source_from_text(i, g.name, g.text) for i, g in enumerate(texts, start=1)]
    names = {c.code_id: c.name for c in codes}
    found = suggest(sources, codes, unit=unit)
    suggested = [(texts[c.document_id - 1].name, names[c.code_id], c.start, c.end) for c in found]
    gold = [(g.name, code, s, e) for g in texts for code, s, e in g.codings]
    return evaluate(suggested, gold)


def print_quality(title: str, scores: dict) -> None:
    print(f"\n{title}")
    print(f"  {'code':36} {'sugg':>5} {'right':>5} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for code, s in sorted(scores.items(), key=lambda kv: (kv[0] == "", kv[0])):
        label = code or "ALL (micro)"
        print(f"  {label:36} {s.suggested:5d} {s.right:5d} {s.gold:5d} {s.found:5d} "
              f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")


def texts_of(words: int) -> list[str]:
    """Distinct realistic transcripts of about 3,000 words each, about ``words`` in all (bench/corpus.py)."""
    return corpus.transcripts(max(1, round(words / 3000)), 3000)


def _time_one(what: str, words: int, unit: str) -> None:
    """Time one contender on the corpus in this (fresh) process; prints a JSON line."""
    texts = texts_of(words)
    if what == "bare":  # spaCy as it comes: its own blank("id"), sentencizer, lookup lemmatizer
        import spacy

        nlp = spacy.blank("id")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        nlp.max_length = 10**7
        list(nlp.pipe(["Pegawai melayani warga dengan cepat."]))
        c0, t0 = time.process_time(), time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        made = 0
    elif what == "shared":  # qda's shared pipeline, full annotation (tokens, sentences, lemmas)
        from qda.nlp.pipeline import docs

        list(docs(["Pegawai melayani warga dengan cepat."]))
        c0, t0 = time.process_time(), time.perf_counter()
        for _doc in docs(texts):
            pass
        made = 0
    elif what == "project":  # what `qda autocode` does: read a project, suggest, store in one transaction
        import tempfile

        import qda.autocode as autocode
        from qda.sources.header import parse_header
        from qda.sources.turns import find_turns
        from qda.store.project import Project

        folder = tempfile.mkdtemp(prefix="bench_autocode_")
        project = Project.create(Path(folder) / "bench.qda", coder="Bench")
        for i, text in enumerate(texts):
            turns = [(t.speaker, t.timestamp, t.start, t.end) for t in find_turns(text, parse_header(text).end)]
            project.documents.add(f"t{i:04d}.txt", text, "interview", turns=turns)
        suggest([source_from_text(0, "w", "I: Pegawai melayani warga dengan cepat.")], bundled_codes())
        c0, t0 = time.process_time(), time.perf_counter()
        made = autocode.run(project, unit=unit)
    else:
        codes = bundled_codes()
        sources = [source_from_text(i, f"t{i}", t) for i, t in enumerate(texts)]
        suggest([source_from_text(0, "w", "I: Pegawai melayani warga dengan cepat.")], codes)
        c0, t0 = time.process_time(), time.perf_counter()
        made = len(suggest(sources, codes, unit=unit))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    if what == "project":
        import shutil

        project.close()
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "words": sum(len(t.split()) for t in texts), "made": made}))


def _timed(what: str, words: int, unit: str) -> dict:
    """Run :func:`_time_one` in a fresh interpreter, so no contender inherits another's warm caches."""
    result = subprocess.run([sys.executable, __file__, "--time", what, "--words", str(words), "--unit", unit],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def speed(words: int, unit: str, repeats: int) -> None:
    import os
    import platform

    print(f"\nspeed: {corpus.describe(texts_of(words))}")
    print(f"  machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (shared), "
          f"Python {platform.python_version()}; each figure the best of {repeats} fresh processes "
          f"(wall clock; CPU time of the process beside it)")
    rows = {}
    for what in ("bare", "shared", "suggest", "project"):
        runs = [_timed(what, words, unit) for _ in range(repeats)]
        rows[what] = min(runs, key=lambda r: r["seconds"])
    n = rows["bare"]["words"]
    labels = {"bare": "baseline: bare spaCy blank('id') + sentencizer + lookup lemmas",
              "shared": "baseline: qda's shared pipeline, tokens + sentences + lemmas",
              "suggest": f"auto-coding suggestions, unit {unit} ({rows['suggest']['made']:,} made)",
              "project": "the same from a project and stored (qda autocode: read, suggest, one transaction)"}
    print(f"  {'':84} {'wall':>7}    {'words/s':>10}   {'CPU':>7}    {'words/CPU-s':>11}  {'wall/CPU':>8}")
    for what, label in labels.items():
        sec, cpu = rows[what]["seconds"], rows[what]["cpu"]
        print(f"  {label:84} {sec:7.2f} s  {n / sec:10,.0f}   {cpu:7.2f} s  {n / cpu:11,.0f}  {sec / cpu:8.2f}")
    print("  wall/CPU: how long each waited for the (shared) CPU or the disk per second of its own work; the same for "
          "the baseline and the suggestions means the difference between wall and CPU is the machine's load")
    mine, mine_cpu = rows["suggest"]["seconds"], rows["suggest"]["cpu"]
    print(f"  ratio to the bare spaCy pipeline: {rows['bare']['seconds'] / mine:.2f}x wall, "
          f"{rows['bare']['cpu'] / mine_cpu:.2f}x CPU; to the shared pipeline: {rows['shared']['seconds'] / mine:.2f}x "
          f"wall, {rows['shared']['cpu'] / mine_cpu:.2f}x CPU  (goal: >= 200,000 words/s and >= 0.6x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_500_000)
    parser.add_argument("--unit", choices=("sentence", "turn"), default="sentence", help="unit timed for speed")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--time", choices=("bare", "shared", "suggest", "project"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time:
        _time_one(args.time, args.words, args.unit)
        return
    codes = bundled_codes()
    if args.speed_only:
        speed(args.words, args.unit, args.repeats)
        return
    summary = []
    for unit in ("sentence", "turn"):  # the passage is the unit suggestions are made with
        for part, title in (("dev", "tuning part"), ("heldout", "held-out part")):
            scores = quality(part, codes, unit)
            print_quality(f"quality, {title} (tests/data/gold/{part}), unit {unit}", scores)
            summary.append((title, unit, scores[""]))
    print("\nquality summary (passage level: a suggestion is right when it overlaps a gold coding of its code)")
    for title, unit, s in summary:
        print(f"  {title:14} {unit:8} suggestions {s.suggested:4d}  gold {s.gold:4d}  "
              f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    print("  goal on the held-out part: precision >= 0.7 and F1 >= 0.6")
    if not args.quality_only:
        speed(args.words, args.unit, args.repeats)


if __name__ == "__main__":
    main()
