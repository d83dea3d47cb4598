"""The OK/Cancel row every dialog of the product uses, with texts from the catalogue."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from qda.i18n import tr


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """An OK/Cancel button box wired to ``dialog``'s accept/reject ("Batal" for Cancel)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
