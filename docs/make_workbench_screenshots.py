"""Render the coding workbench at the student laptop size and a desktop size (offscreen).

Builds the demo project in a temporary folder (the user's own config is not touched) and
saves, for 1366×768 and 1600×1000:

    docs/screenshots/workbench_<W>x<H>.png          the Koding layout: a coding clicked (span outlined,
                                                     stripe emphasised, its card), the undo hint
    docs/screenshots/workbench_search_<W>x<H>.png   the Cari panel with its hits beside the text
    docs/screenshots/workbench_survey_<W>x<H>.png   the survey tab as a full-width workspace
                                                     (reliability page with the wrapped headers)

    .venv/bin/python docs/make_workbench_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, ROOT, SIZES, demo, settle  # noqa: E402


def main() -> None:
    saved: list[Path] = []
    with demo() as d:
        from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
        from PySide6.QtTest import QTest

        from qda.i18n import tr

        app = d.app
        for width, height in SIZES:
            settings = d.settings("Dewi Anggraini")
            settings.state = None  # a first start: the default layout for this screen
            window = d.window(settings, (width, height))
            settle(app, 3)
            window.preset_actions["koding"].trigger()
            settle(app, 8)
            project = window.project
            doc = max(project.documents.all(), key=lambda d: len(project.segments.all(document=d.id)))
            window.show_document(doc.id)
            settle(app, 5)
            view = window.view
            segs = view.segments()
            target = segs[len(segs) // 3]
            view.select_cp(target.start, target.start)
            view.centerCursor()
            settle(app, 5)
            cursor = view.textCursor()
            cursor.setPosition(view.positions.to_utf16(target.start + 3))
            point = view.cursorRect(cursor).center() + QPoint(1, 0)
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
            settle(app, 5)
            code = project.codes.get(target.code_id).name
            window._undo_hint(tr("Kode {code} diterapkan", code=code))  # as after applying it
            settle(app, 5)
            path = OUT / f"workbench_{width}x{height}.png"
            window.grab().save(str(path))
            saved.append(path)

            window.focus_search()
            window.search.search("pelayanan")
            for _ in range(600):  # the search runs on a worker thread
                if not window.search.is_busy():
                    break
                QTest.qWait(20)
            settle(app, 8)
            path = OUT / f"workbench_search_{width}x{height}.png"
            window.grab().save(str(path))
            saved.append(path)
            window.focus_memo()

            survey = window.survey
            if survey is not None:
                window.preset_actions["survei"].trigger()
                csv = d.folder / "demo" / "kuesioner_demo.csv"
                if csv.is_file() and survey.open_file(csv):
                    loop = QEventLoop()
                    survey.analysis_finished.connect(lambda _r: loop.quit())
                    QTimer.singleShot(60000, loop.quit)
                    survey.run_analysis()
                    loop.exec()
                    page = next((p for t, p in survey.pages.items() if t.lower().startswith("reliab")), None)
                    if page is not None:
                        survey.tabs.setCurrentWidget(page)
                settle(app, 8)
                path = OUT / f"workbench_survey_{width}x{height}.png"
                window.grab().save(str(path))
                saved.append(path)
            window.close()
            settle(app, 3)
    for path in saved:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
