"""A read-only Qt table model over a pandas DataFrame of text cells."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class FrameModel(QAbstractTableModel):
    """Shows a DataFrame; rows are numbered as in the user's file (``first_row``)."""

    def __init__(self, frame: Any = None, first_row: int = 2, parent: Any = None) -> None:
        super().__init__(parent)
        self._frame = frame
        self._first = first_row
        self._values: list[list[Any]] = [] if frame is None else frame.values.tolist()

    def set_frame(self, frame: Any, first_row: int = 2) -> None:
        """Replace the data shown."""
        self.beginResetModel()
        self._frame, self._first = frame, first_row
        self._values = [] if frame is None else frame.values.tolist()
        self.endResetModel()

    @property
    def frame(self) -> Any:
        """The DataFrame shown (or None)."""
        return self._frame

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._frame is None else len(self._values)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._frame is None else self._frame.shape[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._values[index.row()][index.column()]
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._frame is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._frame.columns[section])
        return str(section + self._first)
