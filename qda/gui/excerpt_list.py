"""A reusable list of coded excerpts (ATLAS.ti's quotation manager): source, line, code, coder, status, memo, text.

:class:`ExcerptList` shows any objects with the attributes ``document``, ``line``, ``code``,
``coder``, ``status`` and ``memo`` (such as :class:`qda.review.queue.QueueItem`); the
excerpt's text comes from a callback, asked only for the rows on screen. A filter box
narrows the rows by any column; Enter or a double click asks to open the excerpt in its text.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
                            Signal)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from qda.gui.review.looks import status_color, status_glyph, status_text
from qda.i18n import tr

#: column key → heading (Indonesian source text)
COLUMNS = {"document": "Sumber", "line": "Baris", "code": "Kode", "coder": "Pengode", "status": "Status",
           "memo": "Memo", "text": "Kutipan"}

Index = QModelIndex | QPersistentModelIndex


class ExcerptModel(QAbstractTableModel):
    """A table over a plain list of excerpt objects; hands back the objects, never strings to parse."""

    def __init__(self, columns: Sequence[str] = tuple(COLUMNS), parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list[Any] = []
        self.text_of: Callable[[Any], str] = lambda item: getattr(item, "text", "")

    def set_items(self, items: list[Any], text_of: Callable[[Any], str] | None = None) -> None:
        self.beginResetModel()
        self.items = list(items)
        if text_of is not None:
            self.text_of = text_of
        self.endResetModel()

    def item_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[self.columns[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "status":
                return f"{status_glyph(item.status)} {status_text(item.status)}"
            if key == "text":
                text = self.text_of(item)
                return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())[:200]
            if key == "memo":
                memo = item.memo or ""
                return memo if role == Qt.ItemDataRole.ToolTipRole else " ".join(memo.split())[:80]
            return getattr(item, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QColor(status_color(item.status))
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "line":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _Table(QTableView):
    activatedItem = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activatedItem.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ExcerptList(QWidget):
    """Filter box over a table of excerpts; emits the excerpt object chosen or opened."""

    currentChanged = Signal(object)  # the excerpt under the cursor (or None)
    excerptActivated = Signal(object)  # Enter / double click: open it in its text

    def __init__(self, columns: Sequence[str] = tuple(COLUMNS), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExcerptModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Saring daftar (sumber, kode, pengode, status, memo)…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.table = _Table()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {"document": 150, "line": 48, "code": 150, "coder": 90, "status": 120, "memo": 110}
        for i, key in enumerate(self.model.columns):
            if key in widths:
                self.table.setColumnWidth(i, widths[key])
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.currentChanged.emit(self.current_item()))
        self.table.doubleClicked.connect(lambda *_: self._activate())
        self.table.activatedItem.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)

    # -- content -------------------------------------------------------------------------
    def set_items(self, items: list[Any], text_of: Callable[[Any], str] | None = None) -> None:
        """Show ``items``; the first becomes current."""
        self.model.set_items(items, text_of)
        if self.proxy.rowCount():
            self.select_row(0)
        else:
            self.currentChanged.emit(None)

    def items(self) -> list[Any]:
        """The excerpts shown after filtering, in order."""
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.proxy.rowCount())]

    def shown_count(self) -> int:
        """How many excerpts the filter lets through."""
        return self.proxy.rowCount()

    def refresh_item(self, item: Any) -> None:
        """Repaint the row of ``item`` after its status or memo changed (found by identity, not equality)."""
        current = self.current_item()
        if current is item:
            row = self.proxy.mapToSource(self.table.currentIndex()).row()
        else:
            row = next((i for i, x in enumerate(self.model.items) if x is item), -1)
        if row >= 0:
            self.model.item_changed(row)

    # -- navigation --------------------------------------------------------------------------
    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def current_item(self) -> Any:
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.proxy.rowCount():
            return
        index = self.proxy.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def step(self, delta: int) -> bool:
        """Move to the next (``delta`` 1) or previous (-1) excerpt; False at either end."""
        row = self.current_row() + delta
        if not 0 <= row < self.proxy.rowCount():
            return False
        self.select_row(row)
        return True

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and self.current_row() < 0:
            self.select_row(0)

    def _activate(self) -> None:
        item = self.current_item()
        if item is not None:
            self.excerptActivated.emit(item)
