"""A headless undo/redo stack of :mod:`qda.commands`; the GUI mirrors it on its actions.

History is never lost: each step (do, undo, redo) runs in one transaction, so a step that
fails leaves the project as it was, and its command stays on the stack it was on (the
error reaches the caller, which tells the user).
"""

from __future__ import annotations

from typing import Any, Callable

from qda.commands import Command
from qda.errors import QdaError, UndoFailed
from qda.i18n import tr


class UndoStack:
    """Run commands on a project and undo/redo them in order, across documents."""

    def __init__(self, project, limit: int = 500) -> None:
        self.project = project
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._labels: dict[int, str] = {}
        self._listeners: list[Callable[[], None]] = []
        #: The step listeners are being told about: ``(command, "do" | "undo" | "redo")``; None after clear.
        self.last_step: tuple[Command, str] | None = None

    def _run(self, step: Callable[[Any], None], failed: Callable[[Exception], str]) -> None:
        """One step of ``command`` in one transaction; any failure leaves the project untouched."""
        try:
            with self.project.atomic():
                step(self.project)
        except QdaError:
            raise
        except Exception as exc:  # a store inconsistency: say which step failed, keep the history
            raise UndoFailed(failed(exc)) from exc

    def push(self, command: Command) -> Command:
        """Do ``command`` and put it on the stack (the redo list is cleared)."""
        self._run(command.do, lambda exc: tr("tindakan gagal ({reason})", reason=exc))
        self._labels[id(command)] = command.label(self.project)
        self._done.append(command)
        self._undone.clear()
        if len(self._done) > self.limit:
            dropped = self._done.pop(0)
            self._labels.pop(id(dropped), None)
        self.last_step = (command, "do")
        self._notify()
        return command

    def undo(self) -> Command | None:
        """Undo the most recent command, if any; if that fails it stays on the undo stack."""
        if not self._done:
            return None
        command = self._done[-1]
        what = self.undo_text
        self._run(command.undo, lambda exc: tr("tidak dapat mengurungkan {what} ({reason})", what=what, reason=exc))
        self._done.pop()
        self._undone.append(command)
        self.last_step = (command, "undo")
        self._notify()
        return command

    def redo(self) -> Command | None:
        """Redo the most recently undone command, if any; if that fails it stays on the redo stack."""
        if not self._undone:
            return None
        command = self._undone[-1]
        what = self.redo_text
        self._run(command.redo, lambda exc: tr("tidak dapat mengulangi {what} ({reason})", what=what, reason=exc))
        self._undone.pop()
        self._done.append(command)
        self.last_step = (command, "redo")
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
        self.last_step = None
        self._notify()

    def add_listener(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` after every push, undo, redo and clear."""
        self._listeners.append(fn)

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn()
