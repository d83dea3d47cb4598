"""The viewer's edit mode, its undo, the "perlu dicek" list and the anonymise dialog on real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog
from workbench_support import END, START, TEXT, WORD, read_segments

pytestmark = pytest.mark.gui

SENTENCE = "Bagaimana pelayanan surat di bagian ini? 🙂"


def _code(window, start: int, end: int, name: str = "Responsivitas") -> int:
    return window.project.segments.add("wawancara_uji.txt", start, end, name).id


def _u16(text: str, cp: int) -> int:
    """A code-point position as Qt's UTF-16 cursor position (🙂 and 𝔸 count twice)."""
    return len(text[:cp].encode("utf-16-le")) // 2


def _type(qtbot, editor, at: str, text: str) -> None:
    cursor = editor.textCursor()
    plain = editor.toPlainText()
    position = _u16(plain, plain.index(at))
    cursor.setPosition(position)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)


def test_edit_mode_saves_one_undoable_step_and_keeps_codings(qtbot, window, project_file):
    _code(window, START, END)
    window.pane.refresh_segments()
    editing = window.editing
    editing.act_edit.trigger()
    assert editing.panel.isVisible() and not window.view.isVisible()
    editor = editing.panel.editor
    _type(qtbot, editor, "Jujur", "Ya, ")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the editor's own undo
    assert editor.toPlainText().rstrip("\n") == TEXT.rstrip("\n")
    _type(qtbot, editor, "Jujur", "Ya, ")
    editing.panel.save_button.click()
    assert not editing.panel.isVisible() and window.view.isVisible()
    stored = window.project.documents.text("wawancara_uji.txt")
    assert "Ya, Jujur" in stored
    assert read_segments(project_file) == [(START + 4, END + 4, "Responsivitas")]
    assert window.view.toPlainText().startswith("Judul") and "Ya, Jujur" in window.view.toPlainText()
    assert "1 segmen tepat" in window.statusBar().currentMessage()
    window.undo.undo_action.trigger()
    assert window.project.documents.text("wawancara_uji.txt") == TEXT
    assert read_segments(project_file) == [(START, END, "Responsivitas")]
    assert "Ya, Jujur" not in window.view.toPlainText()
    window.undo.redo_action.trigger()
    assert read_segments(project_file) == [(START + 4, END + 4, "Responsivitas")]


def test_deleted_coding_is_listed_with_old_excerpt_and_candidate(qtbot, window):
    seg_id = _code(window, TEXT.index(SENTENCE), TEXT.index(SENTENCE) + len(SENTENCE))
    editing = window.editing
    editing.act_edit.trigger()
    editor = editing.panel.editor
    cursor = editor.textCursor()
    text = editor.toPlainText()
    start = text.index(SENTENCE)
    cursor.setPosition(_u16(text, start))
    cursor.setPosition(_u16(text, start + len(SENTENCE)), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "Apa kabar?")
    editing.panel.save_button.click()
    checks = editing.checks
    assert checks.count() == 1 and editing.dock.isVisible()
    shown = checks.compare.toPlainText()
    assert SENTENCE in shown and "Teks lama" in shown and "Kandidat" in shown
    # place it by hand on a selection in the text
    window.view.select_cp(window.project.documents.text("wawancara_uji.txt").index("Apa kabar?"),
                          window.project.documents.text("wawancara_uji.txt").index("Apa kabar?") + 10)
    checks.place_button.click()
    assert checks.count() == 0 and window.project.segments.text(seg_id) == "Apa kabar?"
    window.undo.undo_action.trigger()
    assert checks.count() == 1


def test_remove_from_checks_is_undoable(qtbot, window):
    seg_id = _code(window, TEXT.index(SENTENCE), TEXT.index(SENTENCE) + len(SENTENCE))
    from qda.editing import EditText

    window.push(EditText(window.pane.document_id, TEXT.replace(SENTENCE, "Sama sekali lain.")))
    checks = window.editing.checks
    assert checks.count() == 1
    checks.remove_button.click()
    assert checks.count() == 0 and not window.project.segments.all()
    window.undo.undo_action.trigger()
    assert checks.count() == 1 and window.project.segments.get(seg_id)


def test_cancel_leaves_text_alone(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    editing = window.editing
    editing.act_edit.trigger()
    _type(qtbot, editing.panel.editor, "Jujur", "X")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editing.panel.cancel_button.click()
    assert not editing.panel.isVisible() and window.project.documents.text("wawancara_uji.txt") == TEXT
    assert not window.project.versions.versions()


def test_anonymise_dialog(qtbot, window, monkeypatch):
    from qda.gui.viewer.edit_mode import AnonymiseDialog

    def fake_exec(dialog):
        dialog.names.setText("Jujur")
        dialog.code.setText("INF-01")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AnonymiseDialog, "exec", fake_exec)
    _code(window, START, END)
    window.editing.act_anonymise.trigger()
    assert "INF-01 saja" in window.project.documents.text("wawancara_uji.txt")
    assert "INF-01" in window.view.toPlainText()
    assert window.project.segments.text(window.project.segments.all()[0].id) == WORD
    window.undo.undo_action.trigger()
    assert window.project.documents.text("wawancara_uji.txt") == TEXT
