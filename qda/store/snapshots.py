"""Snapshots of rows that an action is about to delete, so undo can put them back exactly.

A snapshot is a plain dict of table name → list of row dicts (plus ``reparent``:
``[(code_id, parent_id)]``). Restoring re-inserts the rows with their original ids
and UUIDs, so every reference (the GUI's, a memo's, an export's) stays valid.
"""

from __future__ import annotations

from typing import Any, Iterable

RESTORE_ORDER = ("code", "segment", "review", "memo")


class SnapshotsMixin:
    """Take and restore snapshots of codes and segments (used by the undo stack)."""

    def _select(self, table: str, where: str, params: Iterable[Any]) -> list[dict]:
        return self._rows(f"SELECT * FROM {table} WHERE {where}", tuple(params))

    def snapshot_segments(self, segment_ids: list[int]) -> dict[str, list]:
        """The rows of these segments with their reviews and memos."""
        if not segment_ids:
            return {"segment": [], "review": [], "memo": []}
        marks = ",".join("?" * len(segment_ids))
        return {
            "segment": self._select("segment", f"id IN ({marks})", segment_ids),
            "review": self._select("review", f"segment_id IN ({marks})", segment_ids),
            "memo": self._select("memo", f"segment_id IN ({marks})", segment_ids),
        }

    def snapshot_code(self, code_id: int) -> dict[str, list]:
        """A code with its memo, its segments (with their reviews and memos) and its children's links."""
        seg_ids = [r[0] for r in self._tuples("SELECT id FROM segment WHERE code_id = ?", (code_id,))]
        snap = self.snapshot_segments(seg_ids)
        snap["code"] = self._select("code", "id = ?", (code_id,))
        snap["memo"] = snap["memo"] + self._select("memo", "code_id = ?", (code_id,))
        snap["reparent"] = [(cid, code_id) for (cid,) in self._tuples("SELECT id FROM code WHERE parent_id = ?",
                                                                       (code_id,))]
        return snap

    def restore_snapshot(self, snap: dict[str, list], *, action: str = "restore") -> None:
        """Re-insert the rows of a snapshot (one transaction)."""
        with self.atomic():
            for table in RESTORE_ORDER:
                for row in snap.get(table, []):
                    cols = list(row)
                    quoted = ", ".join(f'"{c}"' for c in cols)
                    self._exec(f"INSERT INTO {table}({quoted}) VALUES ({', '.join('?' * len(cols))})",
                               [row[c] for c in cols])
                    if table in ("code", "segment"):
                        self._log(f"{table}.{action}", table, row["uuid"])
            for child_id, parent_id in snap.get("reparent", []):
                self._exec("UPDATE code SET parent_id = ? WHERE id = ?", (parent_id, child_id))
