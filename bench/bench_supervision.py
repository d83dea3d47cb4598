"""Benchmark supervision: agreement, merging and the review queue.

Prints (never asserts), each with a baseline measured in the same run:
- agreement of two coders over ~1.5 million words / 200,000 codings, per sentence and per
  character (aim < 2 s), against reading those codings from the store (the floor);
- merging a project with 100,000 new codings into another (aim < 5 s) and merging it a
  second time (adds 0), against copying the file (the floor);
- the review queue of 20,000 excerpts: building it in the core and opening the GUI view
  (aim < 300 ms), and stepping to the next excerpt (aim < 30 ms), against one SELECT of
  the 20,000 rows.

Each figure is printed as wall-clock and process CPU time (user + system). On a shared, busy
machine the wall-clock time is inflated by waiting for a CPU: the number of involuntary context
switches (``preempted``) says how often the process was put aside, the voluntary ones
(``waits``) how often it waited itself (disk, locks). Bytes read from and written to the disk
(``/proc/self/io``) show what the merge costs in I/O.

Run: ``python bench/bench_supervision.py [--words 1500000] [--codings 200000] [--queue 20000]``
"""

from __future__ import annotations

import argparse
import os
import resource
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


class Measure:
    """Wall-clock, CPU (user + system), context switches and disk bytes of one block."""

    def __enter__(self) -> "Measure":
        self._io, self._ru, self._t = _io(), resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._t
        ru, io = resource.getrusage(resource.RUSAGE_SELF), _io()
        self.cpu = ru.ru_utime - self._ru.ru_utime + ru.ru_stime - self._ru.ru_stime
        self.waits, self.preempted = ru.ru_nvcsw - self._ru.ru_nvcsw, ru.ru_nivcsw - self._ru.ru_nivcsw
        self.read_mb = (io.get("read_bytes", 0) - self._io.get("read_bytes", 0)) / 2**20
        self.write_mb = (io.get("write_bytes", 0) - self._io.get("write_bytes", 0)) / 2**20

    def __str__(self) -> str:
        return f"{self.wall:.2f} s wall, CPU {self.cpu:.2f} s ({self.preempted} preempted, {self.waits} waits)"

    def io(self) -> str:
        return f"disk read {self.read_mb:.0f} MB, written {self.write_mb:.0f} MB"


def _io() -> dict[str, int]:
    try:
        with open("/proc/self/io") as f:
            return {k: int(v) for k, v in (line.split(": ") for line in f.read().splitlines())}
    except OSError:  # not Linux
        return {}


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
        coders = [c.id for c in p.coders.all()]
        compute_agreement(p, ["Ani", "Budi"], unit="char")  # imports and the texts' first read out of the timing
        base = median_measure(lambda: p.supervision.codings(coders))[0]
        for unit in ("sentence", "char"):
            m, r = median_measure(lambda: compute_agreement(p, ["Ani", "Budi"], unit=unit))
            print(f"agreement per {unit:8s}: {m} for {n_seg:,} codings, {r.units:,} units "
                  f"(alpha {r.overall.krippendorff_alpha:.3f}, {len(r.disagreements):,} disagreements); aim < 2 s; "
                  f"baseline: reading the codings {base} (CPU x{m.cpu / base.cpu:.1f})")


def median_measure(fn, repeat: int = 3) -> tuple[Measure, object]:
    """The run with the median CPU time of ``repeat`` runs, and its result."""
    runs = []
    for _ in range(repeat):
        with Measure() as m:
            out = fn()
        runs.append((m, out))
    runs.sort(key=lambda r: r[0].cpu)
    return runs[len(runs) // 2]


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
    os.sync()  # the copies on disk first: otherwise rewriting their still-dirty pages goes uncounted
    with Project.open(floor_path, coder="Citra") as p:
        with Measure() as floor:
            p.segments.add_many(list(rows))
    import numpy  # noqa: F401  (imported by the merge; a one-off cost, not the merge's)
    os.sync()
    with Project.open(target) as p:
        with Measure() as first:
            plan = merge_projects(p, other)
        with Measure() as second:
            again = merge_projects(p, other)
    print(f"merge of {plan.new_counts()['codings']:,} new codings: {first}; {first.io()}; aim < 5 s")
    print(f"re-merge: {second}, adding {again.new_counts()['codings']} codings; {second.io()}")
    print(f"  baseline: inserting the same codings with their history in one transaction {floor} "
          f"(merge CPU x{first.cpu / floor.cpu:.1f}); {floor.io()}; copying the file {t_copy:.2f} s")


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
        base, _ = median_measure(lambda: p._tuples('SELECT id, document_id, start, "end" FROM segment'))
        core, items = median_measure(lambda: review_queue(p))
        view = ReviewQueueView()
        view.resize(1366, 700)
        view.show()
        app.processEvents()
        stack = UndoStack(p)
        with Measure() as opened:
            view.set_project(p, stack.push)
            app.processEvents()
        steps, step_cpu = [], []
        for _ in range(50):
            with Measure() as step:
                view.list.step(1)
                app.processEvents()
            steps.append(step.wall)
            step_cpu.append(step.cpu)
        view.list.table.setFocus()
        with Measure() as verdict:
            view.verdict("approved")
            app.processEvents()
        view.close()
    print(f"review queue of {len(items):,} excerpts: core {core.wall * 1000:.0f} ms (CPU {core.cpu * 1000:.0f} ms); "
          f"view opens in {opened.wall * 1000:.0f} ms, CPU {opened.cpu * 1000:.0f} ms ({opened.preempted} preempted); "
          f"aim < 300 ms")
    print(f"  next excerpt median {statistics.median(steps) * 1000:.1f} ms (CPU {statistics.median(step_cpu) * 1000:.1f} ms), "
          f"max {max(steps) * 1000:.1f} ms; aim < 30 ms; verdict + next {verdict.wall * 1000:.0f} ms "
          f"(CPU {verdict.cpu * 1000:.0f} ms); baseline: one SELECT of the rows {base.wall * 1000:.0f} ms "
          f"(CPU {base.cpu * 1000:.0f} ms)")


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
        with Measure() as built:
            build(path, ns.words, ns.codings, ns.docs, rng)
        print(f"built {ns.words:,} words, {ns.codings:,} codings by two coders: {built}; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        bench_agreement(path)
        bench_merge(path, tmp, ns.merge, rng)
        bench_queue(tmp, ns.queue, rng)


if __name__ == "__main__":
    main()
