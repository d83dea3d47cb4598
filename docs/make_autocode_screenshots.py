"""Render the screenshots of code suggestions (offscreen) at 1366×768 and 1600×1000.

Builds the demo project from the bundled, illustrative sample transcripts in a temporary
folder, makes suggestions, and saves:

    docs/screenshots/autocode_1366x768.png    an interview with dashed suggestions and the Saran panel
    docs/screenshots/autocode_1600x1000.png   the same at 1600×1000
    docs/screenshots/autocode_terms.png       the indicator terms dialog

    .venv/bin/python docs/make_autocode_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, settle  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="qda-shots-") as tmp:
        os.environ["QDA_CONFIG_DIR"] = str(Path(tmp) / "config")
        import qda.autocode as autocode
        from qda.demo import build_demo
        from qda.gui.app import make_app
        from qda.gui.autocode.terms_dialog import IndicatorTermsDialog
        from qda.gui.main_window import MainWindow
        from qda.gui.project_flow import open_project_path
        from qda.gui.settings import Settings

        app = make_app()
        OUT.mkdir(parents=True, exist_ok=True)
        demo = build_demo(Path(tmp) / "demo")
        settings = Settings()
        settings.coder_name, settings.coder_role = "Dewi Anggraini", "coder"
        for size in ((1366, 768), (1600, 1000)):
            window = MainWindow(settings)
            window.resize(*size)
            window.show()
            settle(app, 5)
            open_project_path(window, demo)
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
