"""The quick-code picker driven by the keyboard and the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog

from qda.gui.panels.fuzzy import matching_ids, rank
from qda.gui.panels.quick_code import QuickCodeDialog

from .helpers import save_screenshot


@pytest.fixture
def picker(qtbot, fx):
    def make(recent=()):
        dialog = QuickCodeDialog(fx.project, list(recent))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def names(fx, entries):
    return [fx.project.codes.get(v).name if k == "code" else f"new:{v}" for k, v in entries]


def test_typing_akun_and_enter_chooses_akuntabilitas(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "akun")
    assert names(fx, dialog.visible_entries())[0] == "Akuntabilitas"
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_code_id == fx.code_id("Akuntabilitas")
    assert dialog.new_code_name is None


def test_exec_returns_the_choice(qtbot, fx):
    dialog = QuickCodeDialog(fx.project, [])
    qtbot.addWidget(dialog)

    def type_and_enter():
        qtbot.keyClicks(dialog.edit, "kepuasan")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_and_enter)
    assert dialog.exec() == QDialog.DialogCode.Accepted
    assert dialog.chosen_code_id == fx.code_id("Kepuasan Kerja")


def test_recent_codes_first_when_empty(picker, fx):
    recent = [fx.code_id("Kepuasan Kerja"), fx.code_id("Responsivitas")]
    dialog = picker(recent)
    listed = names(fx, dialog.visible_entries())
    assert listed[:2] == ["Kepuasan Kerja", "Responsivitas"]
    assert len(listed) == 15  # every code once
    assert dialog.list.currentItem().text() == "Kepuasan Kerja"  # header rows are skipped


def test_prefix_matches_before_other_matches(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "kualitas")
    listed = names(fx, dialog.visible_entries())
    assert listed[0] == "Kualitas Layanan"
    # "respon" starts both Responsivitas and Responsibilitas; nothing else contains it
    dialog.edit.setText("respon")
    assert sorted(names(fx, dialog.visible_entries())[:2]) == ["Responsibilitas", "Responsivitas"]


def test_fuzzy_typo_still_found(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "responsif")
    listed = names(fx, dialog.visible_entries())
    assert "Responsivitas" in listed[:2]
    assert "Kepuasan Kerja" not in listed


def test_arrow_keys_and_double_click(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "kerja")
    first, second = dialog.visible_entries()[:2]
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
    assert dialog.list.currentItem().text() == fx.project.codes.get(second[1]).name
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Up)
    assert dialog.list.currentItem().text() == fx.project.codes.get(first[1]).name
    item = dialog.list.item(1)
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen_code_id == item.data(Qt.ItemDataRole.UserRole + 1)[1]


def test_new_code_offered_when_nothing_matches_but_only_chosen_deliberately(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "Inovasi Digital")
    assert dialog.visible_entries() == [("new", "Inovasi Digital")]
    assert dialog.list.currentItem() is None  # nothing preselected
    assert "Ctrl+Enter" in dialog.hint.text()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter alone creates nothing
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.new_code_name is None
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)  # moving to the entry is choosing it
    assert dialog.list.currentItem().text() == "Buat kode baru: «Inovasi Digital»"
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.chosen_code_id is None
    assert dialog.new_code_name == "Inovasi Digital"


def test_ctrl_enter_creates_a_new_code(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "responsif")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_code_id is None and dialog.new_code_name == "responsif"


@pytest.mark.parametrize("typed, code", [("responsif", "Responsivitas"), ("akuntabel", "Akuntabilitas"),
                                         ("produktif", "Produktivitas"), ("kordinasi", "Koordinasi Internal")])
def test_enter_applies_the_best_existing_code_never_a_new_one(picker, fx, qtbot, typed, code):
    fx.project.codes.add("Koordinasi Internal")  # an own code beside the standard codebook
    dialog = picker()
    qtbot.keyClicks(dialog.edit, typed)
    entries = dialog.visible_entries()
    assert entries[-1] == ("new", typed)  # offered, but last
    assert all(kind == "code" for kind, _ in entries[:-1])
    # the picker lists exactly what the code tree's filter shows for the same words
    tree_names = {c.id: (c.name, c.name_en) for c in fx.project.codes.all()}
    assert {v for _k, v in entries[:-1]} == matching_ids(typed, tree_names)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.new_code_name is None
    assert dialog.chosen_code_id == fx.code_id(code)


def test_no_new_code_for_an_existing_name(picker, fx, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "akuntabilitas")
    assert all(kind == "code" for kind, _ in dialog.visible_entries())


def test_escape_cancels(picker, qtbot):
    dialog = picker()
    qtbot.keyClicks(dialog.edit, "akun")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen_code_id is None and dialog.new_code_name is None


def test_rank_orders_prefix_then_word_then_substring():
    names_ = {1: ("Beban Kerja yang Wajar",), 2: ("Kerja Sama",), 3: ("Pekerjaan Rumah",), 4: ("Kepuasan Kerja",)}
    order = [m.code_id for m in rank("kerja", names_)]
    assert order[0] == 2  # name starts with the query
    assert set(order[1:3]) == {1, 4}  # a word starts with it
    assert order[3] == 3  # only a substring
    assert matching_ids("", names_) == set()


def test_screenshot(picker, fx, qtbot):
    dialog = picker([fx.code_id("Responsivitas"), fx.code_id("Kualitas Layanan")])
    qtbot.keyClicks(dialog.edit, "kerja")
    save_screenshot(dialog, "panel_quick_code")
