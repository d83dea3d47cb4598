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
    card = window.segment_info.cards[0]
    # a coder edits: Memo, Ganti kode, and Hapus last; no verdicts
    assert card.shown_buttons() == ["Memo…", "Ganti kode…", "Hapus"]
    window.project.coders.set_current("Dr. Sri Wahyuni", "supervisor")
    window.segment_info.show_segments([seg.id])
    card = window.segment_info.cards[0]
    # a supervisor judges: the verdicts, no edit buttons
    assert card.shown_buttons() == ["Setujui", "Revisi…", "Tolak…", "Memo…"]
    seen = {}

    def fake_exec(dialog):
        seen["facts"] = dialog.facts.text()
        seen["preselected"] = dialog.status
        dialog.comment_edit.setPlainText("batas kutipan terlalu sempit")
        return True

    monkeypatch.setattr(ReviewDialog, "exec", fake_exec)
    card.revise_button.click()
    assert "Dikode oleh Dewi Anggraini" in seen["facts"] and "Telaah sebelumnya: belum ada" in seen["facts"]
    assert seen["preselected"] == "needs_revision"  # the verdict clicked on the card
    assert _latest(project_file) == ("needs_revision", "batas kutipan terlalu sempit")
    assert "Perlu revisi" in window.segment_info.cards[0].label.text()
    assert window.undo.undo_action.text() == "Urungkan: telaah: minta revisi"
    assert "Ctrl+Z untuk membatalkan" in window.statusBar().currentMessage()
    # Setujui needs no dialog; the earlier verdict is then named in the review dialog
    window.segment_info.cards[0].approve_button.click()
    assert _latest(project_file) == ("approved", "")
    window.review_segment(seg.id)  # no verdict chosen in the dialog: nothing is written
    assert "Telaah sebelumnya: disetujui (Dr. Sri Wahyuni)" in seen["facts"] and seen["preselected"] is None
    assert _latest(project_file) == ("approved", "")
    window.undo.undo_action.trigger()
    assert _latest(project_file) == ("needs_revision", "batas kutipan terlalu sempit")


def test_review_dialog_preselects_nothing(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from qda.gui.review_dialog import ReviewDialog

    dialog = ReviewDialog("Responsivitas", "pelayanan kami cepat", coder="Rina", earlier="Perlu revisi (Dr. Sri)")
    qtbot.addWidget(dialog)
    assert dialog.status is None
    ok = dialog.box.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "Rina" in dialog.facts.text() and "Perlu revisi (Dr. Sri)" in dialog.facts.text()
    dialog.buttons["rejected"].click()
    assert ok.isEnabled() and dialog.status == "rejected"


def test_memo_shortcut_puts_the_cursor_in_the_memo_box(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    window.act_memo.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.memo.editor, timeout=3000)
