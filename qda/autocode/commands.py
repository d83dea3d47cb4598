"""Undoable decisions on suggestions (accept or reject), for the GUI's undo stack and scripts."""

from __future__ import annotations

from dataclasses import dataclass, field

from qda.commands import Command
from qda.i18n import tr


@dataclass
class DecideSuggestions(Command):
    """Accept (``accept=True``) or reject the given suggestions; undo puts them back to pending.

    Redo puts back exactly what undo took away: the same codings (ids and UUIDs), coder and time.
    """

    suggestion_ids: list[int]
    accept: bool
    segment_ids: list[int] = field(default_factory=list)
    _created: list[int] = field(default_factory=list, repr=False)
    _saved: list = field(default_factory=list, repr=False)
    _codings: dict | None = field(default=None, repr=False)

    def label(self, project) -> str:
        n = len(self.suggestion_ids)
        return tr("terima {n} saran", n=n) if self.accept else tr("tolak {n} saran", n=n)

    def do(self, project) -> None:
        self._created = []
        if self.accept:
            self.segment_ids = project.suggestions.accept(self.suggestion_ids, created=self._created)
        else:
            project.suggestions.reject(self.suggestion_ids)

    def undo(self, project) -> None:
        self._saved = project.suggestions.decisions(self.suggestion_ids)
        self._codings = project.segments.snapshot(self._created) if self._created else None
        project.suggestions.reopen(self.suggestion_ids, remove_codings=self._created)

    def redo(self, project) -> None:
        project.suggestions.restore_decisions(self._saved, codings=self._codings)
