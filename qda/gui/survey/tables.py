"""Read-only table widgets and captions used by the result pages."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QScrollArea, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from qda.survey.numfmt import MISSING


MIN_COLUMN = 48  # narrower than this a column is no longer readable; the page scrolls instead
HEADER_LINE = 16  # long column headers wrap onto lines of about this many characters


def wrap_header(text: str, width: int = HEADER_LINE) -> str:
    """A long header on several lines at word boundaries ("Rata-rata skala jika butir dihapus" → three lines),
    so the column is as wide as its numbers need, not as its title."""
    import textwrap

    if len(text) <= width:
        return text
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False))


def water_fill(widths: Sequence[int], room: int, floor: int = MIN_COLUMN) -> list[int]:
    """Column widths summing to at most ``room``: the widest columns give way first, none below ``floor``.

    ``widths`` are the natural (content) widths; if they fit they are returned unchanged.
    """
    widths = list(widths)
    if sum(widths) <= room or not widths:
        return widths
    low, high = floor, max(widths)
    while low < high:  # the largest cap at which every column capped to it fits
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= room:
            low = cap
        else:
            high = cap - 1
    capped = [min(w, low) for w in widths]
    spare = room - sum(capped)
    for i, w in enumerate(widths):  # hand out what rounding left to the columns that were cut
        if spare <= 0:
            break
        if w > low:
            capped[i] += 1
            spare -= 1
    return capped


class FitTable(QTableWidget):
    """A read-only table as wide as its contents, or as the page when that is narrower.

    It never grows beyond its contents (so no last column swallows the spare width, as SPSS output
    looks); when the page is narrower, the widest (text) columns are narrowed first and elided.
    """

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        self.natural: list[int] = []

    def fix_natural(self) -> None:
        """Remember the content widths and size the table to them."""
        self.natural = [self.columnWidth(c) for c in range(self.columnCount())]
        extra = 2 * self.frameWidth() + 2
        self.setMaximumWidth(sum(self.natural) + extra)
        self.setMinimumWidth(sum(min(w, MIN_COLUMN) for w in self.natural) + extra)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.maximumWidth(), self.maximumHeight())

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.natural:
            for c, w in enumerate(water_fill(self.natural, self.viewport().width())):
                self.setColumnWidth(c, w)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], name: str = "") -> QTableWidget:
    """A compact read-only table; numbers (already formatted) are right-aligned."""
    w = FitTable(len(rows), len(headers))
    w.setHorizontalHeaderLabels([wrap_header(str(h)) for h in headers])
    for c, h in enumerate(headers):
        w.horizontalHeaderItem(c).setToolTip(str(h))
    w.verticalHeader().setVisible(False)
    w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
    w.setAlternatingRowColors(True)
    w.setWordWrap(False)
    w.verticalHeader().setDefaultSectionSize(22)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = "" if value is None else str(value)
            cell = QTableWidgetItem(text)
            if c > 0 and _numeric(text):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                cell.setToolTip(text)
            w.setItem(r, c, cell)
    w.resizeColumnsToContents()
    header = w.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    for c in range(len(headers)):  # a little air around the numbers, as SPSS output has
        w.setColumnWidth(c, max(w.columnWidth(c) + 14, 56))
    height = header.height() + sum(w.rowHeight(r) for r in range(len(rows))) + 4
    w.setFixedHeight(min(height, 420))
    w.fix_natural()
    w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if height <= 420:
        w.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if name:
        w.setObjectName(name)
    return w


def _numeric(text: str) -> bool:
    t = text.replace(".", "").replace(",", "").replace("%", "").replace("−", "").replace("-", "").strip()
    return t.isdigit() or text == MISSING


def heading(text: str, level: int = 2) -> QLabel:
    """A bold caption above a table."""
    label = QLabel(text)
    size = {1: 15, 2: 13, 3: 11}.get(level, 11)
    label.setStyleSheet(f"font-weight: bold; font-size: {size}px; margin-top: 8px;")
    label.setWordWrap(True)
    return label


def paragraph(text: str) -> QLabel:
    """Wrapped explanatory text."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def picture(pix: QPixmap) -> QLabel:
    """A chart image."""
    label = QLabel()
    label.setPixmap(pix)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return label


def side_by_side(*widgets: QWidget) -> QWidget:
    """Widgets in one row, top-aligned (a table with its chart); stacked when the page is too narrow."""
    return SideBySide(*widgets)


class SideBySide(QWidget):
    """A row of widgets that becomes a column when its width is less than the row needs."""

    def __init__(self, *widgets: QWidget) -> None:
        from PySide6.QtWidgets import QBoxLayout

        super().__init__()
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.parts = list(widgets)
        for w in widgets:
            self.row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.row.addStretch(1)
        # never taller than its parts need: the page's spare height goes below the content
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def needed(self) -> int:
        """Width of the parts side by side."""
        return sum(w.sizeHint().width() for w in self.parts) + self.row.spacing() * (len(self.parts) - 1)

    def stacked(self) -> bool:
        """True when the parts are shown one under another."""
        from PySide6.QtWidgets import QBoxLayout

        return self.row.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        from PySide6.QtWidgets import QBoxLayout

        super().resizeEvent(event)
        want = (QBoxLayout.Direction.TopToBottom if event.size().width() < self.needed()
                else QBoxLayout.Direction.LeftToRight)
        if want != self.row.direction():
            self.row.setDirection(want)
            self.updateGeometry()  # the height it needs changes with the direction


class Page(QScrollArea):
    """A scrollable vertical page of captions, tables, texts and charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget()
        self.box = QVBoxLayout(inner)
        self.box.setContentsMargins(10, 6, 10, 10)
        self.setWidget(inner)

    def add(self, widget: QWidget) -> QWidget:
        """Append ``widget`` to the page (tables keep to the left, at most as wide as their contents)."""
        if isinstance(widget, FitTable):
            self.box.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.box.addWidget(widget)
        return widget

    def finish(self) -> None:
        """Push the content to the top."""
        self.box.addStretch(1)
