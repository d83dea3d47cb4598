"""Render the text-editing screenshots (offscreen) at 1366×768 and 1600×1000.

Builds the demo project (illustrative sample transcripts) in a temporary folder and saves
into docs/screenshots/:

    edit_mode_1366.png, edit_mode_1600.png       the viewer in edit mode, a correction being typed
    perlu_dicek_1366.png, perlu_dicek_1600.png   after saving: the "Perlu dicek" list, old excerpt
                                                 beside the candidate
    anonymise.png                                the Samarkan nama dialog

    .venv/bin/python docs/make_editing_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, SIZES, demo, settle  # noqa: E402

DOC = "wawancara_03_petugas_arsip.txt"
DELETED = "Saya masuk tahun 2005, Mbak, awalnya di bagian persuratan, jadi tukang ketik. "


def main() -> None:
    with demo() as d:
        from PySide6.QtGui import QTextCursor

        app = d.app
        w = d.window(d.settings("Rina Marlina"))
        doc = w.project.documents.get(DOC)
        text = w.project.documents.text(doc.id)
        start = text.index(DELETED)
        # a coding on the sentence that will be deleted, so the list has something to show
        w.project.segments.add(doc.id, start, start + len(DELETED) - 1, "Kompetensi dan Pelatihan")
        w.show_document(doc.id)
        settle(app, 12)
        w.editing.start_edit()
        editor = w.editing.panel.editor
        plain = editor.toPlainText()
        where = plain.index(DELETED)
        u16 = len(plain[:where].encode("utf-16-le")) // 2
        cursor = editor.textCursor()
        cursor.setPosition(u16)
        cursor.setPosition(u16 + len(DELETED), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.centerCursor()
        editor.insertPlainText("")
        cursor = editor.textCursor()
        at = len(plain[:plain.index("lumayan adem")].encode("utf-16-le")) // 2
        cursor.setPosition(at)
        cursor.setPosition(at + len("lumayan"), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.insertPlainText("cukup")
        editor.centerCursor()
        for width, height in SIZES:
            w.resize(width, height)
            settle(app, 12)
            w._default_dock_sizes()  # the first-start proportions at this size
            settle(app, 12)
            w.grab().save(str(OUT / f"edit_mode_{width}.png"))
        w.editing.panel.save_button.click()
        settle(app, 12)
        w.editing.checks.list.setCurrentRow(0)
        w.editing.checks._reveal()
        for width, height in SIZES:
            w.resize(width, height)
            settle(app, 12)
            w._default_dock_sizes()
            settle(app, 12)
            w.grab()  # the first grab after a resize may still hold the old dock tab bar
            settle(app, 12)
            w.grab().save(str(OUT / f"perlu_dicek_{width}.png"))
        from qda.gui.viewer.edit_mode import AnonymiseDialog

        dialog = AnonymiseDialog(DOC, "Informan 3", w)
        dialog.names.setText("Ratna Dewi Kusumawati; Ratna")
        dialog.show()
        settle(app, 12)
        dialog.grab().save(str(OUT / "anonymise.png"))
        dialog.close()
        w.close()
    print(f"saved to {OUT}")


if __name__ == "__main__":
    main()
