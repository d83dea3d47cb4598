"""Re-anchoring spans (codings, turns, suggestions) from an old text to a corrected one.

The rule is *never silently wrong*: a coding is moved without a flag only when

- its text is found unchanged where the diff maps it (**exact**), or
- both its ends map through unchanged text and what changed inside it is small — most of
  its characters are still there and the old and new excerpts are at least
  :data:`SIMILAR` alike by rapidfuzz's ratio (**adjusted**: a typo fixed inside it), or
- its text is gone from where it was but found unchanged exactly once elsewhere with the
  same text on at least one side of it (**moved**: a moved paragraph).

Anything else is **flagged** ("perlu dicek"): it is placed on the best candidate
(rapidfuzz alignment of its old text near where it was, else the sentence where its
text was) and listed with its old excerpt beside that candidate for the user to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from rapidfuzz import fuzz

from qda.editing.diff import PositionMap

SIMILAR = 90.0  # ratio (0–100) an excerpt changed inside may have and still move silently
KEPT = 0.85  # share of an excerpt's characters that must survive for it to move silently
CONTEXT = 40  # characters of context compared on each side when a moved excerpt is searched for
CONTEXT_SAME = 85.0  # ratio one side's context must reach for a moved excerpt to be trusted
MIN_MOVED = 12  # an excerpt shorter than this is never relocated silently (too common)
CANDIDATE = 60.0  # a fuzzy candidate below this score is not offered; the sentence is

EXACT, ADJUSTED, MOVED, FLAGGED = "exact", "adjusted", "moved", "flagged"

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*\s+|\n+")


@dataclass(frozen=True)
class Span:
    """Something anchored in the old text: an id and its span."""

    id: int
    start: int
    end: int


@dataclass(frozen=True)
class Placement:
    """Where a span goes in the new text, and how sure that is."""

    id: int
    old_start: int
    old_end: int
    start: int
    end: int
    status: str  # exact | adjusted | moved | flagged
    score: float  # similarity (0–100) of the old excerpt and the new one
    reason: str = ""  # for flagged: changed | deleted | ambiguous | collision

    @property
    def flagged(self) -> bool:
        return self.status == FLAGGED


def _context_score(old: str, new: str, s: int, e: int, ns: int, ne: int) -> float:
    left = fuzz.ratio(old[max(0, s - CONTEXT):s], new[max(0, ns - CONTEXT):ns]) if s > 0 and ns > 0 else 0.0
    right = (fuzz.ratio(old[e:e + CONTEXT], new[ne:ne + CONTEXT])
             if e < len(old) and ne < len(new) else 0.0)
    if s == 0 and ns == 0:
        left = 100.0
    if e == len(old) and ne == len(new):
        right = 100.0
    return max(left, right)


def _occurrences(text: str, needle: str, limit: int = 50) -> list[int]:
    out: list[int] = []
    i = text.find(needle)
    while i >= 0 and len(out) < limit:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _sentence_at(text: str, p: int) -> tuple[int, int]:
    """The sentence (or line) of ``text`` around position ``p``; never empty when text is not."""
    if not text:
        return 0, 0
    p = min(max(p, 0), len(text) - 1)
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, p - 600), p):
        start = m.end()
    if start == 0 and p > 600:
        start = p - 600
    m = _SENTENCE_END.search(text, p)
    end = m.start() if m and m.start() > start else (m.end() if m else len(text))
    if end <= start:
        end = min(len(text), start + 1)
    return start, end


def _snap_words(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen ``[s, e)`` to whole words and trim surrounding spaces."""
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def place(old: str, new: str, pmap: PositionMap, span: Span, *, known_edit: bool = False) -> Placement:
    """Where one coding's span goes (see the module doc for the rule).

    ``known_edit``: the blocks are an edit the user asked for word by word (anonymisation),
    so a coding whose two ends map through them goes where they map.
    """
    s, e = span.start, span.end
    excerpt = old[s:e]
    ns, ne = pmap.start(s), pmap.end(e)
    if ns is not None and ne is not None and ne > ns:
        if not pmap.changed(s, e):
            return Placement(span.id, s, e, ns, ne, EXACT, 100.0)
        if known_edit:
            return Placement(span.id, s, e, ns, ne, ADJUSTED, fuzz.ratio(excerpt, new[ns:ne]))
        # the excerpt may sit unchanged right there, with the diff's edges slid onto it
        lo, hi = max(0, ns - (e - s)), min(len(new), ne + (e - s))
        hits = _occurrences(new[lo:hi], excerpt, 3)
        if len(hits) == 1:
            return Placement(span.id, s, e, lo + hits[0], lo + hits[0] + (e - s), EXACT, 100.0)
        kept = pmap.kept(s, e) / (e - s)
        score = fuzz.ratio(excerpt, new[ns:ne])
        if kept >= KEPT and score >= SIMILAR and not hits:
            return Placement(span.id, s, e, ns, ne, ADJUSTED, score)
    moved = _relocate(old, new, s, e)
    if moved is not None:
        return Placement(span.id, s, e, moved, moved + (e - s), MOVED, 100.0)
    return _flag(old, new, pmap, span, ns, ne)


def _relocate(old: str, new: str, s: int, e: int) -> int | None:
    """The one place the unchanged excerpt is found with the same context, if there is exactly one."""
    excerpt = old[s:e]
    if len(excerpt.strip()) < MIN_MOVED:
        return None
    hits = _occurrences(new, excerpt)
    scored = [(h, _context_score(old, new, s, e, h, h + (e - s))) for h in hits]
    good = [h for h, sc in scored if sc >= CONTEXT_SAME]
    if len(good) == 1 and len(hits) <= 3:
        return good[0]
    return None


def _flag(old: str, new: str, pmap: PositionMap, span: Span, ns: int | None, ne: int | None) -> Placement:
    s, e = span.start, span.end
    excerpt = old[s:e]
    # where it was: the nearest mapped positions around it
    anchor_s = ns if ns is not None else pmap.gap(s)[2]
    anchor_e = ne if ne is not None else pmap.gap(max(e - 1, 0))[3]
    if anchor_e < anchor_s:
        anchor_s, anchor_e = anchor_e, anchor_s
    reason = "deleted" if pmap.kept(s, e) == 0 and (ne is not None and ns is not None and ne <= ns) else "changed"
    lo = max(0, anchor_s - 2 * len(excerpt) - 100)
    hi = min(len(new), anchor_e + 2 * len(excerpt) + 100)
    window = new[lo:hi]
    best = None
    if window.strip():
        al = fuzz.partial_ratio_alignment(excerpt, window) if len(excerpt) <= len(window) else None
        if al is not None and al.score >= CANDIDATE:
            cs, ce = _snap_words(new, lo + al.dest_start, lo + al.dest_end)
            if ce > cs:
                best = (cs, ce, al.score)
    if best is None:
        cs, ce = _sentence_at(new, anchor_s)
        cs, ce = _snap_words(new, cs, ce) if ce > cs else (cs, ce)
        if ce <= cs:
            cs, ce = (0, min(1, len(new)))
        best = (cs, ce, fuzz.ratio(excerpt, new[cs:ce]))
    return Placement(span.id, s, e, best[0], best[1], FLAGGED, float(best[2]), reason)


def map_span(pmap: PositionMap, start: int, end: int) -> tuple[int, int] | None:
    """A structural span (a turn, a suggestion) through the diff: its mapped ends, or None if gone."""
    ns = pmap.start(start)
    if ns is None:
        ns = pmap.gap(start)[2]
    ne = pmap.end(end)
    if ne is None:
        ne = pmap.gap(max(end - 1, 0))[3]
    return (ns, ne) if ne > ns else None
