"""Dialog letting the user keep an invalid item or drop a valid one (the validity test's default)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from qda.gui.dialog_buttons import ok_cancel
from qda.i18n import tr
from qda.survey.numfmt import fmt


class OverrideDialog(QDialog):
    """A checklist of items: checked items are carried forward after the validity test."""

    def __init__(self, result: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Butir yang dipakai setelah uji validitas"))
        self.resize(480, 520)
        layout = QVBoxLayout(self)
        info = QLabel(tr("Butir tidak valid dibuang secara bawaan. Centang untuk tetap memakai, "
                         "hapus centang untuk membuang; pilihan ini disebut dalam hasil."))
        info.setWordWrap(True)
        layout.addWidget(info)
        self.list = QListWidget()
        self.verdicts: dict[str, bool] = {}
        for var in result.variables.values():
            for iv in var.validity.items:
                self.verdicts[iv.item] = iv.valid
                word = tr("valid") if iv.valid else tr("tidak valid")
                item = QListWidgetItem(f"{var.key}  {iv.item}   r = {fmt(iv.r, 3)}  ({word})")
                item.setData(Qt.ItemDataRole.UserRole, iv.item)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                used = iv.item in var.used_items
                item.setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        layout.addWidget(self.list, 1)
        layout.addWidget(ok_cancel(self))

    def choices(self) -> tuple[list[str], list[str]]:
        """(keep although invalid, drop although valid)."""
        keep, drop = [], []
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            used = item.checkState() == Qt.CheckState.Checked
            if used and not self.verdicts[name]:
                keep.append(name)
            elif not used and self.verdicts[name]:
                drop.append(name)
        return keep, drop
