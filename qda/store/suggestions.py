"""Auto-coding suggestions: stored with score and matched terms, decided by a person.

A run replaces the *pending* suggestions of the documents and codes it covered; accepted
and rejected ones stay, so a rejected suggestion is never made again (the engine is told
where they are) and an accepted one stays linked to the coding it became
(``suggestion.segment_id``): that is how a coding is known to come from a suggestion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from qda.errors import AlreadyExists, InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuids, now
from qda.store.repository import Repository

STATUSES = ("pending", "accepted", "rejected")
_COLUMNS = ('id, uuid, document_id, code_id, start, "end", score, status, segment_id, decided_by, created, '
            "terms, unit, requested_by, decided")


@dataclass(frozen=True)
class Suggestion:
    """One stored suggestion (positions: code points into the document's text, end exclusive)."""

    id: int
    uuid: str
    document_id: int
    code_id: int
    start: int
    end: int
    score: float
    status: str
    segment_id: int | None
    decided_by: int | None
    created: str
    terms: tuple[str, ...]
    unit: str
    requested_by: int | None
    decided: str | None


def _suggestion(row: tuple) -> Suggestion:
    values = list(row)
    values[11] = tuple(json.loads(values[11] or "[]"))
    return Suggestion(*values)


class SuggestionRepository(Repository):
    """Store, list, accept and reject auto-coding suggestions."""

    # ------------------------------------------------------------------ reading
    def all(self, *, status: str | None = "pending", document=None, code=None) -> list[Suggestion]:
        """Suggestions by document and position; ``status=None`` for every status."""
        clauses: list[str] = []
        params: list[Any] = []
        if status is not None:
            if status not in STATUSES:
                raise InvalidValue(tr("status saran tidak dikenal: {s}", s=status))
            clauses.append("status = ?")
            params.append(status)
        if document is not None:
            clauses.append("document_id = ?")
            params.append(self._project.documents.id_of(document))
        if code is not None:
            clauses.append("code_id = ?")
            params.append(self._project.codes.get(code).id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return [_suggestion(r) for r in self._tuples(
            f'SELECT {_COLUMNS} FROM suggestion {where} ORDER BY document_id, start, "end", code_id', params)]

    def get(self, ref: int | str) -> Suggestion:
        """One suggestion by id or UUID."""
        col = "id" if isinstance(ref, int) else "uuid"
        rows = self._tuples(f"SELECT {_COLUMNS} FROM suggestion WHERE {col} = ?", (ref,))
        if not rows:
            raise NotFound(tr("saran tidak ditemukan: {ref}", ref=ref))
        return _suggestion(rows[0])

    def counts(self) -> dict[str, int]:
        """Number of suggestions per status."""
        out = {s: 0 for s in STATUSES}
        out.update(dict(self._tuples("SELECT status, COUNT(*) FROM suggestion GROUP BY status")))
        return out

    def rejected_spans(self, document_id: int) -> list[tuple[int, int, int]]:
        """``(code_id, start, end)`` of the rejected suggestions of a document."""
        return [tuple(r) for r in self._tuples(
            'SELECT code_id, start, "end" FROM suggestion WHERE document_id = ? AND status = ?',
            (document_id, "rejected"))]

    def from_suggestion(self, segment_id: int) -> Suggestion | None:
        """The accepted suggestion a coding came from, or None for a coding made by hand."""
        rows = self._tuples(f"SELECT {_COLUMNS} FROM suggestion WHERE segment_id = ? AND status = 'accepted'",
                            (segment_id,))
        return _suggestion(rows[0]) if rows else None

    def rows(self, *, status: str | None = "pending", document=None, code=None) -> list[dict]:
        """Suggestions as plain dicts, the JSON shape of DESIGN.md §5 plus status, terms and ids."""
        items = self.all(status=status, document=document, code=code)
        docs = dict(self._tuples("SELECT id, name FROM document"))
        codes = dict(self._tuples("SELECT id, name FROM code"))
        coders = dict(self._tuples("SELECT id, name FROM coder"))
        text_of = self._project.documents.text
        out = []
        for s in items:
            out.append({"document": docs[s.document_id], "start": s.start, "end": s.end, "code": codes[s.code_id],
                        "coder": coders.get(s.requested_by, ""), "text": text_of(s.document_id)[s.start:s.end],
                        "score": s.score, "terms": list(s.terms), "status": s.status, "unit": s.unit,
                        "id": s.id, "uuid": s.uuid})
        out.sort(key=lambda r: (r["document"], r["start"], r["end"], r["code"]))
        return out

    # ------------------------------------------------------------------ writing
    def replace_pending(self, candidates: Sequence, *, documents: Iterable[int], codes: Iterable[int],
                        unit: str) -> int:
        """Store a run's candidates in place of the pending suggestions of its documents and codes.

        ``candidates`` have ``document_id, start, end, code_id, score, terms``. A candidate
        equal to a decided suggestion (same document, span and code) is skipped. One
        transaction, one event. Returns the number stored.
        """
        documents, codes = sorted(set(documents)), sorted(set(codes))
        coder = self._project.coders.current
        stamp = now()
        with self.atomic():
            removed = 0
            for i in range(0, len(documents), 400):
                part = documents[i:i + 400]
                for j in range(0, len(codes), 400):
                    cpart = codes[j:j + 400]
                    removed += self._exec(
                        f"DELETE FROM suggestion WHERE status = 'pending' AND document_id IN "
                        f"({','.join('?' * len(part))}) AND code_id IN ({','.join('?' * len(cpart))})",
                        (*part, *cpart)).rowcount
            decided = set(self._tuples('SELECT document_id, start, "end", code_id FROM suggestion'))
            fresh = [c for c in candidates if (c.document_id, c.start, c.end, c.code_id) not in decided]
            uids = new_uuids(len(fresh))
            self._exec_many(
                'INSERT INTO suggestion(uuid, document_id, code_id, start, "end", score, status, created, terms, '
                "unit, requested_by) VALUES (?,?,?,?,?,?,'pending',?,?,?,?)",
                [(uid, c.document_id, c.code_id, c.start, c.end, float(c.score), stamp,
                  json.dumps(list(c.terms), ensure_ascii=False), unit, coder.id) for c, uid in zip(fresh, uids)])
            self._log("suggestion.run", "suggestion", None, unit=unit, documents=len(documents), codes=len(codes),
                      added=len(fresh), replaced=removed, coder=coder.name)
        return len(fresh)

    def accept(self, refs: Iterable[int | str], *, coder=None, created: list[int] | None = None) -> list[int]:
        """Turn pending suggestions into codings by ``coder`` (default: the current coder); all or none.

        Returns the ids of the codings (an existing identical coding is linked, not doubled);
        the ids of the codings this made are appended to ``created`` when given.
        """
        items = [self.get(r) for r in refs]
        coder_rec = self._project.coders.get(coder) if coder is not None else self._project.coders.current
        stamp = now()
        out = []
        with self.atomic():
            for s in items:
                self._refuse_decided(s)
                try:
                    seg_id = self._project.segments.add(s.document_id, s.start, s.end, s.code_id,
                                                        coder=coder_rec.id).id
                    if created is not None:
                        created.append(seg_id)
                except AlreadyExists:
                    seg_id = self._one('SELECT id FROM segment WHERE document_id = ? AND start = ? AND "end" = ? '
                                       "AND code_id = ? AND coder_id = ?",
                                       (s.document_id, s.start, s.end, s.code_id, coder_rec.id))
                self._exec("UPDATE suggestion SET status = 'accepted', segment_id = ?, decided_by = ?, decided = ? "
                           "WHERE id = ?", (seg_id, coder_rec.id, stamp, s.id))
                out.append(seg_id)
            if items:
                self._log("suggestion.accept", "suggestion", items[0].uuid if len(items) == 1 else None,
                          suggestions=[s.uuid for s in items], segments=out, coder=coder_rec.name,
                          before="pending", after="accepted")
        return out

    def reject(self, refs: Iterable[int | str], *, coder=None) -> int:
        """Reject pending suggestions: they stay on record and are never suggested again."""
        items = [self.get(r) for r in refs]
        coder_rec = self._project.coders.get(coder) if coder is not None else self._project.coders.current
        stamp = now()
        with self.atomic():
            for s in items:
                self._refuse_decided(s)
                self._exec("UPDATE suggestion SET status = 'rejected', decided_by = ?, decided = ? WHERE id = ?",
                           (coder_rec.id, stamp, s.id))
            if items:
                self._log("suggestion.reject", "suggestion", items[0].uuid if len(items) == 1 else None,
                          suggestions=[s.uuid for s in items], coder=coder_rec.name, before="pending",
                          after="rejected")
        return len(items)

    def reopen(self, refs: Iterable[int | str], *, remove_codings: Iterable[int] = ()) -> None:
        """Put decided suggestions back to pending (undo), removing the codings named in ``remove_codings``."""
        items = [self.get(r) for r in refs]
        remove = set(remove_codings)
        with self.atomic():
            for s in items:
                if s.segment_id is not None and s.segment_id in remove:
                    self._project.segments.remove(s.segment_id)
                self._exec("UPDATE suggestion SET status = 'pending', segment_id = NULL, decided_by = NULL, "
                           "decided = NULL WHERE id = ?", (s.id,))
            if items:
                self._log("suggestion.reopen", "suggestion", items[0].uuid if len(items) == 1 else None,
                          suggestions=[s.uuid for s in items], before=sorted({s.status for s in items}),
                          after="pending", removed_segments=sorted(remove))

    def decisions(self, refs: Iterable[int | str]) -> list[tuple[int, str, int | None, int | None, str | None]]:
        """``(id, status, segment_id, decided_by, decided)`` of suggestions, to put a decision back on redo."""
        return [(s.id, s.status, s.segment_id, s.decided_by, s.decided) for s in (self.get(r) for r in refs)]

    def restore_decisions(self, saved: Sequence[tuple[int, str, int | None, int | None, str | None]], *,
                          codings=None) -> None:
        """Put back decisions read with :meth:`decisions` (redo after undo), one transaction.

        ``codings`` is a snapshot of the codings the decision made (``segments.snapshot``),
        restored with their ids and UUIDs, so the accepted suggestions point at the very
        same codings as before the undo.
        """
        with self.atomic():
            if codings is not None:
                self._project.segments.restore(codings, action="redo")
            for sid, status, segment_id, decided_by, decided in saved:
                self._refuse_decided(self.get(sid))
                self._exec("UPDATE suggestion SET status = ?, segment_id = ?, decided_by = ?, decided = ? "
                           "WHERE id = ?", (status, segment_id, decided_by, decided, sid))
            if saved:
                uuids = [self.get(row[0]).uuid for row in saved]
                self._log("suggestion.redo", "suggestion", uuids[0] if len(uuids) == 1 else None,
                          suggestions=uuids, before="pending", after=sorted({row[1] for row in saved}),
                          segments=[row[2] for row in saved if row[2] is not None])

    def _refuse_decided(self, s: Suggestion) -> None:
        if s.status != "pending":
            raise InvalidValue(tr("saran #{id} sudah diputuskan ({status})", id=s.id, status=s.status))
