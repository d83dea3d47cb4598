"""Saved code queries, the user's own stop words, and the bulk read behind the analysis views.

A saved query is a name, the query text (``Responsivitas AND Koordinasi Internal``)
and its filters (case attributes, document kinds, coders, review statuses) as JSON.
The user's stop words (added to spaCy's Indonesian list for word frequencies) are
one project setting. :meth:`QueryRepository.snapshot_rows` reads everything a
query, matrix or word count needs in a few statements, so the analysis core
(``qda.analysis``) works on plain tuples without SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.repository import Repository

STOP_WORDS_KEY = "analysis.stop_words"


@dataclass(frozen=True)
class SavedQuery:
    """A code query kept in the project under a name."""

    id: int
    uuid: str
    name: str
    expression: str
    filters: dict[str, Any] = field(default_factory=dict)
    modified: str = ""


@dataclass
class SnapshotRows:
    """Plain rows for the analysis core (one consistent read)."""

    stamp: int
    documents: list[tuple[int, str, str, int | None, int]]  # id, name, kind, case_id, length
    codes: list[tuple[int, str, int | None, str, str, int]]  # id, name, parent_id, group, color, position
    coders: dict[int, str]
    cases: dict[int, str]
    case_attributes: list[tuple[int, str, str]]  # case_id, key, value
    document_attributes: list[tuple[int, str, str]]  # document_id, key, value
    segments: list[tuple[int, str, int, int, int, int, int]]  # id, uuid, doc, code, start, end, coder
    statuses: dict[int, str]  # segment id → latest review status
    memos: dict[int, str]  # segment id → memo text
    turns: list[tuple[int, str, int, int]]  # document_id, speaker, start, end
    viewer: int | None = None  # blind coding: the only coder whose codings are in ``segments`` (None: everyone)


_COLUMNS = "id, uuid, name, expression, filters, modified"


def _record(row: tuple[Any, ...]) -> SavedQuery:
    return SavedQuery(row[0], row[1], row[2], row[3], json.loads(row[4] or "{}"), row[5])


class QueryRepository(Repository):
    """``project.queries``: saved queries, user stop words and the analysis snapshot."""

    # ------------------------------------------------------------------ saved queries
    def all(self) -> list[SavedQuery]:
        """Every saved query, by name."""
        return [_record(r) for r in self._tuples(f"SELECT {_COLUMNS} FROM saved_query ORDER BY name COLLATE NOCASE")]

    def get(self, name: str) -> SavedQuery:
        """The saved query called ``name`` (case-insensitive)."""
        rows = self._tuples(f"SELECT {_COLUMNS} FROM saved_query WHERE name = ?", (name.strip(),))
        if not rows:
            raise NotFound(tr("kueri tersimpan tidak ditemukan: {name}", name=name))
        return _record(rows[0])

    def save(self, name: str, expression: str, filters: dict[str, Any] | None = None) -> SavedQuery:
        """Save (or overwrite) the query ``name``; one transaction and one audit event."""
        name = name.strip()
        if not name:
            raise InvalidValue(tr("nama kueri tidak boleh kosong"))
        if not expression.strip():
            raise InvalidValue(tr("kueri kosong tidak dapat disimpan"))
        payload = json.dumps(filters or {}, ensure_ascii=False, sort_keys=True)
        stamp = now()
        with self.atomic():
            old = self._tuples(f"SELECT {_COLUMNS} FROM saved_query WHERE name = ?", (name,))
            if old:
                before = _record(old[0])
                self._exec("UPDATE saved_query SET expression = ?, filters = ?, modified = ? WHERE id = ?",
                           (expression, payload, stamp, before.id))
                self._log("query.update", "query", before.uuid, name=name,
                          before={"expression": before.expression, "filters": before.filters},
                          after={"expression": expression, "filters": filters or {}})
            else:
                uid = new_uuid()
                self._exec("INSERT INTO saved_query(uuid, name, expression, filters, created, modified) "
                           "VALUES (?,?,?,?,?,?)", (uid, name, expression, payload, stamp, stamp))
                self._log("query.add", "query", uid, name=name, expression=expression, filters=filters or {})
        return self.get(name)

    def delete(self, name: str) -> None:
        """Forget the saved query ``name``."""
        query = self.get(name)
        with self.atomic():
            self._exec("DELETE FROM saved_query WHERE id = ?", (query.id,))
            self._log("query.remove", "query", query.uuid, name=query.name, expression=query.expression,
                      filters=query.filters)

    # ------------------------------------------------------------------ stop words
    def stop_words(self) -> list[str]:
        """The user's own stop words (lower case, sorted), added to spaCy's list."""
        raw = self._one("SELECT value FROM meta WHERE key = ?", (STOP_WORDS_KEY,))
        return sorted(json.loads(raw)) if raw else []

    def set_stop_words(self, words: list[str] | tuple[str, ...] | set[str]) -> list[str]:
        """Replace the user's stop words (blank entries dropped, lower-cased)."""
        clean = sorted({w.strip().lower() for w in words if w and w.strip()})
        before = self.stop_words()
        with self.atomic():
            self._exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (STOP_WORDS_KEY, json.dumps(clean, ensure_ascii=False)))
            self._log("stop_words.set", "project", None, before=before, after=clean)
        return clean

    # ------------------------------------------------------------------ analysis snapshot
    def stamp(self) -> int:
        """A number that grows with every change to the project (the last audit event)."""
        return int(self._one("SELECT IFNULL(MAX(id), 0) FROM event") or 0)

    def snapshot_rows(self) -> SnapshotRows:
        """Everything the analysis core needs except the texts, read in one go (blind coding applied)."""
        with self._project._mutex:  # one consistent read
            viewer = self._project.supervision.visible_coder()
            clause, params = self._project.supervision.visible_clause("coder_id")
            return SnapshotRows(
                stamp=self.stamp(),
                documents=self._tuples("SELECT id, name, kind, case_id, length FROM document ORDER BY name"),
                codes=self._tuples("SELECT id, name, parent_id, grp, color, position FROM code ORDER BY position, id"),
                coders=dict(self._tuples("SELECT id, name FROM coder")),
                cases=dict(self._tuples("SELECT id, name FROM cases")),
                case_attributes=self._tuples("SELECT case_id, key, value FROM case_attribute"),
                document_attributes=self._tuples("SELECT document_id, key, value FROM document_attribute"),
                segments=self._tuples('SELECT id, uuid, document_id, code_id, start, "end", coder_id FROM segment '
                                      + "WHERE " + clause, params),
                statuses=dict(self._tuples(
                    "SELECT segment_id, status FROM review r "
                    "WHERE id = (SELECT MAX(id) FROM review WHERE segment_id = r.segment_id)")),
                memos=dict(self._tuples("SELECT segment_id, text FROM memo WHERE target_kind = 'segment'")),
                turns=self._tuples('SELECT document_id, speaker, start, "end" FROM turn ORDER BY document_id, start'),
                viewer=viewer,
            )

    def texts(self, doc_ids: list[int] | None = None) -> dict[int, str]:
        """Document id → stored text (all documents, or those given)."""
        if doc_ids is None:
            return dict(self._tuples("SELECT id, text FROM document"))
        out: dict[int, str] = {}
        for i in range(0, len(doc_ids), 500):
            part = doc_ids[i:i + 500]
            out.update(self._tuples(f"SELECT id, text FROM document WHERE id IN ({','.join('?' * len(part))})", part))
        return out
