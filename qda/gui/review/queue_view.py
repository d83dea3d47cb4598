"""The review queue as its own view, driven from the keyboard like a mail client.

A supervisor sees every coded excerpt still to review (filterable by code, group,
source, kind, case attribute, coder, status and date) with its context, and gives a
verdict with one key — ``A`` approve, ``R`` ask for revision, ``X`` reject — with an
optional comment typed first (``C`` puts the cursor there, Enter goes back to the
list); the next excerpt follows. ``J``/``K`` (or the arrow keys) move, ``O`` opens the
excerpt in its document. A coder sees the same view as the "perlu direvisi" list of
their own excerpts and marks each one revised with ``M``, which sends it back.
"""

from __future__ import annotations

import html
from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)

from qda.dates import format_datetime
from qda.domain import GROUPS, KINDS, group_label, kind_label, verdict_label
from qda.commands import AddReview, MarkRevised
from qda.gui.flow_layout import FlowLayout
from qda.gui.excerpt_list import ExcerptList
from qda.gui.review.looks import status_color, status_glyph, status_text
from qda.i18n import tr
from qda.review.queue import TO_REVIEW, QueueFilter, TextCache, coder_summary, review_queue
from qda.store.supervision import QUEUE_STATUSES

#: The verdict buttons' statuses and shortcut keys.
VERDICT_KEYS = (("approved", "A"), ("needs_revision", "R"), ("rejected", "X"))


class ReviewQueueView(QWidget):
    """The queue (supervisor) or the "perlu direvisi" list (coder) of one project."""

    openRequested = Signal(int, int, int, int)  # document id, start, end, segment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.push: Callable[[Any], Any] = lambda cmd: None
        self.texts: TextCache | None = None
        self._colors: dict[int, str] = {}
        self.supervisor = True
        self._build()
        self._keys()

    # -- construction -------------------------------------------------------------------------
    def _combo(self) -> QComboBox:
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(9)
        box.currentIndexChanged.connect(lambda *_: self.reload())
        return box

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f3b5c;")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet("color: #44505e;")
        self.summary.setWordWrap(True)
        self.code_box, self.group_box, self.doc_box, self.kind_box = (self._combo() for _ in range(4))
        self.coder_box, self.status_box = self._combo(), self._combo()
        self.attr_edit = QLineEdit()
        self.attr_edit.setPlaceholderText(tr("atribut, mis. Jabatan=Lurah"))
        self.since_edit = QLineEdit()
        self.since_edit.setPlaceholderText(tr("sejak YYYY-MM-DD"))
        self.until_edit = QLineEdit()
        self.until_edit.setPlaceholderText(tr("sampai YYYY-MM-DD"))
        for edit in (self.attr_edit, self.since_edit, self.until_edit):
            edit.returnPressed.connect(self.reload)
            edit.setClearButtonEnabled(True)
        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        pairs = ((tr("Kode"), self.code_box), (tr("Kelompok"), self.group_box), (tr("Sumber"), self.doc_box),
                 (tr("Jenis"), self.kind_box), (tr("Pengode"), self.coder_box), (tr("Status"), self.status_box),
                 (tr("Atribut"), self.attr_edit), (tr("Tanggal"), self._dates()))
        per_row = 2  # two filters a row keep the queue within a 1366 px screen beside the docks
        for i, (label, widget) in enumerate(pairs):
            filters.addWidget(QLabel(label), i // per_row, (i % per_row) * 2)
            filters.addWidget(widget, i // per_row, (i % per_row) * 2 + 1)
            filters.setColumnStretch((i % per_row) * 2 + 1, 1)
        self.list = ExcerptList()
        self.list.currentChanged.connect(self._show_item)
        self.list.excerptActivated.connect(lambda item: self.open_current())
        self.context = QTextBrowser()
        self.context.setOpenLinks(False)
        self.context.setStyleSheet("QTextBrowser { background: white; }")
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setWordWrap(True)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(tr("Komentar untuk pengode (opsional), lalu Enter dan tombol vonis"))
        self.comment_edit.returnPressed.connect(self.list.table.setFocus)
        self.buttons: dict[str, QPushButton] = {}
        row = FlowLayout()  # the verdict and navigation buttons wrap on a narrow (1366 px) screen
        for status, key in VERDICT_KEYS:
            button = QPushButton(f"{status_glyph(status)} {verdict_label(status)}  [{key}]")
            button.setStyleSheet(f"QPushButton {{ color: {status_color(status)}; font-weight: bold; }}")
            button.clicked.connect(lambda _=False, s=status: self.verdict(s))
            self.buttons[status] = button
            row.addWidget(button)
        self.revised_button = QPushButton(f"{status_glyph('revised')} {tr('Tandai sudah direvisi')}  [M]")
        self.revised_button.clicked.connect(self.mark_revised)
        row.addWidget(self.revised_button)
        self.prev_button = QPushButton(tr("◀ Sebelumnya [K]"))
        self.next_button = QPushButton(tr("Berikutnya [J] ▶"))
        self.open_button = QPushButton(tr("Buka di sumbernya [O]"))
        self.prev_button.clicked.connect(lambda: self.list.step(-1))
        self.next_button.clicked.connect(lambda: self.list.step(1))
        self.open_button.clicked.connect(self.open_current)
        for b in (self.prev_button, self.next_button, self.open_button):
            row.addWidget(b)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.meta)
        dl.addWidget(self.context, 1)
        dl.addWidget(self.comment_edit)
        dl.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)

    def _dates(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.since_edit)
        row.addWidget(self.until_edit)
        return box

    def _keys(self) -> None:
        """Single keys act on the current excerpt wherever the focus is, except while typing a comment."""
        self._key_actions: dict[int, Callable[[], Any]] = {
            Qt.Key.Key_A: lambda: self.verdict("approved"),
            Qt.Key.Key_R: lambda: self.verdict("needs_revision"),
            Qt.Key.Key_X: lambda: self.verdict("rejected"),
            Qt.Key.Key_M: self.mark_revised,
            Qt.Key.Key_J: lambda: self.list.step(1),
            Qt.Key.Key_K: lambda: self.list.step(-1),
            Qt.Key.Key_O: self.open_current,
            Qt.Key.Key_C: self.comment_edit.setFocus,
            Qt.Key.Key_F5: self.reload,
        }
        for widget in (self.list.table, self.context, *self.buttons.values(), self.revised_button,
                       self.prev_button, self.next_button, self.open_button):
            widget.installEventFilter(self)

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and not (
                event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)):
            action = self._key_actions.get(event.key())
            if action is not None:
                action()
                return True
        return super().eventFilter(obj, event)

    # -- project -----------------------------------------------------------------------------------
    def set_project(self, project: Any, push: Callable[[Any], Any] | None = None) -> None:
        """Show ``project``'s queue; ``push`` runs an undoable command (the window's undo stack)."""
        self.project = project
        self.push = push or (lambda cmd: None)
        self.texts = TextCache(project) if project is not None else None
        if project is None:
            self.list.set_items([])
            return
        self.supervisor = project.coders.current.role == "supervisor"
        self._fill_filters()
        self.reload()

    def _fill(self, box: QComboBox, items: list[tuple[str, Any]], first: str) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(first, None)
        for text, data in items:
            box.addItem(text, data)
        box.blockSignals(False)

    def _fill_filters(self) -> None:
        p = self.project
        self._fill(self.code_box, [(c.name, c.name) for c in p.codes.all()], tr("semua kode"))
        self._fill(self.group_box, [(group_label(g), g) for g in GROUPS], tr("semua kelompok"))
        self._fill(self.doc_box, [(d.name, d.name) for d in p.documents.all()], tr("semua sumber"))
        self._fill(self.kind_box, [(kind_label(k, in_text=True), k) for k in KINDS], tr("semua jenis"))
        self._fill(self.coder_box, [(c.name, c.name) for c in p.coders.all() if c.role != "supervisor"],
                   tr("semua pengode"))
        statuses = [(tr("perlu ditelaah"), TO_REVIEW)] + [(status_text(s), (s,)) for s in QUEUE_STATUSES]
        self._fill(self.status_box, statuses, tr("semua status"))
        self.status_box.blockSignals(True)
        self.status_box.setCurrentIndex(1 if self.supervisor else 1 + 1 + QUEUE_STATUSES.index("needs_revision"))
        if not self.supervisor:
            self.coder_box.setCurrentIndex(max(0, self.coder_box.findData(p.coders.current.name)))
        self.status_box.blockSignals(False)
        self.title.setText(tr("Antrean telaah") if self.supervisor else tr("Perlu direvisi"))
        for button in self.buttons.values():
            button.setVisible(self.supervisor)
        self.revised_button.setVisible(not self.supervisor)

    def current_filter(self) -> QueueFilter:
        attrs = {}
        key, sep, value = self.attr_edit.text().partition("=")
        if sep and key.strip():
            attrs[key.strip()] = value.strip()

        def one(box: QComboBox) -> tuple:
            data = box.currentData()
            return () if data is None else (data,)

        status = self.status_box.currentData()
        return QueueFilter(codes=one(self.code_box), groups=one(self.group_box), documents=one(self.doc_box),
                           kinds=one(self.kind_box), coders=one(self.coder_box), attributes=attrs,
                           statuses=tuple(status) if status else (), since=self.since_edit.text().strip() or None,
                           until=self.until_edit.text().strip() or None)

    def reload(self) -> None:
        """Query the queue again with the current filters."""
        if self.project is None:
            return
        items = review_queue(self.project, self.current_filter())
        self._colors = {c.id: c.color for c in self.project.codes.all()}
        texts = self.texts
        assert texts is not None

        def text_of(item: Any) -> str:
            if not item.line:
                item.line = texts.line(item.document_id, item.start)
            return texts.text(item.document_id)[item.start:item.end]

        # line numbers are filled as rows are shown (text_of runs for visible rows only)
        self.list.set_items(items, text_of)
        self._update_summary()

    def _count_move(self, coder: str, before: str, after: str) -> None:
        """Keep the per-coder summary current after one verdict, without asking the store again."""
        for row in self._summary_rows:
            if row["coder"] == coder:
                row[before] = max(0, row.get(before, 0) - 1)
                row[after] = row.get(after, 0) + 1
        self._update_summary(recount=False)

    def _update_summary(self, recount: bool = True) -> None:
        if recount or not hasattr(self, "_summary_rows"):
            self._summary_rows = coder_summary(self.project)
        parts = []
        for row in self._summary_rows:
            marks = " ".join(f"<span style='color:{status_color(s)}'>{status_glyph(s)}&nbsp;{row[s]}</span>"
                             for s in ("approved", "needs_revision", "rejected", "revised", "pending"))
            parts.append(f"<b>{html.escape(row['coder'])}</b>&nbsp; {marks}")
        legend = " · ".join(f"{status_glyph(s)} {html.escape(status_text(s))}"
                            for s in ("approved", "needs_revision", "rejected", "revised", "pending"))
        shown = self.list.shown_count()
        self.summary.setText(html.escape(tr("Segmen ditampilkan: {n}", n=shown)) + " &nbsp;|&nbsp; "
                             + " &nbsp;&nbsp; ".join(parts) + f"<br><span style='color:#5f6b7a'>{legend}</span>")

    # -- the current excerpt ---------------------------------------------------------------------------
    def current(self) -> Any:
        return self.list.current_item()

    def _show_item(self, item: Any) -> None:
        for b in (*self.buttons.values(), self.revised_button, self.open_button):
            b.setEnabled(item is not None and not (self.project and self.project.read_only))
        if item is None or self.texts is None:
            self.context.clear()
            self.meta.setText(html.escape(tr("Tidak ada segmen yang cocok dengan saringan ini.")))
            return
        self.revised_button.setEnabled(item.status == "needs_revision" and not self.project.read_only)
        before, text, after = self.texts.excerpt(item)
        item.line = item.line or self.texts.line(item.document_id, item.start)
        color = self._colors.get(item.code_id, "#999999")

        def esc(t: str) -> str:
            return html.escape(t).replace("\n", "<br>")

        self.context.setHtml(
            f"<div style='font-size:11pt; line-height:140%'><span style='color:#6b7280'>…{esc(before)}</span>"
            f"<span style='background:{color}55; border-bottom:2px solid {color}'>{esc(text)}</span>"
            f"<span style='color:#6b7280'>{esc(after)}…</span></div>")
        meta = (f"<b style='color:{color}'>{html.escape(item.code)}</b> · {html.escape(item.document)}, "
                f"{html.escape(tr('baris {line}', line=item.line))} · {html.escape(tr('oleh {coder}', coder=item.coder))}"
                f" · {html.escape(format_datetime(item.created))} · <span style='color:{status_color(item.status)}'>"
                f"{status_glyph(item.status)} {html.escape(status_text(item.status))}</span>")
        if item.reviewer:
            meta += f"<br>{html.escape(item.reviewer)}, {html.escape(format_datetime(item.reviewed))}"
            if item.comment:
                meta += f": <i>“{html.escape(item.comment)}”</i>"
        if item.memo:
            meta += f"<br>{html.escape(tr('Memo'))}: <i>{html.escape(item.memo[:300])}</i>"
        self.meta.setText(meta)

    def verdict(self, status: str) -> None:
        """Give the current excerpt a verdict (with the typed comment) and go on to the next."""
        item = self.current()
        if item is None or not self.supervisor or self.project is None or self.project.read_only:
            return
        comment = self.comment_edit.text().strip()
        if self.push(AddReview(item.segment_id, status, comment)) is None:
            return
        before = item.status
        item.status, item.comment, item.reviewer = status, comment, self.project.coders.current.name
        from qda.store.base import now

        item.reviewed = now()
        self.comment_edit.clear()
        self.list.refresh_item(item)
        self._count_move(item.coder, before, status)
        if not self.list.step(1):
            self._show_item(item)
        self.list.table.setFocus()

    def mark_revised(self) -> None:
        """The coder has reworked the current excerpt: back to the supervisor's queue."""
        item = self.current()
        if item is None or item.status != "needs_revision" or self.project is None or self.project.read_only:
            return
        if self.push(MarkRevised(item.segment_id, self.comment_edit.text().strip())) is None:
            return
        item.status = "revised"
        self.comment_edit.clear()
        self.list.refresh_item(item)
        self._count_move(item.coder, "needs_revision", "revised")
        if not self.list.step(1):
            self._show_item(item)

    def open_current(self) -> None:
        item = self.current()
        if item is not None:
            self.openRequested.emit(item.document_id, item.start, item.end, item.segment_id)
