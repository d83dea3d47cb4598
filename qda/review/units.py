"""The units agreement is counted over: sentences, speaker turns, paragraphs or characters.

Positions are code points into the document's stored text, end exclusive (as everywhere).

- **paragraph**: a line of text (between line breaks), without its surrounding spaces;
  empty lines are no unit. Transcripts hold one speaker turn or paragraph per line.
- **sentence**: a paragraph cut after sentence-final punctuation (``.``, ``!``, ``?``, ``…``,
  with any closing quotes or brackets) followed by a space; a sentence never crosses a line
  break. A plain rule rather than the spaCy sentencizer, so that agreement over a thesis-sized
  corpus takes a second, not minutes; it cuts where the sentencizer cuts on ordinary prose.
- **turn**: the speaker turns found at import; a document without turns counts its paragraphs.
- **char**: every character is a unit (handled by interval arithmetic, never one by one).
"""

from __future__ import annotations


from functools import lru_cache
from typing import Any

UNITS = ("sentence", "turn", "paragraph", "char")

_TERMINATORS = ".!?…"
_CLOSERS = "\"'”’)]"


_TOP = 0x3001  # every whitespace character and every punctuation mark looked for lies below


@lru_cache(maxsize=1)
def _classes() -> "object":
    """Per code point below ``_TOP`` (and one slot for everything above): 1 space, 2 terminator, 4 closer."""
    import numpy as np

    table = np.zeros(_TOP + 1, dtype=np.uint8)
    for c in range(_TOP):
        if chr(c).isspace():
            table[c] = 1
    for ch in _TERMINATORS:
        table[ord(ch)] = 2
    for ch in _CLOSERS:
        table[ord(ch)] = 4
    return table


def _spans(text: str, sentences: bool) -> list[tuple[int, int]]:
    starts, ends = span_arrays(text, sentences)
    return list(zip(starts.tolist(), ends.tolist()))


def span_arrays(text: str, sentences: bool) -> tuple[Any, Any]:
    """Pieces of ``text`` between "breaks", vectorised over the characters (numpy).

    A break is a run of whitespace that holds a line break, touches either end of the text,
    or (for sentences) follows sentence-final punctuation with any closing quotes or brackets.
    Each piece is one paragraph (a line without its surrounding spaces) or one sentence.
    """
    import numpy as np

    if not text:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    n = len(chars)
    kind = _classes()[np.minimum(chars, _TOP)]
    space = kind == 1
    prev = np.concatenate(([False], space[:-1]))
    nxt = np.concatenate((space[1:], [False]))
    run_start = np.flatnonzero(space & ~prev)
    run_end = np.flatnonzero(space & ~nxt) + 1
    newlines = np.cumsum(chars == 10)
    before = np.where(run_start > 0, newlines[run_start - 1], 0)
    breaks = (newlines[run_end - 1] > before) | (run_start == 0) | (run_end == n)
    if sentences:
        term = kind == 2
        closer = kind == 4
        idx = np.arange(n)
        last_non_closer = np.maximum.accumulate(np.where(closer, -1, idx))
        ends_group = np.zeros(n, dtype=bool)
        ok = last_non_closer >= 0
        ends_group[ok] = term[last_non_closer[ok]]
        j = run_start - 1
        breaks |= (j >= 0) & ends_group[np.maximum(j, 0)]
    b0 = np.concatenate(([0], run_start[breaks], [n]))
    b1 = np.concatenate(([0], run_end[breaks], [n]))
    starts, ends = b1[:-1], b0[1:]
    keep = ends > starts
    return starts[keep].astype(np.int64), ends[keep].astype(np.int64)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line, surrounding spaces left out."""
    return _spans(text, sentences=False)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence (see the module notes for the rule)."""
    return _spans(text, sentences=True)


def unit_arrays(text: str, unit: str, turns: list[tuple[int, int]] | None = None) -> tuple[Any, Any]:
    """:func:`unit_spans` as two numpy arrays (starts, ends)."""
    import numpy as np

    if unit in ("sentence", "paragraph") or (unit == "turn" and not turns):
        return span_arrays(text, unit == "sentence")
    spans = unit_spans(text, unit, turns)
    return (np.array([a for a, _ in spans], dtype=np.int64), np.array([b for _, b in spans], dtype=np.int64))


def unit_spans(text: str, unit: str, turns: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The sorted, non-overlapping units of one document (``char`` is not listed unit by unit)."""
    if unit == "sentence":
        return sentence_spans(text)
    if unit == "paragraph":
        return paragraph_spans(text)
    if unit == "turn":
        spans = sorted((s, e) for s, e in (turns or []) if e > s)
        return spans or paragraph_spans(text)
    raise ValueError(f"no unit list for {unit!r}")
