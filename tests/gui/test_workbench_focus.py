"""Which span is this? Clicking a highlight, a stripe or a card outlines that coding (issue 17.4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from workbench_support import END, START, TEXT

pytestmark = pytest.mark.gui


def _code(window, name):
    return window.project.codes.get(name).id


def _click_text(window, cp):
    view = window.view
    view.select_cp(cp, cp)
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_utf16(cp))
    point = view.cursorRect(cursor).center() + QPoint(2, 0)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _outline_pixel(window, sid):
    view = window.view
    view.viewport().repaint()
    rect = view.span_rects(sid)[0]
    image = view.viewport().grab().toImage()
    x, y = int(rect.left()), int(rect.center().y())
    return [QColor(image.pixel(x + dx, y)) for dx in (-2, -1, 0)]


def test_clicking_a_highlight_outlines_its_span_and_emphasises_its_stripe(window, qtbot):
    doc = window.view.document_id
    other = window.coding.apply_span(doc, TEXT.index("arsip"), TEXT.index("arsip") + 5, _code(window, "Akuntabilitas"))
    sid = window.coding.apply_span(doc, START, END, _code(window, "Responsivitas"))
    window.view.focus_segment(None)
    _click_text(window, START + 3)
    assert window.view.focused_segment() == sid
    rects = window.view.span_rects(sid)
    assert rects and all(r.width() > 0 for r in rects)
    colour = QColor(window.view.code_look(_code(window, "Responsivitas"))[1]).darker(150)
    pixels = _outline_pixel(window, sid)
    assert any(abs(p.red() - colour.red()) + abs(p.green() - colour.green()) + abs(p.blue() - colour.blue()) < 90
               for p in pixels), [p.name() for p in pixels]
    # the stripe of the coding in focus is drawn wider than the others
    window.view.margin.repaint()
    # a click on a stripe moves the focus there
    window.view.margin.barClicked.emit(other)
    assert window.view.focused_segment() == other


def test_clicking_a_card_outlines_its_coding(window):
    doc = window.view.document_id
    a = window.coding.apply_span(doc, START, END, _code(window, "Responsivitas"))
    b = window.coding.apply_span(doc, START, END - 6, _code(window, "Akuntabilitas"))
    window.show_segments([a, b])
    assert window.view.focused_segment() == a
    card = window.segment_info.cards[1]
    QTest.mouseClick(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(4, 4))
    assert window.view.focused_segment() == b
    QTest.mouseClick(window.segment_info.cards[0].label, Qt.MouseButton.LeftButton)
    assert window.view.focused_segment() == a


def test_tooltip_and_stripe_show_review_status_and_memo(window):
    doc = window.view.document_id
    sid = window.coding.apply_span(doc, START, END, _code(window, "Responsivitas"))
    assert "belum ditelaah" in window.view.segment_tooltip(sid)
    assert "ada memo" not in window.view.segment_tooltip(sid)
    from qda.commands import AddReview

    window.project.memos.set(("segment", sid), "kutipan kunci bab 4")
    window.push(AddReview(sid, "approved", ""))
    tip = window.view.segment_tooltip(sid)
    assert "disetujui" in tip.lower() and "✎ ada memo" in tip
    assert window.view.has_memo(sid) and window.view.verdict(sid) == "approved"
