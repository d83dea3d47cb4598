"""The suggestions panel: make suggestions on a worker, then accept or reject them.

``SuggestionsPanel``; ``set_project(project, stack)``; ``refresh()``. Signals:
``suggestionActivated(int document_id, int start, int end)`` when a row is opened, and
``changed()`` after suggestions were made or decided (the window repaints the document).

Suggestions are computed by :func:`qda.autocode.suggest` on the shared GUI worker with a
progress dialog and Cancel; what it needs is read from the project before, and the result
stored after, on the GUI thread. Decisions are undoable commands on the window's stack:
per item (the selected rows) or all rows shown, which the filters narrow to one code or
one source.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from qda.errors import QdaError
from qda.i18n import tr

_ID = Qt.ItemDataRole.UserRole
_SPAN = Qt.ItemDataRole.UserRole + 1


def _flat(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


class SuggestionsPanel(QWidget):
    """Run suggestions; list them by source and position; accept or reject."""

    suggestionActivated = Signal(int, int, int)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.stack: Any = None
        self.job: Any = None
        self.unit = QComboBox()
        self.unit.addItem(tr("Per kalimat"), "sentence")
        self.unit.addItem(tr("Per giliran bicara"), "turn")
        self.run_button = QPushButton(tr("Buat saran"))
        self.run_button.setToolTip(tr("Cari istilah indikator setiap kode dalam kata-kata informan "
                                      "(pertanyaan pewawancara dilewati)"))
        self.terms_button = QPushButton(tr("Istilah…"))
        self.terms_button.setToolTip(tr("Ubah istilah indikator kode"))
        self.code_filter = QComboBox()
        self.doc_filter = QComboBox()
        for combo in (self.unit, self.code_filter, self.doc_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Kode"), tr("Skor"), tr("Teks"), tr("Istilah")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setWordWrap(False)
        self.tree.setColumnWidth(0, 112)
        self.tree.setColumnWidth(1, 38)
        self.tree.setColumnWidth(2, 320)
        self.accept_button = QPushButton(tr("Terima"))
        self.reject_button = QPushButton(tr("Tolak"))
        self.accept_all_button = QPushButton(tr("Terima semua"))
        self.reject_all_button = QPushButton(tr("Tolak semua"))
        self.accept_all_button.setToolTip(tr("Terima semua saran yang tampil (pakai saringan kode dan sumber)"))
        self.reject_all_button.setToolTip(tr("Tolak semua saran yang tampil (pakai saringan kode dan sumber)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(60)
        self.status.setStyleSheet("color: #5b6573;")
        # a narrow dock (a 1366-pixel screen) must fit: buttons on their own row, short combos
        top = QHBoxLayout()
        top.addWidget(self.run_button, 1)
        top.addWidget(self.terms_button)
        filters = QGridLayout()
        filters.addWidget(QLabel(tr("Satuan:")), 0, 0)
        filters.addWidget(self.unit, 0, 1)
        filters.addWidget(QLabel(tr("Kode:")), 1, 0)
        filters.addWidget(self.code_filter, 1, 1)
        filters.addWidget(QLabel(tr("Sumber:")), 2, 0)
        filters.addWidget(self.doc_filter, 2, 1)
        filters.setColumnStretch(1, 1)
        decide = QGridLayout()
        decide.addWidget(self.accept_button, 0, 0)
        decide.addWidget(self.reject_button, 0, 1)
        decide.addWidget(self.accept_all_button, 1, 0)
        decide.addWidget(self.reject_all_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(decide)
        layout.addWidget(self.status)
        self.run_button.clicked.connect(self.run)
        self.terms_button.clicked.connect(self.edit_terms)
        self.code_filter.currentIndexChanged.connect(self.refresh)
        self.doc_filter.currentIndexChanged.connect(self.refresh)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button.clicked.connect(lambda: self.decide(self.selected_ids(), True))
        self.reject_button.clicked.connect(lambda: self.decide(self.selected_ids(), False))
        self.accept_all_button.clicked.connect(lambda: self.decide(self.shown_ids(), True))
        self.reject_all_button.clicked.connect(lambda: self.decide(self.shown_ids(), False))
        self.set_project(None)

    # -- project ---------------------------------------------------------------------------
    def set_project(self, project: Any, stack: Any = None) -> None:
        self.project, self.stack = project, stack
        self._fill_filters()
        self.refresh()

    def _fill_filters(self) -> None:
        for combo, label, items in (
                (self.code_filter, tr("Semua kode"), [(c.name, c.id) for c in self.project.codes.all()]
                 if self.project is not None else []),
                (self.doc_filter, tr("Semua sumber"), [(d.name, d.id) for d in self.project.documents.all()]
                 if self.project is not None else [])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, None)
            for name, ident in items:
                combo.addItem(name, ident)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def set_document_filter(self, doc_id: int | None) -> None:
        """Show only the suggestions of one source (None: all)."""
        self.doc_filter.setCurrentIndex(max(self.doc_filter.findData(doc_id), 0))

    def set_code_filter(self, code_id: int | None) -> None:
        """Show only the suggestions of one code (None: all)."""
        self.code_filter.setCurrentIndex(max(self.code_filter.findData(code_id), 0))

    # -- list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the pending suggestions shown by the filters."""
        self.tree.clear()
        writable = self._writable()
        self.run_button.setEnabled(writable and self.job is None)
        self.terms_button.setEnabled(writable)
        if self.project is None:
            self.status.setText("")
            self._update_buttons()
            return
        rows = self.project.suggestions.rows(code=self.code_filter.currentData(),
                                             document=self.doc_filter.currentData())
        colors = {c.id: c.color for c in self.project.codes.all()}
        names = {c.name: c.id for c in self.project.codes.all()}
        docs = {d.name: d.id for d in self.project.documents.all()}
        items = []
        last_doc = None
        for r in rows:
            item = QTreeWidgetItem([r["code"], f"{r['score']:.2f}", _flat(r["text"]), ", ".join(r["terms"])])
            item.setData(0, _ID, r["id"])
            item.setData(0, _SPAN, (docs[r["document"]], r["start"], r["end"]))
            tint = QColor(colors.get(names.get(r["code"]), "#999999"))
            tint.setAlpha(90)
            item.setBackground(0, QBrush(tint))
            item.setToolTip(2, f"{r['document']}\n\n{r['text']}")
            item.setToolTip(0, r["code"])
            if r["document"] != last_doc and self.doc_filter.currentData() is None:
                header = QTreeWidgetItem(["", "", r["document"], ""])
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setForeground(2, QBrush(QColor("#5b6573")))
                items.append(header)
                last_doc = r["document"]
            items.append(item)
        self.tree.addTopLevelItems(items)
        counts = self.project.suggestions.counts()
        self.status.setText(tr("{shown} saran tampil · {pending} menunggu · {accepted} diterima · {rejected} ditolak",
                               shown=len(rows), **counts))
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(i).data(0, _ID) is not None]

    def shown_ids(self) -> list[int]:
        """Ids of the suggestions listed (after the filters)."""
        return [item.data(0, _ID) for item in self._items()]

    def selected_ids(self) -> list[int]:
        """Ids of the selected suggestions."""
        return [item.data(0, _ID) for item in self.tree.selectedItems() if item.data(0, _ID) is not None]

    def select_suggestion(self, suggestion_id: int) -> None:
        for item in self._items():
            if item.data(0, _ID) == suggestion_id:
                self.tree.setCurrentItem(item)

    def _writable(self) -> bool:
        """Suggestions are made and decided only where codings may be written (not read-only, not review mode)."""
        if self.project is None or self.project.read_only:
            return False
        supervision = getattr(self.project, "supervision", None)
        return not (supervision is not None and supervision.in_review_mode())

    def _update_buttons(self) -> None:
        writable = self._writable()
        selected, shown = bool(self.selected_ids()), bool(self.shown_ids())
        self.accept_button.setEnabled(writable and selected)
        self.reject_button.setEnabled(writable and selected)
        self.accept_all_button.setEnabled(writable and shown)
        self.reject_all_button.setEnabled(writable and shown)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, _SPAN)
        if span is not None:
            self.suggestionActivated.emit(*span)

    # -- decisions ----------------------------------------------------------------------------
    def decide(self, ids: list[int], accept: bool) -> None:
        """Accept or reject suggestions (an undoable command on the window's stack)."""
        from qda.autocode.commands import DecideSuggestions

        if not ids or self.project is None:
            return
        command = DecideSuggestions(list(ids), accept)
        try:
            if self.stack is not None:
                self.stack.push(command)
            else:
                command.do(self.project)
        except QdaError as exc:
            QMessageBox.warning(self, tr("Saran"), str(exc))
        self.refresh()
        self.changed.emit()

    # -- making suggestions -------------------------------------------------------------------
    def run(self) -> None:
        """Make suggestions for the filtered code and source (all by default) on a worker."""
        import qda.autocode as autocode
        from qda.gui.workers import run_with_progress

        if self.project is None or self.job is not None:
            return
        unit = self.unit.currentData()
        code, doc = self.code_filter.currentData(), self.doc_filter.currentData()
        sources, codes = autocode.gather(self.project, codes=None if code is None else [code],
                                         documents=None if doc is None else [doc])
        if not codes:
            self.status.setText(tr("Belum ada kode dengan istilah indikator: isi lewat tombol Istilah…"))
            return

        def work(progress):
            return autocode.suggest(sources, codes, unit=unit, progress=progress)

        def done(found) -> None:
            self.job = None
            if self.project is not None:
                made = autocode.store(self.project, found, sources, codes, unit)
                self.refresh()
                self.status.setText(tr("{n} saran dibuat.", n=made) + " " + self.status.text())
                self.changed.emit()

        def stopped() -> None:
            self.job = None
            self.refresh()

        def failed(message: str) -> None:
            stopped()
            QMessageBox.warning(self, tr("Saran"), message)

        self.run_button.setEnabled(False)
        self.job = run_with_progress(self, tr("Membuat saran koding…"), work, done, failed, on_cancel=stopped)

    def edit_terms(self) -> None:
        """Edit the codes' indicator terms (undoable)."""
        from qda.commands import UpdateCode
        from qda.gui.autocode.terms_dialog import IndicatorTermsDialog

        if self.project is None:
            return
        dialog = IndicatorTermsDialog(self.project, self.code_filter.currentData(), self)
        if not dialog.exec():
            return
        for code_id, terms in dialog.changes().items():
            command = UpdateCode(code_id, {"indicators": terms})
            if self.stack is not None:
                self.stack.push(command)
            else:
                command.do(self.project)


def add_suggestion_actions(menu: Any, window: Any, cp: int) -> None:
    """Accept / reject entries in the viewer's context menu for the pending suggestions at ``cp``."""
    panel = window.suggestions
    project = window.project
    if project is None or window.pane.document_id is None or not panel._writable():
        return
    here = [s for s in project.suggestions.all(document=window.pane.document_id) if s.start <= cp < s.end]
    if not here:
        return
    menu.addSeparator()
    names = {c.id: c.name for c in project.codes.all()}
    for s in here:
        terms = ", ".join(s.terms)
        accept = menu.addAction(tr("Terima saran {code} ({terms})", code=names.get(s.code_id, "?"), terms=terms))
        accept.triggered.connect(lambda _=False, i=s.id: panel.decide([i], True))
        reject = menu.addAction(tr("Tolak saran {code}", code=names.get(s.code_id, "?")))
        reject.triggered.connect(lambda _=False, i=s.id: panel.decide([i], False))
