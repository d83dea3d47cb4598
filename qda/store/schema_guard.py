"""Refuse schema objects qda did not create: a project file is untrusted input.

A trigger or view added to a project file by someone else would run inside the
user's own actions (turn a "rejected" into "approved", delete documents, blank the
audit trail). On open, every trigger, view and table of the file is compared with
what qda's own migrations create (replayed into an in-memory database for exactly
the migrations the file records); anything else is refused by name, or removed on
explicit request by :func:`strip_foreign` (after a backup). Indexes run no code and
older files carry earlier variants of them, so they are not compared.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

from qda.i18n import tr
from qda.store import schema

_CHECKED = ("table", "view", "trigger")
_ANY_SQL = {"_sqlite_migrations"}  # written by sqlite-utils itself; its exact text varies by version


@dataclass(frozen=True)
class ForeignObject:
    """One object of the file that qda's migrations do not create (``changed``: same name, other SQL)."""

    kind: str
    name: str
    changed: bool

    def describe(self) -> str:
        kind = {"table": tr("tabel"), "view": tr("view"), "trigger": tr("trigger")}[self.kind]
        return tr("{kind} {name} (diubah)", kind=kind, name=self.name) if self.changed else f"{kind} {self.name}"


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip().rstrip(";")).strip()


@lru_cache(maxsize=8)
def _replica(applied: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """(type, name, sql) of every table, view and trigger qda's migrations ``applied`` create, in order."""
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    try:
        schema.migrations.ensure_migrations_table(db)
        by_name = {m.name: m for m in schema.migrations._migrations}
        for name in applied:
            if name in by_name:
                with db.atomic():
                    by_name[name].fn(db)
        return tuple(db.execute("SELECT type, name, sql FROM sqlite_master "
                                "WHERE type IN ('table', 'view', 'trigger')").fetchall())
    finally:
        db.conn.close()


def expected_objects(applied: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """(type, name) -> normalised SQL of what qda's migrations ``applied`` create."""
    return {(t, n): _normal(sql) for t, n, sql in _replica(applied)}


def _applied(conn: sqlite3.Connection) -> tuple[str, ...]:
    try:
        return tuple(r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (schema.MIGRATION_SET,)))
    except sqlite3.OperationalError:
        return ()


def foreign_objects(conn: sqlite3.Connection) -> list[ForeignObject]:
    """The triggers, views and tables of ``conn``'s main database that qda did not make."""
    expected = expected_objects(_applied(conn))
    found = []
    for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM main.sqlite_master WHERE type IN ('table', 'view', 'trigger') "
            "ORDER BY type, name").fetchall():
        if name.startswith("sqlite_"):
            continue
        want = expected.get((kind, name))
        if want is None:
            found.append(ForeignObject(kind, name, False))
        elif name not in _ANY_SQL and want != _normal(sql):
            found.append(ForeignObject(kind, name, True))
    return found


def strip_foreign(conn: sqlite3.Connection) -> list[ForeignObject]:
    """Drop foreign triggers, views and tables; put qda's own definition back for a changed trigger or view.

    Runs in the caller's transaction. A changed *table* cannot be put back without losing
    its rows; it is returned untouched (the caller refuses the file).
    """
    originals = {(t, n): sql for t, n, sql in _replica(_applied(conn))}
    left = []
    for obj in foreign_objects(conn):
        if obj.changed and obj.kind == "table":
            left.append(obj)
            continue
        keyword = {"table": "TABLE", "view": "VIEW", "trigger": "TRIGGER"}[obj.kind]
        conn.execute(f'DROP {keyword} IF EXISTS "{obj.name.replace(chr(34), chr(34) * 2)}"')
        if obj.changed and (obj.kind, obj.name) in originals:
            conn.execute(originals[(obj.kind, obj.name)])
    return left


def describe(objects: list[ForeignObject]) -> str:
    """The objects as a comma-separated list for a message."""
    return ", ".join(o.describe() for o in objects)
