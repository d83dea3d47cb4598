"""A reusable list of coded excerpts (ATLAS.ti's quotation manager): source, line, code, coder, status, memo, text.

:class:`ExcerptList` shows any objects with the attributes ``document``, ``line``, ``code``,
``coder``, ``status`` and ``memo`` (such as :class:`qda.review.queue.QueueItem`); the
excerpt's text comes from a callback, asked only for the rows on screen. A filter box
narrows the rows by any column; Enter or a double click asks to open the excerpt in its text.

With ``choices`` (e.g. ``("document", "coder", "status")``) the list also offers one
drop-down per column to filter by, a count and an export button. Given a project
(:meth:`ExcerptList.set_project`), it lists every coding of a code (:meth:`show_code`:
"Tampilkan segmen") or the passages a query or a matrix cell found (:meth:`show_passages`),
as :class:`Excerpt` items built from :func:`qda.analysis.passage_rows` — the rows the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
                            Signal)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView, QVBoxLayout, QWidget)

from qda.gui.review.looks import status_color, status_glyph, status_text
from qda.i18n import tr, trn

#: column key → heading (Indonesian source text)
COLUMNS = {"document": "Sumber", "line": "Baris", "code": "Kode", "coder": "Pengode", "status": "Status",
           "memo": "Memo", "text": "Kutipan"}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Excerpt:
    """One passage of :func:`qda.analysis.passage_rows` as a list item (one coding, or several of one span)."""

    document: str
    line: str
    code: str
    coder: str
    status: str
    memo: str
    text: str
    document_id: int
    start: int
    end: int
    coders: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    row: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Excerpt":
        # "unreviewed" in the analysis core is the review queue's "pending"
        statuses = tuple("pending" if s == "unreviewed" else s for s in row["status"].split("; ") if s)
        status = statuses[0] if len(statuses) == 1 else " / ".join(status_text(s) for s in statuses)
        a, b = row["line_start"], row["line_end"]
        return cls(row["document"], str(a) if a == b else f"{a}–{b}", row["code"], row["coder"], status,
                   row["memo"], row["text"], row["document_id"], row["start"], row["end"], tuple(row["coders"]),
                   statuses, row)


def labelled(text: str, widget: QWidget) -> QWidget:
    """A label and its widget kept together (so a flow layout wraps them as one)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(QLabel(text))
    row.addWidget(widget, 1)
    return box


def _passes(item: Any, chosen: dict[str, Any]) -> bool:
    """Whether ``item`` has every value chosen in the drop-downs (``None``: any value)."""
    for key, value in chosen.items():
        if value is None:
            continue
        if key == "coder":
            if value not in (getattr(item, "coders", None) or (item.coder,)):
                return False
        elif key == "status":
            if value not in (getattr(item, "statuses", None) or (item.status,)):
                return False
        elif getattr(item, key) != value:
            return False
    return True


class ExcerptModel(QAbstractTableModel):
    """A table over a plain list of excerpt objects; hands back the objects, never strings to parse."""

    def __init__(self, columns: Sequence[str] = tuple(COLUMNS), parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.all_items: list[Any] = []  # everything given
        self.items: list[Any] = []  # the rows: those with the values chosen in the drop-downs
        self.chosen: dict[str, Any] = {}
        self.text_of: Callable[[Any], str] = lambda item: getattr(item, "text", "")

    def _rows(self) -> list[Any]:
        if not any(v is not None for v in self.chosen.values()):
            return list(self.all_items)
        return [item for item in self.all_items if _passes(item, self.chosen)]

    def set_items(self, items: list[Any], text_of: Callable[[Any], str] | None = None) -> None:
        self.beginResetModel()
        self.all_items = list(items)
        self.items = self._rows()
        if text_of is not None:
            self.text_of = text_of
        self.endResetModel()

    def choose(self, chosen: dict[str, Any]) -> None:
        """Keep only the items with these drop-down values (one pass in Python, not a call per row from Qt)."""
        if chosen == self.chosen:
            return
        self.beginResetModel()
        self.chosen = dict(chosen)
        self.items = self._rows()
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
                around = context_of(item)
                if around is not None:  # the passage with the text around it
                    text = f"{around[0]}{text}{around[1]}"
                    return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())
                return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())[:200]
            if key == "memo":
                memo = item.memo or ""
                return memo if role == Qt.ItemDataRole.ToolTipRole else " ".join(memo.split())[:80]
            return getattr(item, key)
        if role == CONTEXT_ROLE and key == "text":
            around = context_of(item)
            return None if around is None else (around[0], self.text_of(item), around[1])
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QColor(status_color(item.status))
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "line":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


#: Model role of the text column: ``(before, passage, after)`` when read with context, else None.
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 1


def context_of(item: Any) -> tuple[str, str] | None:
    """``(before, after)`` of an excerpt read with context (``passage_rows(context=…)``), else None."""
    row = getattr(item, "row", None)
    if not row or "before" not in row:
        return None
    return row["before"], row["after"]


#: Characters of left context drawn in the list (the tooltip holds all of it).
LEAD = 30


def context_html(before: str, text: str, after: str, lead: int = LEAD) -> str:
    """One line of HTML: the context in grey (at most ``lead`` characters on the left), the passage in bold."""
    from html import escape

    def flat(part: str) -> str:
        return escape(" ".join(part.split()) if part.strip() else (" " if part else ""))

    if len(before) > lead:  # keep the passage in view: a short left context, cut at a word
        cut = before[-lead:]
        before = cut[cut.find(" ") + 1:] if " " in cut[:-1] else cut
    lead = "…" if before.strip() else ""
    tail = "…" if after.strip() else ""
    gap_l = " " if before[-1:].isspace() else ""
    gap_r = " " if after[:1].isspace() else ""
    return (f'<span style="color:#6b6b6b">{lead}{flat(before)}{gap_l}</span><b>{flat(text)}</b>'
            f'<span style="color:#6b6b6b">{gap_r}{flat(after)}{tail}</span>')


class _ContextDelegate(QStyledItemDelegate):
    """Paints the text column as the passage in bold inside its grey context, on one line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        parts = index.data(CONTEXT_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        # the left context gets about a quarter of the cell, so the passage shows in a narrow column
        lead = max(8, min(LEAD, int(option.rect.width() / 4 / max(1, opt.fontMetrics.averageCharWidth()))))
        doc.setHtml(context_html(*parts, lead=lead))
        painter.save()
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.setClipRect(rect)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        doc.drawContents(painter)
        painter.restore()


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

    def __init__(self, columns: Sequence[str] = tuple(COLUMNS), parent: QWidget | None = None, *,
                 choices: Sequence[str] = (), context: int = 0) -> None:
        super().__init__(parent)
        self.context = context  # characters of text shown around each passage (0: the passage alone)
        self.project: Any = None
        self._source: tuple[str, Any] | None = None  # what show_code / show_passages last showed
        self.model = ExcerptModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)  # the filter box only: no Python call per row
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
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.title.hide()
        self.choices: dict[str, QComboBox] = {}
        self.count_label = QLabel()
        self.export_button = QPushButton(tr("Ekspor…"))
        self.export_button.setToolTip(tr("Simpan daftar ini ke Excel atau CSV"))
        self.export_button.clicked.connect(self._ask_export)
        layout.addWidget(self.title)
        if choices:
            from qda.gui.flow_layout import FlowLayout

            bar = FlowLayout()
            for key in choices:
                combo = QComboBox()
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(6)
                combo.currentIndexChanged.connect(self._choose)
                self.choices[key] = combo
                bar.addWidget(labelled(tr(COLUMNS[key]), combo))
            self.filter_edit.setMinimumWidth(160)
            bar.addWidget(self.filter_edit)
            bar.addWidget(self.count_label)
            bar.addWidget(self.export_button)
            holder = QWidget()
            holder.setLayout(bar)
            layout.addWidget(holder)
        else:
            self.count_label.hide()
            self.export_button.hide()
            layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        if context and "text" in self.model.columns:
            self.table.setItemDelegateForColumn(self.model.columns.index("text"), _ContextDelegate(self.table))
        if "text" in self.model.columns and choices:  # the excerpt itself gets the spare width
            header.setStretchLastSection(False)
            header.setSectionResizeMode(self.model.columns.index("text"), QHeaderView.ResizeMode.Stretch)

    # -- content -------------------------------------------------------------------------
    def set_items(self, items: list[Any], text_of: Callable[[Any], str] | None = None) -> None:
        """Show ``items``; the first becomes current."""
        self.model.set_items(items, text_of)
        self._fill_choices()
        if self.proxy.rowCount():
            self.select_row(0)
        else:
            self.currentChanged.emit(None)
        self._count()

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
        self._count()

    # -- drop-down filters ---------------------------------------------------------------------
    def _values(self, key: str) -> list[str]:
        seen: dict[str, None] = {}
        for item in self.model.all_items:
            if key == "coder":
                values = getattr(item, "coders", None) or (item.coder,)
            elif key == "status":
                values = getattr(item, "statuses", None) or (item.status,)
            else:
                values = (getattr(item, key),)
            for v in values:
                seen.setdefault(v, None)
        return list(seen) if key == "status" else sorted(seen, key=lambda v: str(v).casefold())

    def _fill_choices(self) -> None:
        for key, combo in self.choices.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("Semua"), None)
            for value in self._values(key):
                combo.addItem(status_text(value) if key == "status" else str(value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.blockSignals(False)
        self.model.choose({k: c.currentData() for k, c in self.choices.items()})

    def set_choice(self, key: str, value: Any) -> None:
        """Filter column ``key`` by ``value`` (None: every value)."""
        combo = self.choices[key]
        combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        self._choose()

    def _choose(self) -> None:
        self.model.choose({k: c.currentData() for k, c in self.choices.items()})
        if self.proxy.rowCount() and self.current_row() < 0:
            self.select_row(0)
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.model.all_items)
        self.count_label.setText(tr("{n} dari {total}", n=shown, total=total) if shown != total
                                 else trn("{n} segmen", n=total))
        self.export_button.setEnabled(shown > 0)

    # -- a project's codings and passages ----------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Read excerpts from ``project`` (None: empty)."""
        self.project = project
        self._source = None
        self.title.setText("")
        self.title.hide()
        self.set_items([])

    def show_code(self, code_id: int, *, include_subcodes: bool = True) -> None:
        """Every coding of a code (and of its subcodes), one row per coding, by source and position."""
        from qda.analysis import code_passages, corpus

        if self.project is None:
            return
        data = corpus(self.project)
        code = data.codes.get(code_id)
        if code is None:
            return
        self._source = ("code", (code_id, include_subcodes))
        self._show(code_passages(data, code_id, include_subcodes=include_subcodes),
                   tr("Segmen kode {code}", code=code.name), data)

    def show_passages(self, passages: Sequence[Any], title: str) -> None:
        """The passages a query found, or those behind a matrix cell."""
        from qda.analysis import corpus

        if self.project is None:
            return
        self._source = ("passages", (list(passages), title))
        self._show(list(passages), title, corpus(self.project))

    def _show(self, passages: list[Any], title: str, data: Any) -> None:
        from qda.analysis import passage_rows

        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.set_items([Excerpt.from_row(r) for r in passage_rows(data, passages, context=self.context)])

    def refresh(self) -> None:
        """Read the current list again (after codings, reviews or memos changed)."""
        if self._source is None or self.project is None:
            return
        kind, value = self._source
        if kind == "code":
            self.show_code(value[0], include_subcodes=value[1])
        else:
            self.show_passages(*value)

    def visible_rows(self) -> list[dict[str, Any]]:
        """The analysis rows of the excerpts shown after filtering, in order."""
        return [item.row for item in self.items()]

    def export(self, path: str) -> int:
        """Write the shown excerpts to ``.csv`` or ``.xlsx``; returns the number of rows."""
        from qda.analysis.export import export_query_rows

        return export_query_rows(self.visible_rows(), path)

    def _ask_export(self) -> None:
        from qda.errors import QdaError

        folder = str(self.project.path.parent) if self.project is not None else ""
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor segmen"), folder, tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        try:
            n = self.export(path)
        except QdaError as exc:
            self.count_label.setText(str(exc))
            return
        self.count_label.setText(tr("{n} baris ditulis", n=n))

    def _activate(self) -> None:
        item = self.current_item()
        if item is not None:
            self.excerptActivated.emit(item)
