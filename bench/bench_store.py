"""Benchmark the project store: codings per second and segment queries.

Prints (never asserts):
- 100,000 codings through the core API, batched (``add_segments``, one transaction)
  and one transaction each (``add_segment``), in codings per second;
- the time to list all segments of one code among 200,000 (aim < 50 ms), as records
  and as rows with names and text, against a bare ``SELECT`` on the same index as a
  baseline measured in the same run.

Run: ``python bench/bench_store.py [--n 100000]``
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import sys  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)

from qda.store import Project  # noqa: E402



def make_text(n_chars: int, rng: random.Random) -> str:
    """A realistic transcript of ``n_chars`` characters (:mod:`corpus`)."""
    return corpus.transcript(n_chars, seed=rng.randrange(1 << 30))


def spans(text_len: int, n: int, rng: random.Random) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(0, text_len - 500)
        out.append((start, start + rng.randint(40, 400)))
    return out


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--single", type=int, default=100_000, help="codings applied one transaction each")
    ns = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        p = Project.create(Path(tmp) / "bench.qda", coder="Bench")
        docs = [p.documents.add(f"d{i}.txt", make_text(300_000, rng), "interview").id for i in range(4)]
        codes = [c.id for c in p.codes.all()]

        rows = [(rng.choice(docs), s, e, rng.choice(codes)) for s, e in spans(300_000, ns.n, rng)]
        t = time.perf_counter()
        p.segments.add_many(rows)
        batched = time.perf_counter() - t
        print(f"batched:  {ns.n:,} codings in {batched:.2f} s = {ns.n / batched:,.0f} codings/s (one transaction)")

        # fresh spans (one coder codes a span with a code once; a random repeat is refused and counted)
        taken = set(rows)
        single_rows = [(rng.choice(docs), s, e, rng.choice(codes)) for s, e in spans(300_000, ns.single, rng)]
        single_rows = [r for r in single_rows if r not in taken and not taken.add(r)]  # type: ignore[func-returns-value]
        t = time.perf_counter()
        for d, s, e, c in single_rows:
            p.segments.add(d, s, e, c)
        single = time.perf_counter() - t
        print(f"single:   {len(single_rows):,} codings in {single:.2f} s = {len(single_rows) / single:,.0f} codings/s "
              f"(one transaction each, event logged, bounds checked)")

        extra = 200_000 - len(p.segments.all())
        if extra > 0:
            p.segments.add_many([(rng.choice(docs), s, e, rng.choice(codes)) for s, e in spans(300_000, extra, rng)])
        total = p._one("SELECT COUNT(*) FROM segment")
        code = p.codes.all()[2]
        n_code = p._one("SELECT COUNT(*) FROM segment WHERE code_id = ?", (code.id,))
        conn = sqlite3.connect(p.path)
        base = timed(lambda: conn.execute('SELECT id, uuid, document_id, code_id, start, "end", coder_id, created '
                                          'FROM segment WHERE code_id = ?', (code.id,)).fetchall())
        rec = timed(lambda: p.segments.all(code=code.id))
        rows_t = timed(lambda: p.segments.rows(code=code.id), repeat=3)
        print(f"query:    all {n_code:,} segments of one code among {total:,}: {rec * 1000:.1f} ms as records "
              f"(aim < 50 ms); baseline bare SELECT {base * 1000:.1f} ms; ratio {rec / base:.2f}x")
        print(f"          as rows with document, code, coder names and text: {rows_t * 1000:.1f} ms")
        conn.close()
        p.close()


if __name__ == "__main__":
    main()
