"""Code co-occurrence counted per passage, the one definition every view and report uses.

Definition. First each code's *coverage* in a document is formed: the text covered by
its codings (its subcodes' codings count for a row or column code that is their
ancestor), overlapping or touching codings merged, whoever coded them. Then

- ``unit="span"`` (the default): the co-occurrence of codes *d* and *f* is the number of
  separate passages of text covered by both — the pieces where d's coverage and f's
  coverage overlap by at least one character. A passage coded *d* and *f* by two
  coders counts **once**, not once per pair of codings; two separate places count twice.
- ``unit="sentence"`` or ``unit="turn"``: the number of sentences (speaker turns) in which
  both codes have coverage, whether or not the codings overlap.

The cell of a code with itself is the number of its passages (or units).

The functions take any records with ``document_id``, ``start``, ``end`` and
``code_id`` (the store's :class:`~qda.store.records.Segment`, the analysis
:class:`~qda.analysis.corpus.Coding`), so the Word report counts what the views show.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import combinations
from typing import Iterable, Mapping, Protocol, Sequence

UNITS = ("span", "sentence", "turn")


class SegmentLike(Protocol):
    document_id: int
    start: int
    end: int
    code_id: int


Interval = tuple[int, int]


def ancestor_map(parents: Mapping[int, int | None], targets: Iterable[int]) -> dict[int, int]:
    """Map every code id to its nearest ancestor (itself included) among ``targets``."""
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


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted intervals with overlapping or touching ones joined."""
    out: list[list[int]] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def coverage(segments: Iterable[SegmentLike], codes: Iterable[int],
             parents: Mapping[int, int | None] | None = None) -> dict[int, dict[int, list[Interval]]]:
    """``{document_id: {code: merged intervals}}`` for the given codes (subcodes rolled up)."""
    wanted = set(codes)
    up = ancestor_map(parents, wanted) if parents else {c: c for c in wanted}
    raw: dict[int, dict[int, list[Interval]]] = defaultdict(lambda: defaultdict(list))
    for s in segments:
        code = up.get(s.code_id)
        if code is not None:
            raw[s.document_id][code].append((s.start, s.end))
    return {doc: {code: merge(spans) for code, spans in by_code.items()} for doc, by_code in raw.items()}


def _intersections(a: list[Interval], b: list[Interval]) -> list[Interval]:
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if s < e:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _units_per_doc(cov: dict[int, dict[int, list[Interval]]],
                   units: Mapping[int, Sequence[Interval]]) -> dict[int, dict[int, set[int]]]:
    """``{doc: {unit index: codes with coverage in that unit}}``."""
    out: dict[int, dict[int, set[int]]] = {}
    for doc, by_code in cov.items():
        spans = list(units.get(doc, ()))
        if not spans:
            continue
        starts = [s for s, _ in spans]
        slots: dict[int, set[int]] = defaultdict(set)
        for code, intervals in by_code.items():
            for s, e in intervals:
                first = bisect_right(starts, s) - 1
                if first < 0 or spans[first][1] <= s:
                    first += 1
                for k in range(max(first, 0), bisect_left(starts, e)):
                    slots[k].add(code)
        out[doc] = slots
    return out


def cooccurrence(segments: Iterable[SegmentLike], rows: Sequence[int], cols: Sequence[int],
                 parents: Mapping[int, int | None] | None = None, *, unit: str = "span",
                 units: Mapping[int, Sequence[Interval]] | None = None) -> dict[tuple[int, int], int]:
    """Co-occurrence of every (row code, column code) per the module definition.

    ``units`` maps document ids to their sentence or turn spans (sorted, disjoint) when
    ``unit`` is ``"sentence"`` or ``"turn"``.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}")
    codes = set(rows) | set(cols)
    cov = coverage(segments, codes, parents)
    pairs: Counter[tuple[int, int]] = Counter()
    single: Counter[int] = Counter()
    if unit == "span":
        # a sweep over interval ends (before starts at the same place: touching is not overlapping);
        # a starting interval meets every interval active then, counted in a plain square table
        order = sorted(codes)
        index = {code: i for i, code in enumerate(order)}
        met = [[0] * len(order) for _ in order]
        for by_code in cov.values():
            events = []
            for code, intervals in by_code.items():
                single[code] += len(intervals)
                i = index[code]
                for s, e in intervals:
                    events.append((s, 1, i))
                    events.append((e, 0, i))
            events.sort()
            active: set[int] = set()
            for _, starting, i in events:
                if starting:
                    row = met[i]
                    for other in active:
                        row[other] += 1
                    active.add(i)
                else:
                    active.discard(i)
        for a, code_a in enumerate(order):
            for b in range(a + 1, len(order)):
                n = met[a][b] + met[b][a]
                if n:
                    pairs[(code_a, order[b])] = n
    else:
        for slots in _units_per_doc(cov, units or {}).values():
            for present in slots.values():
                for code in present:
                    single[code] += 1
                for a, b in combinations(sorted(present), 2):
                    pairs[(a, b)] += 1
    return {(r, c): single[r] if r == c else pairs[(r, c) if r < c else (c, r)] for r in rows for c in cols}


def cooccurrence_passages(segments: Iterable[SegmentLike], row: int, col: int,
                          parents: Mapping[int, int | None] | None = None, *, unit: str = "span",
                          units: Mapping[int, Sequence[Interval]] | None = None) -> list[tuple[int, int, int]]:
    """The ``(document_id, start, end)`` passages (or units) behind one cell of :func:`cooccurrence`."""
    cov = coverage(segments, {row, col}, parents)
    out: list[tuple[int, int, int]] = []
    if unit == "span":
        for doc, by_code in sorted(cov.items()):
            if row == col:
                out.extend((doc, s, e) for s, e in by_code.get(row, ()))
            elif row in by_code and col in by_code:
                out.extend((doc, s, e) for s, e in _intersections(by_code[row], by_code[col]))
        return out
    for doc, slots in sorted(_units_per_doc(cov, units or {}).items()):
        spans = list((units or {})[doc])
        for k in sorted(slots):
            if row in slots[k] and col in slots[k]:
                out.append((doc, *spans[k]))
    return out
