"""Counts behind the report's tables: code × source and review status.

Co-occurrence is counted per passage by :mod:`qda.analysis.cooccurrence`, the one
definition the views and the reports share.

The functions take any records with ``document_id``, ``start``, ``end`` and ``code_id``
(the store's :class:`Segment`), so the GUI can show the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping, Protocol

from qda.domain import REVIEW_STATUSES

#: Review states in report order; ``None`` is "not reviewed".
STATUSES: tuple[str | None, ...] = (*REVIEW_STATUSES, None)


class SegmentLike(Protocol):
    id: int
    document_id: int
    start: int
    end: int
    code_id: int


def code_source_counts(segments: Iterable[SegmentLike]) -> dict[tuple[int, int], int]:
    """Number of segments per (code id, document id)."""
    return dict(Counter((s.code_id, s.document_id) for s in segments))


def status_summary(segments: Iterable[SegmentLike], latest: Mapping[int, str | None],
                   key) -> dict[object, Counter]:
    """Counts of latest review status (``None`` = not reviewed) grouped by ``key(segment)``."""
    out: dict[object, Counter] = defaultdict(Counter)
    for s in segments:
        out[key(s)][latest.get(s.id)] += 1
    return dict(out)
