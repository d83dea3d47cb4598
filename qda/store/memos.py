"""Memos on the project, documents, codes, segments and cases."""

from __future__ import annotations

from qda.errors import InvalidValue
from qda.store.base import new_uuid, now
from qda.store.records import Case, Code, Document, Memo, Segment

_COLUMN = {"document": "document_id", "code": "code_id", "segment": "segment_id", "case": "case_id"}


class MemosMixin:
    """One memo per target; an empty text deletes it."""

    def _memo_target(self, target) -> tuple[str, int | None]:
        if target is None or target == "project":
            return "project", None
        for cls, kind in ((Document, "document"), (Code, "code"), (Segment, "segment"), (Case, "case")):
            if isinstance(target, cls):
                return kind, target.id
        if isinstance(target, tuple):
            kind, ident = target
            if kind == "project":
                return "project", None
            if kind not in _COLUMN:
                raise InvalidValue(f"unknown memo target kind {kind!r}")
            return kind, int(ident)
        for cls, kind in ((Document, "document"), (Code, "code"), (Segment, "segment"), (Case, "case")):
            if isinstance(target, cls):
                return kind, target.id
        raise TypeError(f"cannot attach a memo to {target!r}")

    def _memo_where(self, kind: str, ident: int | None) -> tuple[str, tuple]:
        if kind == "project":
            return "target_kind = 'project'", ()
        return f"target_kind = ? AND {_COLUMN[kind]} = ?", (kind, ident)

    def memo(self, target=None) -> str | None:
        """The memo text of a target (``None`` = the project), or ``None``."""
        kind, ident = self._memo_target(target)
        where, params = self._memo_where(kind, ident)
        return self._one(f"SELECT text FROM memo WHERE {where}", params)

    def set_memo(self, target, text: str | None) -> None:
        """Write (or with an empty text, delete) the memo of a target."""
        kind, ident = self._memo_target(target)
        where, params = self._memo_where(kind, ident)
        with self.atomic():
            existing = self._tuples(f"SELECT id, uuid FROM memo WHERE {where}", params)
            if not text or not text.strip():
                if existing:
                    self._exec("DELETE FROM memo WHERE id = ?", (existing[0][0],))
                    self._log("memo.delete", "memo", existing[0][1], target=kind, target_id=ident)
                return
            stamp = now()
            if existing:
                self._exec("UPDATE memo SET text = ?, modified = ?, coder_id = ? WHERE id = ?",
                           (text, stamp, self.coder.id, existing[0][0]))
                self._log("memo.edit", "memo", existing[0][1], target=kind, target_id=ident)
            else:
                uid = new_uuid()
                cols = ["uuid", "target_kind", "text", "coder_id", "created", "modified"]
                vals = [uid, kind, text, self.coder.id, stamp, stamp]
                if kind != "project":
                    cols.append(_COLUMN[kind])
                    vals.append(ident)
                self._exec(f"INSERT INTO memo({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", vals)
                self._log("memo.add", "memo", uid, target=kind, target_id=ident)

    def memo_snapshot(self, target) -> dict[str, list]:
        """The memo row of a target (for undo), as a snapshot."""
        kind, ident = self._memo_target(target)
        where, params = self._memo_where(kind, ident)
        return {"memo": self._rows(f"SELECT * FROM memo WHERE {where}", params)}

    def restore_memo(self, target, snap: dict[str, list]) -> None:
        """Put a target's memo back exactly as in ``snap`` (no memo if the snapshot has none)."""
        kind, ident = self._memo_target(target)
        where, params = self._memo_where(kind, ident)
        with self.atomic():
            self._exec(f"DELETE FROM memo WHERE {where}", params)
            self.restore_snapshot(snap, action="restore")

    def memos(self) -> list[Memo]:
        """Every memo, project memo first."""
        rows = self._tuples(
            "SELECT id, uuid, target_kind, COALESCE(document_id, code_id, segment_id, case_id), text, coder_id, "
            "modified FROM memo ORDER BY CASE target_kind WHEN 'project' THEN 0 WHEN 'document' THEN 1 "
            "WHEN 'code' THEN 2 WHEN 'case' THEN 3 ELSE 4 END, id")
        return [Memo(*r) for r in rows]
