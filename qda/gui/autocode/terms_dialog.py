"""Edit the indicator terms of the codes (one term per line), the words suggestions look for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from qda.i18n import tr


class IndicatorTermsDialog(QDialog):
    """Codes on the left, their terms on the right; :meth:`changes` gives ``{code_id: terms}`` edited."""

    def __init__(self, project: Any, code_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Istilah indikator"))
        self.resize(720, 460)
        self._terms = {c.id: tuple(c.indicators) for c in project.codes.all()}
        self._edited: dict[int, tuple[str, ...]] = {}
        self.codes = QListWidget()
        for code in project.codes.all():
            item = QListWidgetItem(code.name)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            self.codes.addItem(item)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(tr("satu istilah per baris, mis.\nrapat koordinasi\nlintas bidang"))
        note = QLabel(tr("Saran mencari istilah ini (juga bentuk berimbuhan, ejaan tidak baku dan salah ketik) "
                         "dalam kalimat informan."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5b6573;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.codes, 2)
        row.addWidget(self.editor, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self._current: int | None = None
        self.codes.currentItemChanged.connect(self._switch)
        for i in range(self.codes.count()):
            if code_id is None or self.codes.item(i).data(Qt.ItemDataRole.UserRole) == code_id:
                self.codes.setCurrentRow(i)
                break

    def _keep(self) -> None:
        if self._current is None:
            return
        terms = tuple(dict.fromkeys(t.strip() for t in self.editor.toPlainText().splitlines() if t.strip()))
        if terms != self._terms[self._current]:
            self._edited[self._current] = terms
        else:
            self._edited.pop(self._current, None)

    def _switch(self, item: QListWidgetItem | None, _old: Any = None) -> None:
        self._keep()
        self._current = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if self._current is not None:
            self.editor.setPlainText("\n".join(self._edited.get(self._current, self._terms[self._current])))

    def set_terms(self, code_id: int, terms: list[str]) -> None:
        """Select ``code_id`` and type ``terms`` (used by tests and scripts)."""
        for i in range(self.codes.count()):
            if self.codes.item(i).data(Qt.ItemDataRole.UserRole) == code_id:
                self.codes.setCurrentRow(i)
        self.editor.setPlainText("\n".join(terms))

    def changes(self) -> dict[int, tuple[str, ...]]:
        """The codes whose terms were changed, with their new terms."""
        self._keep()
        return dict(self._edited)
