"""A supervisor reviews a coding from its details card; the verdict reaches the file and can be undone."""

from __future__ import annotations

import sqlite3

import pytest

pytestmark = pytest.mark.gui


def _latest(project_file):
    con = sqlite3.connect(project_file)
    try:
        return con.execute("SELECT status, comment FROM review ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()


def test_supervisor_reviews_a_coding(window, qtbot, monkeypatch, project_file):
    from qda.gui.review_dialog import ReviewDialog

    doc = window.project.documents.get("wawancara_uji.txt")
    seg = window.project.segments.add(doc, 0, 10, "Responsivitas")
    window.segment_info.show_segments([seg.id])
    assert window.segment_info.cards[0].review_button.isHidden()  # a coder does not review
    window.project.coders.set_current("Dr. Sri Wahyuni", "supervisor")
    window.segment_info.show_segments([seg.id])
    card = window.segment_info.cards[0]
    assert not card.review_button.isHidden()

    def fake_exec(dialog):
        dialog.buttons["needs_revision"].setChecked(True)
        dialog.comment_edit.setPlainText("batas kutipan terlalu sempit")
        return True

    monkeypatch.setattr(ReviewDialog, "exec", fake_exec)
    card.review_button.click()
    assert _latest(project_file) == ("needs_revision", "batas kutipan terlalu sempit")
    assert "Perlu revisi" in window.segment_info.cards[0].label.text()
    assert window.undo.undo_action.text() == "Urungkan: telaah: minta revisi"
    window.undo.undo_action.trigger()
    assert _latest(project_file) is None


def test_memo_shortcut_puts_the_cursor_in_the_memo_box(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    window.act_memo.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.memo.editor, timeout=3000)
