"""The :class:`Project`: one SQLite project file and every operation on it."""

from __future__ import annotations

from functools import cached_property

from qda.store.base import ProjectBase
from qda.store.cases import CasesMixin
from qda.store.codes import CodesMixin
from qda.store.documents import DocumentsMixin
from qda.store.memos import MemosMixin
from qda.store.reviews import ReviewsMixin
from qda.store.segments import SegmentsMixin
from qda.store.snapshots import SnapshotsMixin
from qda.store.surveys import SurveysMixin


class Project(DocumentsMixin, CasesMixin, CodesMixin, SegmentsMixin, MemosMixin, ReviewsMixin, SurveysMixin,
              SnapshotsMixin, ProjectBase):
    """A qda project file, opened with :meth:`Project.open` or made with :meth:`Project.create`.

    Every write is one transaction and is logged in the append-only event table
    with the current coder and time. Positions are Unicode code points into the
    document's stored text, end exclusive.
    """

    @cached_property
    def supervision(self):
        """The review queue, "revised" marks, blind coding and review mode."""
        from qda.store.supervision import SupervisionRepository

        return SupervisionRepository(self)

    @cached_property
    def merging(self):
        """Reading a whole project and writing a merge into it."""
        from qda.store.merging import MergeRepository

        return MergeRepository(self)

    @cached_property
    def suggestions(self):
        """Auto-coding suggestions: stored, accepted into codings or rejected."""
        from qda.store.suggestions import SuggestionRepository

        return SuggestionRepository(self)

    def stats(self) -> dict[str, int]:
        """Counts of sources, codes, segments, coders and memos (for status bars and summaries)."""
        row = self._tuples(
            "SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM code), (SELECT COUNT(*) FROM segment), "
            "(SELECT COUNT(*) FROM coder), (SELECT COUNT(*) FROM memo)")[0]
        return dict(zip(("documents", "codes", "segments", "coders", "memos"), row))

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` result (``"ok"`` when the file is sound)."""
        return self._one("PRAGMA integrity_check")
