"""Coded segments: apply, remove, recode and query codings."""

from __future__ import annotations

from typing import Any, Iterable

from qda.errors import AlreadyExists, InvalidSpan, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, new_uuids, now
from qda.store.codes import CodeRef
from qda.store.coders import CoderRef
from qda.store.documents import DocRef
from qda.store.records import Code, Segment
from qda.store.repository import Repository
from qda.store.snapshots import Snapshot, restore_rows, select_rows

SEG_COLUMNS = 's.id, s.uuid, s.document_id, s.code_id, s.start, s."end", s.coder_id, s.created'
SegRef = Segment | int | str
_CHUNK = 500  # ids per ``IN (...)`` list, well below SQLite's parameter limit


def _add_detail(doc_id: int, code_id: int, code: str, start: int, end: int, coder: str) -> dict[str, Any]:
    """The detail of a ``segment.add`` event: the same for one coding and for a batch."""
    return {"document_id": doc_id, "code_id": code_id, "code": code, "start": start, "end": end, "coder": coder}


class SegmentRepository(Repository):
    """``project.segments``: apply codes to spans and query the coded segments."""

    def _check_span(self, doc_id: int, start: int, end: int, length: int | None = None) -> None:
        if length is None:
            length = self._project.documents.length(doc_id)
        if not (isinstance(start, int) and isinstance(end, int)) or not (0 <= start < end <= length):
            raise InvalidSpan(tr("rentang {start}–{end} tidak sah untuk sumber sepanjang {n} karakter "
                                 "(awal ≥ 0, awal < akhir ≤ panjang)", start=start, end=end, n=length))

    def _refuse_duplicate(self, doc_id: int, start: int, end: int, code_rec: Code, coder_id: int) -> None:
        if self._one('SELECT 1 FROM segment WHERE document_id = ? AND start = ? AND "end" = ? AND code_id = ? '
                     'AND coder_id = ?', (doc_id, start, end, code_rec.id, coder_id)):
            raise AlreadyExists(tr("rentang {start}–{end} sudah dikode {code} oleh pengode ini",
                                   start=start, end=end, code=code_rec.name))

    def add(self, doc: DocRef, start: int, end: int, code: CodeRef, *, coder: CoderRef | None = None,
            uuid: str | None = None) -> Segment:
        """Apply ``code`` to ``doc[start:end]`` (code points, end exclusive); overlaps are allowed."""
        project = self._project
        doc_id = project.documents.id_of(doc)
        code_rec = project.codes.get(code)
        coder_rec = project.coders.get(coder) if coder is not None else project.coders.current
        self._check_span(doc_id, start, end)
        uid = uuid or new_uuid()
        stamp = now()
        with self.atomic():
            self._refuse_duplicate(doc_id, start, end, code_rec, coder_rec.id)
            cur = self._exec('INSERT INTO segment(uuid, document_id, code_id, start, "end", coder_id, created) '
                             'VALUES (?,?,?,?,?,?,?)', (uid, doc_id, code_rec.id, start, end, coder_rec.id, stamp))
            self._log("segment.add", "segment", uid,
                      **_add_detail(doc_id, code_rec.id, code_rec.name, start, end, coder_rec.name))
        return Segment(int(cur.lastrowid or 0), uid, doc_id, code_rec.id, start, end, coder_rec.id, stamp)

    def add_many(self, rows: Iterable[tuple[int, int, int, int]], *, coder: CoderRef | None = None) -> int:
        """Apply many codings ``(doc_id, start, end, code_id)`` in one transaction; all or none.

        A coding the coder already has (same document, span and code), or that appears
        twice in ``rows``, is applied once. Each coding is logged exactly as :meth:`add`
        logs one. Returns the number of codings added.
        """
        project = self._project
        coder_rec = project.coders.get(coder) if coder is not None else project.coders.current
        lengths = project.documents.lengths()
        codes = project.codes.names()
        stamp = now()
        wanted = [(int(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]
        doc_ids = sorted({r[0] for r in wanted})
        seen: set[tuple[int, int, int, int]] = set()
        for i in range(0, len(doc_ids), _CHUNK):  # only the documents this batch touches
            part = doc_ids[i:i + _CHUNK]
            seen.update(self._tuples(
                f'SELECT document_id, start, "end", code_id FROM segment WHERE coder_id = ? '
                f'AND document_id IN ({",".join("?" * len(part))})', (coder_rec.id, *part)))
        unique = []
        for key in wanted:
            if key not in seen:
                seen.add(key)
                unique.append(key)
        uids = new_uuids(len(unique))
        batch = []
        events = []
        for (doc_id, start, end, code_id), uid in zip(unique, uids):
            if doc_id not in lengths:
                raise NotFound(tr("sumber #{id} tidak ditemukan", id=doc_id))
            if code_id not in codes:
                raise NotFound(tr("kode #{id} tidak ditemukan", id=code_id))
            self._check_span(doc_id, start, end, lengths[doc_id])
            batch.append((uid, doc_id, code_id, start, end, coder_rec.id, stamp))
            events.append((uid, _add_detail(doc_id, code_id, codes[code_id], start, end, coder_rec.name)))
        with self.atomic():
            self._exec_many('INSERT INTO segment(uuid, document_id, code_id, start, "end", coder_id, created) '
                            'VALUES (?,?,?,?,?,?,?)', batch)
            self._log_many("segment.add", "segment", events)
        return len(batch)

    def get(self, ref: SegRef) -> Segment:
        """Resolve a segment given as record, id or UUID."""
        if isinstance(ref, Segment):
            ref = ref.id
        col = "id" if isinstance(ref, int) else "uuid"
        rows = self._tuples(f"SELECT {SEG_COLUMNS} FROM segment s WHERE s.{col} = ?", (ref,))
        if not rows:
            raise NotFound(tr("segmen tidak ditemukan: {ref}", ref=ref))
        return Segment(*rows[0])

    def remove(self, ref: SegRef) -> None:
        """Remove one coding (with its memo and reviews)."""
        seg = self.get(ref)
        with self.atomic():
            self._exec("DELETE FROM segment WHERE id = ?", (seg.id,))
            self._log("segment.remove", "segment", seg.uuid, document_id=seg.document_id, code_id=seg.code_id,
                      start=seg.start, end=seg.end)

    def recode(self, ref: SegRef, code: CodeRef) -> Segment:
        """Give a segment another code, keeping its span, coder, memo and history."""
        seg = self.get(ref)
        code_rec = self._project.codes.get(code)
        with self.atomic():
            if code_rec.id != seg.code_id:
                self._refuse_duplicate(seg.document_id, seg.start, seg.end, code_rec, seg.coder_id)
            self._exec("UPDATE segment SET code_id = ? WHERE id = ?", (code_rec.id, seg.id))
            self._log("segment.recode", "segment", seg.uuid, old_code_id=seg.code_id, new_code_id=code_rec.id,
                      new_code=code_rec.name)
        return self.get(seg.id)

    def all(self, *, document: DocRef | None = None, code: CodeRef | None = None, coder: CoderRef | None = None,
            include_subcodes: bool = False) -> list[Segment]:
        """Segments filtered by document, code and coder, ordered by document and start.

        While blind coding is on, a coder's listing holds only their own codings
        (:meth:`~qda.store.supervision.SupervisionRepository.visible_coder`).
        """
        where, params = self._filter(document, code, coder, include_subcodes)
        sql = f'SELECT {SEG_COLUMNS} FROM segment s {where} ORDER BY s.document_id, s.start, s."end", s.id'
        return [Segment(*r) for r in self._tuples(sql, params)]

    def _filter(self, document: DocRef | None, code: CodeRef | None, coder: CoderRef | None,
                include_subcodes: bool) -> tuple[str, list[Any]]:
        project = self._project
        clauses: list[str] = []
        params: list[Any] = []
        if document is not None:
            clauses.append("s.document_id = ?")
            params.append(project.documents.id_of(document))
        if code is not None:
            code_id = project.codes.get(code).id
            if include_subcodes:
                ids = [code_id, *project.codes.descendants(code_id)]
                clauses.append(f"s.code_id IN ({','.join('?' * len(ids))})")
                params.extend(ids)
            else:
                clauses.append("s.code_id = ?")
                params.append(code_id)
        if coder is not None:
            clauses.append("s.coder_id = ?")
            params.append(project.coders.get(coder).id)
        blind, who = project.supervision.visible_clause()  # blind coding: only the current coder's
        clauses.append(blind)
        params.extend(who)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def text(self, ref: SegRef) -> str:
        """The text a segment covers."""
        seg = self.get(ref)
        return self._project.documents.text(seg.document_id)[seg.start:seg.end]

    def rows(self, *, document: DocRef | None = None, code: CodeRef | None = None, coder: CoderRef | None = None,
             include_subcodes: bool = False) -> list[dict[str, Any]]:
        """Segments as plain dicts with names and text (the JSON/CSV shape of the CLI).

        Ordered by document name, then start, end and id. A fixed number of queries
        whatever the number of rows: the segments, the names of documents, codes and
        coders, and each document's text once (sliced in Python, far cheaper than
        SQL joins and ``substr`` over long documents).
        """
        where, params = self._filter(document, code, coder, include_subcodes)
        found = self._tuples(f'SELECT {SEG_COLUMNS} FROM segment s {where}', params)
        docs = self._project.documents.names()
        codes = self._project.codes.names()
        coders = dict(self._tuples("SELECT id, name FROM coder"))
        found.sort(key=lambda r: (docs[r[2]], r[4], r[5], r[0]))
        texts: dict[int, str] = {}
        text_of = self._project.documents.text
        out = []
        for sid, uid, doc_id, code_id, start, end, coder_id, created in found:
            text = texts.get(doc_id)
            if text is None:
                text = texts[doc_id] = text_of(doc_id)
            out.append({"id": sid, "uuid": uid, "document": docs[doc_id], "start": start, "end": end,
                        "code": codes[code_id], "coder": coders[coder_id], "created": created,
                        "document_id": doc_id, "text": text[start:end]})
        return out

    # ------------------------------------------------------------------ undo
    def snapshot(self, segment_ids: list[int]) -> Snapshot:
        """The rows of these segments with their reviews and memos."""
        snap: Snapshot = {"segment": [], "review": [], "revision": [], "memo": [], "relink": []}
        for i in range(0, len(segment_ids), _CHUNK):
            part = segment_ids[i:i + _CHUNK]
            marks = ",".join("?" * len(part))
            snap["segment"] += select_rows(self, "segment", f"id IN ({marks})", part)
            snap["review"] += select_rows(self, "review", f"segment_id IN ({marks})", part)
            snap["revision"] += select_rows(self, "revision", f"segment_id IN ({marks})", part)
            snap["memo"] += select_rows(self, "memo", f"segment_id IN ({marks})", part)
            snap["relink"] += [(sid, seg) for sid, seg in self._tuples(
                f"SELECT id, segment_id FROM suggestion WHERE segment_id IN ({marks})", part)]
        return snap

    def restore(self, snap: Snapshot, *, action: str = "restore") -> None:
        """Put back segments removed after :meth:`snapshot` (same ids and UUIDs) with reviews and memos."""
        restore_rows(self, snap, action=action)
