"""Supervisors' reviews of coded segments."""

from __future__ import annotations

from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.records import REVIEW_STATUSES, Review

REVIEW_COLUMNS = "id, uuid, segment_id, reviewer_id, status, comment, created"


class ReviewsMixin:
    """Approve, ask for revision or reject a segment, with a comment; the history is kept."""

    def add_review(self, seg, status: str, comment: str = "", *, reviewer=None) -> Review:
        """Record a review of a segment by ``reviewer`` (default: the current coder)."""
        if status not in REVIEW_STATUSES:
            raise InvalidValue(tr("status tinjauan tidak dikenal: {s} (pilih: {all})", s=status,
                                all=", ".join(REVIEW_STATUSES)))
        segment = self.segment(seg)
        who = self.coder_by(reviewer) if reviewer is not None else self.coder
        uid, stamp = new_uuid(), now()
        with self.atomic():
            before = self.supervision.status(segment.id)
            cur = self._exec("INSERT INTO review(uuid, segment_id, reviewer_id, status, comment, created) "
                             "VALUES (?,?,?,?,?,?)", (uid, segment.id, who.id, status, comment or "", stamp))
            self._log("review.add", "segment", segment.uuid, status=status, comment=comment, reviewer=who.name,
                      before=before, after=status, review_uuid=uid)
        return Review(cur.lastrowid, uid, segment.id, who.id, status, comment or "", stamp)

    def remove_review(self, review_id: int) -> None:
        """Delete one review (used to undo it); the event log keeps that it happened."""
        rows = self._tuples("SELECT r.uuid, s.uuid FROM review r JOIN segment s ON s.id = r.segment_id WHERE r.id = ?",
                            (review_id,))
        if not rows:
            raise NotFound(tr("telaah #{id} tidak ditemukan", id=review_id))
        with self.atomic():
            self._exec("DELETE FROM review WHERE id = ?", (review_id,))
            self._log("review.remove", "segment", rows[0][1], review_uuid=rows[0][0])

    def reviews(self, segment=None) -> list[Review]:
        """Reviews, oldest first (all, or of one segment)."""
        if segment is None:
            rows = self._tuples(f"SELECT {REVIEW_COLUMNS} FROM review ORDER BY id")
        else:
            rows = self._tuples(f"SELECT {REVIEW_COLUMNS} FROM review WHERE segment_id = ? ORDER BY id",
                                (self.segment(segment).id,))
        return [Review(*r) for r in rows]

    def latest_review(self, seg) -> Review | None:
        """The most recent review of a segment, if any."""
        rows = self._tuples(f"SELECT {REVIEW_COLUMNS} FROM review WHERE segment_id = ? ORDER BY id DESC LIMIT 1",
                            (self.segment(seg).id,))
        return Review(*rows[0]) if rows else None

    def latest_statuses(self) -> dict[int, str]:
        """Segment id → latest review status, for every reviewed segment."""
        return dict(self._tuples(
            "SELECT segment_id, status FROM review r WHERE id = (SELECT MAX(id) FROM review WHERE segment_id = r.segment_id)"))
