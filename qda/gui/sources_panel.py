"""The sources dock: documents grouped by kind, with informant attributes."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qda import domain
from qda.i18n import tr, trc, trn
from qda.survey.numfmt import fmt_int

DOC_ROLE = Qt.ItemDataRole.UserRole


def kind_group_label(kind: str) -> str:
    """The heading of the group of sources of one kind (``Wawancara`` / ``Interviews``)."""
    return domain.kind_label(kind if kind in domain.KIND_LABELS else "other", translate=lambda text: trc("group", text))


def kind_label(kind: str) -> str:
    """The kind of one source (``Wawancara`` / ``Interview``)."""
    return domain.kind_label(kind if kind in domain.KIND_LABELS else "other")


class SourcesPanel(QWidget):
    """Tree of sources by kind; a details pane shows the attributes of the current one."""

    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self._items: dict[int, QTreeWidgetItem] = {}
        self._order: list[int] = []
        self._docs: dict[int, Any] = {}
        self._cases: dict[int, Any] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Sumber"), tr("Kata")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMargin(8)
        self.details.setStyleSheet("QLabel { background: #fbfbfc; color: #333; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([300, 200])
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.tree.currentItemChanged.connect(self._current_changed)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the tree from the project (keeps the current document)."""
        current = self.current_document_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._order = []
        if self.project is None:
            self.tree.blockSignals(False)
            self.details.clear()
            return
        cases = {c.id: c for c in self.project.cases.all()}
        self._cases = cases
        self._docs = {}
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for doc in self.project.documents.all():
            group = groups.get(doc.kind)
            if group is None:
                group = QTreeWidgetItem([kind_group_label(doc.kind), ""])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setForeground(0, QColor("#1f3b5c"))
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                groups[doc.kind] = group
            self._docs[doc.id] = doc
            item = QTreeWidgetItem([doc.name, f"{doc.words:,}".replace(",", ".")])
            item.setData(0, DOC_ROLE, doc.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, self._tooltip(doc, cases.get(doc.case_id)))
            group.addChild(item)
            self._items[doc.id] = item
        self._order = [self.tree.topLevelItem(i).child(j).data(0, DOC_ROLE)
                       for i in range(self.tree.topLevelItemCount())
                       for j in range(self.tree.topLevelItem(i).childCount())]
        for group in groups.values():
            group.setText(1, str(group.childCount()))
        self.tree.blockSignals(False)
        if current in self._items:
            self.tree.setCurrentItem(self._items[current])
        else:
            self.details.setText(self._summary_html())

    # -- navigation --------------------------------------------------------------------
    def current_document_id(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, DOC_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def document_ids(self) -> list[int]:
        """Document ids in the order shown."""
        return list(self._order)

    def select_document(self, doc_id: int) -> None:
        item = self._items.get(doc_id)
        if item is not None and item is not self.tree.currentItem():
            self.tree.setCurrentItem(item)

    def step(self, delta: int) -> int | None:
        """Select the next (``+1``) or previous (``-1``) document; return its id."""
        if not self._order:
            return None
        cur = self.current_document_id()
        i = self._order.index(cur) + delta if cur in self._order else 0
        doc_id = self._order[i % len(self._order)]
        self.select_document(doc_id)
        return doc_id

    def _current_changed(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        value = item.data(0, DOC_ROLE) if item is not None else None
        if value is None:
            self.details.setText(self._summary_html())
            return
        doc_id = int(value)
        self.details.setText(self._details_html(doc_id))
        self.documentActivated.emit(doc_id)

    # -- texts ------------------------------------------------------------------------------
    def _attributes(self, doc: Any, case: Any) -> list[tuple[str, str]]:
        rows = [(tr("Jenis"), kind_label(doc.kind)), (tr("Kata"), fmt_int(doc.words)),
                (tr("Giliran bicara"), fmt_int(doc.turn_count))]
        if case is not None:
            rows.append((tr("Kasus"), case.name))
            rows += sorted((str(k), str(v)) for k, v in (case.attributes or {}).items())
        try:
            attrs = self.project.documents.attributes(doc.id)
        except Exception:  # an attribute table the file lacks must not hide the source
            attrs = {}
        rows += [(str(k), str(v)) for k, v in attrs.items() if (str(k), str(v)) not in rows]
        return rows

    def _tooltip(self, doc: Any, case: Any) -> str:
        rows = self._attributes(doc, case)[:12]
        return "<b>" + html.escape(doc.name) + "</b><br>" + "<br>".join(
            f"{html.escape(k)}: {html.escape(v)}" for k, v in rows)

    def _details_html(self, doc_id: int) -> str:
        doc = self._docs.get(doc_id) or self.project.documents.get(doc_id)
        case = self._cases.get(doc.case_id) if doc.case_id is not None else None
        rows = "".join(
            f"<tr><td style='color:#6b7380;padding-right:10px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>" for k, v in self._attributes(doc, case))
        return f"<b>{html.escape(doc.name)}</b><table style='margin-top:4px'>{rows}</table>"

    def _summary_html(self) -> str:
        if self.project is None:
            return ""
        n = len(self._order)
        if not n:
            return tr("Belum ada sumber. Impor transkrip lewat menu Berkas atau seret berkas ke jendela ini.")
        return trn("{n} sumber. Pilih satu untuk membacanya.", n=n)
