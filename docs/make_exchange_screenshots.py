"""Render the REFI-QDA screenshots (offscreen) at 1366×768 and 1600×1000.

Builds the demo project (illustrative sample transcripts) in a temporary folder, exports it
as .qdpx, imports that file into a new project through File > Import REFI-QDA, and saves into
docs/screenshots/:

    refi_import_1366.png, refi_import_1600.png   the imported project with the File menu's REFI-QDA entries
    refi_import_report.png                       the summary of what came in and what was skipped

    .venv/bin/python docs/make_exchange_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, SIZES, demo, settle  # noqa: E402


def main() -> None:
    with demo() as d:
        from PySide6.QtCore import QThreadPool

        from qda.exchange import export_qdpx
        from qda.gui import exchange_flow
        from qda.store import Project

        app = d.app
        qdpx = d.folder / "studi_kelurahan.qdpx"
        with Project.open(d.path, read_only=True) as p:
            export_qdpx(p, qdpx)
        w = d.window(d.settings(), open_demo=False)
        settle(app)
        exchange_flow.import_file(w, str(qdpx), target=str(d.folder / "dari_refi.qda"))
        while getattr(w, "exchange_report_box", None) is None:
            QThreadPool.globalInstance().waitForDone(100)
            settle(app)
        box = w.exchange_report_box
        settle(app)
        box.grab().save(str(OUT / "refi_import_report.png"))
        box.close()
        menu = w.menuBar().actions()[0].menu()
        for width, height in SIZES:
            w.resize(width, height)
            settle(app)
            menu.popup(w.mapToGlobal(w.menuBar().geometry().bottomLeft()))
            settle(app)
            shot = w.grab()
            from PySide6.QtGui import QPainter

            painter = QPainter(shot)
            painter.drawPixmap(w.menuBar().geometry().bottomLeft(), menu.grab())
            painter.end()
            shot.save(str(OUT / f"refi_import_{width}.png"))
            menu.hide()
        w.close_project()
        w.close()


if __name__ == "__main__":
    main()
