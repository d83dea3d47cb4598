"""The two side areas of the document viewer: line numbers and coding stripes.

Both paint only the blocks that are visible; the stripe margin asks the viewer for the
bars overlapping the visible range (a bisect over bars sorted by start) and records
where it drew each bar, so a click can name the segment under the mouse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

if TYPE_CHECKING:
    from qda.gui.viewer.text_view import DocumentView

GUTTER_BG = "#f3f4f6"
GUTTER_FG = "#5f6b7a"  # 4.9:1 on the gutter (WCAG AA for text)
MARGIN_BG = "#fafafa"
COLUMN_WIDTH = 13
MAX_COLUMNS = 14
LABEL_WIDTH = 175  # code names are written horizontally in a column right of the bars (at most this wide)
MIN_LABEL_WIDTH = 84  # on a narrow window the names are cut shorter, the text keeps its room
LABEL_SHARE = 0.13  # the label column takes about this share of the viewer's width
NARROW_COLUMNS = 6  # stripe columns side by side in a narrow viewer (more are drawn in the last)
LABEL_DARKER = 170  # code names beside the stripes: the code colour darkened to ≥ 4.5:1


class LineNumberArea(QWidget):
    """Baris numbers beside the text: non-empty paragraphs counted consecutively, as citations count them."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view

    def width_hint(self) -> int:
        digits = len(str(max(1, self.view.line_index().count)))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(digits, 3)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.width_hint(), 0)

    def visible_numbers(self, lo: float = 0.0, hi: float | None = None) -> list[tuple[int, float]]:
        """``(baris, top pixel)`` of each numbered block between ``lo`` and ``hi`` (viewport pixels)."""
        view = self.view
        hi = float(self.height()) if hi is None else hi
        lines = view.line_index()
        block = view.firstVisibleBlock()
        number = block.blockNumber()
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        out: list[tuple[int, float]] = []
        while block.isValid() and top <= hi:
            bottom = top + view.blockBoundingRect(block).height()
            baris = lines.number_of_line(number)  # blank lines have no number (see qda.sources.lines)
            if block.isVisible() and bottom >= lo and baris is not None:
                out.append((baris, top))
            block = block.next()
            top = bottom
            number += 1
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(GUTTER_BG))
        painter.setPen(QColor(GUTTER_FG))
        height = self.fontMetrics().height()
        right = self.width() - 8
        for baris, top in self.visible_numbers(event.rect().top(), event.rect().bottom()):
            painter.drawText(0, int(top), right, height, Qt.AlignmentFlag.AlignRight, str(baris))
        painter.end()


class CodingMargin(QWidget):
    """Coding stripes: one bar per segment, overlapping segments side by side.

    Each bar's code name is written horizontally in a label column to the right of the
    bars, at the bar's top (pushed down when it would overlap the label above) and tied
    to its bar by a thin line, so every name stays readable even for one-line segments.
    """

    barClicked = Signal(int)  # segment id

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self._hits: list[tuple[QRectF, int]] = []
        self._label_font = QFont(self.font())
        self._label_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.78))
        self._elided: dict[tuple[str, int], str] = {}  # (label, width) -> the label cut to that width

        self.adaptive = True  # the margin's width follows the viewer's width

    def _narrow(self) -> bool:
        return self.adaptive and self.view.width() < 900

    def columns_shown(self) -> int:
        return min(self.view.stripe_column_count(), NARROW_COLUMNS if self._narrow() else MAX_COLUMNS)

    def label_width(self) -> int:
        """The code-name column: a share of the viewer's width, between MIN_LABEL_WIDTH and LABEL_WIDTH."""
        if not self.adaptive:
            return LABEL_WIDTH
        return max(MIN_LABEL_WIDTH, min(LABEL_WIDTH, int(self.view.width() * LABEL_SHARE)))

    def width_hint(self) -> int:
        cols = self.columns_shown()
        return 10 + cols * COLUMN_WIDTH + self.label_width() if cols else 0

    def bar_at(self, x: float, y: float) -> int | None:
        """Segment id of the bar drawn at widget position (x, y), if any."""
        for rect, seg_id in reversed(self._hits):
            if rect.adjusted(-3, 0, 3, 0).contains(QPointF(x, y)):
                return seg_id
        return None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(MARGIN_BG))
        painter.setPen(QColor("#e2e4e8"))
        painter.drawLine(0, 0, 0, self.height())
        self._hits = []
        view = self.view
        height = self.height()
        painter.setFont(self._label_font)
        fm = QFontMetrics(self._label_font)
        bottoms: dict[int, float] = {}  # lowest pixel drawn so far in each column
        label_x = 10 + self.columns_shown() * COLUMN_WIDTH + 4
        label_w = self.width() - label_x - 4
        label_bottom = -1e9
        focused_id = view.focused_segment() if hasattr(view, "focused_segment") else None
        line_h = fm.height()
        coders = view.coder_names()
        verdicts = hasattr(view, "verdict")
        memos = hasattr(view, "has_memo")
        elided = self._elided
        if len(elided) > 4096:
            elided.clear()

        def elide(text: str, width: int) -> str:
            key = (text, width)
            cut = elided.get(key)
            if cut is None:
                cut = elided[key] = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
            return cut

        for bar, y0, y1 in view.visible_bars(height):
            col = min(bar.column, self.columns_shown() - 1)
            x = 6 + col * COLUMN_WIDTH
            name, color = view.code_look(bar.span.code_id)
            qc = QColor(color)
            # a bar starting on the line where the previous one of its column ends starts below it
            top = max(y0 + 1, bottoms.get(col, -1e9) + 3)
            focused = bar.span.segment_id == focused_id
            rect = QRectF(x - (1 if focused else 0), top, 5 if focused else 3, max(3.0, y1 - 1 - top))
            bottoms[col] = rect.bottom()
            painter.fillRect(rect, qc)
            painter.setPen(QPen(qc, 1))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x + 5, rect.top()))
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + 5, rect.bottom()))
            self._hits.append((QRectF(x, rect.top(), COLUMN_WIDTH - 4, rect.height()), bar.span.segment_id))
            # the label: at the bar's top, below the previous label if they would overlap
            ly = max(rect.top() - 2, label_bottom + 1)
            label_bottom = ly + line_h
            link = QColor(qc)
            link.setAlpha(110)
            painter.setPen(QPen(link, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x + 5, rect.top()), QPointF(label_x - 2, ly + line_h / 2))
            painter.setPen(qc.darker(LABEL_DARKER))
            if len(coders) > 1 and bar.span.coder_id in coders:  # whose coding, when several code
                initials = "".join(w[0] for w in coders[bar.span.coder_id].replace(".", " ").split()[:2]).upper()
                label = elide(name, max(10, label_w - fm.horizontalAdvance(f" · {initials}"))) + f" · {initials}"
            else:
                label = elide(name, max(10, label_w))
            label_rect = QRectF(label_x, ly, label_w, line_h)
            status = view.verdict(bar.span.segment_id) if verdicts else None
            if status:  # the review verdict, before the code's name
                from qda.gui.review.marks import paint_verdict_mark

                shift = paint_verdict_mark(painter, status, QRectF(x - 5, rect.top() - 1, 5, 5), label_rect, fm)
                painter.setPen(qc.darker(LABEL_DARKER))
                label_rect = label_rect.adjusted(shift, 0, 0, 0)
                label = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(10, int(label_rect.width())))
            if memos and view.has_memo(bar.span.segment_id):  # a memo marker before the name
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "✎")
                shift = fm.horizontalAdvance("✎ ")
                label_rect = label_rect.adjusted(shift, 0, 0, 0)
                label = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(10, int(label_rect.width())))
            if focused:
                bold = QFont(self._label_font)
                bold.setBold(True)
                painter.setFont(bold)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            if focused:
                painter.setFont(self._label_font)
            self._hits.append((label_rect, bar.span.segment_id))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        seg_id = self.bar_at(event.position().x(), event.position().y())
        if seg_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.barClicked.emit(seg_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        seg_id = self.bar_at(event.position().x(), event.position().y())
        if seg_id is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.view.segment_tooltip(seg_id), self)
        super().mouseMoveEvent(event)
