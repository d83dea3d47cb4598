"""The Qt item model of the code tree: groups at the top, codes with their hierarchy below.

:class:`CodeTreeModel` adapts the plain ``Code`` records of a project (``project.codes.all()``)
and the segment counts (``project.codes.counts()``); it never runs SQL and never parses
ids out of display text: every item hands back its code id, the ``Code`` record, its group
key and its kind through the roles below. Column 0 is the name (with a colour swatch),
column 1 the number of segments.

Drag and drop: codes are dragged as ``application/x-qda-code`` (JSON ``{"code_id": int}``)
and may be dropped on another code or on a group (the model emits :attr:`moveRequested`);
a text selection dragged from the document viewer arrives as ``application/x-qda-selection``
(JSON ``{"document_id", "start", "end"}``) and, dropped on a code, makes the model emit
:attr:`selectionDropped`. The model changes nothing itself; the panel turns requests into
undoable commands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from qda.codebook import group_name
from qda.domain import GROUPS
from qda.i18n import language, tr, trn
from qda.gui.panels.swatch import group_icon, swatch_icon

SELECTION_MIME = "application/x-qda-selection"
CODE_MIME = "application/x-qda-code"

CodeIdRole = Qt.ItemDataRole.UserRole + 1  #: int code id (None on a group)
CodeRole = Qt.ItemDataRole.UserRole + 2  #: the ``Code`` record (None on a group)
GroupKeyRole = Qt.ItemDataRole.UserRole + 3  #: "dimension" | "factor" | "own"
KindRole = Qt.ItemDataRole.UserRole + 4  #: "group" | "code"
CountRole = Qt.ItemDataRole.UserRole + 5  #: segments of this code (of the whole group on a group)



def group_display_name(key: str) -> str:
    """Display name of a codebook group in the interface language (the key of an unknown group)."""
    return group_name(key, language())


def code_display_name(code: Any) -> str:
    """A code's name in the interface language (its English name when English is chosen)."""
    if language() == "en" and getattr(code, "name_en", ""):
        return code.name_en
    return code.name


@dataclass(eq=False)
class _Node:
    kind: str  # "root" | "group" | "code"
    group: str
    code: Any = None
    parent: "_Node | None" = None
    children: list["_Node"] = field(default_factory=list)
    row: int = 0

    @property
    def code_id(self) -> int | None:
        return None if self.code is None else self.code.id


class CodeTreeModel(QAbstractItemModel):
    """Groups and codes of one project as a two-column tree."""

    #: (code id, new parent id or None, group key of the drop target)
    moveRequested = Signal(int, object, str)
    #: (document id, start, end, code id)
    selectionDropped = Signal(int, int, int, int)
    #: (code id, new name) after an in-place edit
    renameRequested = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("root", "")
        self._by_id: dict[int, _Node] = {}
        self._groups: dict[str, _Node] = {}
        self._counts: dict[int, int] = {}
        self.set_codes([], {})

    # ------------------------------------------------------------------ content

    def set_codes(self, codes: Iterable[Any], counts: dict[int, int]) -> None:
        """Replace the whole tree by ``codes`` (tree order) with segment ``counts``."""
        self.beginResetModel()
        self._root = _Node("root", "")
        self._by_id = {}
        self._groups = {}
        self._counts = dict(counts)
        codes = list(codes)
        keys = list(GROUPS) + sorted({c.group for c in codes} - set(GROUPS))
        for key in keys:
            node = _Node("group", key, parent=self._root, row=len(self._root.children))
            self._root.children.append(node)
            self._groups[key] = node
        for code in codes:
            self._by_id[code.id] = _Node("code", code.group, code=code)
        for code in codes:
            node = self._by_id[code.id]
            parent = self._by_id.get(code.parent_id) if code.parent_id is not None else None
            if parent is None:
                parent = self._groups[code.group]
            node.parent = parent
            node.row = len(parent.children)
            parent.children.append(node)
        self.endResetModel()

    def set_counts(self, counts: dict[int, int]) -> None:
        """Update the segment counts only (no reset; views keep expansion and selection).

        Only the rows whose number changed (and their group's total) are reported to the
        views, so coding one passage repaints one row, not the whole codebook.
        """
        old, self._counts = self._counts, dict(counts)
        changed = {cid for cid in set(old) | set(self._counts) if old.get(cid, 0) != self._counts.get(cid, 0)}
        groups: set[str] = set()
        for code_id in changed:
            node = self._by_id.get(code_id)
            if node is None:
                continue
            groups.add(node.group)
            index = self.createIndex(node.row, 1, node)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, CountRole])
        for key in groups:
            group = self._groups.get(key)
            if group is not None:
                index = self.createIndex(group.row, 1, group)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, CountRole])

    def count(self, code_id: int) -> int:
        """Segments coded with ``code_id`` (0 if none)."""
        return self._counts.get(code_id, 0)

    def subtree_count(self, code_id: int) -> int:
        """Segments of ``code_id`` and all its subcodes."""
        node = self._by_id.get(code_id)
        return self._node_total(node) if node else 0

    def _node_total(self, node: _Node) -> int:
        own = self._counts.get(node.code_id, 0) if node.kind == "code" else 0
        return own + sum(self._node_total(c) for c in node.children)

    def code(self, code_id: int) -> Any:
        """The ``Code`` record with ``code_id`` (None if not in the tree)."""
        node = self._by_id.get(code_id)
        return node.code if node else None

    def codes(self) -> list[Any]:
        """All codes, in tree order."""
        out: list[Any] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                if child.kind == "code":
                    out.append(child.code)
                walk(child)

        walk(self._root)
        return out

    def descendant_ids(self, code_id: int) -> set[int]:
        """Ids of all subcodes of ``code_id`` (not including it)."""
        out: set[int] = set()
        stack = list(self._by_id[code_id].children) if code_id in self._by_id else []
        while stack:
            node = stack.pop()
            out.add(node.code_id)
            stack.extend(node.children)
        return out

    def group_codes(self, key: str) -> list[Any]:
        """Codes of group ``key`` in tree order."""
        return [c for c in self.codes() if c.group == key]

    def index_of_code(self, code_id: int, column: int = 0) -> QModelIndex:
        """The index of ``code_id`` (invalid if absent)."""
        node = self._by_id.get(code_id)
        return self.createIndex(node.row, column, node) if node else QModelIndex()

    def index_of_group(self, key: str, column: int = 0) -> QModelIndex:
        """The index of group ``key`` (invalid if absent)."""
        node = self._groups.get(key)
        return self.createIndex(node.row, column, node) if node else QModelIndex()

    # ------------------------------------------------------------------ structure

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < 2:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Kode") if section == 0 else "n"  # a short count header leaves the width to the names
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return tr("Nama kode") if section == 0 else tr("Jumlah segmen yang diberi kode ini")
        return None

    # ------------------------------------------------------------------ data

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        col = index.column()
        if role == CodeIdRole:
            return node.code_id
        if role == CodeRole:
            return node.code
        if role == GroupKeyRole:
            return node.group
        if role == KindRole:
            return node.kind
        if role == CountRole:
            return self._node_total(node) if node.kind == "group" else self._counts.get(node.code_id, 0)
        if node.kind == "group":
            return self._group_data(node, col, role)
        return self._code_data(node, col, role)

    def _group_data(self, node: _Node, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return group_display_name(node.group)
            total = self._node_total(node)
            return str(total) if total else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return group_icon()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#34495e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return trn("{n} kode", n=len(self._descendants(node))) + ", " + trn("{n} segmen", n=self._node_total(node))
        return None

    def _descendants(self, node: _Node) -> list[_Node]:
        out, stack = [], list(node.children)
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(n.children)
        return out

    def _code_data(self, node: _Node, col: int, role: int) -> Any:
        code = node.code
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return code_display_name(code) if role == Qt.ItemDataRole.DisplayRole else code.name
            n = self._counts.get(code.id, 0)
            return str(n) if n else ("" if role == Qt.ItemDataRole.DisplayRole else "0")
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return swatch_icon(code.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QBrush(QColor("#5f6b7a"))
        if role == Qt.ItemDataRole.ToolTipRole:
            own = self._counts.get(code.id, 0)
            total = self._node_total(node)
            text = trn("{name}: {n} segmen", name=code.name, n=own)
            if total != own:
                text += " " + tr("({m} termasuk subkode)", m=total)
            return text
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node: _Node = index.internalPointer()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if node.kind == "code":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
            if index.column() == 0:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 0:
            return False
        node: _Node = index.internalPointer()
        new = str(value).strip()
        if node.kind != "code" or not new or new == node.code.name:
            return False
        self.renameRequested.emit(node.code.id, new)
        return True

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SELECTION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        for index in indexes:
            node: _Node = index.internalPointer() if index.isValid() else None
            if node is not None and node.kind == "code":
                mime.setData(CODE_MIME, json.dumps({"code_id": node.code.id}).encode())
                mime.setText(node.code.name)
                break
        return mime

    def _target(self, row: int, parent: QModelIndex) -> _Node | None:
        # dropped *on* an item (row == -1) or between items: the parent item is the target
        if not parent.isValid():
            return None
        return parent.internalPointer()

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex) -> bool:  # type: ignore[override]
        target = self._target(row, parent)
        if target is None:
            return False
        if data.hasFormat(SELECTION_MIME):
            return target.kind == "code" and _selection_payload(data) is not None
        if data.hasFormat(CODE_MIME):
            code_id = _code_payload(data)
            if code_id is None or code_id not in self._by_id:
                return False
            if target.kind == "code" and (target.code_id == code_id or target.code_id in self.descendant_ids(code_id)):
                return False
            return True
        return False

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex) -> bool:  # type: ignore[override]
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._target(row, parent)
        assert target is not None
        if data.hasFormat(SELECTION_MIME):
            doc_id, start, end = _selection_payload(data)  # type: ignore[misc]
            self.selectionDropped.emit(doc_id, start, end, target.code_id)
            return True
        code_id = _code_payload(data)
        assert code_id is not None
        new_parent = target.code_id if target.kind == "code" else None
        self.moveRequested.emit(code_id, new_parent, target.group)
        # returning False keeps the view from removing the dragged row itself;
        # the tree is rebuilt from the project once the move is done
        return False


def selection_mime(document_id: int, start: int, end: int) -> QMimeData:
    """Mime data of a text selection as the document viewer drags it."""
    mime = QMimeData()
    payload = {"document_id": document_id, "start": start, "end": end}
    mime.setData(SELECTION_MIME, json.dumps(payload).encode())
    return mime


def _selection_payload(data: QMimeData) -> tuple[int, int, int] | None:
    try:
        raw = json.loads(bytes(data.data(SELECTION_MIME).data()).decode("utf-8"))
        values = int(raw["document_id"]), int(raw["start"]), int(raw["end"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return values if values[1] < values[2] else None


def _code_payload(data: QMimeData) -> int | None:
    try:
        return int(json.loads(bytes(data.data(CODE_MIME).data()).decode("utf-8"))["code_id"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
