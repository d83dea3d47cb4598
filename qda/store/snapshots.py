"""Snapshots of rows that an action is about to delete, so undo can put them back exactly.

A snapshot is a plain dict of table name → list of row dicts (plus ``reparent``:
``[(code_id, parent_id)]`` and ``relink``: ``[(suggestion_id, segment_id)]`` for the links a
deletion sets to NULL). It holds every row the deletion removes by cascade: the segments'
reviews, "revised" marks, memos and the codes' suggestions. Restoring re-inserts the rows with their original ids
and UUIDs, so every reference (the GUI's, a memo's, an export's) stays valid. The
repositories take snapshots (``project.codes.snapshot``, ``project.segments.snapshot``,
``project.reviews.snapshot``, ``project.memos.snapshot``) and restore them through
:func:`restore_rows`, the one implementation.
"""

from __future__ import annotations

from typing import Any, Iterable

from qda.store.repository import Repository

Snapshot = dict[str, list[Any]]

RESTORE_ORDER = ("code", "segment", "review", "revision", "memo", "suggestion")


def select_rows(repo: Repository, table: str, where: str, params: Iterable[Any]) -> list[dict[str, Any]]:
    """Whole rows of ``table`` matching ``where`` (for a snapshot)."""
    return repo._rows(f"SELECT * FROM {table} WHERE {where}", tuple(params))


def restore_rows(repo: Repository, snap: Snapshot, *, action: str = "restore") -> None:
    """Re-insert the rows of a snapshot (one transaction); restored codes and segments are logged."""
    with repo.atomic():
        for table in RESTORE_ORDER:
            rows = snap.get(table, [])
            for row in rows:
                cols = list(row)
                quoted = ", ".join(f'"{c}"' for c in cols)
                repo._exec(f"INSERT INTO {table}({quoted}) VALUES ({', '.join('?' * len(cols))})",
                           [row[c] for c in cols])
            if table in ("code", "segment") and rows:
                repo._log_many(f"{table}.{action}", table, [(row["uuid"], {"id": row["id"]}) for row in rows])
        for child_id, parent_id in snap.get("reparent", []):
            repo._exec("UPDATE code SET parent_id = ? WHERE id = ?", (parent_id, child_id))
        for suggestion_id, segment_id in snap.get("relink", []):
            repo._exec("UPDATE suggestion SET segment_id = ? WHERE id = ?", (segment_id, suggestion_id))
