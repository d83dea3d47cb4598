"""Dialogs of the code tree: new code, choose a code (move / merge target), confirmations.

The dialogs only collect choices; the code tree panel turns them into undoable commands.
:class:`CodeEditDialog` returns the fields of ``Project.add_code`` from :meth:`values`;
:class:`CodeChoiceDialog` lists codes (optionally with the groups as top-level targets) and
returns the chosen one from :meth:`choice` as ``("code", id)`` or ``("group", key)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qda.domain import GROUPS, PALETTE
from qda.gui.dialog_buttons import ok_cancel
from qda.i18n import tr
from qda.gui.panels.code_model import code_display_name, group_display_name
from qda.gui.panels.swatch import group_icon, swatch_icon


class ColorButton(QPushButton):
    """A button showing a colour; clicking it opens a QColorDialog."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_color(color)
        self.clicked.connect(self._choose)

    def color(self) -> str:
        """The chosen colour as ``#rrggbb``."""
        return self._color

    def set_color(self, color: str) -> None:
        """Show ``color``."""
        self._color = QColor(color).name()
        self.setIcon(swatch_icon(self._color, 16))
        self.setText(self._color)

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, tr("Warna kode"))
        if chosen.isValid():
            self.set_color(chosen.name())


class CodeEditDialog(QDialog):
    """Name, group, parent, colour and the definitions of a new code."""

    def __init__(
        self,
        codes: list[Any],
        *,
        group: str = "own",
        parent_id: int | None = None,
        color: str = PALETTE[0],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kode baru"))
        self._codes = codes
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("mis. Koordinasi Internal"))
        self.name_en_edit = QLineEdit()
        self.name_en_edit.setPlaceholderText(tr("opsional"))
        self.group_combo = QComboBox()
        for key in GROUPS:
            self.group_combo.addItem(group_icon(), group_display_name(key), key)
        self.parent_combo = QComboBox()
        self.color_button = ColorButton(color)
        self.definition_id = QPlainTextEdit()
        self.definition_en = QPlainTextEdit()
        self.when_to_use = QPlainTextEdit()
        self.when_not = QPlainTextEdit()
        self.example = QPlainTextEdit()
        self.indicators = QLineEdit()
        self.indicators.setPlaceholderText(tr("dipisahkan koma, mis. rapat koordinasi, lintas bidang"))
        for edit in (self.definition_id, self.definition_en, self.when_to_use, self.when_not, self.example):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)

        form = QFormLayout()
        form.addRow(tr("Nama:"), self.name_edit)
        form.addRow(tr("Nama (Inggris):"), self.name_en_edit)
        form.addRow(tr("Kelompok:"), self.group_combo)
        form.addRow(tr("Induk:"), self.parent_combo)
        form.addRow(tr("Warna:"), self.color_button)

        tabs = QTabWidget()
        tabs.addTab(self._page(((tr("Definisi operasional:"), self.definition_id),
                                (tr("Definisi (Inggris):"), self.definition_en))), tr("Definisi"))
        tabs.addTab(self._page(((tr("Kapan digunakan:"), self.when_to_use),
                                (tr("Kapan tidak digunakan:"), self.when_not))), tr("Aturan"))
        tabs.addTab(self._page(((tr("Contoh kutipan:"), self.example),
                                (tr("Indikator:"), self.indicators))), tr("Contoh dan indikator"))

        self.buttons = ok_cancel(self, tr("Buat kode"))
        self.name_edit.textChanged.connect(self._validate)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)

        self.group_combo.currentIndexChanged.connect(lambda _i: self._fill_parents(None))
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group)))
        self._fill_parents(parent_id)
        self._validate()
        self.resize(460, 480)

    @staticmethod
    def _page(rows: tuple[tuple[str, QWidget], ...]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above the text boxes
        for label, widget in rows:
            form.addRow(label, widget)
        return page

    def _fill_parents(self, parent_id: int | None) -> None:
        group = self.group_combo.currentData()
        self.parent_combo.clear()
        self.parent_combo.addItem(tr("(tanpa induk)"), None)
        for code in self._codes:
            if code.group == group:
                self.parent_combo.addItem(swatch_icon(code.color), code_display_name(code), code.id)
        if parent_id is not None:
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(parent_id)))

    def _validate(self) -> None:
        name = self.name_edit.text().strip()
        taken = name.casefold() in {c.name.casefold() for c in self._codes}
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name) and not taken)
        ok.setToolTip(tr("Nama kode ini sudah dipakai") if taken else "")

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``CreateCode(name, **fields)`` (the name included as ``name``)."""
        indicators = tuple(t.strip() for t in self.indicators.text().split(",") if t.strip())
        return {
            "name": self.name_edit.text().strip(),
            "name_en": self.name_en_edit.text().strip(),
            "group": self.group_combo.currentData(),
            "parent": self.parent_combo.currentData(),
            "color": self.color_button.color(),
            "definition_id": self.definition_id.toPlainText().strip(),
            "definition_en": self.definition_en.toPlainText().strip(),
            "when_to_use_id": self.when_to_use.toPlainText().strip(),
            "when_not_id": self.when_not.toPlainText().strip(),
            "example": self.example.toPlainText().strip(),
            "indicators": indicators,
        }


class CodeChoiceDialog(QDialog):
    """Pick a code (or a group's top level) from the tree, leaving some codes out."""

    def __init__(
        self,
        title: str,
        prompt: str,
        codes: list[Any],
        *,
        exclude: set[int] = frozenset(),  # type: ignore[assignment]
        groups: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        items: dict[int, QTreeWidgetItem] = {}
        group_items: dict[str, QTreeWidgetItem] = {}
        for key in GROUPS:
            item = QTreeWidgetItem([group_display_name(key)])
            item.setIcon(0, group_icon())
            item.setData(0, Qt.ItemDataRole.UserRole, ("group", key))
            if not groups:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            group_items[key] = item
        for code in codes:
            holder = items.get(code.parent_id) if code.parent_id is not None else None
            if holder is None:
                holder = group_items.setdefault(code.group, QTreeWidgetItem([code.group]))
            item = QTreeWidgetItem([code_display_name(code)])
            item.setIcon(0, swatch_icon(code.color))
            item.setData(0, Qt.ItemDataRole.UserRole, ("code", code.id))
            if code.id in exclude:
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled))
            holder.addChild(item)
            items[code.id] = item
        self.tree.expandAll()
        self.buttons = ok_cancel(self)
        self.tree.itemSelectionChanged.connect(self._validate)
        self.tree.itemDoubleClicked.connect(lambda *_: self.buttons.button(QDialogButtonBox.StandardButton.Ok).click())
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        self._items = items
        self._group_items = group_items
        self._validate()
        self.resize(380, 460)

    def select(self, kind: str, key: Any) -> None:
        """Preselect a code (``"code", id``) or a group (``"group", key``)."""
        item = (self._items if kind == "code" else self._group_items).get(key)
        if item is not None:
            self.tree.setCurrentItem(item)

    def choice(self) -> tuple[str, Any] | None:
        """``("code", id)``, ``("group", key)`` or None."""
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.choice() is not None)


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Ask a yes/no question with ``yes`` as the label of the accepting button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept
