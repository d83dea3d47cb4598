"""Read-only table widgets and captions used by the result pages."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QScrollArea, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], name: str = "") -> QTableWidget:
    """A compact read-only table; numbers (already formatted) are right-aligned."""
    w = QTableWidget(len(rows), len(headers))
    w.setHorizontalHeaderLabels([str(h) for h in headers])
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
            w.setItem(r, c, cell)
    w.resizeColumnsToContents()
    header = w.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for c in range(len(headers)):  # a little air around the numbers, as SPSS output has
        w.setColumnWidth(c, max(w.columnWidth(c) + 14, 56))
    height = header.height() + sum(w.rowHeight(r) for r in range(len(rows))) + 4
    w.setFixedHeight(min(height, 420))
    w.setFixedWidth(sum(w.columnWidth(c) for c in range(len(headers))) + 2 * w.frameWidth() + 2)
    w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if height <= 420:
        w.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if name:
        w.setObjectName(name)
    return w


def _numeric(text: str) -> bool:
    t = text.replace(".", "").replace(",", "").replace("%", "").replace("−", "").replace("-", "").strip()
    return t.isdigit() or text == "—"


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
    """Widgets in one row, top-aligned (a table with its chart)."""
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
    row.addStretch(1)
    return box


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
        """Append ``widget`` to the page."""
        self.box.addWidget(widget)
        return widget

    def finish(self) -> None:
        """Push the content to the top."""
        self.box.addStretch(1)
