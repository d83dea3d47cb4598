"""Ask who is coding: name and role (coder or supervisor)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qda.domain import ROLES, role_label
from qda.gui.dialog_buttons import ok_cancel
from qda.i18n import tr

class CoderDialog(QDialog):
    """Name and role of the person coding; OK only once a name is given."""

    def __init__(self, name: str = "", role: str = "coder", parent: QWidget | None = None,
                 *, first_start: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Pengode"))
        layout = QVBoxLayout(self)
        intro = tr("Selamat datang di qda. Setiap segmen dicatat atas nama pengodenya; "
                   "siapa nama Anda dan apa peran Anda?") if first_start else \
            tr("Koding berikutnya dicatat atas nama ini.")
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(tr("mis. Dewi Anggraini"))
        self.role_box = QComboBox()
        for key in ROLES:
            self.role_box.addItem(role_label(key), key)
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(role)))
        form.addRow(tr("Nama"), self.name_edit)
        form.addRow(tr("Peran"), self.role_box)
        layout.addLayout(form)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(380)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    @property
    def name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def role(self) -> str:
        return str(self.role_box.currentData())
