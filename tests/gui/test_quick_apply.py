"""Coding steps update the text view in place (only the codings a step touched are read back) and the
quick-code picker is built once: the view always shows what the project holds, the picker the codes as
they are now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qda.commands import AddReview, CreateCode, RenameCode, SetMemo
from qda.gui.viewer.layout import highlight_pieces, span_order
from workbench_support import END, START, WORD, merged_pieces, read_segments

pytestmark = pytest.mark.gui


def _code_id(window, name):
    return window.project.codes.get(name).id




def _assert_view_matches_the_store(window):
    view = window.view
    stored = window.project.segments.all(document=view.document_id)
    assert [(s.id, s.code_id, s.start, s.end) for s in view.segments()] == \
        [(s.id, s.code_id, s.start, s.end) for s in sorted(stored, key=lambda s: (s.start, s.end, s.id))]
    spans = sorted(view._span_by_id.values(), key=span_order)
    assert merged_pieces(view.highlighter.pieces()) == merged_pieces(highlight_pieces(spans))
    bars = view.bars()
    assert sorted(b.span.segment_id for b in bars) == sorted(s.id for s in stored)
    for i, a in enumerate(bars):
        for b in bars[i + 1:]:
            if a.span.start < b.span.end and b.span.start < a.span.end:
                assert a.column != b.column
    assert window.counts_label.text().endswith(f"{len(stored)} segmen")


def test_every_coding_step_leaves_the_view_as_the_project_holds_it(window, qtbot):
    doc = window.view.document_id
    resp, prod = _code_id(window, "Responsivitas"), _code_id(window, "Produktivitas")
    window.view.select_cp(START, END)
    first = window.coding.apply_to_selection(resp)
    _assert_view_matches_the_store(window)
    window.coding.apply_span(doc, 0, 5, prod)
    window.view.select_cp(START + 3, END)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_2)  # Responsivitas, the second most recent
    _assert_view_matches_the_store(window)
    window.view.select_cp(START, START + 9)
    QTest.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # in-vivo "pelayanan"
    assert window.view.code_look(_code_id(window, "pelayanan"))[0] == "pelayanan"
    _assert_view_matches_the_store(window)
    window.remove_segment(first)
    assert window.view.segment(first) is None
    _assert_view_matches_the_store(window)
    for _ in range(5):  # the removal, the in-vivo code (its code goes too), the number key, ...
        window.undo.undo()
        _assert_view_matches_the_store(window)
    assert window.view.segments() == []
    for _ in range(5):
        window.undo.redo()
        _assert_view_matches_the_store(window)
    qtbot.waitUntil(lambda: "3 segmen" in window.pane.header.text(), timeout=2000)  # the header follows


def test_undoing_a_removal_brings_back_its_verdict_and_memo_mark(window):
    window.view.select_cp(START, END)
    seg = window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    window.push(AddReview(seg, "approved", "baik"))
    window.push(SetMemo(("segment", seg), "dicek di observasi"))
    assert window.view.verdict(seg) == "approved" and window.view.has_memo(seg)
    window.remove_segment(seg)
    assert window.view.segment(seg) is None and window.view.verdict(seg) is None
    window.undo.undo()
    assert window.view.segment(seg) is not None
    assert window.view.verdict(seg) == "approved" and window.view.has_memo(seg)


def _pick(window, keys, *, enter=True):
    """Press Ctrl+K on the view, type ``keys`` in the picker and press Enter (or Esc); the entries shown."""
    seen = {}

    def drive():
        dialog = window.quick_dialog
        assert dialog is not None
        seen["dialog"] = dialog
        seen["before"] = dialog.visible_entries()
        QTest.keyClicks(dialog.edit, keys)
        seen["entries"] = dialog.visible_entries()
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return if enter else Qt.Key.Key_Escape)

    window.activateWindow()  # offscreen, the closed picker's window keeps the activation
    QApplication.processEvents()
    window.view.setFocus()
    QTimer.singleShot(0, drive)
    QTest.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    return seen


def test_the_picker_is_built_once_and_lists_codes_added_or_renamed_since(window, project_file):
    window.view.select_cp(START, END)
    first = _pick(window, "daya", enter=False)
    names = {c.id: c.name for c in window.project.codes.all()}
    assert all(names[v] != "Daya Tanggap" for k, v in first["entries"] if k == "code")
    assert window.view.selection_cp() == (START, END)  # cancelling leaves the selection
    resp = _code_id(window, "Responsivitas")
    window.push(RenameCode(resp, "Daya Tanggap"))
    created = window.push(CreateCode("Inovasi Layanan", group="own")).code_id
    again = _pick(window, "daya")
    assert again["dialog"] is first["dialog"]  # the same picker, shown again
    assert len(again["before"]) == len(first["before"]) + 1  # the new code is listed too
    assert again["entries"][0] == ("code", resp)  # listed under its new name
    assert read_segments(project_file) == [(START, END, "Daya Tanggap")]
    window.view.select_cp(START, END)
    third = _pick(window, "inov")
    assert third["entries"][0] == ("code", created)
    assert (START, END, "Inovasi Layanan") in read_segments(project_file)
    # the recent codes come first when nothing is typed yet
    window.view.select_cp(0, 5)
    fourth = _pick(window, "", enter=False)
    assert fourth["before"][:2] == [("code", created), ("code", resp)]
    assert WORD in window.project.documents.text(window.view.document_id)


def test_the_picker_opens_inside_the_window_and_keeps_its_keys(window, project_file):
    window.view.select_cp(START, END)
    window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    window.view.select_cp(0, 5)
    seen = {}

    def drive():
        dialog = window.quick_dialog
        seen["window"] = dialog.isWindow()
        seen["inside"] = window.rect().contains(dialog.geometry())
        seen["focus"] = QApplication.focusWidget() is dialog.edit
        QTest.keyClick(dialog.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # not the window's undo
        seen["typed"] = dialog.edit.text()
        QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)  # a click outside cancels

    window.activateWindow()
    QApplication.processEvents()
    window.view.setFocus()
    QTimer.singleShot(0, drive)
    QTest.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"window": False, "inside": True, "focus": True, "typed": ""}
    assert read_segments(project_file) == [(START, END, "Responsivitas")]  # nothing undone, nothing applied
    assert QApplication.focusWidget() is window.view
    assert window.view.selection_cp() == (0, 5)


def test_a_picker_opened_again_at_once_stays_open(window, project_file):
    window.view.select_cp(START, END)

    def first():
        QTest.keyClicks(window.quick_dialog.edit, "akuntab")
        QTest.keyClick(window.quick_dialog.edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, first)
    window.coding_quick()  # applied; the picker is to hide once the new highlight is painted
    window.view.select_cp(0, 5)
    shown = []

    def second():
        shown.append(window.quick_dialog.isVisible())
        QTest.keyClick(window.quick_dialog.edit, Qt.Key.Key_Escape)

    QTimer.singleShot(0, second)
    window.coding_quick()  # opened before that: the earlier choice's hiding leaves it open
    assert shown == [True]
    assert read_segments(project_file) == [(START, END, "Akuntabilitas")]
    QApplication.processEvents()
    assert not window._picker.isVisible()
