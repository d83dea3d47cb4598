"""Actions of the code tree: create, rename, recolour, move, merge, delete and the context menu.

:class:`CodeActionsMixin` is mixed into :class:`~qda.gui.panels.code_tree.CodeTreePanel`;
every change becomes a command of :mod:`qda.commands` pushed on the project's undo stack
(so Undo/Redo and the audit trail see it). Dialogs only collect choices
(:mod:`qda.gui.panels.code_dialogs`); a refused action (e.g. a duplicate name) is shown
in a message box with the store's own message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QMenu, QMessageBox

from qda import commands
from qda.domain import next_color
from qda.errors import QdaError
from qda.i18n import tr, trn
from qda.gui.panels import code_dialogs
from qda.gui.panels.code_model import CodeIdRole, GroupKeyRole, KindRole, code_display_name


class CodeActionsMixin:
    """Codebook editing actions of the code tree panel (needs ``model``, ``tree``, ``undo_stack``)."""

    def _push(self, command: Any) -> bool:
        """Run ``command`` through the undo stack; report a refused action in a message box."""
        if self.undo_stack is None:
            return False
        try:
            self.undo_stack.push(command)
        except (QdaError, ValueError) as exc:  # the store's own message names the problem
            QMessageBox.warning(self, tr("Tindakan ditolak"), str(exc))
            return False
        self.refresh()
        return True

    def _new_from_selection(self) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            self.create_code()
        elif index.data(KindRole) == "group":
            self.create_code(group=index.data(GroupKeyRole))
        else:
            code = self.model.code(index.data(CodeIdRole))
            self.create_code(group=code.group, parent_id=code.parent_id)

    def create_code(self, group: str | None = None, parent_id: int | None = None) -> int | None:
        """Ask for a new code's details and create it; returns its id (None if cancelled)."""
        if self.project is None:
            return None
        codes = self.model.codes()
        dialog = code_dialogs.CodeEditDialog(
            codes, group=group or "own", parent_id=parent_id,
            color=next_color(c.color for c in codes), parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        fields = dialog.values()
        name = fields.pop("name")
        if not self._push(commands.CreateCode(name, **fields)):
            return None
        new = next((c for c in self.model.codes() if c.name == name), None)
        if new is not None:
            self.select_code(new.id)
            return new.id
        return None

    def rename_code(self, code_id: int) -> None:
        """Start editing ``code_id``'s name in place (Enter commits through the undo stack)."""
        if self.select_code(code_id):
            self.tree.edit(self.tree.currentIndex())

    def _on_rename_requested(self, code_id: int, new_name: str) -> None:
        self._push(commands.RenameCode(code_id, new_name))

    def recolor_code(self, code_id: int) -> None:
        """Choose a new colour for ``code_id`` with QColorDialog."""
        code = self.model.code(code_id)
        chosen = QColorDialog.getColor(QColor(code.color or "#9e9e9e"), self, tr("Warna untuk «{name}»", name=code.name))
        if chosen.isValid() and chosen.name() != (code.color or "").lower():
            self._push(commands.RecolorCode(code_id, chosen.name()))

    def move_code(self, code_id: int) -> None:
        """Ask for a new place of ``code_id`` ("Pindahkan ke…") and move it there."""
        code = self.model.code(code_id)
        dialog = code_dialogs.CodeChoiceDialog(
            tr("Pindahkan kode"),
            tr("Pindahkan «{name}» ke bawah kode atau kelompok:", name=code_display_name(code)),
            self.model.codes(),
            exclude={code_id} | self.model.descendant_ids(code_id),
            groups=True,
            parent=self,
        )
        if code.parent_id is not None:
            dialog.select("code", code.parent_id)
        else:
            dialog.select("group", code.group)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice() is None:
            return
        kind, key = dialog.choice()  # type: ignore[misc]
        if kind == "code":
            self._move(code_id, key, self.model.code(key).group)
        else:
            self._move(code_id, None, key)

    def _on_move_requested(self, code_id: int, parent_id: Any, group: str) -> None:
        self._move(code_id, parent_id, group)

    def _move(self, code_id: int, parent_id: int | None, group: str) -> None:
        code = self.model.code(code_id)
        if code is None or (code.parent_id == parent_id and code.group == group):
            return
        done = self._push(commands.MoveCode(code_id, parent_id, None if parent_id is not None else group))
        if done:
            self.select_code(code_id)

    def merge_code(self, code_id: int) -> None:
        """Merge ``code_id`` into a chosen code after confirmation (its segments move there)."""
        code = self.model.code(code_id)
        dialog = code_dialogs.CodeChoiceDialog(
            tr("Gabungkan kode"),
            tr("Gabungkan «{name}» ke kode:", name=code_display_name(code)),
            self.model.codes(),
            exclude={code_id},
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice() is None:
            return
        _kind, target_id = dialog.choice()  # type: ignore[misc]
        target = self.model.code(target_id)
        n = self.model.count(code_id)
        text = trn(
            "Gabungkan «{source}» ke «{target}»?\n\n{n} segmen akan dipindahkan ke «{target}» "
            "dan kode «{source}» dihapus. Tindakan ini dapat dibatalkan (Urungkan).",
            source=code.name, target=target.name, n=n,
        )
        if code_dialogs.confirm(self, tr("Gabungkan kode"), text, tr("Gabungkan")):
            if self._push(commands.MergeCodes(code_id, target_id)):
                self.select_code(target_id)

    def delete_code(self, code_id: int) -> None:
        """Delete ``code_id``; if it has segments, ask first, saying how many will be removed.

        Its subcodes (and their segments) stay: they move up one level.
        """
        code = self.model.code(code_id)
        own = self.model.count(code_id)
        if own:
            lines = [
                tr("Hapus kode «{name}»?", name=code.name),
                "",
                trn("{n} segmen yang diberi kode ini akan ikut dihapus.", n=own),
            ]
            subcodes = len(self.model.descendant_ids(code_id))
            if subcodes:
                lines.append(tr("Subkodenya ({n}) tetap ada dan naik satu tingkat.", n=subcodes))
            lines.append(tr("Tindakan ini dapat dibatalkan (Urungkan)."))
            if not code_dialogs.confirm(self, tr("Hapus kode"), "\n".join(lines), trn("Hapus {n} segmen", n=own)):
                return
        self._push(commands.DeleteCode(code_id, delete_segments=bool(own)))

    # ------------------------------------------------------------------ context menu

    def _context_menu(self, pos: Any) -> None:
        menu = self.context_menu(self.tree.indexAt(pos))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, index: Any) -> QMenu:
        """The context menu for a code or group item (made current first)."""
        menu = QMenu(self)
        group = index.data(GroupKeyRole) if index.isValid() else "own"
        if index.isValid() and index.data(KindRole) == "code":
            self.tree.setCurrentIndex(index)
            code_id = index.data(CodeIdRole)
            menu.addAction(self.act_apply)
            menu.addAction(self.act_segments)
            menu.addSeparator()
            menu.addAction(self.act_new)
            sub = menu.addAction(tr("Subkode baru…"))
            sub.triggered.connect(lambda: self.create_code(group=group, parent_id=code_id))
            menu.addSeparator()
            for act in (self.act_rename, self.act_color, self.act_move, self.act_merge):
                menu.addAction(act)
            menu.addSeparator()
            menu.addAction(self.act_delete)
        else:
            menu.addAction(tr("Kode baru di kelompok ini…")).triggered.connect(lambda: self.create_code(group=group))
            menu.addSeparator()
            menu.addAction(tr("Buka semua")).triggered.connect(self.tree.expandAll)
            menu.addAction(tr("Tutup semua")).triggered.connect(self.tree.collapseAll)
        return menu
