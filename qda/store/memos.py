"""Memos on the project, documents, codes, segments and cases."""

from __future__ import annotations

from typing import Any

from qda.errors import InvalidValue
from qda.store.base import new_uuid, now
from qda.store.records import Case, Code, Document, Memo, Segment
from qda.store.repository import Repository
from qda.store.snapshots import Snapshot, restore_rows

_COLUMN = {"document": "document_id", "code": "code_id", "segment": "segment_id", "case": "case_id"}
_RECORD_KINDS: dict[type, str] = {Document: "document", Code: "code", Segment: "segment", Case: "case"}

#: What a memo is attached to: ``None``/"project", a record, or ``(kind, id)``.
MemoTarget = Any


def memo_target(target: MemoTarget) -> tuple[str, int | None]:
    """``(kind, id)`` of a memo target."""
    if target is None or target == "project":
        return "project", None
    if isinstance(target, (Document, Code, Segment, Case)):
        return _RECORD_KINDS[type(target)], target.id
    if isinstance(target, tuple):
        kind, ident = target
        if kind == "project":
            return "project", None
        if kind not in _COLUMN:
            raise InvalidValue(f"unknown memo target kind {kind!r}")
        return kind, int(ident)
    raise TypeError(f"cannot attach a memo to {target!r}")


def _where(kind: str, ident: int | None) -> tuple[str, tuple[Any, ...]]:
    if kind == "project":
        return "target_kind = 'project'", ()
    return f"target_kind = ? AND {_COLUMN[kind]} = ?", (kind, ident)


class MemoRepository(Repository):
    """``project.memos``: one memo per target; an empty text deletes it."""

    def get(self, target: MemoTarget = None) -> str | None:
        """The memo text of a target (``None`` = the project), or ``None``."""
        where, params = _where(*memo_target(target))
        text = self._one(f"SELECT text FROM memo WHERE {where}", params)
        return None if text is None else str(text)

    def set(self, target: MemoTarget, text: str | None) -> None:
        """Write (or with an empty text, delete) the memo of a target."""
        kind, ident = memo_target(target)
        where, params = _where(kind, ident)
        with self.atomic():
            existing = self._tuples(f"SELECT id, uuid, text FROM memo WHERE {where}", params)
            if not text or not text.strip():
                if existing:
                    self._exec("DELETE FROM memo WHERE id = ?", (existing[0][0],))
                    self._log("memo.delete", "memo", existing[0][1], target=kind, target_id=ident,
                              old=existing[0][2])
                return
            stamp = now()
            coder_id = self._project.coders.current.id
            if existing:
                self._exec("UPDATE memo SET text = ?, modified = ?, coder_id = ? WHERE id = ?",
                           (text, stamp, coder_id, existing[0][0]))
                self._log("memo.edit", "memo", existing[0][1], target=kind, target_id=ident)
            else:
                uid = new_uuid()
                cols = ["uuid", "target_kind", "text", "coder_id", "created", "modified"]
                vals: list[Any] = [uid, kind, text, coder_id, stamp, stamp]
                if kind != "project":
                    cols.append(_COLUMN[kind])
                    vals.append(ident)
                self._exec(f"INSERT INTO memo({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", vals)
                self._log("memo.add", "memo", uid, target=kind, target_id=ident)

    def all(self) -> list[Memo]:
        """Every memo, project memo first."""
        rows = self._tuples(
            "SELECT id, uuid, target_kind, COALESCE(document_id, code_id, segment_id, case_id), text, coder_id, "
            "modified FROM memo ORDER BY CASE target_kind WHEN 'project' THEN 0 WHEN 'document' THEN 1 "
            "WHEN 'code' THEN 2 WHEN 'case' THEN 3 ELSE 4 END, id")
        return [Memo(*r) for r in rows]

    # ------------------------------------------------------------------ undo
    def snapshot(self, target: MemoTarget) -> Snapshot:
        """The memo row of a target (for undo)."""
        where, params = _where(*memo_target(target))
        return {"memo": self._rows(f"SELECT * FROM memo WHERE {where}", params)}

    def restore(self, target: MemoTarget, snap: Snapshot) -> None:
        """Put a target's memo back exactly as in ``snap`` (no memo if the snapshot has none)."""
        kind, ident = memo_target(target)
        where, params = _where(kind, ident)
        with self.atomic():
            self._exec(f"DELETE FROM memo WHERE {where}", params)
            restore_rows(self, snap, action="restore")
            uid = snap["memo"][0]["uuid"] if snap.get("memo") else None
            self._log("memo.restore", "memo", uid, target=kind, target_id=ident)
