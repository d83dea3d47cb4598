"""The joint display tab: per survey indicator, the questionnaire's score beside the interviews' evidence.

Each row is one indicator (:func:`qda.mixed.joint.joint_display`); the panel under the table
shows the selected indicator's excerpts (the reusable excerpt list: Enter or a double click
opens one in its text) and its items' answer frequencies. The researcher links codes, chooses
representative quotes and writes the convergence / divergence note here; a filter lists the
excerpts of the informants whose questionnaire answers meet a condition ("Y7<=2").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from qda.errors import QdaError
from qda.gui.flow_layout import FlowLayout
from qda.i18n import language, tr, trn
from qda.survey.numfmt import SCORE_PCT_DECIMALS, fmt, fmt_pct

COLUMNS = ("Indikator", "Skor", "Kategori", "Kutipan", "Kasus", "Kutipan representatif", "Konvergensi / divergensi")


@dataclass
class _Excerpt:
    """An excerpt row for the excerpt list."""

    segment_id: int
    document_id: int
    start: int
    end: int
    document: str
    line: int
    code: str
    coder: str
    status: str | None
    memo: str
    text: str


class JointDisplayView(QWidget):
    """The joint display of the project's stored survey, with links, quotes, notes and an answer filter."""

    openRequested = Signal(int, int, int, int)  # doc id, start, end, segment id

    def __init__(self, parent: QWidget | None = None) -> None:
        from qda.gui.excerpt_list import ExcerptList

        super().__init__(parent)
        self.project: Any = None
        self.display: Any = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.survey = QComboBox()
        self.survey.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(QLabel(tr("Survei:")))
        top.addWidget(self.survey, 1)
        self.link_button = QPushButton(tr("Tautkan kode…"))
        self.link_button.clicked.connect(self.edit_links)
        self.quote_button = QPushButton(tr("Jadikan kutipan representatif"))
        self.quote_button.setToolTip(tr("Kutipan yang dipilih di daftar bawah menjadi kutipan representatif indikator"))
        self.quote_button.clicked.connect(self.choose_quotes)
        self.auto_button = QPushButton(tr("Tautkan otomatis"))
        self.auto_button.setToolTip(tr("Tautkan setiap indikator ke kode yang bernama sama"))
        self.auto_button.clicked.connect(self.auto_link)
        self.respondent_button = QPushButton(tr("Tautkan kasus…"))
        self.respondent_button.setToolTip(tr("Tautkan setiap kasus ke nomor respondennya di data survei"))
        self.respondent_button.clicked.connect(self.edit_respondents)
        layout.addLayout(top)
        actions = FlowLayout()  # the action buttons wrap on a narrow (1366 px) screen
        for b in (self.auto_button, self.link_button, self.quote_button, self.respondent_button):
            actions.addWidget(b)
        layout.addLayout(actions)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("jointTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._row_changed)
        self.table.itemChanged.connect(self._note_edited)
        split.addWidget(self.table)

        lower = QTabWidget()
        self.excerpts = ExcerptList(("document", "line", "code", "coder", "status", "text"))
        self.excerpts.excerptActivated.connect(self._open)
        lower.addTab(self.excerpts, tr("Kutipan indikator"))
        self.items = QTableWidget(0, 4)
        self.items.setObjectName("jointItems")
        self.items.setHorizontalHeaderLabels([tr("Butir"), tr("Alternatif Jawaban"), tr("Frekuensi"), tr("Persentase")])
        self.items.verticalHeader().setVisible(False)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lower.addTab(self.items, tr("Frekuensi butir"))
        filt = QWidget()
        fl = QVBoxLayout(filt)
        row = QHBoxLayout()
        self.condition = QLineEdit()
        self.condition.setPlaceholderText(tr("mis. Responsivitas<3 atau Y7<=2"))
        self.condition.returnPressed.connect(self.filter_by_answer)
        go = QPushButton(tr("Tampilkan"))
        go.clicked.connect(self.filter_by_answer)
        row.addWidget(QLabel(tr("Kasus yang jawabannya:")))
        row.addWidget(self.condition, 1)
        row.addWidget(go)
        fl.addLayout(row)
        self.filter_note = QLabel("")
        self.filter_note.setWordWrap(True)
        fl.addWidget(self.filter_note)
        self.filtered = ExcerptList(("document", "line", "code", "coder", "text"))
        self.filtered.excerptActivated.connect(self._open)
        fl.addWidget(self.filtered, 1)
        lower.addTab(filt, tr("Saring menurut jawaban"))
        self.lower = lower
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self._filling = False

    # -- data ---------------------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        self.project = project
        self.survey.blockSignals(True)
        self.survey.clear()
        if project is not None:
            for name in project.surveys.names():
                self.survey.addItem(name, name)
        self.survey.blockSignals(False)
        self.reload()

    def _writable(self) -> bool:
        return self.project is not None and not self.project.read_only

    def reload(self) -> None:
        """Recompute the display and refill the table (keeping the selected row)."""
        from qda.mixed.joint import joint_display

        keep = self.table.currentRow()
        self.display = None
        self._filling = True
        self.table.setRowCount(0)
        self._filling = False
        for b in (self.link_button, self.quote_button, self.auto_button, self.respondent_button):
            b.setEnabled(self._writable() and self.survey.count() > 0)
        if self.project is None or self.survey.count() == 0:
            self.status.setText(tr("Proyek ini belum menyimpan data kuesioner. Simpan survei dari tab Survei, lalu "
                                   "tautkan indikatornya ke kode di sini."))
            self.excerpts.set_items([])
            return
        try:
            self.display = joint_display(self.project, self.survey.currentData(), language=language())
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        self._fill()
        if self.display.rows:
            self.table.selectRow(min(max(keep, 0), len(self.display.rows) - 1))

    def _fill(self) -> None:
        d = self.display
        lines = [tr("{n} indikator; {k} kasus ditautkan ke responden.", n=len(d.rows), k=len(d.respondents))]
        lines += [tr("Perhatian: {text}", text=t) for t in d.disagreements]
        self.status.setText("\n".join(lines))
        self._filling = True
        self.table.setRowCount(len(d.rows))
        for r, row in enumerate(d.rows):
            category = (row.category_en or row.category) if language() == "en" else row.category
            quotes = "\n".join(f"\u201c{q.text.strip()}\u201d {q.citation}" + ("" if q.chosen else " *")
                               for q in row.quotes)
            values = [f"{row.key.variable}: {row.key.indicator}",
                      f"{fmt(row.score, 0)} / {fmt(row.maximum, 0)} ({fmt_pct(row.pct, SCORE_PCT_DECIMALS)})",
                      category or "–", f"{row.excerpts} · {', '.join(row.codes) or tr('(belum ditautkan)')}",
                      ", ".join(row.informants) or "–", quotes or "–", row.note]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if c == len(values) - 1 and self._writable():
                    flags |= Qt.ItemFlag.ItemIsEditable
                    item.setToolTip(tr("Klik dua kali untuk menulis catatan konvergensi atau divergensi"))
                item.setFlags(flags)
                self.table.setItem(r, c, item)
        for col, width in enumerate((150, 120, 80, 170, 150, 300)):
            self.table.setColumnWidth(col, width)
        line = self.table.fontMetrics().lineSpacing()
        for r in range(self.table.rowCount()):  # three lines a row; the whole text is in the tooltip
            self.table.setRowHeight(r, 3 * line + 8)
        self._filling = False

    def current_row(self) -> Any:
        r = self.table.currentRow()
        return self.display.rows[r] if self.display is not None and 0 <= r < len(self.display.rows) else None

    def _row_changed(self) -> None:
        row = self.current_row()
        if row is None:
            self.excerpts.set_items([])
            self.items.setRowCount(0)
            return
        self.excerpts.set_items(self._excerpts(row.segment_ids))
        freq = [(s.item, f.label, f.count, f.percent) for s in row.item_summaries for f in s.rows]
        self.items.setRowCount(len(freq))
        for r, (item, label, count, pct) in enumerate(freq):
            for c, value in enumerate((item, label, fmt(count), fmt_pct(pct))):
                self.items.setItem(r, c, QTableWidgetItem(value))

    def _excerpts(self, segment_ids: list[int]) -> list[_Excerpt]:
        from qda.reports.citations import LineIndex

        p = self.project
        wanted = set(segment_ids)
        docs = {d.id: d for d in p.documents.all()}
        codes = {c.id: c.name for c in p.codes.all()}
        coders = {c.id: c.name for c in p.coders.all()}
        statuses = p.reviews.latest_statuses()
        texts: dict[int, str] = {}
        out = []
        for s in p.segments.all():
            if s.id not in wanted:
                continue
            if s.document_id not in texts:
                texts[s.document_id] = p.documents.text(s.document_id)
            text = texts[s.document_id]
            out.append(_Excerpt(s.id, s.document_id, s.start, s.end, docs[s.document_id].name,
                                LineIndex(text).line_of(s.start), codes.get(s.code_id, ""),
                                coders.get(s.coder_id, ""), statuses.get(s.id) or "pending", "",
                                text[s.start:s.end]))
        return out

    def _open(self, excerpt: Any) -> None:
        if excerpt is not None:
            self.openRequested.emit(excerpt.document_id, excerpt.start, excerpt.end, excerpt.segment_id)

    # -- editing ------------------------------------------------------------------------------------
    def _note_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != len(COLUMNS) - 1 or self.display is None:
            return
        row = self.display.rows[item.row()]
        if item.text().strip() == row.note:
            return
        try:
            self.project.links.set_note(row.key.survey, row.key.variable, row.key.indicator, item.text())
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        row.note = item.text().strip()

    def choose_quotes(self) -> None:
        """The selected excerpt (with the one chosen before, at most two) becomes a representative quote."""
        row = self.current_row()
        excerpt = self.excerpts.current_item()
        if row is None or excerpt is None:
            self.status.setText(tr("Pilih indikator dan kutipannya di daftar bawah terlebih dahulu."))
            return
        chosen = [q.segment_id for q in row.quotes if q.chosen and q.segment_id != excerpt.segment_id]
        try:
            self.project.links.set_quotes(row.key.survey, row.key.variable, row.key.indicator,
                                          (chosen + [excerpt.segment_id])[-2:])
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        self.reload()

    def auto_link(self) -> None:
        from qda.mixed.joint import auto_link

        try:
            n = auto_link(self.project, self.survey.currentData())
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        self.reload()
        self.status.setText(tr("{n} tautan indikator–kode dibuat", n=n) + "\n" + self.status.text())

    def edit_links(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = LinkDialog(self.project, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        wanted = dialog.chosen()
        try:
            for code_id in wanted - set(row.code_ids):
                self.project.links.link(row.key.survey, row.key.variable, row.key.indicator, code_id)
            for code_id in set(row.code_ids) - wanted:
                self.project.links.unlink(row.key.survey, row.key.variable, row.key.indicator, code_id)
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        self.reload()

    def edit_respondents(self) -> None:
        """Link informants (cases) to survey respondents in a dialog, then save every change at once."""
        from qda.mixed.joint import link_respondents, respondent_ids

        survey = self.survey.currentData()
        if self.project is None or survey is None:
            return
        try:
            ids = respondent_ids(self.project, survey)
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        if not ids:
            self.status.setText(tr("Data survei {survey} tidak memiliki kolom nomor responden.", survey=survey))
            return
        dialog = RespondentDialog(self.project, survey, ids, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            n = link_respondents(self.project, survey, dialog.chosen())
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        self.reload()
        self.status.setText(trn("{n} tautan kasus–responden diubah", n=n) + "\n" + self.status.text())

    def filter_by_answer(self) -> None:
        """The excerpts of the informants whose linked respondent's answers meet the condition."""
        from qda.mixed.joint import excerpts_by_answer, informants_by_answer

        cond = self.condition.text().strip()
        if not cond or self.project is None:
            return
        try:
            names = informants_by_answer(self.project, cond, self.survey.currentData())
            segs = excerpts_by_answer(self.project, cond, self.survey.currentData())
        except QdaError as exc:
            self.filter_note.setText(str(exc))
            self.filtered.set_items([])
            return
        self.filter_note.setText(tr("Kasus: {names} ({n} segmen)", names=", ".join(names) or "–", n=len(segs)))
        self.filtered.set_items(self._excerpts([s.id for s in segs]))


class LinkDialog(QDialog):
    """Choose the codes linked to one indicator."""

    def __init__(self, project: Any, row: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kode untuk indikator {ind}", ind=row.key.indicator))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Centang kode yang membicarakan indikator ini:")))
        self.list = QListWidget()
        for code in project.codes.all():
            item = QListWidgetItem(code.name)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code.id in row.code_ids else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 480)

    def chosen(self) -> set[int]:
        out = set()
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return out


class RespondentDialog(QDialog):
    """Choose, for each informant (case), the survey respondent it is (or none)."""

    def __init__(self, project: Any, survey: str, ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.survey = survey
        self.setWindowTitle(tr("Kasus sebagai responden"))
        layout = QVBoxLayout(self)
        note = QLabel(tr("Pilih nomor responden setiap kasus di data survei {survey}. Atribut kasus dan profil "
                         "responden dibandingkan setelah disimpan.", survey=survey))
        note.setWordWrap(True)
        layout.addWidget(note)
        cases = project.cases.all()
        self.table = QTableWidget(len(cases), 3)
        self.table.setObjectName("respondentTable")
        self.table.setHorizontalHeaderLabels([tr("Kasus"), tr("Atribut"), tr("Nomor responden")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.boxes: dict[str, QComboBox] = {}
        for r, case in enumerate(cases):
            name = QTableWidgetItem(case.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, name)
            attrs = "; ".join(f"{k}: {v}" for k, v in sorted((case.attributes or {}).items()))
            item = QTableWidgetItem(attrs)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(attrs)
            self.table.setItem(r, 1, item)
            box = QComboBox()
            box.addItem(tr("(tidak ditautkan)"), None)
            for rid in ids:
                box.addItem(rid, rid)
            current = project.links.respondent_of(case.id, survey)
            box.setCurrentIndex(max(box.findData(current), 0) if current else 0)
            self.table.setCellWidget(r, 2, box)
            self.boxes[case.name] = box
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        match = QPushButton(tr("Cocokkan nomor yang sama"))
        match.setToolTip(tr("Pilih responden yang nomornya sama dengan nama kasus atau salah satu atributnya"))
        match.clicked.connect(self.match_same_ids)
        row.addWidget(match)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def match_same_ids(self) -> int:
        """Preselect the respondent whose id equals the case name or an attribute value; returns how many."""
        from qda.mixed.joint import matching_respondents

        found = matching_respondents(self.project, self.survey)
        for name, rid in found.items():
            box = self.boxes.get(name)
            if box is not None:
                box.setCurrentIndex(box.findData(rid))
        return len(found)

    def chosen(self) -> dict[str, str | None]:
        """Case name -> chosen respondent id (None: not linked)."""
        return {name: box.currentData() for name, box in self.boxes.items()}
