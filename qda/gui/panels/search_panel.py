"""The search panel: find a phrase in this source or in all sources, exactly or fuzzily.

``SearchPanel(parent=None)``; ``set_project(project)``; ``set_current_document(doc_id | None)``.
Signal ``hitActivated(int document_id, int start, int end)`` (code points, end exclusive)
when the user clicks a hit or presses Enter on it.

The search runs :func:`qda.search.search_project` on a worker thread (:mod:`.worker`);
a newer search cancels an older one and stale results are ignored. Hits are listed as
"sumber · baris · …konteks…" with the match in bold. Additions to the interface:
``search(query=None)`` starts a search (the query box's text by default), ``is_busy()``,
``hit_count()`` and ``hit(row)`` (the core's hit record of a row).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qda.i18n import tr, trn
from qda.gui.panels.html_delegate import HtmlDelegate, HtmlRole, light_selection
from qda.gui.workers import Job, start_job

#: At most this many hits are listed (a note says when there were more).
MAX_HITS = 2000
CONTEXT_CHARS = 50
#: A listed hit shows at most this much context before and after the match (two lines in a narrow dock).
SHOWN_BEFORE, SHOWN_AFTER = 24, 36
#: Longer source names are cut in the middle in a hit's first line (the tooltip names it whole).
SHOWN_NAME = 20

_HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def _flat(text: str) -> str:
    """White space runs (line breaks included) as single spaces; ends are kept."""
    return re.sub(r"\s+", " ", text)


def _cut_before(text: str, limit: int) -> tuple[str, bool]:
    """The last ``limit`` characters of ``text``, started at a word; whether anything was cut."""
    if len(text) <= limit:
        return text, False
    tail = text[-limit:]
    space = tail.find(" ")
    return (tail[space + 1:] if 0 <= space < limit // 2 else tail), True


def _cut_after(text: str, limit: int) -> tuple[str, bool]:
    """The first ``limit`` characters of ``text``, ended at a word; whether anything was cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head), True


def _short_name(name: str, limit: int = SHOWN_NAME) -> str:
    if len(name) <= limit:
        return name
    keep = limit - 1
    return name[: keep - keep // 2] + "…" + name[-(keep // 2):]


def hit_html(hit: Any) -> str:
    """One result row: source and baris on one line, two lines of context with the match in bold below."""
    before, cut_before = _cut_before(_flat(hit.before), SHOWN_BEFORE)
    after, cut_after = _cut_after(_flat(hit.after), SHOWN_AFTER)
    lead = "…" if cut_before or len(hit.before) >= CONTEXT_CHARS else ""
    tail = "…" if cut_after or len(hit.after) >= CONTEXT_CHARS else ""
    score = ""
    if hit.score < 100:
        score = f" · <span style='color:#8a6d1f'>{escape(tr('kemiripan {score}%', score=round(hit.score)))}</span>"
    return (
        f"<div><span style='font-weight:600'>{escape(_short_name(hit.document_name))}</span>"
        f"<span style='color:#6b7785'> · {escape(tr('baris {line}', line=hit.line))}</span>{score}</div>"
        f"<div style='color:#3d4752'>{lead}{escape(before.lstrip() if lead else before)}"
        f"<b style='color:#000000; background:#fff2a8'>{escape(_flat(hit.match))}</b>"
        f"{escape(after)}{tail}</div>"
    )


def hit_text(hit: Any) -> str:
    """Plain form of a result row: "dokumen · baris N · …konteks…"."""
    return f"{hit.document_name} · {tr('baris {line}', line=hit.line)} · …{_flat(hit.before)}{_flat(hit.match)}{_flat(hit.after)}…"


class SearchPanel(QWidget):
    """Query box, scope, mode and threshold, and the list of hits."""

    hitActivated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self._current_doc: int | None = None
        self._job: Job | None = None
        self._generation = 0

        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(tr("Cari kata atau frasa… (mis. grup WhatsApp)"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(lambda: self.search())
        self.search_button = QPushButton(tr("Cari"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(lambda: self.search())
        self.cancel_button = QPushButton(tr("Batal"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()

        self.scope_combo = QComboBox()
        self.scope_combo.addItem(tr("Semua sumber"), "all")
        self.scope_combo.addItem(tr("Sumber ini"), "current")
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(tr("Persis"), "exact")
        self.mode_combo.addItem(tr("Mirip (fuzzy)"), "fuzzy")
        self.mode_combo.setToolTip(tr("Mirip: menemukan juga salah ketik dan ejaan lain, mis. «kordinasi»"))
        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(50, 100)
        self.threshold_spin.setValue(80)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setToolTip(tr("Kemiripan minimum untuk pencarian mirip"))
        self.whole_word = QCheckBox(tr("Kata utuh"))
        self.mode_combo.currentIndexChanged.connect(self._update_controls)

        self.model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        light_selection(self.results)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.activated.connect(self._on_activated)
        self.results.clicked.connect(self._on_activated)
        self.status = QLabel()
        self.status.setStyleSheet("color:#5f6b7a")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.cancel_button)
        # two short rows of options, so a narrow dock keeps its height for the hits
        self.scope_combo.setToolTip(tr("Cakupan pencarian"))
        self.scope_combo.setAccessibleName(tr("Cakupan:"))
        self.mode_combo.setAccessibleName(tr("Mode:"))
        options = QGridLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.setHorizontalSpacing(4)
        options.setVerticalSpacing(2)
        options.addWidget(self.scope_combo, 0, 0)
        options.addWidget(self.mode_combo, 0, 1)
        self.threshold_label = QLabel(tr("Ambang:"))
        threshold_row = QHBoxLayout()
        threshold_row.setContentsMargins(0, 0, 0, 0)
        threshold_row.addWidget(self.whole_word)
        threshold_row.addWidget(self.threshold_label)
        threshold_row.addWidget(self.threshold_spin)
        threshold_row.addStretch(1)
        options.addLayout(threshold_row, 1, 0, 1, 2)
        options.setColumnStretch(0, 1)
        options.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._update_controls()

    # ------------------------------------------------------------------ state

    def set_project(self, project: Any) -> None:
        """Search ``project`` from now on (clears the results)."""
        self.cancel()
        self.project = project
        self._current_doc = None
        self.model.clear()
        self.status.setText("")
        self._update_controls()

    def set_current_document(self, doc_id: int | None) -> None:
        """The source "Sumber ini" refers to (None: no document is open)."""
        self._current_doc = doc_id
        self._update_controls()

    def _update_controls(self) -> None:
        fuzzy = self.mode_combo.currentData() == "fuzzy"
        # only what applies to the chosen mode is shown: the threshold for Mirip, whole words for Persis
        self.threshold_spin.setVisible(fuzzy)
        self.threshold_label.setVisible(fuzzy)
        self.whole_word.setVisible(not fuzzy)
        self.threshold_spin.setEnabled(fuzzy)
        self.threshold_label.setEnabled(fuzzy)
        self.whole_word.setEnabled(not fuzzy)
        item = self.scope_combo.model().item(1)
        if item is not None:
            item.setEnabled(self._current_doc is not None)
        if self._current_doc is None and self.scope_combo.currentData() == "current":
            self.scope_combo.setCurrentIndex(0)
        self.search_button.setEnabled(self.project is not None)

    def is_busy(self) -> bool:
        """True while a search runs."""
        return self._job is not None

    # ------------------------------------------------------------------ searching

    def search(self, query: str | None = None) -> None:
        """Start a search for ``query`` (default: the query box) with the chosen options."""
        if query is not None:
            self.query_edit.setText(query)
        query = self.query_edit.text().strip()
        if self.project is None:
            return
        if not query:
            self.status.setText(tr("Ketik kata atau frasa yang dicari."))
            return
        self.cancel()
        self._generation += 1
        generation = self._generation
        documents = [self._current_doc] if self.scope_combo.currentData() == "current" and self._current_doc else None
        mode = self.mode_combo.currentData()
        threshold = float(self.threshold_spin.value())
        whole = self.whole_word.isChecked() and mode == "exact"
        project = self.project

        def work(progress):
            from qda.search import search_project

            return search_project(
                project, query, mode=mode, documents=documents, threshold=threshold, whole_word=whole,
                context=CONTEXT_CHARS, limit=MAX_HITS + 1, progress=progress,
            )

        self.model.clear()
        self.status.setText(tr("Mencari «{query}»…", query=query))
        self.search_button.hide()
        self.cancel_button.show()
        self._job = start_job(
            work,
            lambda hits: self._on_done(generation, query, hits),
            lambda message: self._on_error(generation, message),
            on_progress=lambda done, total, _msg: self._on_progress(generation, done, total),
            on_cancel=lambda: self._on_cancelled(generation),
        )

    def cancel(self) -> None:
        """Stop a running search (its results, if any arrive, are ignored)."""
        if self._job is not None:
            self._job.cancel()
            self._generation += 1
            self._finish(tr("Pencarian dibatalkan."))

    def _finish(self, message: str) -> None:
        self._job = None
        self.cancel_button.hide()
        self.search_button.show()
        self.status.setText(message)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation and total:
            self.status.setText(tr("Mencari… {done}/{total} sumber", done=done, total=total))

    def _on_error(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._finish(tr("Pencarian gagal: {message}", message=message))

    def _on_cancelled(self, generation: int) -> None:
        if generation == self._generation:
            self._finish(tr("Pencarian dibatalkan."))

    def _on_done(self, generation: int, query: str, hits: list[Any]) -> None:
        if generation != self._generation:
            return
        more = len(hits) > MAX_HITS
        hits = hits[:MAX_HITS]
        for hit in hits:
            item = QStandardItem(hit_text(hit))
            item.setData(hit, _HIT_ROLE)
            item.setData(hit_html(hit), HtmlRole)
            item.setToolTip(tr("Klik untuk membuka {name} pada baris {line}", name=hit.document_name, line=hit.line))
            self.model.appendRow(item)
        if not hits:
            message = tr("«{query}» tidak ditemukan.", query=query)
        else:
            docs = len({h.document_id for h in hits})
            message = tr("{hits} dalam {docs}", hits=trn("{n} hasil", n=len(hits)), docs=trn("{n} sumber", n=docs))
            if more:
                message += " " + tr("(hanya {max} hasil pertama ditampilkan)", max=MAX_HITS)
        self._finish(message)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    # ------------------------------------------------------------------ results

    def hit_count(self) -> int:
        """Number of hits listed."""
        return self.model.rowCount()

    def hit(self, row: int) -> Any:
        """The hit record of ``row``."""
        return self.model.item(row).data(_HIT_ROLE)

    def _on_activated(self, index: QModelIndex) -> None:
        hit = index.data(_HIT_ROLE)
        if hit is not None:
            self.hitActivated.emit(hit.document_id, hit.start, hit.end)
