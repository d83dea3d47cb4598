"""The preferences dialog: interface language, the coder's name and role.

``PreferencesDialog(settings, parent)``: ``settings`` is any object with the properties
``language`` ("id" | "en"), ``coder_name`` and ``coder_role`` ("coder" | "supervisor"),
normally :class:`qda.gui.settings.Settings`. The fields start from those values; OK
writes them back (Cancel writes nothing). Addition to the interface: after ``exec()``,
``language_changed`` tells whether the language was changed, so the caller can apply it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from qda.gui.dialog_buttons import ok_cancel
from qda.domain import ROLES, role_label
from qda.i18n import LANGUAGES, tr


class PreferencesDialog(QDialog):
    """Language, coder name and role."""

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language_changed = False
        self.setWindowTitle(tr("Preferensi"))

        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.name_edit = QLineEdit(settings.coder_name or "")
        self.name_edit.setPlaceholderText(tr("mis. Dewi Anggraini"))
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(role_label(role), role)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(settings.coder_role)))

        self.snap_check = QCheckBox(tr("Pilihan teks mengikuti batas kata"))
        self.snap_check.setToolTip(tr("Pilihan dengan tetikus yang mulai atau berakhir di tengah kata "
                                      "diperluas ke seluruh kata"))
        self.snap_check.setChecked(bool(getattr(settings, "snap_words", True)))

        note = QLabel(tr("Nama pengode dicatat pada setiap segmen yang Anda kodekan dan setiap telaah "
                         "yang Anda berikan. Pembimbing dapat menyetujui atau mengembalikan segmen."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#5f6b7a")
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#b3261e")

        form = QFormLayout()
        form.addRow(tr("Bahasa antarmuka:"), self.language_combo)
        form.addRow(tr("Nama pengode:"), self.name_edit)
        form.addRow(tr("Peran:"), self.role_combo)
        form.addRow("", self.snap_check)
        self.buttons = ok_cancel(self, tr("Simpan"))
        self.name_edit.textChanged.connect(self._validate)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._validate()
        self.resize(max(440, self.sizeHint().width()), self.sizeHint().height())

    def _validate(self) -> None:
        ok = bool(self.name_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.problem.setText("" if ok else tr("Nama pengode wajib diisi."))

    def accept(self) -> None:
        """Write the choices to ``settings`` and close."""
        name = self.name_edit.text().strip()
        if not name:
            return
        language = self.language_combo.currentData()
        self.language_changed = language != self.settings.language
        self.settings.language = language
        self.settings.coder_name = name
        self.settings.coder_role = self.role_combo.currentData()
        self.settings.snap_words = self.snap_check.isChecked()
        super().accept()
