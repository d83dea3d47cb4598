"""The supervisor's review of one coded segment: approve, ask for revision or reject, with a comment."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
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

    def __init__(self, code_name: str, excerpt: str, parent: QWidget | None = None, *, coder: str = "",
                 earlier: str = "", status: str | None = None) -> None:
        """``coder``: who coded the excerpt; ``earlier``: the previous verdict in words (empty: none);
        ``status``: the verdict the user already chose (from the card's Revisi…/Tolak…), else nothing
        is preselected and OK waits for a choice."""
        super().__init__(parent)
        self.setWindowTitle(tr("Telaah segmen"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        quote = excerpt if len(excerpt) <= 300 else excerpt[:300].rstrip() + "…"
        head = QLabel(f"<b>{html.escape(code_name)}</b><br><i>“{html.escape(quote)}”</i>")
        head.setWordWrap(True)
        layout.addWidget(head)
        facts = []
        if coder:
            facts.append(html.escape(tr("Dikode oleh {coder}", coder=coder)))
        facts.append(html.escape(tr("Telaah sebelumnya: {verdict}", verdict=earlier or tr("belum ada"))))
        self.facts = QLabel("<br>".join(facts))
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet("color:#4a5563")
        layout.addWidget(self.facts)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, text in CHOICES:
            button = QRadioButton(tr(text))
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        if status in self.buttons:
            self.buttons[status].setChecked(True)
        layout.addWidget(QLabel(tr("Komentar untuk pengode:")))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(tr("mis. batas kutipan terlalu lebar; lebih cocok Responsibilitas"))
        self.comment_edit.setFixedHeight(90)
        layout.addWidget(self.comment_edit)
        self.box = ok_cancel(self)
        layout.addWidget(self.box)
        self.group.buttonToggled.connect(lambda *_: self._enable_ok())
        self._enable_ok()

    def _enable_ok(self) -> None:
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.group.checkedButton() is not None)

    @property
    def status(self) -> str | None:
        """The chosen verdict (None until one is chosen)."""
        return next((key for key, b in self.buttons.items() if b.isChecked()), None)

    @property
    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()
