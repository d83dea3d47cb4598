"""Auto-coding suggestions: quality against the hand-coded gold sample, and speed.

Quality: passage-level precision, recall and F1 per code and overall, for the tuning part
(``tests/data/gold/dev``) and the held-out part (``tests/data/gold/heldout``), which was
never used to choose terms, weights or rules. Speed: words per second of suggestions over
about 1.5 million words of transcript text, against the bare shared spaCy pipeline
(tokenizer, sentencizer and lookup lemmas) over the same texts in the same run.

    python bench/bench_autocode.py [--words 1500000] [--unit sentence|turn] [--quality-only]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qda.autocode.engine import source_from_text, suggest  # noqa: E402
from qda.autocode.gold import evaluate, load_gold_folder  # noqa: E402
from qda.autocode.matcher import CodeTerms  # noqa: E402
from qda.codebook import load_codebook  # noqa: E402

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


def corpus(words: int) -> list[str]:
    """Transcript texts of about ``words`` words: the sample and gold transcripts repeated."""
    pieces = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_transcripts").glob("*.txt"))
              if p.name != "README.md"]
    pieces += [g.text for part in ("dev", "heldout") for g in load_gold_folder(GOLD / part)]
    out, total, i = [], 0, 0
    while total < words:
        text = pieces[i % len(pieces)]
        out.append(text)
        total += len(text.split())
        i += 1
    return out


def speed(words: int, codes: list[CodeTerms], unit: str) -> None:
    from qda.nlp.pipeline import docs, pipeline

    texts = corpus(words)
    n = sum(len(t.split()) for t in texts)
    sources = [source_from_text(i, f"t{i}", t) for i, t in enumerate(texts)]
    pipeline()
    regions_text = texts
    list(docs(regions_text[:3]))  # warm up the tokenizer cache
    t0 = time.perf_counter()
    for _doc in docs(regions_text):
        pass
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = suggest(sources, codes, unit=unit)
    mine = time.perf_counter() - t0
    print(f"\nspeed over {n:,} words in {len(texts)} transcripts (unit: {unit})")
    print(f"  baseline: shared spaCy pipeline with lookup lemmas  {base:7.2f} s  {n / base:10,.0f} words/s")
    print(f"  auto-coding suggestions ({len(found):,} made)        {mine:7.2f} s  {n / mine:10,.0f} words/s")
    print(f"  ratio to baseline: {base / mine:.2f}x  (goal: >= 200,000 words/s and >= 0.6x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_500_000)
    parser.add_argument("--unit", choices=("sentence", "turn"), default="sentence")
    parser.add_argument("--quality-only", action="store_true")
    args = parser.parse_args()
    codes = bundled_codes()
    print_quality(f"quality, tuning part (tests/data/gold/dev), unit {args.unit}", quality("dev", codes, args.unit))
    print_quality(f"quality, held-out part (tests/data/gold/heldout), unit {args.unit}",
                  quality("heldout", codes, args.unit))
    if not args.quality_only:
        speed(args.words, codes, args.unit)


if __name__ == "__main__":
    main()
