"""Supervisors' reviews of coded segments."""

from __future__ import annotations

from qda.domain import REVIEW_STATUSES
from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.coders import CoderRef
from qda.store.records import Review
from qda.store.repository import Repository
from qda.store.segments import SegRef
from qda.store.snapshots import Snapshot, restore_rows, select_rows

REVIEW_COLUMNS = "id, uuid, segment_id, reviewer_id, status, comment, created"


class ReviewRepository(Repository):
    """``project.reviews``: approve, ask for revision or reject a segment, with a comment; history is kept."""

    def add(self, seg: SegRef, status: str, comment: str = "", *, reviewer: CoderRef | None = None) -> Review:
        """Record a review of a segment by ``reviewer`` (default: the current coder)."""
        if status not in REVIEW_STATUSES:
            raise InvalidValue(tr("status telaah tidak dikenal: {s} (pilih: {all})", s=status,
                                  all=", ".join(REVIEW_STATUSES)))
        project = self._project
        segment = project.segments.get(seg)
        who = project.coders.get(reviewer) if reviewer is not None else project.coders.current
        uid, stamp = new_uuid(), now()
        with self.atomic():
            before = project.supervision.status(segment.id)
            cur = self._exec("INSERT INTO review(uuid, segment_id, reviewer_id, status, comment, created) "
                             "VALUES (?,?,?,?,?,?)", (uid, segment.id, who.id, status, comment or "", stamp))
            self._log("review.add", "segment", segment.uuid, status=status, comment=comment, reviewer=who.name,
                      before=before, after=status, review_uuid=uid)
        return Review(int(cur.lastrowid or 0), uid, segment.id, who.id, status, comment or "", stamp)

    def remove(self, review_id: int) -> None:
        """Delete one review (used to undo it); the event log keeps that it happened."""
        rows = self._tuples("SELECT r.uuid, s.uuid FROM review r JOIN segment s ON s.id = r.segment_id WHERE r.id = ?",
                            (review_id,))
        if not rows:
            raise NotFound(tr("telaah #{id} tidak ditemukan", id=review_id))
        with self.atomic():
            self._exec("DELETE FROM review WHERE id = ?", (review_id,))
            self._log("review.remove", "segment", rows[0][1], review_uuid=rows[0][0])

    def all(self, segment: SegRef | None = None) -> list[Review]:
        """Reviews, oldest first (all, or of one segment)."""
        if segment is None:
            rows = self._tuples(f"SELECT {REVIEW_COLUMNS} FROM review ORDER BY id")
        else:
            rows = self._tuples(f"SELECT {REVIEW_COLUMNS} FROM review WHERE segment_id = ? ORDER BY id",
                                (self._project.segments.get(segment).id,))
        return [Review(*r) for r in rows]

    def latest(self, seg: SegRef) -> Review | None:
        """The most recent review of a segment, if any."""
        rows = self._tuples(f"SELECT {REVIEW_COLUMNS} FROM review WHERE segment_id = ? ORDER BY id DESC LIMIT 1",
                            (self._project.segments.get(seg).id,))
        return Review(*rows[0]) if rows else None

    def latest_statuses(self) -> dict[int, str]:
        """Segment id → latest review status, for every reviewed segment."""
        return dict(self._tuples(
            "SELECT segment_id, status FROM review r "
            "WHERE id = (SELECT MAX(id) FROM review WHERE segment_id = r.segment_id)"))

    # ------------------------------------------------------------------ undo
    def snapshot(self, review_id: int) -> Snapshot:
        """The row of one review (for undo)."""
        return {"review": select_rows(self, "review", "id = ?", (review_id,))}

    def restore(self, snap: Snapshot, *, action: str = "restore") -> None:
        """Put back reviews removed after :meth:`snapshot` (same ids and UUIDs)."""
        with self.atomic():
            restore_rows(self, snap, action=action)
            for row in snap.get("review", []):
                self._log(f"review.{action}", "review", row["uuid"], segment_id=row["segment_id"],
                          status=row["status"])
