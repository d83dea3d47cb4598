"""The base of every composed repository (``project.documents``, ``project.reviews`` …).

A repository owns the SQL of one concept. It reaches the project's connection only
through these helpers, so transactions, the thread mutex, read-only refusal and the
audit trail behave the same in every repository.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from sqlite_utils import Database

    from qda.store.project import Project


class Repository:
    """SQL for one concept, composed into a :class:`~qda.store.project.Project`."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def atomic(self) -> AbstractContextManager[Database]:
        """One transaction on the project (a savepoint when nested)."""
        return self._project.atomic()

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        return self._project._rows(sql, params)

    def _tuples(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Rows as tuples."""
        return self._project._tuples(sql, params)

    def _one(self, sql: str, params: Any = ()) -> Any:
        """The first column of the first row, or None."""
        return self._project._one(sql, params)

    def _exec(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run one statement (inside :meth:`atomic` for writes)."""
        return self._project._exec(sql, params)

    def _exec_many(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        """Run one statement for many parameter rows (inside :meth:`atomic`)."""
        return self._project._exec_many(sql, rows)

    def _log(self, action: str, entity: str, entity_uuid: str | None, **detail: Any) -> None:
        """Append one event to the audit trail (inside the write's transaction)."""
        self._project._log(action, entity, entity_uuid, **detail)

    def _log_many(self, action: str, entity: str, items: Iterable[tuple[str | None, dict[str, Any]]]) -> None:
        """Append one event per ``(entity_uuid, detail)`` in the same format as :meth:`_log`."""
        self._project._log_many(action, entity, items)
