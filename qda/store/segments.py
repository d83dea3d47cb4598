"""Coded segments: apply, remove, recode and query codings."""

from __future__ import annotations

from typing import Iterable

from qda.errors import AlreadyExists, InvalidSpan, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, new_uuids, now
from qda.store.records import Segment

SEG_COLUMNS = 's.id, s.uuid, s.document_id, s.code_id, s.start, s."end", s.coder_id, s.created'
SegRef = Segment | int | str


class SegmentsMixin:
    """Apply codes to spans and query the coded segments."""

    def _check_span(self, doc_id: int, start: int, end: int, length: int | None = None) -> None:
        if length is None:
            length = self.document_length(doc_id)
        if not (isinstance(start, int) and isinstance(end, int)) or not (0 <= start < end <= length):
            raise InvalidSpan(tr("rentang {start}–{end} tidak sah untuk dokumen sepanjang {n} karakter "
                                 "(awal ≥ 0, awal < akhir ≤ panjang)", start=start, end=end, n=length))

    def add_segment(self, doc, start: int, end: int, code, *, coder=None, uuid: str | None = None) -> Segment:
        """Apply ``code`` to ``doc[start:end]`` (code points, end exclusive); overlaps are allowed."""
        doc_id = self._doc_id(doc)
        code_rec = self.code(code)
        coder_rec = self.coder_by(coder) if coder is not None else self.coder
        self._check_span(doc_id, start, end)
        uid = uuid or new_uuid()
        stamp = now()
        with self.atomic():
            self._refuse_duplicate(doc_id, start, end, code_rec, coder_rec.id)
            cur = self._exec('INSERT INTO segment(uuid, document_id, code_id, start, "end", coder_id, created) '
                             'VALUES (?,?,?,?,?,?,?)', (uid, doc_id, code_rec.id, start, end, coder_rec.id, stamp))
            self._log("segment.add", "segment", uid, document_id=doc_id, code=code_rec.name, start=start, end=end,
                      coder=coder_rec.name)
        return Segment(cur.lastrowid, uid, doc_id, code_rec.id, start, end, coder_rec.id, stamp)

    def _refuse_duplicate(self, doc_id: int, start: int, end: int, code_rec, coder_id: int) -> None:
        if self._one('SELECT 1 FROM segment WHERE document_id = ? AND start = ? AND "end" = ? AND code_id = ? '
                     'AND coder_id = ?', (doc_id, start, end, code_rec.id, coder_id)):
            raise AlreadyExists(tr("rentang {start}–{end} sudah dikode {code} oleh pengode ini",
                                   start=start, end=end, code=code_rec.name))

    def add_segments(self, rows: Iterable[tuple[int, int, int, int]], *, coder=None) -> int:
        """Apply many codings ``(doc_id, start, end, code_id)`` in one transaction; all or none.

        A coding the coder already has (same document, span and code), or that appears
        twice in ``rows``, is applied once. Returns the number of codings added.
        """
        coder_rec = self.coder_by(coder) if coder is not None else self.coder
        lengths = dict(self._tuples("SELECT id, length FROM document"))
        codes = {cid: name for cid, name in self._tuples("SELECT id, name FROM code")}
        stamp = now()
        batch = []
        events = []
        rows = [tuple(r) for r in rows]
        doc_ids = sorted({r[0] for r in rows})
        seen = set()
        for i in range(0, len(doc_ids), 500):  # only the documents this batch touches
            part = doc_ids[i:i + 500]
            seen.update(self._tuples(
                f'SELECT document_id, start, "end", code_id FROM segment WHERE coder_id = ? '
                f'AND document_id IN ({",".join("?" * len(part))})', (coder_rec.id, *part)))
        unique = []
        for row in rows:
            key = tuple(row)
            if key not in seen:
                seen.add(key)
                unique.append(key)
        rows = unique
        uids = new_uuids(len(rows))
        for (doc_id, start, end, code_id), uid in zip(rows, uids):
            if doc_id not in lengths:
                raise NotFound(tr("dokumen #{id} tidak ditemukan", id=doc_id))
            if code_id not in codes:
                raise NotFound(tr("kode #{id} tidak ditemukan", id=code_id))
            self._check_span(doc_id, start, end, lengths[doc_id])
            batch.append((uid, doc_id, code_id, start, end, coder_rec.id, stamp))
            events.append((stamp, coder_rec.id, "segment.add", "segment", uid,
                           f'{{"document_id": {doc_id}, "code_id": {code_id}, "start": {start}, "end": {end}}}'))
        with self.atomic():
            self._conn.executemany('INSERT INTO segment(uuid, document_id, code_id, start, "end", coder_id, created) '
                                   'VALUES (?,?,?,?,?,?,?)', batch)
            self._conn.executemany("INSERT INTO event(time, coder_id, action, entity, entity_uuid, detail) "
                                   "VALUES (?,?,?,?,?,?)", events)
        return len(batch)

    def coder_counts(self) -> dict[int, int]:
        """Number of segments per coder id (coders without segments map to 0)."""
        counts = {cid: 0 for (cid,) in self._tuples("SELECT id FROM coder")}
        counts.update(dict(self._tuples("SELECT coder_id, COUNT(*) FROM segment GROUP BY coder_id")))
        return counts

    def segment(self, ref: SegRef) -> Segment:
        """Resolve a segment given as record, id or UUID."""
        if isinstance(ref, Segment):
            ref = ref.id
        col = "id" if isinstance(ref, int) else "uuid"
        rows = self._tuples(f"SELECT {SEG_COLUMNS} FROM segment s WHERE s.{col} = ?", (ref,))
        if not rows:
            raise NotFound(tr("segmen tidak ditemukan: {ref}", ref=ref))
        return Segment(*rows[0])

    def remove_segment(self, ref: SegRef) -> None:
        """Remove one coding (with its memo and reviews)."""
        seg = self.segment(ref)
        with self.atomic():
            self._exec("DELETE FROM segment WHERE id = ?", (seg.id,))
            self._log("segment.remove", "segment", seg.uuid, document_id=seg.document_id, code_id=seg.code_id,
                      start=seg.start, end=seg.end)

    def recode_segment(self, ref: SegRef, code) -> Segment:
        """Give a segment another code, keeping its span, coder, memo and history."""
        seg = self.segment(ref)
        code_rec = self.code(code)
        with self.atomic():
            if code_rec.id != seg.code_id:
                self._refuse_duplicate(seg.document_id, seg.start, seg.end, code_rec, seg.coder_id)
            self._exec("UPDATE segment SET code_id = ? WHERE id = ?", (code_rec.id, seg.id))
            self._log("segment.recode", "segment", seg.uuid, old_code_id=seg.code_id, new_code=code_rec.name)
        return self.segment(seg.id)

    def segments(self, *, document=None, code=None, coder=None, include_subcodes: bool = False) -> list[Segment]:
        """Segments filtered by document, code and coder, ordered by document and start."""
        where, params = self._segment_filter(document, code, coder, include_subcodes)
        sql = f'SELECT {SEG_COLUMNS} FROM segment s {where} ORDER BY s.document_id, s.start, s."end", s.id'
        return [Segment(*r) for r in self._tuples(sql, params)]

    def _segment_filter(self, document, code, coder, include_subcodes: bool) -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        if document is not None:
            clauses.append("s.document_id = ?")
            params.append(self._doc_id(document))
        if code is not None:
            code_id = self.code(code).id
            if include_subcodes:
                ids = [code_id, *self.descendants(code_id)]
                clauses.append(f"s.code_id IN ({','.join('?' * len(ids))})")
                params.extend(ids)
            else:
                clauses.append("s.code_id = ?")
                params.append(code_id)
        if coder is not None:
            clauses.append("s.coder_id = ?")
            params.append(self.coder_by(coder).id)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def segment_text(self, ref: SegRef) -> str:
        """The text a segment covers."""
        seg = self.segment(ref)
        return self.document_text(seg.document_id)[seg.start:seg.end]

    def segment_rows(self, *, document=None, code=None, coder=None, include_subcodes: bool = False) -> list[dict]:
        """Segments as plain dicts with names and text (the JSON/CSV shape of the CLI).

        Ordered by document name, then start, end and id. Names are joined in Python
        and texts sliced from the cached document text: far cheaper than SQL joins
        and ``substr`` over long documents.
        """
        where, params = self._segment_filter(document, code, coder, include_subcodes)
        rows = self._tuples(f'SELECT {SEG_COLUMNS} FROM segment s {where}', params)
        docs = dict(self._tuples("SELECT id, name FROM document"))
        codes = dict(self._tuples("SELECT id, name FROM code"))
        coders = dict(self._tuples("SELECT id, name FROM coder"))
        rows.sort(key=lambda r: (docs[r[2]], r[4], r[5], r[0]))
        out = []
        text_of = self.document_text
        for sid, uid, doc_id, code_id, start, end, coder_id, created in rows:
            out.append({"id": sid, "uuid": uid, "document": docs[doc_id], "start": start, "end": end,
                        "code": codes[code_id], "coder": coders[coder_id], "created": created,
                        "document_id": doc_id, "text": text_of(doc_id)[start:end]})
        return out
