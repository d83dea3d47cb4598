"""Render the README screenshots of the coding workbench (offscreen, 1600×1000).

Builds the demo project from the bundled, illustrative sample transcripts in a temporary
folder (the user's own config is not touched) and saves:

    docs/screenshots/welcome.png       start page with a recent project
    docs/screenshots/main_window.png   coded interview: highlights, stripes, code tree, details
    docs/screenshots/quick_code.png    the Ctrl+K quick-code picker over a selection
    docs/screenshots/code_tree.png     the codebook panel with a code's definition
    docs/screenshots/joint_display_1366.png / _1600.png   the joint display tab (1366×768, 1600×1000)
    docs/screenshots/joint_respondents.png   linking informants to survey respondents

    .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, ROOT, demo, settle  # noqa: E402

SIZE = (1600, 1000)


def densest_stretch(view) -> tuple[int, int]:
    """Code-point span of the segment whose neighbourhood holds the most codings."""
    segs = view.segments()
    best, best_n = segs[0], -1
    for s in segs:
        n = sum(1 for t in segs if s.start <= t.start <= s.start + 2500)
        if n > best_n:
            best, best_n = s, n
    return best.start, best.end


def main() -> None:
    with demo() as d:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtGui import QPainter
        from PySide6.QtTest import QTest

        from qda.gui.panels.code_tree import CodeTreePanel
        from qda.gui.panels.quick_code import QuickCodeDialog

        app = d.app
        settings = d.settings("Dewi Anggraini")

        # -- welcome page with the demo among the recent projects
        settings.add_recent_project(d.path)
        window = d.window(settings, SIZE, open_demo=False)
        window.grab().save(str(OUT / "welcome.png"))
        window.close()

        # -- main window on the interview with the most codings
        window = d.window(settings, SIZE)
        project = window.project
        doc = max(project.documents.all(), key=lambda d: len(project.segments.all(document=d.id)))
        window.show_document(doc.id)
        settle(app, 5)
        view = window.view
        start, end = densest_stretch(view)
        # put the dense stretch near the top of the view
        cursor = view.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        view.setTextCursor(cursor)
        settle(app, 5)
        cursor.setPosition(view.positions.to_utf16(start))
        view.setTextCursor(cursor)  # scrolling up puts the stretch at the top
        settle(app, 5)
        bar = view.verticalScrollBar()  # counts lines in a QPlainTextEdit
        bar.setValue(max(0, bar.value() - 3))
        settle(app, 5)
        # click the segment to show its codings in the details dock
        cursor.setPosition(view.positions.to_utf16(start + 5))
        point = view.cursorRect(cursor).center() + QPoint(1, 0)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        first = project.segments.get(window.segment_info.segment_ids[0]) if window.segment_info.segment_ids else None
        if first is not None and window.code_tree is not None:
            window.code_tree.select_code(first.code_id)
        window.segment_dock.raise_()
        settle(app, 5)
        window.grab().save(str(OUT / "main_window.png"))

        # -- the codebook panel on its own
        panel = CodeTreePanel()
        panel.set_project(project, window.stack)
        panel.resize(460, 820)
        panel.show()
        panel.tree.expandAll()
        if first is not None:
            panel.select_code(first.code_id)
        settle(app, 5)
        panel.grab().save(str(OUT / "code_tree.png"))
        panel.close()

        # -- quick-code picker over a selection
        sentence_end = project.documents.text(doc).find(".", end + 40)
        view.select_cp(end + 1, sentence_end + 1 if sentence_end > 0 else end + 80)
        view.setFocus()
        settle(app, 5)
        dialog = QuickCodeDialog(project, [first.code_id] if first else [], window)
        dialog.show()
        QTest.keyClicks(dialog.edit, "respon")
        settle(app, 5)
        sel = view.cursorRect(view.textCursor())
        anchor = view.viewport().mapTo(window, sel.bottomLeft()) + QPoint(40, 16)
        dialog.move(window.mapToGlobal(anchor))
        settle(app, 5)
        shot = window.grab()
        painter = QPainter(shot)
        painter.drawPixmap(anchor, dialog.grab())
        painter.end()
        shot.save(str(OUT / "quick_code.png"))
        dialog.reject()

        # -- the joint display (mixed methods) at both screen sizes, on the Responsivitas row
        window.tabs.setCurrentWidget(window.joint)
        for size, name in (((1366, 768), "joint_display_1366.png"), ((1600, 1000), "joint_display_1600.png")):
            window.resize(*size)
            settle(app, 5)
            row = next((r for r in range(window.joint.table.rowCount())
                        if window.joint.table.item(r, 0).text().endswith("Responsivitas")), 0)
            window.joint.table.selectRow(row)
            settle(app, 5)
            window.grab().save(str(OUT / name))
        # -- informants linked to survey respondents (the joint display's "Tautkan informan…" dialog)
        from qda.gui.mixed.joint_view import RespondentDialog
        from qda.mixed.joint import respondent_ids

        survey = window.joint.survey.currentData()
        dialog = RespondentDialog(window.project, survey, respondent_ids(window.project, survey), window)
        dialog.show()
        settle(app, 5)
        dialog.grab().save(str(OUT / "joint_respondents.png"))
        dialog.reject()
        window.close()
    for name in ("welcome.png", "main_window.png", "quick_code.png", "code_tree.png", "joint_display_1366.png",
                 "joint_display_1600.png", "joint_respondents.png"):
        path = OUT / name
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB" if path.exists() else f"{name}: missing")


if __name__ == "__main__":
    main()
