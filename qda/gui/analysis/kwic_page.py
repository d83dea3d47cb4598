"""The keyword-in-context page: a word, phrase or lemma in every source, sortable by the left or
right context, each line opening the text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qda.gui.flow_layout import FlowLayout
from qda.i18n import tr


class KwicPage(QWidget):
    """Concordance lines: source, baris, left context, keyword, right context."""

    excerptActivated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.lines: list[Any] = []
        self.word = QLineEdit()
        self.word.setPlaceholderText(tr("kata atau frasa, mis. pelayanan"))
        self.word.returnPressed.connect(self.run)
        self.lemma = QCheckBox(tr("Semua bentuk (lema)"))
        self.sort = QComboBox()
        for key, label in (("document", tr("urut sumber")), ("left", tr("urut konteks kiri")),
                           ("right", tr("urut konteks kanan"))):
            self.sort.addItem(label, key)
        self.sort.currentIndexChanged.connect(lambda _i: self.run() if self.lines else None)
        self.run_button = QPushButton(tr("Cari"))
        self.run_button.clicked.connect(self.run)
        self.export_button = QPushButton(tr("Ekspor…"))
        self.export_button.clicked.connect(self._ask_export)
        self.status = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Sumber"), tr("Baris"), tr("Kiri"), tr("Kata kunci"), tr("Kanan")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 50)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._activate(r))
        self.table.cellActivated.connect(lambda r, _c: self._activate(r))
        self.word.setMinimumWidth(200)
        top = FlowLayout()
        for w in (self.word, self.lemma, self.sort, self.run_button, self.export_button):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        holder = QWidget()
        holder.setLayout(top)
        layout.addWidget(holder)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.lines = []
        self.table.setRowCount(0)
        self.status.setText("")

    def search(self, word: str, lemma: bool = False) -> None:
        """Show ``word`` in context (from the word-frequency list)."""
        self.word.setText(word)
        self.lemma.setChecked(lemma)
        self.run()

    def run(self) -> None:
        from qda.analysis.words import kwic
        from qda.errors import QdaError

        if self.project is None or not self.word.text().strip():
            return
        try:
            self.lines = kwic(self.project, self.word.text(), lemma=self.lemma.isChecked(),
                              sort=self.sort.currentData(), width=70)
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        bold = QFont(mono)
        bold.setBold(True)
        self.table.setRowCount(len(self.lines))
        for r, k in enumerate(self.lines):
            cells = (k.document, str(k.line), k.left, k.match, k.right)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setFont(bold if c == 3 else mono)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(3)
        self.status.setText(tr("{n} kemunculan", n=len(self.lines)))

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            k = self.lines[row]
            self.excerptActivated.emit(k.document_id, k.start, k.end)

    def _ask_export(self) -> None:
        from qda.analysis.export import export_kwic

        if not self.lines:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor KWIC"), str(self.project.path.parent),
                                              tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            export_kwic(self.lines, path if path.lower().endswith((".csv", ".xlsx")) else path + ".xlsx")
