"""Speed and memory of the coding workbench (printed, never asserted).

Dense case (DESIGN.md §8): a 300,000-character transcript with 3,000 codings of 15 codes,
each a random span of 40–400 characters starting and ending at word boundaries (fixed
seed). Prints the time until the highlighted document is shown, the time to apply one
code by every way the window offers, and the GUI's peak memory (ru_maxrss) with that
document open and with a 1.5-million-word project open. Each memory figure is measured in
a fresh process so that building the data does not count.

Each way of applying a code is timed from the gesture (key press, click, drop) to the first
paint of the text and the stripe margin after the store holds the new coding ("paint"), and
until every event is processed ("idle": side panels refreshed after the paint included).
CPU time of the process is printed beside wall-clock time (on a busy machine the wall clock
mostly waits for the CPU), with the code tree's double-click from the same run as baseline.

    .venv/bin/python bench/bench_gui.py            # everything
    .venv/bin/python bench/bench_gui.py --quick    # skip the 1.5-million-word project

Aims: < 0.8 s to show, < 50 ms to apply by every way (one frame, 16 ms, for the keys), < 250 MB.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from bisect import bisect_left
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEED = 20240311
DENSE_CHARS = 300_000
DENSE_SEGMENTS = 3_000
N_CODES = 15
REPEATS = 7  # each gesture is timed this many times; the median is printed
TREE_WAY = "apply: double-click in tree"  # the baseline every other way is compared with


class Timing(NamedTuple):
    """One gesture, in seconds: CPU and wall clock to the painted highlight, and until the GUI is idle."""

    paint_cpu: float
    paint_wall: float
    idle_cpu: float
    idle_wall: float


class PaintClock:
    """Notes when the document view and its stripe margin are first painted after being armed.

    Armed when the undo stack reports the change (the store holds the new coding); the highlight
    is on screen once both the text and the stripe margin have been painted after that. Work
    the window defers until after that paint (side panels) counts only in the idle figure.
    """

    def __init__(self) -> None:
        from qda.gui.viewer.margins import CodingMargin
        from qda.gui.viewer.text_view import DocumentView

        self.classes = (DocumentView, CodingMargin)
        self.originals = [cls.paintEvent for cls in self.classes]
        self.armed = False
        self.painted: dict[type, tuple[float, float]] = {}
        self.paint_cpu = self.paint_wall = 0.0
        for cls, original in zip(self.classes, self.originals):
            cls.paintEvent = self._wrap(cls, original)  # type: ignore[method-assign]

    def _wrap(self, cls: type, original: Any) -> Any:
        def paint(widget: Any, event: Any) -> None:
            original(widget, event)
            if self.armed and cls not in self.painted:
                self.painted[cls] = (time.process_time(), time.perf_counter())
                if len(self.painted) == len(self.classes):
                    self.paint_cpu = max(c for c, _w in self.painted.values())
                    self.paint_wall = max(w for _c, w in self.painted.values())
                    self.armed = False
        return paint

    def reset(self, armed: bool = False) -> None:
        self.armed, self.painted, self.paint_cpu, self.paint_wall = armed, {}, 0.0, 0.0

    def arm(self) -> None:
        self.reset(True)

    def remove(self) -> None:
        for cls, original in zip(self.classes, self.originals):
            cls.paintEvent = original  # type: ignore[method-assign]


def transcript(chars: int, rng: random.Random) -> str:
    """A realistic interview transcript of about ``chars`` characters (:mod:`corpus`)."""
    return corpus.transcript(chars, seed=rng.randrange(1 << 30)).rstrip() + "\n"


def word_spans(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """``count`` spans of 40–400 characters starting and ending at word boundaries."""
    starts = [m.start() for m in re.finditer(r"\w+", text)]
    ends = [m.end() for m in re.finditer(r"\w+", text)]
    spans = []
    while len(spans) < count:
        a = rng.choice(starts)
        length = rng.randint(40, 400)
        j = bisect_left(ends, a + length)
        if j >= len(ends):
            continue
        b = ends[j]
        if 40 <= b - a <= 400 + 40:
            spans.append((a, b))
    return spans


def build_dense(folder: Path) -> Path:
    from qda.sources.importer import import_files
    from qda.store import Project

    rng = random.Random(SEED)
    text = transcript(DENSE_CHARS, rng)
    src = folder / "wawancara_panjang.txt"
    src.write_text(text, encoding="utf-8")
    path = folder / "dense.qda"
    with Project.create(path, coder="Peneliti") as p:
        report = import_files(p, [src])
        doc = report.imported[0]
        stored = p.documents.text(doc)
        codes = [c.id for c in p.codes.all() if c.parent_id is not None or c.group != "own"][:N_CODES]
        rows = [(doc.id, a, b, rng.choice(codes)) for a, b in word_spans(stored, DENSE_SEGMENTS, rng)]
        p.segments.add_many(rows)
    return path


def build_large(folder: Path, words: int = 1_500_000) -> Path:
    from qda.store import Project

    rng = random.Random(SEED + 1)
    path = folder / "large.qda"
    with Project.create(path, coder="Peneliti") as p:
        codes = [c.id for c in p.codes.all()][:N_CODES]
        total, i = 0, 0
        while total < words:
            i += 1
            text = transcript(60_000, rng)
            doc = p.documents.add(f"wawancara_{i:03d}.txt", text, kind="interview", case=f"Informan {i}")
            total += len(text.split())
            p.segments.add_many([(doc.id, a, b, rng.choice(codes)) for a, b in word_spans(text, 200, rng)])
    return path


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, ways: bool) -> dict:
    """Open ``path`` in the main window, show its largest document, optionally apply codes."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qda.gui.app import make_app
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.gui.settings import Settings

    app = make_app()
    clock = PaintClock()  # before the window: Qt looks the paint handlers up when a widget is made
    settings = Settings()
    settings.coder_name, settings.coder_role = "Peneliti", "coder"
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    t = time.perf_counter()
    open_project_path(window, path)
    app.processEvents()
    out: dict = {"open_s": time.perf_counter() - t}
    docs = window.project.documents.all()
    doc = max(docs, key=lambda d: d.words)
    window.pane.set_project(window.project)  # show it from scratch
    t, c = time.perf_counter(), time.process_time()
    window.show_document(doc.id)
    app.processEvents()
    out["show_s"] = time.perf_counter() - t
    out["show_cpu_s"] = time.process_time() - c
    # baseline in the same run: the same text in a bare QPlainTextEdit, no highlights or stripes
    from PySide6.QtWidgets import QPlainTextEdit

    bare = QPlainTextEdit()
    bare.resize(window.view.size())
    bare.show()
    text_plain = window.project.documents.text(doc)
    t = time.perf_counter()
    bare.setPlainText(text_plain)
    app.processEvents()
    out["bare_show_s"] = time.perf_counter() - t
    bare.close()
    out["segments_shown"] = len(window.view.segments())
    out["stripe_columns"] = window.view.stripe_column_count()
    out["documents"] = len(docs)
    out["segments_total"] = window.project.stats()["segments"]
    out["maxrss_mb"] = maxrss_mb()
    if not ways:
        clock.remove()
        window.close()
        return out

    view, tree = window.view, window.code_tree.tree
    rng = random.Random(SEED + 2)
    text = window.project.documents.text(doc)
    spans = word_spans(text, 20 + 8 * REPEATS, rng)
    codes = [c.id for c in window.project.codes.all()][:N_CODES]
    before = window.project.stats()["segments"]
    window.stack.add_listener(clock.arm)  # the store has the change: wait for its highlight to be painted

    painted_at: list[float] = []  # process time of each gesture's paint

    def gesture(fn, arm: bool = False) -> Timing:
        t0, c0 = time.perf_counter(), time.process_time()
        clock.reset(arm)
        fn()
        app.processEvents()
        painted_at.append(clock.paint_cpu or math.nan)
        return Timing(clock.paint_cpu - c0 if clock.paint_cpu else math.nan,
                      clock.paint_wall - t0 if clock.paint_wall else math.nan,
                      time.process_time() - c0, time.perf_counter() - t0)

    def timed(fn) -> Timing:
        a, b = spans.pop()
        window.activateWindow()  # a closed popup leaves no active window offscreen
        view.select_cp(a, b)
        app.processEvents()
        return gesture(fn)

    def tree_index(code_id):
        window.code_tree.select_code(code_id)
        index = tree.currentIndex()
        tree.scrollTo(index)
        return index

    def by_number():
        view.setFocus()
        QTest.keyClick(view, Qt.Key.Key_1)

    def by_double_click():
        rect = tree.visualRect(tree_index(codes[3]))
        # a real double-click: press and release, then the double-click event
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
        QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())

    def by_enter():
        tree_index(codes[4])
        QTest.keyClick(tree, Qt.Key.Key_Return)

    def by_drag():
        mime = view.selection_mime()
        pos = tree.visualRect(tree_index(codes[5])).center()
        acts = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
        for ev in (QDragEnterEvent(pos, acts, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                   QDragMoveEvent(pos, acts, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                   QDropEvent(pos.toPointF(), acts, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)):
            QApplication.sendEvent(tree.viewport(), ev)

    picker_steps: list[tuple[float, float, float]] = []  # CPU: opened, typed, Enter pressed (process_time)

    def by_picker():
        view.setFocus()
        opened = [time.process_time()]

        def drive():  # as a person types: the picker is painted when it opens and after the letters
            d = window.quick_dialog
            app.processEvents()
            opened.append(time.process_time())
            QTest.keyClicks(d.edit, "respons")
            app.processEvents()
            opened.append(time.process_time())
            QTest.keyClick(d.edit, Qt.Key.Key_Return)
        QTimer.singleShot(0, drive)
        QTest.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        picker_steps.append((opened[1] - opened[0], opened[2] - opened[1], opened[2]))

    def by_in_vivo():
        view.setFocus()
        QTest.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    window.coding.apply_span(doc.id, *spans.pop(), codes[2])  # something to press "1" for
    app.processEvents()
    timings: dict[str, list[Timing]] = {}
    for name, fn in ((TREE_WAY, by_double_click), ("apply: number key", by_number),
                     ("apply: Enter in tree", by_enter), ("apply: drag onto code", by_drag),
                     ("apply: Ctrl+K picker (typing included)", by_picker), ("apply: in-vivo Ctrl+I", by_in_vivo)):
        n0 = window.project.stats()["segments"]
        timings[name] = [timed(fn) for _ in range(REPEATS)]
        if fn is by_picker:
            picker_painted = painted_at[-REPEATS:]
        if window.project.stats()["segments"] - n0 != REPEATS or os.environ.get("BENCH_DEBUG"):
            print(f"{name}: {window.project.stats()['segments'] - n0} of {REPEATS} applied; "
                  f"{window.statusBar().currentMessage()} modal={QApplication.activeModalWidget()}", file=sys.stderr)
    timings["undo (of an in-vivo coding)"] = [gesture(window.undo.undo) for _ in range(REPEATS)]
    # clicking a highlight: the coding's span outlined, its stripe emphasised, its card shown
    clicks = []
    shown = window.view.segments()
    for seg in shown[len(shown) // 2:len(shown) // 2 + REPEATS]:
        view.select_cp(seg.start, seg.start, center=True)
        app.processEvents()
        cursor = view.textCursor()
        cursor.setPosition(view.positions.to_utf16(seg.start + 1))
        point = view.cursorRect(cursor).center()
        clicks.append(gesture(lambda: QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                                       Qt.KeyboardModifier.NoModifier, point), arm=True))
    timings["click a highlight (outline + card)"] = clicks
    clock.remove()
    out["picker_ms"] = {
        "open": statistics.median(o for o, _t, _e in picker_steps) * 1000,
        "per letter": statistics.median(t / 7 for _o, t, _e in picker_steps) * 1000,
        # from Enter to the painted highlight: the paint's process time minus Enter's
        "Enter to paint": statistics.median(p - e for p, (_o, _t, e) in zip(picker_painted, picker_steps)) * 1000,
    }
    ways_ms = {name: {field: statistics.median(getattr(t, field) for t in ts) * 1000 for field in Timing._fields}
               for name, ts in timings.items()}
    out["apply_ms"] = ways_ms
    out["applied"] = window.project.stats()["segments"] - before
    out["maxrss_after_coding_mb"] = maxrss_mb()
    window.close()
    return out


def child(mode: str, folder: str) -> None:
    os.environ["QDA_CONFIG_DIR"] = str(Path(folder) / "config")
    if mode == "build-dense":
        print(json.dumps({"path": str(build_dense(Path(folder)))}))
    elif mode == "build-large":
        print(json.dumps({"path": str(build_large(Path(folder)))}))
    elif mode == "measure-dense":
        print(json.dumps(measure(Path(folder) / "dense.qda", ways=True)))
    elif mode == "measure-large":
        print(json.dumps(measure(Path(folder) / "large.qda", ways=False)))
    elif mode == "baseline":
        from qda.gui.app import make_app

        make_app()
        print(json.dumps({"maxrss_mb": maxrss_mb()}))


def run(mode: str, folder: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, folder], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    if os.environ.get("BENCH_DEBUG"):
        print(done.stderr, file=sys.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 1.5-million-word project")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="qda-bench-gui-") as folder:
        base = run("baseline", folder)
        print(f"baseline: QApplication alone                 {base['maxrss_mb']:8.1f} MB")
        t = time.perf_counter()
        run("build-dense", folder)
        print(f"built dense project in {time.perf_counter() - t:.1f} s")
        dense = run("measure-dense", folder)
        print(f"dense transcript: {DENSE_CHARS:,} characters, {dense['segments_shown']:,} codings, "
              f"{dense['stripe_columns']} stripe columns")
        print("  (wall-clock time; CPU time of the process in brackets, steadier on a busy machine)")
        print(f"  show highlighted document                  {dense['show_s'] * 1000:8.1f} ms "
              f"({dense['show_cpu_s'] * 1000:6.1f})   (aim < 800)")
        print(f"  baseline: same text in a bare QPlainTextEdit {dense['bare_show_s'] * 1000:6.1f} ms   "
              f"(ratio {dense['show_s'] / max(dense['bare_show_s'], 1e-9):.1f}x)")
        print("  one code applied, median of {n}: to the painted highlight | until the GUI is idle "
              "(CPU ms of the process, wall ms) and CPU to paint / the tree way's (same run)".format(n=REPEATS))
        tree = dense["apply_ms"][TREE_WAY]
        for name, t in dense["apply_ms"].items():
            ratio = t["paint_cpu"] / tree["paint_cpu"] if name.startswith("apply") else math.nan
            print(f"  {name:<40} paint {t['paint_cpu']:6.1f} CPU {t['paint_wall']:7.1f} wall | "
                  f"idle {t['idle_cpu']:6.1f} CPU {t['idle_wall']:7.1f} wall"
                  + (f" | {ratio:4.2f}x tree" if ratio == ratio else "") + "   (aim < 50, 16 for keys)")
        pick = dense["picker_ms"]
        print(f"  Ctrl+K in steps (CPU ms): the picker opens (painted) {pick['open']:.1f}, each letter typed "
              f"{pick['per letter']:.1f}, Enter to the painted highlight {pick['Enter to paint']:.1f}")
        print(f"  codings applied during the run              {dense['applied']:8d}")
        print(f"  GUI memory, dense document open            {dense['maxrss_mb']:8.1f} MB   (aim < 250)")
        print(f"  GUI memory, after the coding run           {dense['maxrss_after_coding_mb']:8.1f} MB")
        if not args.quick:
            t = time.perf_counter()
            run("build-large", folder)
            print(f"built 1.5-million-word project in {time.perf_counter() - t:.1f} s")
            large = run("measure-large", folder)
            print(f"large project: {large['documents']} sources, {large['segments_total']:,} codings")
            print(f"  open project                                {large['open_s'] * 1000:8.1f} ms")
            print(f"  show its largest source                     {large['show_s'] * 1000:8.1f} ms "
                  f"({large['show_cpu_s'] * 1000:6.1f})")
            print(f"  GUI memory, project open                   {large['maxrss_mb']:8.1f} MB   (aim < 250)")


if __name__ == "__main__":
    main()
