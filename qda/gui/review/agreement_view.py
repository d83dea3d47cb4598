"""The agreement view: pick coders and a unit, read the per-code table, open each disagreement.

Each disagreement opens the coders' codings side by side in the text
(:class:`SideBySideDialog`), so a supervisor can talk through why they differ.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget)

from qda.errors import QdaError
from qda.i18n import tr
from qda.review.agreement import AgreementResult, Disagreement, compute_agreement
from qda.sources.lines import LineIndex
from qda.survey.numfmt import fmt, fmt_pct

UNITS = (("sentence", "Kalimat"), ("turn", "Giliran bicara"), ("paragraph", "Paragraf"), ("char", "Karakter"))
CONTEXT = 300


def _cell(text: str, align_right: bool = False, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class AgreementView(QWidget):
    """Inter-coder agreement of the open project."""

    openRequested = Signal(int, int, int, int)  # document id, start, end, segment id (0: none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.result: AgreementResult | None = None
        title = QLabel(tr("Kesepakatan antarpengode"))
        title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f3b5c;")
        self.coder_list = QListWidget()
        self.coder_list.setMaximumHeight(110)
        self.unit_box = QComboBox()
        for key, text in UNITS:
            self.unit_box.addItem(tr(text), key)
        self.run_button = QPushButton(tr("Hitung kesepakatan"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.compute)
        self.overall = QLabel()
        self.overall.setTextFormat(Qt.TextFormat.RichText)
        self.overall.setWordWrap(True)
        controls = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Pengode yang dibandingkan (dua atau lebih):")))
        left.addWidget(self.coder_list)
        controls.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Satuan:")))
        right.addWidget(self.unit_box)
        right.addWidget(self.run_button)
        right.addStretch(1)
        controls.addLayout(right, 1)
        self.code_table = _table([tr("Kode"), tr("Kesepakatan"), "κ Cohen", "α Krippendorff", tr("Satuan"),
                                  tr("Tidak sepakat")])
        for col, width in enumerate((200, 100, 90, 110, 80)):
            self.code_table.setColumnWidth(col, width)
        self.code_table.itemSelectionChanged.connect(self._show_disagreements)
        self.dis_table = _table([tr("Sumber"), tr("Baris"), tr("Kode"), tr("Dikode oleh"), tr("Tidak dikode oleh"),
                                 tr("Teks")])
        for col, width in enumerate((150, 50, 150, 110, 120)):
            self.dis_table.setColumnWidth(col, width)
        self.dis_table.itemActivated.connect(lambda *_: self.open_disagreement())
        self.dis_table.doubleClicked.connect(lambda *_: self.open_disagreement())
        self.dis_label = QLabel()
        self.definitions = QLabel(tr(
            "Satuan diberi nilai ada/tidak ada untuk setiap kode; pengode yang belum mengode sebuah sumber tidak "
            "dihitung di sumber itu. Baris “(semua kode)” menggabungkan semua pasangan satuan × kode. "
            "Klik ganda sebuah ketidaksepakatan untuk melihat koding para pengode berdampingan."))
        self.definitions.setWordWrap(True)
        self.definitions.setStyleSheet("color: #6b7280;")
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.dis_label)
        ll.addWidget(self.dis_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.code_table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addWidget(self.overall)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.definitions)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.result = None
        self.coder_list.clear()
        self.code_table.setRowCount(0)
        self.dis_table.setRowCount(0)
        self.overall.clear()
        if project is None:
            return
        counts = project.coders.counts()
        for coder in project.coders.all():
            if not counts.get(coder.id):
                continue
            item = QListWidgetItem(f"{coder.name} ({counts[coder.id]})")
            item.setData(Qt.ItemDataRole.UserRole, coder.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.coder_list.count() < 2 else Qt.CheckState.Unchecked)
            self.coder_list.addItem(item)

    def chosen_coders(self) -> list[str]:
        return [self.coder_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.coder_list.count())
                if self.coder_list.item(i).checkState() == Qt.CheckState.Checked]

    def set_coders(self, names: list[str]) -> None:
        wanted = {n.casefold() for n in names}
        for i in range(self.coder_list.count()):
            item = self.coder_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole).casefold() in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def compute(self) -> None:
        """Compute agreement for the chosen coders and unit and fill the tables."""
        if self.project is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result = compute_agreement(self.project, self.chosen_coders(), unit=self.unit_box.currentData())
        except QdaError as exc:
            self.result = None
            self.overall.setText(f"<span style='color:#c62828'>{html.escape(str(exc))}</span>")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._fill()

    def _fill(self) -> None:
        r = self.result
        assert r is not None
        o = r.overall
        self.overall.setText(
            f"<b>{html.escape(', '.join(r.coders))}</b> · " + html.escape(tr(
                "{docs} sumber, {n} satuan · kesepakatan {pa} · κ Cohen {k} · α Krippendorff {a}",
                docs=r.documents, n=fmt(r.units), pa=fmt_pct(o.percent_agreement, 1), k=fmt(o.cohen_kappa),
                a=fmt(o.krippendorff_alpha))))
        rows = [(tr("(semua kode)"), o, None)] + [(name, s, name) for name, s in r.per_code.items()]
        self.code_table.setRowCount(len(rows))
        for i, (name, s, key) in enumerate(rows):
            self.code_table.setItem(i, 0, _cell(name, data=key))
            self.code_table.setItem(i, 1, _cell(fmt_pct(s.percent_agreement, 1), True))
            self.code_table.setItem(i, 2, _cell(fmt(s.cohen_kappa), True))
            self.code_table.setItem(i, 3, _cell(fmt(s.krippendorff_alpha), True))
            self.code_table.setItem(i, 4, _cell(fmt(int(s.items)), True))
            self.code_table.setItem(i, 5, _cell(fmt(int(s.items - s.agreements)), True))
        self.code_table.selectRow(0)
        self._show_disagreements()

    def _show_disagreements(self) -> None:
        if self.result is None:
            return
        row = self.code_table.currentRow()
        code = self.code_table.item(row, 0).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        items = [d for d in self.result.disagreements if code is None or d.code == code]
        shown = items[:2000]
        self.dis_label.setText(tr("{n} ketidaksepakatan", n=fmt(len(items))) +
                               (tr(" (2.000 pertama ditampilkan)") if len(items) > len(shown) else ""))
        texts: dict[int, tuple[str, LineIndex]] = {}
        self.dis_table.setRowCount(len(shown))
        for i, d in enumerate(shown):
            if d.document_id not in texts:
                body = self.project.documents.text(d.document_id)
                texts[d.document_id] = (body, LineIndex(body))
            text, index = texts[d.document_id]
            self.dis_table.setItem(i, 0, _cell(d.document, data=d))
            self.dis_table.setItem(i, 1, _cell(str(index.first_line_of(d.start)), True))
            self.dis_table.setItem(i, 2, _cell(d.code))
            self.dis_table.setItem(i, 3, _cell(", ".join(d.coded_by)))
            self.dis_table.setItem(i, 4, _cell(", ".join(d.not_coded_by)))
            self.dis_table.setItem(i, 5, _cell(" ".join(text[d.start:d.end].split())[:200]))

    def current_disagreement(self) -> Disagreement | None:
        row = self.dis_table.currentRow()
        if row < 0 or self.dis_table.item(row, 0) is None:
            return None
        return self.dis_table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def open_disagreement(self) -> SideBySideDialog | None:
        """Show the current disagreement's codings side by side (non-modal)."""
        d = self.current_disagreement()
        if d is None or self.result is None:
            return None
        dialog = SideBySideDialog(self.project, d, self.result.coders, self)
        dialog.openRequested.connect(self.openRequested)
        dialog.show()
        self._side = dialog
        return dialog


class SideBySideDialog(QDialog):
    """Two (or more) coders' codings of one code around a disagreement, in columns of the same text."""

    openRequested = Signal(int, int, int, int)

    def __init__(self, project: Any, d: Disagreement, coders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Ketidaksepakatan: {code} di {doc}", code=d.code, doc=d.document))
        self.resize(1000, 520)
        text = project.documents.text(d.document_id)
        lo, hi = max(0, d.start - CONTEXT), min(len(text), d.end + CONTEXT)
        code = project.codes.get(d.code_id)
        involved = [c for c in coders if c in d.coded_by or c in d.not_coded_by]
        segs = [project.segments.get(sid) for sid in d.segment_ids]
        coder_ids = {c.name: c.id for c in project.coders.all()}
        nearby = [s for s in project.segments.all(document=d.document_id, code=d.code_id) if s.end > lo and s.start < hi]
        self.columns: dict[str, QTextBrowser] = {}
        row = QHBoxLayout()
        for name in involved:
            mine = sorted((s for s in nearby if s.coder_id == coder_ids.get(name)), key=lambda s: s.start)
            box = QVBoxLayout()
            flag = "✓" if name in d.coded_by else "—"
            head = QLabel(f"<b>{html.escape(name)}</b> {flag} <span style='color:{code.color}'>"
                          f"{html.escape(code.name)}</span>")
            head.setTextFormat(Qt.TextFormat.RichText)
            view = QTextBrowser()
            view.setHtml(self._html(text, lo, hi, mine, d, code.color))
            self.columns[name] = view
            box.addWidget(head)
            box.addWidget(view, 1)
            row.addLayout(box, 1)
        self.segment_ids = [s.id for s in segs]
        note = QLabel(html.escape(tr("Teks yang diperdebatkan bergaris bawah merah; sorotan = segmen pengode itu.")))
        note.setStyleSheet("color: #6b7280;")
        open_button = QPushButton(tr("Buka di sumbernya"))
        first = self.segment_ids[0] if self.segment_ids else 0
        open_button.clicked.connect(lambda: self.openRequested.emit(d.document_id, d.start, d.end, first))
        close_button = QPushButton(tr("Tutup"))
        close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(open_button)
        bottom.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addLayout(bottom)

    @staticmethod
    def _html(text: str, lo: int, hi: int, segs: list[Any], d: Disagreement, color: str) -> str:
        cuts = sorted({lo, hi, d.start, d.end, *[max(lo, min(hi, p)) for s in segs for p in (s.start, s.end)]})
        parts = []
        for a, b in zip(cuts, cuts[1:]):
            piece = html.escape(text[a:b]).replace("\n", "<br>")
            coded = any(s.start <= a and s.end >= b for s in segs)
            disputed = d.start <= a and d.end >= b
            style = []
            if coded:
                style.append(f"background:{color}")
            if disputed:
                style.append("border:1px solid #c62828; text-decoration: underline; text-decoration-color:#c62828")
            parts.append(f"<span style='{'; '.join(style)}'>{piece}</span>" if style else piece)
        return "<div style='font-size:11pt; line-height:140%'>…" + "".join(parts) + "…</div>"
