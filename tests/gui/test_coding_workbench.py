"""Coding in the main window, every way the window offers, checked in the widgets and the file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QDropEvent, QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest

from workbench_support import END, START, TEXT, WORD, read_segments

pytestmark = pytest.mark.gui

def _code_id(window, name):
    return window.project.codes.get(name).id


def _code_index(window, name):
    tree = window.code_tree
    assert tree.select_code(_code_id(window, name))
    return tree.tree.currentIndex()


def _select(window, start=START, end=END):
    window.view.select_cp(start, end)
    assert window.view.selection_cp() == (start, end)


def _highlighted_utf16_ranges(view):
    """UTF-16 ranges carrying a background colour, read back from the block layouts."""
    out = []
    block = view.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.hasProperty(r.format.Property.BackgroundBrush):
                out.append((block.position() + r.start, block.position() + r.start + r.length))
        block = block.next()
    merged = []
    for a, b in sorted(out):
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def test_double_click_on_code_applies_it_and_highlights_exactly_after_astral_characters(window, project_file, qtbot):
    _select(window)
    index = _code_index(window, "Responsivitas")
    tree = window.code_tree.tree
    rect = tree.visualRect(index)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    # a real double-click: press, release, then the double-click event
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert read_segments(project_file) == [(START, END, "Responsivitas")]
    # two astral characters (🙂, 𝔸) before the word: UTF-16 offsets are two units further
    assert TEXT[:START].count("🙂") + TEXT[:START].count("𝔸") == 2
    u16_start = len(TEXT[:START].encode("utf-16-le")) // 2
    assert u16_start == START + 2
    assert _highlighted_utf16_ranges(window.view) == [(u16_start, u16_start + len(WORD))]
    cursor = window.view.textCursor()
    cursor.setPosition(u16_start)
    cursor.setPosition(u16_start + len(WORD), cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == WORD
    bars = window.view.bars()
    assert [(b.span.start, b.span.end, b.column) for b in bars] == [(u16_start, u16_start + len(WORD), 0)]


def test_enter_on_code_applies_it_and_several_codes_stack_on_one_selection(window, project_file):
    _select(window)
    tree = window.code_tree.tree
    tree.setCurrentIndex(_code_index(window, "Responsivitas"))
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.view.selection_cp() is None  # cleared, so the new highlight shows
    _select(window)  # the same words again for a second code
    tree.setCurrentIndex(_code_index(window, "Akuntabilitas"))
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert sorted(read_segments(project_file)) == [(START, END, "Akuntabilitas"), (START, END, "Responsivitas")]
    bars = window.view.bars()
    assert sorted(b.column for b in bars) == [0, 1]  # overlapping segments sit side by side
    # the overlap is underlined in the second code's colour
    block = window.view.document().findBlock(window.view.positions.to_utf16(START))
    ranges = block.layout().formats()
    underlined = [r.format.underlineStyle() != r.format.UnderlineStyle.NoUnderline
                  for r in ranges if r.format.hasProperty(r.format.Property.BackgroundBrush)]
    assert underlined and all(underlined)


def test_dropping_the_selection_on_a_code_applies_it(window, project_file, qtbot):
    _select(window)
    mime = window.view.selection_mime()
    payload = json.loads(bytes(mime.data("application/x-qda-selection")).decode())
    assert payload == {"document_id": window.view.document_id, "start": START, "end": END}
    tree = window.code_tree.tree
    index = _code_index(window, "Produktivitas")
    tree.clearSelection()
    pos = tree.visualRect(index).center()
    vp = tree.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    move = QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, move)
    drop = QDropEvent(pos.toPointF(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, drop)
    qtbot.waitUntil(lambda: read_segments(project_file) == [(START, END, "Produktivitas")], timeout=2000)


def test_ctrl_k_picker_applies_the_code_typed(window, project_file, qtbot):
    _select(window)
    window.view.setFocus()

    def drive():
        dialog = window.quick_dialog
        assert dialog is not None
        QTest.keyClicks(dialog.edit, "akuntab")
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, drive)
    QTest.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert read_segments(project_file) == [(START, END, "Akuntabilitas")]


def test_number_key_applies_recent_codes(window, project_file):
    window.coding.apply_span(window.view.document_id, 0, 5, _code_id(window, "Responsivitas"))
    window.coding.apply_span(window.view.document_id, 6, 10, _code_id(window, "Produktivitas"))
    assert "Produktivitas" in window.pane.recent_label.text()
    _select(window)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_2)  # second most recent: Responsivitas
    assert (START, END, "Responsivitas") in read_segments(project_file)
    # without a selection a number key does nothing to the project
    window.view.select_cp(END, END)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    assert len(read_segments(project_file)) == 3


def test_in_vivo_creates_an_own_code_named_after_the_selection(window, project_file):
    _select(window)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    code = window.project.codes.get(WORD)
    assert code.group == "own"
    assert read_segments(project_file) == [(START, END, WORD)]
    assert window.undo.undo_action.text() == f"Urungkan: kode in-vivo {WORD}"
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step undoes both
    assert read_segments(project_file) == []
    assert WORD not in {c.name for c in window.project.codes.all()}


def test_undo_and_redo_are_labelled_and_reach_the_file(window, project_file):
    _select(window)
    window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    assert window.undo.undo_action.text() == "Urungkan: terapkan Responsivitas"
    assert window.undo.undo_action.isEnabled() and not window.undo.redo_action.isEnabled()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read_segments(project_file) == []
    assert window.view.bars() == [] and _highlighted_utf16_ranges(window.view) == []
    assert window.undo.redo_action.text() == "Ulangi: terapkan Responsivitas"
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert read_segments(project_file) == [(START, END, "Responsivitas")]
    assert len(window.view.bars()) == 1


def test_clicking_a_highlight_shows_details_and_remove_is_undoable(window, project_file, qtbot):
    _select(window)
    seg_id = window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    window.view.select_cp(START, START)
    u16 = window.view.positions.to_utf16(START + 3)
    cursor = window.view.textCursor()
    cursor.setPosition(u16)
    point = window.view.cursorRect(cursor).center() + QPoint(1, 0)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.segment_info.segment_ids == [seg_id]
    card = window.segment_info.cards[0]
    assert "Responsivitas" in card.label.text() and "Dewi Anggraini" in card.label.text()
    assert "Belum ditelaah" in card.label.text()
    card.remove_button.click()
    assert read_segments(project_file) == []
    assert window.undo.undo_action.text().startswith("Urungkan: hapus segmen")
    window.undo.undo()
    assert read_segments(project_file) == [(START, END, "Responsivitas")]


def test_clicking_a_stripe_names_its_segment(window):
    _select(window)
    seg_id = window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    window.view.centerCursor()
    margin = window.view.margin
    margin.repaint()
    bars = list(window.view.visible_bars(window.view.viewport().height()))
    assert len(bars) == 1
    bar, y0, y1 = bars[0]
    # the bar spans the lines of the segment's text
    cursor = window.view.textCursor()
    cursor.setPosition(bar.span.start)
    assert abs(window.view.cursorRect(cursor).top() - y0) <= 2
    hit = margin.bar_at(7, (y0 + y1) / 2)
    assert hit == seg_id
    QTest.mouseClick(margin, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(7, int((y0 + y1) / 2)))
    assert window.segment_info.segment_ids == [seg_id]


def test_codings_are_in_the_file_at_once(window, project_file):
    """Kill-safety: a second connection sees each coding right after the action."""
    for i, name in enumerate(["Responsivitas", "Produktivitas", "Akuntabilitas"]):
        window.view.select_cp(START + i, END)
        window.coding.apply_to_selection(_code_id(window, name))
        assert len(read_segments(project_file)) == i + 1
    assert window.counts_label.text().endswith("3 segmen")


def test_hidden_coders_are_counted_never_silently_dropped(window, project_file):
    other = window.project.coders.set_current("Budi Santoso", "coder")
    window.coding.apply_span(window.view.document_id, 0, 5, _code_id(window, "Responsivitas"))
    window.project.coders.set_current("Dewi Anggraini", "coder")
    window.coding.apply_span(window.view.document_id, 6, 10, _code_id(window, "Produktivitas"))
    assert len(window.view.segments()) == 2
    dewi = window.project.coders.current.id
    window.set_visible_coders({dewi})
    assert [s.coder_id for s in window.view.segments()] == [dewi]
    assert "1 pengode disembunyikan" in window.hidden_label.text()
    assert "1 disembunyikan" in window.pane.header.text()
    window.set_visible_coders({dewi, other.id})
    assert len(window.view.segments()) == 2 and window.hidden_label.text() == ""


def test_context_menu_offers_the_recent_codes_by_number(window, project_file):
    window.coding.apply_span(window.view.document_id, 0, 5, _code_id(window, "Akuntabilitas"))
    _select(window)
    menu = window.view_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Kode cepat…", "Koding in-vivo"]
    assert "1  Akuntabilitas" in texts and texts[-1] == "Salin"
    next(a for a in menu.actions() if a.text() == "1  Akuntabilitas").trigger()
    assert (START, END, "Akuntabilitas") in read_segments(project_file)


def test_speaker_labels_are_bold_and_timestamps_dimmed(window):
    from PySide6.QtGui import QFont

    from qda.gui.viewer.highlighter import TIMESTAMP_COLOR

    view = window.view
    start = TEXT.index("[00:00:12] I:")
    block = view.document().findBlock(view.positions.to_utf16(start))
    formats = {}
    for r in block.layout().formats():
        for pos in range(r.start, r.start + r.length):
            formats[pos] = (r.format.fontWeight(), r.format.foreground().color().name())
    offset = view.positions.to_utf16(start) - block.position()
    stamp = [formats.get(offset + i) for i in range(len("[00:00:12]"))]
    assert all(f is not None and f[1] == TIMESTAMP_COLOR for f in stamp)
    label = [formats.get(offset + len("[00:00:12] ") + i) for i in range(len("I:"))]
    assert all(f is not None and f[0] == QFont.Weight.Bold for f in label)
    assert formats.get(offset + len("[00:00:12] I: ")) is None  # the words themselves are plain


def test_details_show_the_latest_review_with_its_comment(window):
    _select(window)
    seg_id = window.coding.apply_to_selection(_code_id(window, "Responsivitas"))
    window.project.coders.set_current("Dr. Sri Wahyuni", "supervisor")
    window.project.reviews.add(window.project.segments.get(seg_id), "needs_revision", "Lebih cocok Kualitas Layanan?")
    window.show_segments([seg_id])
    text = window.segment_info.cards[0].label.text()
    assert "Perlu revisi" in text and "Dr. Sri Wahyuni" in text and "Lebih cocok Kualitas Layanan?" in text


def test_pressing_in_the_selection_and_moving_starts_a_drag_of_the_span(window, monkeypatch):
    from PySide6.QtGui import QDrag

    dragged = []

    def fake_exec(drag, *args):
        dragged.append(json.loads(bytes(drag.mimeData().data("application/x-qda-selection")).decode()))
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    _select(window)
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_utf16(START + 4))
    inside = view.cursorRect(cursor).center()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside)
    assert view.selection_cp() == (START, END)  # pressing inside the selection keeps it
    QTest.mouseMove(view.viewport(), inside + QPoint(40, 25))
    assert dragged == [{"document_id": view.document_id, "start": START, "end": END}]
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       inside + QPoint(40, 25))


def test_deleting_a_code_removes_its_highlight_and_its_number_key(window, project_file):
    from qda.commands import DeleteCode

    code = _code_id(window, "Responsivitas")
    _select(window)
    window.coding.apply_to_selection(code)
    assert window.coding.recent == [code]
    window.push(DeleteCode(code, delete_segments=True))
    assert window.coding.recent == [] and window.view.bars() == []
    assert _highlighted_utf16_ranges(window.view) == []
    window.undo.undo()  # the code and its coding come back, highlighted again
    assert read_segments(project_file) == [(START, END, "Responsivitas")]
    assert len(_highlighted_utf16_ranges(window.view)) == 1
