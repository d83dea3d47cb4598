"""Speed of the GUI panels on a big codebook and many segments (figures printed, not asserted).

Builds an illustrative project: the bundled codebook plus own codes up to ``--codes``
(three levels deep, names like "Koordinasi Internal 12"), one generated transcript and
``--segments`` codings spread over the codes and three coders. Then times, offscreen:

- the code tree: ``set_project``, ``refresh`` when nothing changed, ``refresh`` after a
  rename (full rebuild keeping expansion), ``refresh_counts``, a filter keystroke;
- the quick-code picker: opening it and typing a query;
- the coder panel: ``refresh`` (counts per coder over every segment);
- as a baseline in the same run: filling a plain ``QStandardItemModel`` tree with the
  same codes, and the store's own ``codes()`` + ``code_counts()``.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_panels.py [--codes N] [--segments N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOPICS = ("Koordinasi Internal", "Inovasi Layanan", "Kendala Jaringan", "Budaya Kerja", "Sarana Loket",
          "Komunikasi Warga", "Disiplin Pegawai", "Pengawasan Pimpinan", "Beban Administrasi", "Aplikasi Daring")


def timed(fn, repeat: int = 5) -> float:
    """Median wall time of ``fn()`` in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def build(path: Path, n_codes: int, n_segments: int, seed: int):
    from qda.store import Project

    rng = random.Random(seed)
    p = Project.create(path, coder="Rina Wulandari")
    text = corpus.transcript(480_000, seed=seed)  # about 60,000 words of realistic transcript
    doc = p.documents.add("wawancara_generated.txt", text, "interview")
    with p.atomic():
        parents: list[int] = []
        for i in range(max(0, n_codes - len(p.codes.all()))):
            name = f"{TOPICS[i % len(TOPICS)]} {i + 1}"
            parent = rng.choice(parents) if parents and rng.random() < 0.6 else None
            parents.append(p.codes.add(name, group="own", parent=parent).id)
    codes = [c.id for c in p.codes.all()]
    for coder in ("Budi Santoso", "Dr. Sri Hartati", "Rina Wulandari"):
        p.coders.set_current(coder)
        rows = []
        for _ in range(n_segments // 3):
            start = rng.randrange(0, len(text) - 400)
            rows.append((doc.id, start, start + rng.randrange(40, 400), rng.choice(codes)))
        p.segments.add_many(rows)
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=500)
    parser.add_argument("--segments", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    from qda.gui.panels.code_tree import CodeTreePanel
    from qda.gui.panels.coder_panel import CoderPanel
    from qda.gui.panels.quick_code import QuickCodeDialog
    from qda.undo import UndoStack

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        p = build(Path(tmp) / "bench.qda", args.codes, args.segments, args.seed)
        codes = p.codes.all()
        print(f"project: {len(codes)} codes, {len(p.segments.all())} segments, 3 coders "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        stack = UndoStack(p)

        store_ms = timed(lambda: (p.codes.all(), p.codes.counts()))

        def plain_model():
            model = QStandardItemModel()
            items = {}
            for c in codes:
                item = QStandardItem(c.name)
                items[c.id] = item
                (items[c.parent_id] if c.parent_id in items else model.invisibleRootItem()).appendRow(item)

        baseline_ms = timed(plain_model)

        panel = CodeTreePanel()
        panel.resize(360, 700)
        panel.show()
        set_ms = timed(lambda: panel.set_project(p, stack), repeat=3)
        app.processEvents()
        panel.tree.expandAll()
        same_ms = timed(panel.refresh)
        target = codes[-1].id
        names = iter(f"Nama Baru {k}" for k in range(100))

        def rename_and_refresh():
            p.codes.rename(target, next(names))
            panel.refresh()

        rebuild_ms = timed(rename_and_refresh)
        counts_ms = timed(panel.refresh_counts)
        filter_ms = timed(lambda: (panel.set_filter("koordinasi"), panel.set_filter("")))
        fuzzy_ms = timed(lambda: (panel.set_filter("responsif"), panel.set_filter("")))
        paint_ms = timed(lambda: panel.grab())

        def picker():
            dialog = QuickCodeDialog(p, [codes[0].id, codes[3].id])
            dialog.edit.setText("inov")
            dialog.deleteLater()

        picker_ms = timed(picker)
        coders = CoderPanel()
        coders.set_project(p)

        def coder_refresh():
            coders.refresh()
            gui_ms.append((time.perf_counter() - t_start[0]) * 1000)
            while coders.is_counting():  # wait for the worker thread's counts
                app.processEvents()

        gui_ms: list[float] = []
        t_start = [0.0]

        def timed_refresh():
            t_start[0] = time.perf_counter()
            coder_refresh()

        coder_ms = timed(timed_refresh)

        print(f"store codes()+code_counts():        {store_ms:8.1f} ms")
        print(f"baseline plain QStandardItemModel:  {baseline_ms:8.1f} ms")
        print(f"code tree set_project:              {set_ms:8.1f} ms  ({set_ms / baseline_ms:.1f}x baseline)")
        print(f"code tree refresh, nothing changed: {same_ms:8.1f} ms")
        print(f"code tree refresh after rename:     {rebuild_ms:8.1f} ms  (rebuild, expansion kept)")
        print(f"code tree refresh_counts:           {counts_ms:8.1f} ms")
        print(f"filter 'koordinasi' and clear:      {filter_ms:8.1f} ms")
        print(f"filter 'responsif' (fuzzy), clear:  {fuzzy_ms:8.1f} ms")
        print(f"paint the whole panel (grab):       {paint_ms:8.1f} ms")
        print(f"quick-code picker open + type:      {picker_ms:8.1f} ms")
        print(f"coder panel refresh, GUI thread:    {statistics.median(gui_ms):8.1f} ms")
        print(f"coder panel refresh, counts ready:  {coder_ms:8.1f} ms  (counted on a worker thread)")
        panel.close()
        p.close()


if __name__ == "__main__":
    main()
