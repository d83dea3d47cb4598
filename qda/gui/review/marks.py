"""Review verdicts drawn in the document: a glyph by the stripe, a line under the coded text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from qda.gui.review.looks import status_color, status_glyph

_UNDERLINE = {
    "approved": QTextCharFormat.UnderlineStyle.DotLine,
    "needs_revision": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "rejected": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "revised": QTextCharFormat.UnderlineStyle.DashUnderline,
}


def verdict_selections(view: Any, verdicts: dict[int, str]) -> list[QTextEdit.ExtraSelection]:
    """One extra selection per reviewed coding, underlined in the verdict's colour (rejected: struck out)."""
    out = []
    to16 = view.positions.to_utf16
    doc = view.document()
    segments = {s.id: s for s in view.segments()}
    for sid, status in verdicts.items():
        seg = segments.get(sid)
        if seg is None or status not in _UNDERLINE:
            continue
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(doc)
        cursor.setPosition(to16(seg.start))
        cursor.setPosition(to16(seg.end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(_UNDERLINE[status])
        fmt.setUnderlineColor(QColor(status_color(status)))
        if status == "rejected":
            fmt.setFontStrikeOut(True)
        sel.format = fmt
        out.append(sel)
    return out


def paint_verdict_mark(painter: QPainter, status: str, dot: QRectF, label: QRectF, fm: QFontMetrics) -> float:
    """A coloured dot on the stripe's top and the verdict's glyph before the label; returns the label shift."""
    color = QColor(status_color(status))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(dot)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(color)
    glyph = status_glyph(status)
    painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, glyph)
    return fm.horizontalAdvance(glyph + " ")
