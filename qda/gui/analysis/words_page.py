"""The word-frequency page: options (surface form or lemma, 1–3-grams, speakers, sources, own
stop words), the list of words and its bar chart; double-clicking a word shows it in context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qda.domain import kind_label
from qda.gui.flow_layout import FlowLayout
from qda.i18n import tr


class StopWordsDialog(QDialog):
    """Edit the project's own stop words (one per line or comma-separated)."""

    def __init__(self, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kata henti sendiri"))
        self.edit = QPlainTextEdit("\n".join(words))
        note = QLabel(tr("Satu kata per baris. Kata ini tidak dihitung, di samping daftar kata henti bahasa "
                         "Indonesia dari spaCy."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(360, 380)

    def words(self) -> list[str]:
        return [w.strip() for w in self.edit.toPlainText().replace(",", "\n").splitlines() if w.strip()]


class WordsPage(QWidget):
    """Word frequency with a bar chart."""

    wordActivated = Signal(str, bool)  # word, lemma

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.words: list[Any] = []
        self._png = b""
        self.lemma = QCheckBox(tr("Lema"))
        self.lemma.setToolTip(tr("Hitung bentuk dasar (pelayanan, layanan → layan)"))
        self.ngram = QSpinBox()
        self.ngram.setRange(1, 3)
        self.ngram.setPrefix(tr("n-gram: "))
        self.speakers = QComboBox()
        self.speakers.addItem(tr("Informan saja"), "informants")
        self.speakers.addItem(tr("Semua pembicara"), "all")
        self.kind = QComboBox()
        self.kind.addItem(tr("Semua sumber"), None)
        for key in ("interview", "observation", "document"):
            self.kind.addItem(kind_label(key, in_text=True), key)
        self.stop_button = QPushButton(tr("Kata henti…"))
        self.stop_button.clicked.connect(self._edit_stop_words)
        self.run_button = QPushButton(tr("Hitung"))
        self.run_button.clicked.connect(self.run)
        self.export_button = QPushButton(tr("Ekspor…"))
        self.export_button.clicked.connect(self._ask_export)
        self.status = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Kata"), tr("Jumlah"), tr("Dokumen")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 70)
        self.table.setColumnWidth(2, 70)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._activate(r))
        self.chart = QLabel()
        self.chart.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        options = FlowLayout()
        for w in (self.lemma, self.ngram, self.speakers, self.kind, self.stop_button, self.run_button,
                  self.export_button):
            options.addWidget(w)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([370, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        holder = QWidget()
        holder.setLayout(options)
        layout.addWidget(holder)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.words = []
        self.table.setRowCount(0)
        self.chart.clear()
        self.status.setText(tr("Tekan Hitung untuk menghitung frekuensi kata."))
        writable = project is not None and not getattr(project, "read_only", False)
        self.stop_button.setEnabled(writable)

    def options(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        return {"lemma": self.lemma.isChecked(), "ngram": self.ngram.value(),
                "speakers": self.speakers.currentData(), "kinds": [kind] if kind else None}

    def run(self) -> None:
        """Count on a worker thread (the first run builds the spaCy pipeline)."""
        from qda.gui.workers import start_job

        if self.project is None:
            return
        project, opts = self.project, self.options()

        def work(_progress: Any) -> tuple[list[Any], bytes]:
            from qda.analysis.charts import words_png
            from qda.analysis.words import word_frequencies

            words = word_frequencies(project, **opts)
            return words, words_png(words) if words else b""

        self.run_button.setEnabled(False)
        self.status.setText(tr("Menghitung kata…"))
        self._job = start_job(work, self._show, self._failed)

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.status.setText(message)

    def _show(self, result: tuple[list[Any], bytes]) -> None:
        self.run_button.setEnabled(True)
        self.words, self._png = result
        shown = self.words[:500]
        self.table.setRowCount(len(shown))
        for r, w in enumerate(shown):
            for c, value in enumerate((w.word, w.count, w.documents)):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        pix = QPixmap()
        if self._png and pix.loadFromData(self._png):
            self.chart.setPixmap(pix.scaledToWidth(min(pix.width(), 620), Qt.TransformationMode.SmoothTransformation))
        else:
            self.chart.clear()
        self.status.setText(tr("{n} kata berbeda; klik dua kali sebuah kata untuk melihat konteksnya",
                               n=len(self.words)))

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.words):
            self.wordActivated.emit(self.words[row].word, self.lemma.isChecked())

    def _edit_stop_words(self) -> None:
        if self.project is None:
            return
        dialog = StopWordsDialog(self.project.queries.stop_words(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.project.queries.set_stop_words(dialog.words())

    def _ask_export(self) -> None:
        from qda.analysis.export import export_words, write_png

        if not self.words:
            return
        path, chosen = QFileDialog.getSaveFileName(self, tr("Ekspor frekuensi kata"), str(self.project.path.parent),
                                                   tr("Excel (*.xlsx);;CSV (*.csv);;Diagram batang (*.png)"))
        if not path:
            return
        if path.lower().endswith(".png") or "png" in chosen:
            write_png(self._png, path if path.lower().endswith(".png") else path + ".png")
        else:
            export_words(self.words, path if path.lower().endswith((".csv", ".xlsx")) else path + ".xlsx")
