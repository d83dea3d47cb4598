"""Benchmark opening a project: what the checks on open cost on a large project.

Prints (never asserts), for a project of 50 interviews x 20,000 words with 200,000 codings
(realistic transcripts from ``sample_transcripts/`` built by :mod:`corpus`):
- ``Project.open`` read-only and for writing (identity from the header, ``quick_check``,
  the comparison of triggers/views/tables with qda's migrations, the write lock);
- SQLite's ``PRAGMA quick_check`` alone and a bare connection as the baseline.

Run: ``python bench/bench_open.py [--docs 50] [--segments 200000]``
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)

from qda.store import Project  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--segments", type=int, default=200_000)
    args = parser.parse_args()
    texts = corpus.transcripts(args.docs, 20_000, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "besar.qda"
        with Project.create(path, coder="Rina") as p:
            ids = [p.documents.add(f"d{i}.txt", text, "interview").id for i, text in enumerate(texts)]
            code = p.codes.get("Responsivitas").id
            p.segments.add_many([(ids[i % len(ids)], (i * 7) % 100_000, (i * 7) % 100_000 + 5, code)
                            for i in range(args.segments)])
        print(f"project: {path.stat().st_size / 1e6:.1f} MB, {args.docs} documents, {args.segments} codings")
        print(f"open read-only:        {timed(lambda: Project.open(path, read_only=True).close()) * 1000:8.1f} ms")
        print(f"open for writing:      {timed(lambda: Project.open(path).close()) * 1000:8.1f} ms")

        def quick_check():
            con = sqlite3.connect(path)
            con.execute("PRAGMA quick_check(1)").fetchone()
            con.close()

        def bare():
            con = sqlite3.connect(path)
            con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            con.close()

        print(f"quick_check alone:     {timed(quick_check) * 1000:8.1f} ms")
        print(f"baseline bare connect: {timed(bare) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
