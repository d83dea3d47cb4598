"""Supervision: the review queue's rows, "revised" marks, blind coding and review mode.

The verdicts themselves are the ``review`` rows (see :mod:`qda.store.reviews`); a coder
who has reworked an excerpt marked "needs revision" adds a ``revision`` row answering
that review, which puts the excerpt back in the queue.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterable

from qda.domain import QUEUE_STATUSES as _QUEUE_STATUSES
from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.repository import Repository

#: The statuses an excerpt can be in (the latest review's, or the two of the queue).
QUEUE_STATUSES = _QUEUE_STATUSES
#: Tables a project opened in review mode must not change (reviews, memos and the log stay writable).
_GUARDED = ("segment", "code", "document", "turn", "cases", "case_attribute", "document_attribute",
            "suggestion", "survey")
REVIEW_MODE_MARK = "qda-review-mode"
#: The coder whose codings alone may be listed (blind coding on, current coder not a supervisor), else NULL.
#: Its one parameter is the current coder's id (NULL: the file's first coder, as ``coders.current`` picks).
_ONLY_CODER = ("(SELECT k.id FROM coder k WHERE k.id = COALESCE(?, (SELECT MIN(id) FROM coder)) "
               "AND k.role != 'supervisor' AND EXISTS (SELECT 1 FROM meta WHERE key = 'blind_coding' AND value = 'on'))")


class SupervisionRepository(Repository):
    """SQL of the supervision cycle: queue rows, statuses, revision marks, settings."""

    # ---------------------------------------------------------------- queue rows
    def excerpt_names(self) -> tuple[dict[int, tuple[str, str, int | None]], dict[int, tuple[str, str]],
                                     dict[int, str]]:
        """The names the queue shows: ``(document id → (name, kind, case id), code id → (name, group),
        coder id → name)``."""
        docs = {r[0]: r[1:] for r in self._tuples("SELECT id, name, kind, case_id FROM document")}
        codes = {r[0]: r[1:] for r in self._tuples("SELECT id, name, grp FROM code")}
        return docs, codes, dict(self._tuples("SELECT id, name FROM coder"))

    def excerpt_rows(self) -> list[tuple[int, str, int, int, int, int, int, str]]:
        """Every coding as ``(id, uuid, doc_id, code_id, coder_id, start, end, created)``, in document id,
        start, end, id order (blind coding applied).

        One plain scan (no join, no sort in SQL: sorting the plain tuples in Python is several
        times faster); the names are :meth:`excerpt_names`.
        """
        clause, params = self.visible_clause()
        rows = self._tuples('SELECT s.id, s.uuid, s.document_id, s.code_id, s.coder_id, s.start, s."end", s.created '
                            f"FROM segment s WHERE {clause}", params)
        rows.sort(key=itemgetter(2, 5, 6, 0))
        return rows

    def segment_ids_by_uuid_start(self, start: str, limit: int = 2) -> list[int]:
        """Ids of the visible codings whose UUID begins with ``start`` (the queue shows the first 8 characters)."""
        clause, params = self.visible_clause()
        return [r[0] for r in self._tuples(
            f"SELECT s.id FROM segment s WHERE s.uuid >= ? AND s.uuid < ? AND {clause} LIMIT ?",
            (start.lower(), start.lower() + "~", *params, limit))]  # "~" sorts after hex digits and "-"

    def attributes(self) -> tuple[dict[int, dict[str, str]], dict[int, dict[str, str]]]:
        """``(case id → attributes, document id → attributes)``."""
        cases: dict[int, dict[str, str]] = {}
        for case_id, key, value in self._tuples("SELECT case_id, key, value FROM case_attribute"):
            cases.setdefault(case_id, {})[key] = value
        docs: dict[int, dict[str, str]] = {}
        for doc_id, key, value in self._tuples("SELECT document_id, key, value FROM document_attribute"):
            docs.setdefault(doc_id, {})[key] = value
        return cases, docs

    def latest_reviews(self) -> dict[int, tuple[int, str, int, str, str]]:
        """Segment id → its latest review ``(review id, status, reviewer id, comment, created)``."""
        rows = self._tuples(
            "SELECT segment_id, id, status, reviewer_id, comment, created FROM review r "
            "WHERE id = (SELECT MAX(id) FROM review WHERE segment_id = r.segment_id)")
        return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in rows}

    def answered_reviews(self) -> set[int]:
        """Ids of reviews that a "revised" mark answers."""
        return {r[0] for r in self._tuples("SELECT DISTINCT review_id FROM revision")}

    def statuses(self) -> dict[int, str]:
        """Segment id → queue status of every reviewed segment (``revised`` or the latest verdict).

        A segment missing from the mapping is ``pending``.
        """
        return self.statuses_of(self.latest_reviews())

    def statuses_of(self, latest: dict[int, tuple[int, str, int, str, str]]) -> dict[int, str]:
        """:meth:`statuses` from already read :meth:`latest_reviews`."""
        answered = self.answered_reviews() if latest else set()
        return {sid: ("revised" if status == "needs_revision" and rid in answered else status)
                for sid, (rid, status, *_rest) in latest.items()}

    def status_counts(self) -> dict[int, dict[str, int]]:
        """Coder id → number of their codings in each queue status (one grouped query; blind coding applied)."""
        clause, params = self.visible_clause()
        rows = self._tuples(
            "SELECT s.coder_id, r.status, EXISTS(SELECT 1 FROM revision v WHERE v.review_id = r.id), COUNT(*) "
            "FROM segment s LEFT JOIN (SELECT segment_id, MAX(id) AS rid FROM review GROUP BY segment_id) l "
            f"ON l.segment_id = s.id LEFT JOIN review r ON r.id = l.rid WHERE {clause} "
            "GROUP BY 1, 2, 3", params)
        out: dict[int, dict[str, int]] = {}
        for coder_id, status, revised, n in rows:
            key = "pending" if status is None else ("revised" if status == "needs_revision" and revised else status)
            counts = out.setdefault(coder_id, {})
            counts[key] = counts.get(key, 0) + n
        return out

    def status(self, segment_id: int) -> str:
        """The queue status of one segment."""
        row = self._tuples("SELECT id, status FROM review WHERE segment_id = ? ORDER BY id DESC LIMIT 1",
                           (segment_id,))
        if not row:
            return "pending"
        rid, status = row[0]
        if status == "needs_revision" and self._one("SELECT 1 FROM revision WHERE review_id = ?", (rid,)):
            return "revised"
        return status

    def document_statuses(self, document_id: int) -> dict[int, str]:
        """Segment id → verdict status for the reviewed codings of one document (for its marks)."""
        rows = self._tuples(
            "SELECT r.segment_id, r.id, r.status FROM review r JOIN segment s ON s.id = r.segment_id "
            "WHERE s.document_id = ? AND r.id = (SELECT MAX(id) FROM review WHERE segment_id = r.segment_id)",
            (document_id,))
        answered = {r[0] for r in self._tuples(
            "SELECT v.review_id FROM revision v JOIN segment s ON s.id = v.segment_id WHERE s.document_id = ?",
            (document_id,))}
        return {sid: ("revised" if status == "needs_revision" and rid in answered else status)
                for sid, rid, status in rows}

    def segment_memos(self) -> dict[int, str]:
        """Segment id → its memo text."""
        return dict(self._tuples("SELECT segment_id, text FROM memo WHERE target_kind = 'segment'"))

    # ---------------------------------------------------------------- revised marks
    def mark_revised(self, segment_id: int, comment: str = "") -> str:
        """The coder says an excerpt asked to be revised has been reworked: back to the queue.

        Returns the uuid of the mark. Refused unless the latest verdict is "needs revision".
        """
        seg = self._tuples("SELECT uuid FROM segment WHERE id = ?", (segment_id,))
        if not seg:
            raise NotFound(tr("segmen tidak ditemukan: {ref}", ref=segment_id))
        with self.atomic():
            last = self._tuples("SELECT id, status FROM review WHERE segment_id = ? ORDER BY id DESC LIMIT 1",
                                (segment_id,))
            before = self.status(segment_id)
            if not last or last[0][1] != "needs_revision" or before == "revised":
                raise InvalidValue(tr("segmen ini tidak sedang diminta direvisi (status: {s})", s=before))
            uid = new_uuid()
            coder = self._project.coders.current
            self._exec("INSERT INTO revision(uuid, segment_id, review_id, coder_id, comment, created) "
                       "VALUES (?,?,?,?,?,?)", (uid, segment_id, last[0][0], coder.id, comment or "", now()))
            self._log("review.revised", "segment", seg[0][0], before=before, after="revised", comment=comment,
                      coder=coder.name, revision_uuid=uid)
        return uid

    def remove_revision(self, uid: str) -> None:
        """Take back a "revised" mark (undo)."""
        row = self._tuples("SELECT r.id, s.uuid FROM revision r JOIN segment s ON s.id = r.segment_id "
                           "WHERE r.uuid = ?", (uid,))
        if not row:
            raise NotFound(tr("tanda revisi tidak ditemukan: {ref}", ref=uid))
        with self.atomic():
            self._exec("DELETE FROM revision WHERE id = ?", (row[0][0],))
            self._log("review.revised_undone", "segment", row[0][1], before="revised", after="needs_revision",
                      revision_uuid=uid)

    def revisions(self, segment_id: int) -> list[dict[str, Any]]:
        """The "revised" marks of a segment, oldest first."""
        return self._rows("SELECT r.uuid, r.review_id, c.name AS coder, r.comment, r.created FROM revision r "
                          "LEFT JOIN coder c ON c.id = r.coder_id WHERE r.segment_id = ? ORDER BY r.id",
                          (segment_id,))

    # ---------------------------------------------------------------- agreement input
    def codings(self, coder_ids: Iterable[int]) -> list[tuple[int, int, int, int, int, int]]:
        """``(id, document id, code id, start, end, coder id)`` of the given coders' codings."""
        ids = list(coder_ids)
        if not ids:
            return []
        return self._tuples(f'SELECT id, document_id, code_id, start, "end", coder_id FROM segment '
                            f'WHERE coder_id IN ({",".join("?" * len(ids))})', ids)

    # ---------------------------------------------------------------- blind coding: the one rule
    def visible_clause(self, column: str = "s.coder_id") -> tuple[str, list[int | None]]:
        """Blind coding as an SQL condition on ``column``: the one rule every listing of codings uses.

        While blind coding is on and the current coder is not a supervisor, only the current
        coder's codings pass; otherwise everyone's. Evaluated inside the listing's own query,
        so it costs no statement of its own.
        """
        me = self._me()
        return f"({column} = {_ONLY_CODER} OR {_ONLY_CODER} IS NULL)", [me, me]

    def visible_coder(self) -> int | None:
        """The coder id every listing is limited to by :meth:`visible_clause` (``None``: everyone's)."""
        value = self._one(f"SELECT {_ONLY_CODER}", (self._me(),))
        return None if value is None else int(value)

    def _me(self) -> int | None:
        coder = self._project._coder  # None until chosen: then the file's first coder (as ``coders.current``)
        return None if coder is None or not coder.id else coder.id

    # ---------------------------------------------------------------- settings
    def blind(self) -> bool:
        """Whether blind coding is on (each coder sees only their own codings)."""
        return self._one("SELECT value FROM meta WHERE key = 'blind_coding'") == "on"

    def set_blind(self, on: bool) -> None:
        """Switch blind coding on, or off to let coders compare; only a supervisor may."""
        coder = self._project.coders.current
        if coder.role != "supervisor":
            raise InvalidValue(tr("hanya pembimbing yang dapat mengubah mode koding buta"))
        before = self.blind()
        with self.atomic():
            self._exec("INSERT INTO meta(key, value) VALUES ('blind_coding', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("on" if on else "off",))
            self._log("project.blind", "project", self._one("SELECT value FROM meta WHERE key = 'uuid'"),
                      before="on" if before else "off", after="on" if on else "off")

    # ---------------------------------------------------------------- review mode
    def enter_review_mode(self) -> None:
        """Guard this connection so codings, codes and sources cannot change; reviews and memos can.

        Temporary triggers: they live only in this connection and never touch the file's schema.
        """
        with self.atomic():
            for table in _GUARDED:
                for op in ("INSERT", "UPDATE", "DELETE"):
                    self._exec(f"CREATE TEMP TRIGGER IF NOT EXISTS review_mode_{table}_{op.lower()} "
                               f"BEFORE {op} ON main.{table} BEGIN SELECT RAISE(ABORT, '{REVIEW_MODE_MARK}'); END")

    def leave_review_mode(self) -> None:
        """Lift the review-mode guard of this connection."""
        with self.atomic():
            for table in _GUARDED:
                for op in ("insert", "update", "delete"):
                    self._exec(f"DROP TRIGGER IF EXISTS temp.review_mode_{table}_{op}")

    def in_review_mode(self) -> bool:
        """Whether this connection is in review mode."""
        return bool(self._one("SELECT 1 FROM temp.sqlite_master WHERE type = 'trigger' "
                              "AND name = 'review_mode_segment_insert'"))
