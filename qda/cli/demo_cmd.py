"""``qda demo`` (build the demo project, then open it or write its reports) and opening the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from qda.cli.output import say
from qda.i18n import tr
from qda.progress import Progress, text_bar


def has_display() -> bool:
    """True when a window can be shown (a desktop session, or an explicit Qt platform)."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_gui(project_path: str | None) -> int:
    """Start the GUI (optionally on a project); a clear message when there is no display."""
    if not has_display():
        say(tr("qda: tidak ada layar untuk GUI; gunakan subperintah (qda --help) atau qda demo --no-gui"))
        return 2
    from qda.gui.app import run_gui

    return run_gui(project_path)


def write_demo_reports(project_path: Path, folder: Path) -> list[Path]:
    """Write the demo's Word reports next to the project, in the interface language; returns their paths."""
    from qda.i18n import language
    from qda.reports import write_qualitative_report, write_review_report
    from qda.store import Project

    lang = language()
    written = []
    with Project.open(project_path) as project:  # closing it folds the journal back into the file
        written.append(write_qualitative_report(project, folder / "laporan_kualitatif.docx", language=lang))
        written.append(write_review_report(project, folder / "laporan_telaah.docx", language=lang))
    from qda.demo_survey import write_demo_survey_chapter

    csv_path = folder / "kuesioner_demo.csv"
    written.append(write_demo_survey_chapter(folder / "bab_survei.docx", csv_path if csv_path.is_file() else None,
                                             language=lang))
    return written


def cmd_demo(args: argparse.Namespace) -> int:
    from qda.demo import build_demo

    folder = Path(args.dir).expanduser().resolve()
    progress = Progress(callback=text_bar())
    path = build_demo(folder, progress=progress)
    say(tr("Proyek demo dibuat: {path}", path=path))
    if args.no_gui and not args.reports:
        return 0
    if not args.no_gui and has_display():
        from qda.gui.platform_check import gui_unavailable

        reason = gui_unavailable()
        if reason is None:
            return open_gui(str(path))
        say(reason)
        say(tr("qda: laporan Word demo ditulis sebagai gantinya"))
    for written in write_demo_reports(path, folder):
        say(tr("Laporan ditulis: {path}", path=written))
    return 0


def register(sub) -> None:
    """Add ``qda demo``."""
    p = sub.add_parser("demo", help=tr("bangun proyek demo dari transkrip contoh lalu buka GUI "
                                       "(tanpa layar: tulis laporannya)"))
    p.add_argument("dir", nargs="?", default="qda-demo", help=tr("folder proyek demo (bawaan: ./qda-demo)"))
    p.add_argument("--no-gui", action="store_true", help=tr("hanya bangun proyek, tanpa GUI"))
    p.add_argument("--reports", action="store_true", help=tr("tulis juga laporan Word demo"))
    p.set_defaults(func=cmd_demo)
