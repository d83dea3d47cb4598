"""The analysis workspace: code queries, matrices (the dimension × driving factor matrix first),
word frequency and keyword in context, as tabs; every result line opens the text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from qda.gui.analysis.kwic_page import KwicPage
from qda.gui.analysis.matrix_page import MatrixPage
from qda.gui.analysis.query_page import QueryPage
from qda.gui.analysis.words_page import WordsPage
from qda.i18n import tr


class AnalysisView(QWidget):
    """Tabs Kueri, Matriks, Frekuensi kata, KWIC; ``excerptActivated(document_id, start, end)``."""

    excerptActivated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.query = QueryPage()
        self.matrix = MatrixPage()
        self.words = WordsPage()
        self.kwic = KwicPage()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.matrix, tr("Matriks"))
        self.tabs.addTab(self.query, tr("Kueri kode"))
        self.tabs.addTab(self.words, tr("Frekuensi kata"))
        self.tabs.addTab(self.kwic, tr("Kata dalam konteks"))
        for page in (self.query, self.matrix, self.kwic):
            page.excerptActivated.connect(self.excerptActivated)
        self.words.wordActivated.connect(self._show_word)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_project(self, project: Any) -> None:
        self.project = project
        for page in (self.query, self.matrix, self.words, self.kwic):
            page.set_project(project)
        if project is not None:
            try:
                self.matrix.run()  # the dimension × factor matrix is what the study is about: show it at once
            except Exception:  # a codebook without dimensions or factors: the page says so on Hitung
                pass

    def refresh(self) -> None:
        """After the project changed: keep the pages but let their next run read the new data."""
        if self.project is not None and self.matrix.matrix is not None and self.isVisible():
            self.matrix.run()

    def show_page(self, name: str) -> None:
        """Bring a page forward: ``query``, ``matrix``, ``words`` or ``kwic``."""
        self.tabs.setCurrentWidget(getattr(self, name))

    def _show_word(self, word: str, lemma: bool) -> None:
        self.show_page("kwic")
        self.kwic.search(word, lemma and " " not in word)
