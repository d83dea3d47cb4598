"""Counts behind the report's tables: co-occurrence, code × source, review status.

**Co-occurrence** of a row code *d* and a column code *f* is the number of pairs of
segments (one coded *d*, one coded *f*) in the same document whose spans overlap by at
least one character. Segments of a subcode count for the ancestor that is a row or
column code. Two overlapping segments of the same pair of codes add one each time, so
a passage coded *d* once and *f* twice counts 2.

The functions take any records with ``document_id``, ``start``, ``end`` and ``code_id``
(the store's :class:`Segment`), so the GUI can show the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping, Protocol, Sequence

#: Review states in report order; ``None`` is "not reviewed".
STATUSES: tuple[str | None, ...] = ("approved", "needs_revision", "rejected", None)


class SegmentLike(Protocol):
    id: int
    document_id: int
    start: int
    end: int
    code_id: int


def ancestor_map(parents: Mapping[int, int | None], targets: Iterable[int]) -> dict[int, int]:
    """Map every code id to its nearest ancestor (itself included) in ``targets``."""
    wanted = set(targets)
    result: dict[int, int] = {}
    for code in parents:
        node: int | None = code
        seen: set[int] = set()
        while node is not None and node not in wanted and node not in seen:
            seen.add(node)
            node = parents.get(node)
        if node is not None and node in wanted:
            result[code] = node
    return result


def cooccurrence(segments: Iterable[SegmentLike], rows: Sequence[int], cols: Sequence[int],
                 parents: Mapping[int, int | None] | None = None) -> dict[tuple[int, int], int]:
    """Count overlapping (row code, column code) segment pairs per the module definition."""
    row_set, col_set = set(rows), set(cols)
    up = ancestor_map(parents, row_set | col_set) if parents else {c: c for c in row_set | col_set}
    by_doc: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for s in segments:
        code = up.get(s.code_id)
        if code is not None:
            by_doc[s.document_id].append((s.start, s.end, code))
    counts: Counter[tuple[int, int]] = Counter()
    for items in by_doc.values():
        items.sort()
        active: list[tuple[int, int, int]] = []
        for start, end, code in items:
            active = [a for a in active if a[1] > start]
            for _, _, other in active:
                if code in row_set and other in col_set:
                    counts[(code, other)] += 1
                if other in row_set and code in col_set:
                    counts[(other, code)] += 1
            active.append((start, end, code))
    return {(r, c): counts.get((r, c), 0) for r in rows for c in cols}


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
