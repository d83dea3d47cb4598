"""The supervisor's review of one coded segment: approve, ask for revision or reject, with a comment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qda.gui.dialog_buttons import ok_cancel
from qda.i18n import tr

CHOICES = (("approved", "Setujui"), ("needs_revision", "Minta revisi"), ("rejected", "Tolak"))


class ReviewDialog(QDialog):
    """Ask for a verdict and a comment; after ``exec()`` read ``status`` and ``comment``."""

    def __init__(self, code_name: str, excerpt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Telaah kutipan"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        quote = excerpt if len(excerpt) <= 300 else excerpt[:300].rstrip() + "…"
        head = QLabel(f"<b>{code_name}</b><br><i>“{quote}”</i>")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, text in CHOICES:
            button = QRadioButton(tr(text))
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons["approved"].setChecked(True)
        layout.addWidget(QLabel(tr("Komentar untuk pengode:")))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(tr("mis. batas kutipan terlalu lebar; lebih cocok Responsibilitas"))
        self.comment_edit.setFixedHeight(90)
        layout.addWidget(self.comment_edit)
        layout.addWidget(ok_cancel(self))

    @property
    def status(self) -> str:
        return next(key for key, b in self.buttons.items() if b.isChecked())

    @property
    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()
