"""Benchmark supervision: agreement, merging and the review queue.

Prints (never asserts), each with a baseline measured in the same run:
- agreement of two coders over ~1.5 million words / 200,000 codings, per sentence and per
  character (aim < 2 s), against reading those codings from the store (the floor);
- merging a project with 100,000 new codings into another (aim < 5 s) and merging it a
  second time (adds 0), against copying the file (the floor);
- the review queue of 20,000 excerpts: building it in the core and opening the GUI view
  (aim < 300 ms), and stepping to the next excerpt (aim < 30 ms), against one SELECT of
  the 20,000 rows.

Run: ``python bench/bench_supervision.py [--words 1500000] [--codings 200000] [--queue 20000]``
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import statistics
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

from qda.store import Project  # noqa: E402



def make_text(n_words: int, rng: random.Random) -> str:
    """A realistic transcript of about ``n_words`` words (:mod:`corpus`: sample_transcripts/, typographic punctuation)."""
    return corpus.make(rng, rng.randrange(1000), words=n_words).rstrip()


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def cpu_timed(fn, repeat: int = 3) -> tuple[float, float, object]:
    """Median wall-clock and process CPU seconds (the steadier figure on a shared machine)."""
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), out


def build(path: Path, words: int, codings: int, docs: int, rng: random.Random) -> None:
    with Project.create(path, coder="Ani") as p:
        codes = [c.id for c in p.codes.all()][:15]
        doc_ids, lengths = [], []
        for i in range(docs):
            text = make_text(words // docs, rng)
            doc_ids.append(p.documents.add(f"w{i:03d}.txt", text).id)
            lengths.append(len(text))
        per = codings // 2
        first = []
        for _ in range(per):
            d = rng.randrange(docs)
            s = rng.randrange(0, lengths[d] - 400)
            first.append((doc_ids[d], s, s + rng.randint(30, 300), rng.choice(codes)))
        p.segments.add_many(first, coder="Ani")
        p.coders.set_current("Budi")
        second = [(d, max(0, s + rng.randint(-20, 20)), e + rng.randint(-20, 20), c if rng.random() < .8
                   else rng.choice(codes)) for d, s, e, c in first]
        p.segments.add_many([(d, s, e, c) for d, s, e, c in second if e > s], coder="Budi")


def bench_agreement(path: Path) -> None:
    from qda.review.agreement import compute_agreement

    with Project.open(path, read_only=True) as p:
        n_seg = p.stats()["segments"]
        base, _ = timed(lambda: p.supervision.codings([c.id for c in p.coders.all()]))
        for unit in ("sentence", "char"):
            t, cpu, r = cpu_timed(lambda: compute_agreement(p, ["Ani", "Budi"], unit=unit))
            print(f"agreement per {unit:8s}: {t:6.2f} s (CPU {cpu:.2f} s) for {n_seg:,} codings, {r.units:,} units "
                  f"(alpha {r.overall.krippendorff_alpha:.3f}, {len(r.disagreements):,} disagreements); "
                  f"reading the codings: {base:.2f} s (x{t / base:.1f}); aim < 2 s")


def bench_merge(path: Path, tmp: Path, n_new: int, rng: random.Random) -> None:
    from qda.review.merge import merge_projects

    target, other = tmp / "target.qda", tmp / "other.qda"
    shutil.copy(path, target)
    t_copy, _ = timed(lambda: shutil.copy(path, tmp / "copy.qda"), repeat=1)
    shutil.copy(path, other)
    with Project.open(other, coder="Citra") as p:
        docs = [(d.id, p.documents.length(d.id)) for d in p.documents.all()]
        codes = [c.id for c in p.codes.all()][:15]
        rows = set()
        while len(rows) < n_new:
            d, n = rng.choice(docs)
            s = rng.randrange(0, n - 400)
            rows.add((d, s, s + rng.randint(30, 300), rng.choice(codes)))
        p.segments.add_many(list(rows))
    floor_path = tmp / "floor.qda"  # the floor: the store's own bulk insert of the same codings with their history
    shutil.copy(path, floor_path)
    with Project.open(floor_path, coder="Citra") as p:
        t = time.perf_counter()
        p.segments.add_many(list(rows))
        t_floor = time.perf_counter() - t
    with Project.open(target) as p:
        t, c = time.perf_counter(), time.process_time()
        plan = merge_projects(p, other)
        first, first_cpu = time.perf_counter() - t, time.process_time() - c
        t = time.perf_counter()
        again = merge_projects(p, other)
        second = time.perf_counter() - t
    print(f"merge of {plan.new_counts()['codings']:,} new codings: {first:.2f} s (CPU {first_cpu:.2f} s; aim < 5 s); re-merge: "
          f"{second:.2f} s adding {again.new_counts()['codings']} codings; baseline: inserting the same codings "
          f"with their history in one transaction {t_floor:.2f} s (merge x{first / t_floor:.1f}), "
          f"copying the file {t_copy:.2f} s")


def bench_queue(tmp: Path, n: int, rng: random.Random) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from qda.gui.review.queue_view import ReviewQueueView
    from qda.review.queue import review_queue
    from qda.undo import UndoStack

    path = tmp / "queue.qda"
    with Project.create(path, coder="Ani") as p:
        codes = [c.id for c in p.codes.all()][:15]
        ids = [p.documents.add(f"q{i:02d}.txt", make_text(20_000, rng)).id for i in range(20)]
        lengths = {d: p.documents.length(d) for d in ids}
        rows = set()
        while len(rows) < n:
            d = rng.choice(ids)
            s = rng.randrange(0, lengths[d] - 400)
            rows.add((d, s, s + rng.randint(30, 300), rng.choice(codes)))
        p.segments.add_many(list(rows))
        p.coders.set_current("Dosen", "supervisor")
    app = QApplication.instance() or QApplication([])
    with Project.open(path, coder="Dosen") as p:
        base, _ = timed(lambda: p._tuples('SELECT id, document_id, start, "end" FROM segment'))
        core, items = timed(lambda: review_queue(p))
        view = ReviewQueueView()
        view.resize(1366, 700)
        view.show()
        stack = UndoStack(p)
        t, c = time.perf_counter(), time.process_time()
        view.set_project(p, stack.push)
        app.processEvents()
        opened, opened_cpu = time.perf_counter() - t, time.process_time() - c
        steps = []
        for _ in range(50):
            t = time.perf_counter()
            view.list.step(1)
            app.processEvents()
            steps.append(time.perf_counter() - t)
        view.list.table.setFocus()
        t = time.perf_counter()
        view.verdict("approved")
        app.processEvents()
        verdict = time.perf_counter() - t
        view.close()
    print(f"review queue of {len(items):,} excerpts: core {core * 1000:.0f} ms, view opens in "
          f"{opened * 1000:.0f} ms (CPU {opened_cpu * 1000:.0f} ms; aim < 300 ms); next excerpt median {statistics.median(steps) * 1000:.1f} ms, "
          f"max {max(steps) * 1000:.1f} ms (aim < 30 ms); verdict + next {verdict * 1000:.0f} ms; "
          f"one SELECT of the rows: {base * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=1_500_000)
    ap.add_argument("--codings", type=int, default=200_000)
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--merge", type=int, default=100_000)
    ap.add_argument("--queue", type=int, default=20_000)
    ns = ap.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        path = tmp / "big.qda"
        t = time.perf_counter()
        build(path, ns.words, ns.codings, ns.docs, rng)
        print(f"built {ns.words:,} words, {ns.codings:,} codings by two coders in {time.perf_counter() - t:.1f} s")
        bench_agreement(path)
        bench_merge(path, tmp, ns.merge, rng)
        bench_queue(tmp, ns.queue, rng)


if __name__ == "__main__":
    main()
