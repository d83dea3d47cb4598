"""Undo and Redo actions that mirror the core :class:`qda.undo.UndoStack`."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from qda.errors import QdaError
from qda.i18n import tr


class UndoActions(QObject):
    """Two QActions whose texts and enabled states follow the stack ("Urungkan: terapkan X")."""

    stepped = Signal(object)  # the command just undone or redone

    def __init__(self, parent: QObject, on_error: Callable[[QdaError], None]) -> None:
        super().__init__(parent)
        self.stack: Any = None
        self._on_error = on_error
        self.undo_action = QAction(tr("Urungkan"), parent)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(tr("Ulangi"), parent)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.update()

    def bind(self, stack: Any) -> None:
        """Follow ``stack`` (None: nothing to undo)."""
        self.stack = stack
        if stack is not None:
            stack.add_listener(self.update)
        self.update()

    def update(self, *_: object) -> None:
        s = self.stack
        can_undo = bool(s is not None and s.can_undo)
        can_redo = bool(s is not None and s.can_redo)
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(tr("Urungkan: {what}", what=s.undo_text) if can_undo else tr("Urungkan"))
        self.redo_action.setText(tr("Ulangi: {what}", what=s.redo_text) if can_redo else tr("Ulangi"))

    def undo(self) -> None:
        if self.stack is not None and self.stack.can_undo:
            self._step(self.stack.undo)

    def redo(self) -> None:
        if self.stack is not None and self.stack.can_redo:
            self._step(self.stack.redo)

    def _step(self, step: Callable[[], Any]) -> None:
        """Undo or redo; a failure is told to the user and the command stays where it was."""
        try:
            command = step()
        except QdaError as exc:
            self._on_error(exc)
        else:
            self.stepped.emit(command)
