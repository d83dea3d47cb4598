"""Pure layout of codings: blended highlight pieces and margin stripe columns.

Both are computed with one sweep over the sorted span ends (O(n log n)), never by
comparing segments pairwise, so a densely coded transcript (3,000 segments, overlaps
nine deep) lays out in a few milliseconds. Nothing here imports Qt.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass



@dataclass(frozen=True)
class Span:
    """One coded segment as the viewer sees it (positions in UTF-16 units)."""

    segment_id: int
    code_id: int
    start: int
    end: int
    coder_id: int | None = None


@dataclass(frozen=True)
class Piece:
    """A stretch of text covered by a constant set of codings.

    ``codes`` lists the code ids in the order their segments began (outermost first).
    """

    start: int
    end: int
    codes: tuple[int, ...]


@dataclass(frozen=True)
class Bar:
    """One margin stripe: a segment placed in a column."""

    span: Span
    column: int


def highlight_pieces(spans: list[Span]) -> list[Piece]:
    """Cut the text into maximal pieces with a constant, non-empty set of codings."""
    events: list[tuple[int, int, int]] = []  # (position, kind 0=end/1=start, index)
    for i, s in enumerate(spans):
        if s.end > s.start:
            events.append((s.start, 1, i))
            events.append((s.end, 0, i))
    events.sort()
    pieces: list[Piece] = []
    active: dict[int, None] = {}  # insertion-ordered set of span indexes
    prev = None
    k = 0
    n = len(events)
    while k < n:
        pos = events[k][0]
        if active and prev is not None and pos > prev:
            codes = tuple(dict.fromkeys(spans[i].code_id for i in active))
            if pieces and pieces[-1].end == prev and pieces[-1].codes == codes:
                pieces[-1] = Piece(pieces[-1].start, pos, codes)
            else:
                pieces.append(Piece(prev, pos, codes))
        while k < n and events[k][0] == pos:
            _, kind, i = events[k]
            if kind:
                active[i] = None
            else:
                active.pop(i, None)
            k += 1
        prev = pos
    return pieces


def span_order(s: Span) -> tuple[int, int, int]:
    """The order in which codings are layered: earlier start first, then the longer one."""
    return (s.start, -s.end, s.segment_id)


def repiece(pieces: list[Piece], spans_sorted: list[Span], lo: int, hi: int, max_len: int) -> list[Piece]:
    """``pieces`` with the stretch ``[lo, hi)`` recomputed from ``spans_sorted``.

    ``spans_sorted`` holds every span, ordered by :func:`span_order`; ``max_len`` is the
    longest span's length. Only the spans overlapping ``[lo, hi)`` are swept, so one new
    or removed coding costs little however many others the document has.
    """
    i, j, fresh = repiece_range(pieces, [p.start for p in pieces], spans_sorted, [s.start for s in spans_sorted],
                                lo, hi, max_len)
    return pieces[:i] + fresh + pieces[j:]


def repiece_range(pieces: list[Piece], piece_starts: list[int], spans_sorted: list[Span], span_starts: list[int],
                  lo: int, hi: int, max_len: int) -> tuple[int, int, list[Piece]]:
    """What replaces ``pieces[i:j]`` when the stretch ``[lo, hi)`` is recomputed: ``(i, j, new pieces)``.

    The same as :func:`repiece` without copying the lists: ``piece_starts`` and ``span_starts``
    are the starts of ``pieces`` and ``spans_sorted``, kept by the caller; the pieces cut by
    ``lo`` or ``hi`` keep their parts outside the stretch.
    """
    k = bisect_left(span_starts, lo - max_len)
    local = []
    while k < len(spans_sorted) and spans_sorted[k].start < hi:
        s = spans_sorted[k]
        if s.end > lo:
            local.append(Span(s.segment_id, s.code_id, max(s.start, lo), min(s.end, hi), s.coder_id))
        k += 1
    fresh = highlight_pieces(local)
    i = max(bisect_left(piece_starts, lo) - 1, 0)
    while i < len(pieces) and pieces[i].end <= lo:
        i += 1
    j = i
    while j < len(pieces) and pieces[j].start < hi:
        j += 1
    if i < j and pieces[i].start < lo:
        fresh.insert(0, Piece(pieces[i].start, lo, pieces[i].codes))
    if i < j and pieces[j - 1].end > hi:
        fresh.append(Piece(hi, pieces[j - 1].end, pieces[j - 1].codes))
    return i, j, fresh


def pieces_between(pieces: list[Piece], starts: list[int], lo: int, hi: int) -> list[Piece]:
    """The pieces overlapping ``[lo, hi)``; ``starts`` is ``[p.start for p in pieces]``."""
    i = max(bisect_left(starts, lo) - 1, 0)
    out = []
    while i < len(pieces) and pieces[i].start < hi:
        if pieces[i].end > lo:
            out.append(pieces[i])
        i += 1
    return out


def stripe_columns(spans: list[Span], *, presorted: bool = False) -> tuple[list[Bar], int]:
    """Place every span in the lowest free column (interval partitioning sweep).

    Overlapping spans never share a column; spans that only touch may. Returns the bars
    (ordered by start) and the number of columns used. ``presorted``: ``spans`` are
    already in :func:`span_order`.
    """
    order = range(len(spans)) if presorted else sorted(range(len(spans)), key=lambda i: span_order(spans[i]))
    busy: list[tuple[int, int]] = []  # heap of (end, column) of active bars
    free: list[int] = []  # heap of released columns
    ncols = 0
    bars: list[Bar] = []
    for i in order:
        s = spans[i]
        while busy and busy[0][0] <= s.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            col = heapq.heappop(free)
        else:
            col = ncols
            ncols += 1
        heapq.heappush(busy, (s.end, col))
        bars.append(Bar(s, col))
    return bars, ncols


def free_column(bars: list[Bar], bar_starts: list[int], max_len: int, span: Span) -> int:
    """The lowest column no bar overlapping ``span`` uses (``bars`` ordered by start, ``max_len``
    at least the longest bar): one new coding is placed without moving any other stripe."""
    i = bisect_left(bar_starts, span.start - max_len)
    used = set()
    while i < len(bars) and bars[i].span.start < span.end:
        if bars[i].span.end > span.start:
            used.add(bars[i].column)
        i += 1
    column = 0
    while column in used:
        column += 1
    return column
