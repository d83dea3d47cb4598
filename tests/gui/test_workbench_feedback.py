"""Feedback and safety on every coding action, safe quick-code and word-snapped selections (issue 17.2, 17.5, 17.6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest

from workbench_support import END, START, TEXT, read_segments

pytestmark = pytest.mark.gui


def _code_id(window, name):
    return window.project.codes.get(name).id


def _point(view, cp):
    """Viewport point in the middle of the character at code point ``cp``."""
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_utf16(cp))
    left = view.cursorRect(cursor).center()
    cursor.setPosition(view.positions.to_utf16(cp + 1))
    right = view.cursorRect(cursor).center()
    return QPoint((left.x() + right.x()) // 2, left.y())


def _drag(view, a, b):
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _point(view, a))
    QTest.mouseMove(vp, _point(view, (a + b) // 2))
    QTest.mouseMove(vp, _point(view, b))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _point(view, b))


def test_after_applying_the_selection_clears_the_card_shows_it_and_undo_is_offered(window, project_file, qtbot):
    window.view.select_cp(START, END)
    seg_id = window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    assert read_segments(project_file) == [(START, END, "Responsivitas")]
    assert window.view.selection_cp() is None  # the highlight is visible, not hidden under the selection
    assert window.view.segment(seg_id) is not None and window.view.focused_segment() == seg_id
    # the card follows once the highlight is painted
    qtbot.waitUntil(lambda: window.segment_info.segment_ids == [seg_id], timeout=2000)
    assert "Responsivitas" in window.segment_info.cards[0].label.text()
    assert window.statusBar().currentMessage() == "Kode Responsivitas diterapkan — Ctrl+Z untuk membatalkan"


def test_a_refusal_is_in_words_not_offsets(window):
    code = _code_id(window, "Responsivitas")
    window.view.select_cp(START, END)
    window.coding.apply_to_selection(code)
    window.view.select_cp(START, END)
    assert window.coding.apply_to_selection(code) is None
    message = window.statusBar().currentMessage()
    assert message == "Teks terpilih sudah Anda kode dengan Responsivitas."
    assert str(START) not in message and str(END) not in message


def test_coding_actions_are_disabled_without_a_selection(window):
    window.view.select_cp(START, START)
    assert not window.act_quick.isEnabled() and not window.act_invivo.isEnabled()
    window.view.select_cp(START, END)
    assert window.act_quick.isEnabled() and window.act_invivo.isEnabled()
    menu = window.view_menu()
    assert [a.isEnabled() for a in menu.actions()[:2]] == [True, True]


def test_remove_asks_nothing_is_last_and_says_how_to_undo(window, project_file, qtbot):
    window.view.select_cp(START, END)
    seg_id = window.coding.apply_to_selection(_code_id(window, "Akuntabilitas"))
    qtbot.waitUntil(lambda: bool(window.segment_info.cards), timeout=2000)
    card = window.segment_info.cards[0]
    assert card.shown_buttons()[-1] == "Hapus" and card.shown_buttons()[0] != "Hapus"
    assert "Ctrl+Z" in card.remove_button.toolTip()
    card.remove_button.click()  # no question asked
    assert read_segments(project_file) == []
    assert window.statusBar().currentMessage() == "Segmen Akuntabilitas dihapus — Ctrl+Z untuk membatalkan"
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read_segments(project_file) == [(START, END, "Akuntabilitas")]
    assert seg_id is not None


def test_read_only_cards_disable_the_edits(window, qtbot):
    window.view.select_cp(START, END)
    window.coding.apply_to_selection(_code_id(window, "Akuntabilitas"))
    qtbot.waitUntil(lambda: bool(window.segment_info.cards), timeout=2000)
    window.segment_info.set_writable(False, False)
    card = window.segment_info.cards[0]
    assert not card.remove_button.isEnabled() and not card.recode_button.isEnabled()


@pytest.mark.parametrize("typed, code", [("responsif", "Responsivitas"), ("akuntabel", "Akuntabilitas"),
                                         ("produktif", "Produktivitas")])
def test_ctrl_k_with_a_near_miss_applies_the_existing_code(window, project_file, typed, code):
    codes_before = len(window.project.codes.all())
    window.view.select_cp(START, END)
    window.view.setFocus()

    def drive():
        dialog = window.quick_dialog
        assert dialog is not None
        QTest.keyClicks(dialog.edit, typed)
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, drive)
    QTest.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert read_segments(project_file) == [(START, END, code)]
    assert len(window.project.codes.all()) == codes_before  # no code made by accident


def test_a_sloppy_drag_snaps_to_whole_words(window):
    view = window.view
    a = TEXT.index("layanan kami")  # inside "pelayanan"
    b = TEXT.index("cepat") + 2  # inside "cepat"
    _drag(view, a, b)
    assert view.selection_cp() == (START, END)  # "pelayanan kami cepat"


def test_word_snapping_can_be_switched_off(window):
    window.settings.snap_words = False
    window.view.snap_words = window.settings.snap_words
    a = TEXT.index("layanan kami")
    b = TEXT.index("cepat") + 2
    _drag(window.view, a, b)
    assert window.view.selection_cp() == (a, b)


def test_snap_keeps_astral_characters_whole():
    from qda.gui.viewer.words import snap_to_words

    text = "Jujur saja 𝔸 pelayanan kami"
    i = text.index("ayanan")
    assert snap_to_words(text, i, i + 3) == (text.index("pelayanan"), text.index(" kami"))
    assert snap_to_words(text, 5, 7) == (6, 10)  # " s" → "saja"
    assert snap_to_words(text, 5, 6) == (5, 6)  # only a space: unchanged


def test_in_vivo_name_drops_timestamps_and_speaker_labels(window, project_file):
    from qda.gui.coding import in_vivo_name

    assert in_vivo_name("[00:12:31] P: pelayanan kami cepat") == "pelayanan kami cepat"
    assert in_vivo_name("Informan 1: kami sering lembur") == "kami sering lembur"
    long = in_vivo_name("kata " * 30)
    assert len(long) <= 60 and long.endswith("kata…")
    start = TEXT.index("[00:00:12]")
    window.view.select_cp(start, END)
    window.coding.in_vivo()
    assert read_segments(project_file) == [(start, END, "Jujur saja 𝔸 pelayanan kami cepat")]
