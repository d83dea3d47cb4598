"""Text versions of documents and the "perlu dicek" flags an edit leaves behind.

An edit of a document's text (a correction, an anonymisation) is stored as one
``text_version`` row holding the text before and after it and the state needed to undo
and redo it exactly (segment spans, speaker turns, pending suggestions, attributes,
memo texts and the document's name, before and after). Codings that could not be
placed with confidence get an ``anchor_flag`` row with their old excerpt, until the
user accepts the candidate, places them by hand or removes them.

Every write is one transaction with one event in the audit trail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.repository import Repository

_PARK = 1 << 40  # segment spans are parked beyond any text while many are rewritten (unique index)
FLAG_STATUSES = ("open", "accepted", "moved", "removed")


@dataclass(frozen=True)
class TextVersion:
    """One edit of a document's text: the text before it, who made it and when."""

    id: int
    uuid: str
    document_id: int
    action: str  # edit | anonymise
    created: str
    coder_id: int | None
    summary: dict[str, Any]
    undone: bool


@dataclass(frozen=True)
class AnchorFlag:
    """A coding an edit could not place with confidence ("perlu dicek")."""

    id: int
    version_id: int
    segment_id: int | None
    document_id: int
    old_start: int
    old_end: int
    old_text: str
    reason: str
    score: float
    status: str
    created: str


@dataclass(frozen=True)
class EditState:
    """Everything an edit changes, before or after it (plain data, JSON-ready)."""

    text: str
    name: str
    words: int
    segments: list[tuple[int, int, int]]  # (segment id, start, end)
    turns: list[tuple[str, str | None, int, int]]  # (speaker, timestamp, start, end)
    suggestions: list[tuple[int, int, int, str]]  # (suggestion id, start, end, status) of pending ones
    fields: list[tuple[str, int, str, str]]  # (kind, owner id, key, value)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "words": self.words, "segments": self.segments, "turns": self.turns,
                "suggestions": self.suggestions, "fields": self.fields}

    @classmethod
    def from_json(cls, text: str, data: dict[str, Any]) -> EditState:
        return cls(text, data["name"], data["words"], [tuple(s) for s in data["segments"]],
                   [tuple(t) for t in data["turns"]], [tuple(s) for s in data["suggestions"]],
                   [tuple(f) for f in data["fields"]])


_FLAG_COLUMNS = ("f.id, f.version_id, f.segment_id, v.document_id, f.old_start, f.old_end, f.old_text, f.reason, "
                 "f.score, f.status, f.created")
_VERSION_COLUMNS = "id, uuid, document_id, action, created, coder_id, summary, undone"


class VersionRepository(Repository):
    """Document text versions, edits with their undo state, and re-anchoring flags."""

    def __init__(self, project: Any) -> None:
        super().__init__(project)
        self.generation = 0  # counts texts changed through this connection (views re-read on a change)
        self.flag_generation = 0  # counts changes of the flags (the "perlu dicek" list re-reads on a change)

    # ------------------------------------------------------------------ reading
    def state(self, doc_id: int) -> EditState:
        """The current state of a document as an edit sees it."""
        rows = self._tuples("SELECT text, name, words FROM document WHERE id = ?", (doc_id,))
        if not rows:
            raise NotFound(tr("sumber #{id} tidak ditemukan", id=doc_id))
        text, name, words = rows[0]
        segments = self._tuples('SELECT id, start, "end" FROM segment WHERE document_id = ? ORDER BY start, id',
                                (doc_id,))
        turns = self._tuples('SELECT speaker, timestamp, start, "end" FROM turn WHERE document_id = ? ORDER BY seq',
                             (doc_id,))
        suggestions = self._tuples('SELECT id, start, "end", status FROM suggestion WHERE document_id = ? '
                                   "AND status = 'pending' ORDER BY start, id", (doc_id,))
        return EditState(text, name, words, [tuple(r) for r in segments], [tuple(r) for r in turns],
                         [tuple(r) for r in suggestions], [])

    def segment_details(self, doc_id: int) -> dict[int, tuple[int, int]]:
        """Segment id → (code id, coder id) for a document's codings."""
        return {r[0]: (r[1], r[2]) for r in self._tuples(
            "SELECT id, code_id, coder_id FROM segment WHERE document_id = ?", (doc_id,))}

    def field_values(self, doc_id: int) -> list[tuple[str, int, str, str]]:
        """The document's attributes, its case's attributes and the texts of memos on it and its codings."""
        out: list[tuple[str, int, str, str]] = [
            ("document_attribute", doc_id, k, v) for k, v in self._tuples(
                "SELECT key, value FROM document_attribute WHERE document_id = ? ORDER BY rowid", (doc_id,))]
        case_id = self._one("SELECT case_id FROM document WHERE id = ?", (doc_id,))
        if case_id is not None:
            out += [("case_attribute", case_id, k, v) for k, v in self._tuples(
                "SELECT key, value FROM case_attribute WHERE case_id = ? ORDER BY rowid", (case_id,))]
        out += [("memo", mid, "text", text) for mid, text in self._tuples(
            "SELECT id, text FROM memo WHERE document_id = ? OR segment_id IN "
            "(SELECT id FROM segment WHERE document_id = ?) ORDER BY id", (doc_id, doc_id))]
        return out

    def versions(self, doc_id: int | None = None, *, include_undone: bool = False) -> list[TextVersion]:
        """Edits of one document (or all), oldest first."""
        if not self._has_tables():
            return []
        where = []
        params: list[Any] = []
        if doc_id is not None:
            where.append("document_id = ?")
            params.append(doc_id)
        if not include_undone:
            where.append("undone = 0")
        sql = f"SELECT {_VERSION_COLUMNS} FROM text_version"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [TextVersion(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), bool(r[7]))
                for r in self._tuples(sql + " ORDER BY id", params)]

    def text_before(self, version_id: int) -> str:
        """The document's text as it was before this edit (the kept old version)."""
        text = self._one("SELECT text_before FROM text_version WHERE id = ?", (version_id,))
        if text is None:
            raise NotFound(tr("versi teks #{id} tidak ditemukan", id=version_id))
        return str(text)

    def _has_tables(self) -> bool:
        """False for a file opened read-only before its upgrade (no edits can be in it)."""
        return bool(self._one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'anchor_flag'"))

    def flags(self, doc_id: int | None = None, *, open_only: bool = True) -> list[AnchorFlag]:
        """Codings to check after edits (open ones by default), by document then old position."""
        if not self._has_tables():
            return []
        sql = f"SELECT {_FLAG_COLUMNS} FROM anchor_flag f JOIN text_version v ON v.id = f.version_id"
        where: list[str] = ["v.undone = 0"]
        params: list[Any] = []
        if doc_id is not None:
            where.append("v.document_id = ?")
            params.append(doc_id)
        if open_only:
            where.append("f.status = 'open' AND f.segment_id IS NOT NULL")
        sql += " WHERE " + " AND ".join(where) + " ORDER BY v.document_id, f.version_id, f.old_start, f.id"
        return [AnchorFlag(*r) for r in self._tuples(sql, params)]

    def flag(self, flag_id: int) -> AnchorFlag:
        """One flag by id."""
        rows = self._tuples(f"SELECT {_FLAG_COLUMNS} FROM anchor_flag f JOIN text_version v ON v.id = f.version_id "
                            "WHERE f.id = ?", (flag_id,))
        if not rows:
            raise NotFound(tr("tanda perlu dicek #{id} tidak ditemukan", id=flag_id))
        return AnchorFlag(*rows[0])

    def flagged_segment_ids(self) -> set[int]:
        """Ids of codings with an open flag."""
        if not self._has_tables():
            return set()
        return {r[0] for r in self._tuples(
            "SELECT f.segment_id FROM anchor_flag f JOIN text_version v ON v.id = f.version_id "
            "WHERE f.status = 'open' AND v.undone = 0 AND f.segment_id IS NOT NULL")}

    # ------------------------------------------------------------------ writing
    def commit(self, doc_id: int, action: str, before: EditState, after: EditState,
               flags: list[dict[str, Any]], summary: dict[str, Any]) -> int:
        """Store an edit: the new state, the version with its undo state and the flags; one event."""
        uid, stamp = new_uuid(), now()
        with self.atomic():
            current = self._one("SELECT text FROM document WHERE id = ?", (doc_id,))
            if current != before.text:
                raise InvalidValue(tr("teks sumber berubah sejak penyuntingan dimulai; muat ulang dan coba lagi"))
            self._write_state(doc_id, after)
            cur = self._exec(
                "INSERT INTO text_version(uuid, document_id, action, text_before, text_after, state, summary, "
                "coder_id, created) VALUES (?,?,?,?,?,?,?,?,?)",
                (uid, doc_id, action, before.text, after.text,
                 json.dumps({"before": before.to_json(), "after": after.to_json(), "flags": flags},
                            ensure_ascii=False),
                 json.dumps(summary, ensure_ascii=False), self._project.coders.current.id, stamp))
            version_id = int(cur.lastrowid or 0)
            self._insert_flags(version_id, flags, stamp)
            doc_uuid = self._one("SELECT uuid FROM document WHERE id = ?", (doc_id,))
            self._log(f"document.{action}", "document", doc_uuid, version=uid, chars_before=len(before.text),
                      chars_after=len(after.text), **summary)
        return version_id

    def revert(self, version_id: int) -> None:
        """Undo an edit exactly: text, spans, turns, suggestions, fields and flags as before it."""
        doc_id, state, before_text, after_text, undone, uid = self._version_state(version_id)
        if undone:
            return
        with self.atomic():
            if self._one("SELECT text FROM document WHERE id = ?", (doc_id,)) != after_text:
                raise InvalidValue(tr("teks sumber sudah diubah lagi; batalkan perubahan yang lebih baru dulu"))
            self._write_state(doc_id, EditState.from_json(before_text, state["before"]))
            self._exec("DELETE FROM anchor_flag WHERE version_id = ?", (version_id,))
            self._exec("UPDATE text_version SET undone = 1 WHERE id = ?", (version_id,))
            self._log("document.edit_undo", "document", self._doc_uuid(doc_id), version=uid)

    def reapply(self, version_id: int) -> None:
        """Redo an undone edit exactly as it was first made (flags included)."""
        doc_id, state, before_text, after_text, undone, uid = self._version_state(version_id)
        if not undone:
            return
        with self.atomic():
            if self._one("SELECT text FROM document WHERE id = ?", (doc_id,)) != before_text:
                raise InvalidValue(tr("teks sumber sudah diubah lagi; penyuntingan tidak dapat diulang"))
            self._write_state(doc_id, EditState.from_json(after_text, state["after"]))
            self._insert_flags(version_id, state["flags"], now())
            self._exec("UPDATE text_version SET undone = 0 WHERE id = ?", (version_id,))
            self._log("document.edit_redo", "document", self._doc_uuid(doc_id), version=uid)

    def resolve_flag(self, flag_id: int, status: str, span: tuple[int, int] | None = None) -> AnchorFlag:
        """Close (or with ``status="open"`` reopen) a flag; ``span`` moves its coding first."""
        if status not in FLAG_STATUSES:
            raise InvalidValue(tr("status tidak dikenal: {s}", s=status))
        flag = self.flag(flag_id)
        with self.atomic():
            if span is not None and flag.segment_id is not None:
                start, end = span
                length = self._one("SELECT length FROM document WHERE id = ?", (flag.document_id,))
                if not (0 <= start < end <= length):
                    raise InvalidValue(tr("rentang {start}–{end} tidak sah untuk sumber sepanjang {n} karakter",
                                          start=start, end=end, n=length))
                self._exec('UPDATE segment SET start = ?, "end" = ? WHERE id = ?', (start, end, flag.segment_id))
            self._exec("UPDATE anchor_flag SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?",
                       (status, None if status == "open" else now(),
                        None if status == "open" else self._project.coders.current.id, flag_id))
            seg_uuid = self._one("SELECT segment_uuid FROM anchor_flag WHERE id = ?", (flag_id,))
            self._log("segment.anchor_check", "segment", seg_uuid, flag=flag_id, status=status,
                      start=span[0] if span else None, end=span[1] if span else None)
        self.flag_generation += 1
        return self.flag(flag_id)

    def relink_flag(self, flag_id: int, segment_id: int) -> None:
        """Point a flag at its coding again (after the coding was restored by undo)."""
        with self.atomic():
            self._exec("UPDATE anchor_flag SET segment_id = ? WHERE id = ?", (segment_id, flag_id))
        self.flag_generation += 1

    # ------------------------------------------------------------------ internals
    def _doc_uuid(self, doc_id: int) -> str:
        return str(self._one("SELECT uuid FROM document WHERE id = ?", (doc_id,)))

    def _version_state(self, version_id: int) -> tuple[int, dict[str, Any], str, str, bool, str]:
        rows = self._tuples("SELECT document_id, state, text_before, text_after, undone, uuid FROM text_version "
                            "WHERE id = ?", (version_id,))
        if not rows:
            raise NotFound(tr("versi teks #{id} tidak ditemukan", id=version_id))
        doc_id, state, before, after, undone, uid = rows[0]
        return doc_id, json.loads(state), before, after, bool(undone), uid

    def _insert_flags(self, version_id: int, flags: list[dict[str, Any]], stamp: str) -> None:
        rows = []
        for f in flags:
            seg_uuid = self._one("SELECT uuid FROM segment WHERE id = ?", (f["segment_id"],))
            rows.append((version_id, f["segment_id"], seg_uuid, f["old_start"], f["old_end"], f["old_text"],
                         f["reason"], f["score"], stamp))
        self._exec_many(
            "INSERT INTO anchor_flag(version_id, segment_id, segment_uuid, old_start, old_end, old_text, reason, "
            "score, created) VALUES (?,?,?,?,?,?,?,?,?)", rows)

    def _write_state(self, doc_id: int, state: EditState) -> None:
        self._exec("UPDATE document SET text = ?, length = ?, words = ?, name = ?, turn_count = ? WHERE id = ?",
                   (state.text, len(state.text), state.words, state.name, len(state.turns), doc_id))
        ids = [s[0] for s in state.segments]
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            self._exec(f'UPDATE segment SET start = start + {_PARK}, "end" = "end" + {_PARK} '
                       f"WHERE document_id = ? AND id IN ({','.join('?' * len(part))})", (doc_id, *part))
        self._exec_many('UPDATE segment SET start = ?, "end" = ? WHERE id = ?',
                        [(s, e, sid) for sid, s, e in state.segments])
        self._exec("DELETE FROM turn WHERE document_id = ?", (doc_id,))
        self._exec_many('INSERT INTO turn(document_id, seq, speaker, timestamp, start, "end") VALUES (?,?,?,?,?,?)',
                        [(doc_id, i, sp, ts, s, e) for i, (sp, ts, s, e) in enumerate(state.turns)])
        self._exec_many('UPDATE suggestion SET start = ?, "end" = ?, status = ? WHERE id = ?',
                        [(s, e, status, sid) for sid, s, e, status in state.suggestions])
        for kind, owner, key, value in state.fields:
            if kind == "memo":
                self._exec("UPDATE memo SET text = ? WHERE id = ?", (value, owner))
            elif kind == "document_attribute":
                self._exec("UPDATE document_attribute SET value = ? WHERE document_id = ? AND key = ?",
                           (value, owner, key))
            elif kind == "case_attribute":
                self._exec("UPDATE case_attribute SET value = ? WHERE case_id = ? AND key = ?", (value, owner, key))
            else:
                raise InvalidValue(f"unknown field kind {kind!r}")
        self._project.documents.forget_text(doc_id)
        self.generation += 1
        self.flag_generation += 1
