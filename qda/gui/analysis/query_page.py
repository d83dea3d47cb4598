"""The query page: write a code query (with operator buttons and code-name completion), filter,
run, save; the passages found appear in the excerpt list with the text around them, each opening the text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCompleter,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qda.gui.analysis.filters import FilterBar
from qda.gui.flow_layout import FlowLayout
from qda.gui.excerpt_list import ExcerptList
from qda.i18n import tr

#: Characters of text shown on each side of a result (as ``qda query --context``).
CONTEXT = 80
OPERATORS = ("AND", "OR", "NOT", "OVERLAPS", "NEAR/50", "SENTENCE", "TURN", "(", ")")


class QueryPage(QWidget):
    """Code query builder and its results."""

    excerptActivated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.result: Any = None
        self.saved = QComboBox()
        self.saved.setMinimumContentsLength(8)
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved.activated.connect(self._load_saved)
        self.save_button = QPushButton(tr("Simpan…"))
        self.save_button.clicked.connect(self._ask_save)
        self.delete_button = QPushButton(tr("Hapus"))
        self.delete_button.setToolTip(tr("Hapus kueri tersimpan yang dipilih"))
        self.delete_button.clicked.connect(self._delete_saved)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("mis. Responsivitas AND (Koordinasi Internal OR Kepemimpinan yang Efektif)"))
        self.edit.returnPressed.connect(self.run)
        self._names = QStringListModel(self)
        self._completer = QCompleter(self._names, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.activated.connect(self._complete)
        self.edit.textEdited.connect(self._maybe_complete)
        self.run_button = QPushButton(tr("Jalankan"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.error.setFont(mono)
        self.error.setStyleSheet("color: #a61b1b;")
        self.error.setWordWrap(False)
        self.error.hide()
        self.filters = FilterBar()
        # no memo column: the width goes to each passage and the text around it
        self.results = ExcerptList(("document", "line", "code", "coder", "status", "text"),
                                   choices=("document", "coder", "status"), context=CONTEXT)
        self.results.excerptActivated.connect(
            lambda item: self.excerptActivated.emit(item.document_id, item.start, item.end))

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Kueri tersimpan")))
        top.addWidget(self.saved, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.delete_button)
        ops = FlowLayout(spacing=2)
        for word in OPERATORS:
            button = QToolButton()
            button.setText(word)
            button.setToolTip(_operator_help(word))
            button.clicked.connect(lambda _=False, w=word: self.insert(w))
            ops.addWidget(button)
        line = QHBoxLayout()
        line.addWidget(self.edit, 1)
        line.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(line)
        holder = QWidget()
        holder.setLayout(ops)
        layout.addWidget(holder)
        layout.addWidget(self.error)
        layout.addWidget(self.filters)
        layout.addWidget(self.results, 1)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.result = None
        self.filters.set_project(project)
        self.results.set_project(project)
        self.error.hide()
        names: list[str] = []
        if project is not None:
            from qda.analysis import corpus

            names = sorted(corpus(project).code_names(), key=str.casefold)
        self._names.setStringList(names)
        self._fill_saved()
        writable = project is not None and not getattr(project, "read_only", False)
        self.save_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)

    # ------------------------------------------------------------------ editing
    def insert(self, word: str) -> None:
        """Put an operator (or bracket) at the cursor, with spaces around it."""
        pos = self.edit.cursorPosition()
        text = self.edit.text()
        piece = word if word in "()" else f" {word} "
        new = (text[:pos].rstrip() + (" " if word != ")" and text[:pos].strip() else "") + piece.strip()
               + (" " if word != "(" else "") + text[pos:].lstrip())
        self.edit.setText(new)
        self.edit.setCursorPosition(len(new) - len(text[pos:].lstrip()))
        self.edit.setFocus()

    def _current_word(self) -> tuple[int, str]:
        """The code-name fragment being typed: text since the last operator or bracket."""
        from qda.analysis.query import tokenize

        text = self.edit.text()[: self.edit.cursorPosition()]
        try:
            tokens = tokenize(text)
        except Exception:
            return len(text), ""
        names = [t for t in tokens if t.kind == "name"]
        if names and names[-1].end == len(text.rstrip()) and not text.endswith(" " * 2):
            return names[-1].pos, text[names[-1].pos:]
        return len(text), ""

    def _maybe_complete(self, _text: str) -> None:
        start, fragment = self._current_word()
        if len(fragment.strip()) < 2:
            return
        self._completer.setWidget(self.edit)
        self._completer.setCompletionPrefix(fragment.strip())
        if self._completer.completionCount():
            rect = self.edit.cursorRect()
            rect.setWidth(320)
            self._completer.complete(rect)

    def _complete(self, name: str) -> None:
        start, _ = self._current_word()
        text = self.edit.text()
        pos = self.edit.cursorPosition()
        new = text[:start] + name + text[pos:]
        self.edit.setText(new)
        self.edit.setCursorPosition(start + len(name))

    # ------------------------------------------------------------------ running
    def run(self) -> bool:
        """Run the query; show its passages, or the error under the faulty part."""
        from qda.analysis import QuerySyntaxError, run_query
        from qda.errors import QdaError

        if self.project is None:
            return False
        text = self.edit.text()
        try:
            self.result = run_query(self.project, text, self.filters.filters())
        except QuerySyntaxError as exc:
            self.error.setText(f"{exc}\n{exc.caret()}")
            self.error.show()
            self.edit.setFocus()
            self.edit.setSelection(exc.position, min(exc.length, max(1, len(text) - exc.position)))
            return False
        except QdaError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        self.results.show_passages(self.result.passages,
                                   tr("{n} bagian teks cocok dengan {q}", n=len(self.result.passages),
                                      q=str(self.result.node)))
        return True

    # ------------------------------------------------------------------ saved queries
    def _fill_saved(self, select: str | None = None) -> None:
        self.saved.clear()
        self.saved.addItem(tr("(pilih)"), None)
        if self.project is None:
            return
        try:
            queries = self.project.queries.all()
        except Exception:  # a read-only file from before saved queries existed
            queries = []
        for q in queries:
            self.saved.addItem(q.name, q.name)
        if select:
            self.saved.setCurrentIndex(max(self.saved.findData(select), 0))

    def _load_saved(self) -> None:
        from qda.analysis import Filters

        name = self.saved.currentData()
        if name is None or self.project is None:
            return
        query = self.project.queries.get(name)
        self.edit.setText(query.expression)
        self.filters.set_values(Filters.from_dict(query.filters))
        self.run()

    def save_query(self, name: str) -> None:
        """Save the current query and filters under ``name``."""
        self.project.queries.save(name, self.edit.text(), self.filters.filters().to_dict())
        self._fill_saved(select=name.strip())

    def _ask_save(self) -> None:
        from qda.errors import QdaError

        if self.project is None or not self.edit.text().strip():
            return
        name, ok = QInputDialog.getText(self, tr("Simpan kueri"), tr("Nama kueri:"),
                                        text=self.saved.currentData() or "")
        if ok and name.strip():
            try:
                self.save_query(name)
            except QdaError as exc:
                self.error.setText(str(exc))
                self.error.show()

    def _delete_saved(self) -> None:
        name = self.saved.currentData()
        if name is None or self.project is None:
            return
        self.project.queries.delete(name)
        self._fill_saved()


def _operator_help(word: str) -> str:
    return {
        "AND": tr("AND: teks yang dikode dengan kedua kode (bagian yang bertumpuk)"),
        "OR": tr("OR: bagian teks salah satu kode"),
        "NOT": tr("NOT: bagian teks kode kiri yang tidak bertumpuk dengan kode kanan"),
        "OVERLAPS": tr("OVERLAPS: bagian teks utuh kode kiri yang bertumpuk dengan kode kanan"),
        "NEAR/50": tr("NEAR/n: bagian teks kode kiri yang berjarak paling jauh n karakter dari kode kanan"),
        "SENTENCE": tr("SENTENCE: bagian teks kode kiri yang sekalimat dengan kode kanan"),
        "TURN": tr("TURN: bagian teks kode kiri yang segiliran bicara dengan kode kanan"),
        "(": tr("kurung buka"),
        ")": tr("kurung tutup"),
    }[word]
