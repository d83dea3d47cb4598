"""A headless undo/redo stack of :mod:`qda.commands`; the GUI mirrors it on its actions."""

from __future__ import annotations

from typing import Callable

from qda.commands import Command


class UndoStack:
    """Run commands on a project and undo/redo them in order, across documents."""

    def __init__(self, project, limit: int = 500) -> None:
        self.project = project
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._labels: dict[int, str] = {}
        self._listeners: list[Callable[[], None]] = []

    def push(self, command: Command) -> Command:
        """Do ``command`` and put it on the stack (the redo list is cleared)."""
        command.do(self.project)
        self._labels[id(command)] = command.label(self.project)
        self._done.append(command)
        self._undone.clear()
        if len(self._done) > self.limit:
            dropped = self._done.pop(0)
            self._labels.pop(id(dropped), None)
        self._notify()
        return command

    def undo(self) -> Command | None:
        """Undo the most recent command, if any."""
        if not self._done:
            return None
        command = self._done.pop()
        command.undo(self.project)
        self._undone.append(command)
        self._notify()
        return command

    def redo(self) -> Command | None:
        """Redo the most recently undone command, if any."""
        if not self._undone:
            return None
        command = self._undone.pop()
        command.redo(self.project)
        self._done.append(command)
        self._notify()
        return command

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        """Label of what :meth:`undo` would undo ("" when nothing)."""
        return self._labels.get(id(self._done[-1]), "") if self._done else ""

    @property
    def redo_text(self) -> str:
        """Label of what :meth:`redo` would redo ("" when nothing)."""
        return self._labels.get(id(self._undone[-1]), "") if self._undone else ""

    def clear(self) -> None:
        """Forget the history (e.g. when another project is opened)."""
        self._done.clear()
        self._undone.clear()
        self._labels.clear()
        self._notify()

    def add_listener(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` after every push, undo, redo and clear."""
        self._listeners.append(fn)

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn()
