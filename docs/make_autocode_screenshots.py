"""Render the screenshots of code suggestions (offscreen) at 1366×768 and 1600×1000.

Builds the demo project from the bundled, illustrative sample transcripts in a temporary
folder, makes suggestions, and saves:

    docs/screenshots/autocode_1366x768.png    an interview with dashed suggestions and the Saran panel
    docs/screenshots/autocode_1600x1000.png   the same at 1600×1000
    docs/screenshots/autocode_terms.png       the indicator terms dialog

    .venv/bin/python docs/make_autocode_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, SIZES, demo, settle  # noqa: E402


def main() -> None:
    with demo() as d:
        import qda.autocode as autocode
        from qda.gui.autocode.terms_dialog import IndicatorTermsDialog

        app = d.app
        settings = d.settings("Dewi Anggraini")
        for size in SIZES:
            window = d.window(settings, size)
            project = window.project
            if not project.suggestions.counts()["pending"]:
                autocode.run(project)
            doc = project.documents.get("wawancara_02_staf_persuratan.docx")
            window.show_document(doc.id)
            settle(app, 5)
            window.focus_suggestions()
            settle(app, 5)
            view = window.view
            first = project.suggestions.all(document=doc.id)[3]
            cursor = view.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            view.setTextCursor(cursor)
            settle(app, 5)
            cursor.setPosition(view.positions.to_utf16(first.start))
            view.setTextCursor(cursor)
            settle(app, 5)
            bar = view.verticalScrollBar()
            bar.setValue(max(0, bar.value() - 2))
            window.suggestions.select_suggestion(first.id)
            settle(app, 5)
            window.grab().save(str(OUT / f"autocode_{size[0]}x{size[1]}.png"))
            if size == (1366, 768):
                dialog = IndicatorTermsDialog(project, project.codes.get("Kompetensi dan Pelatihan").id, window)
                dialog.show()
                settle(app, 5)
                dialog.grab().save(str(OUT / "autocode_terms.png"))
                dialog.close()
            window.close()
            settle(app, 5)


if __name__ == "__main__":
    main()
