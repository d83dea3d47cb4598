"""Text of an imported REFI-QDA source, normalised as qda stores text, and its offset map.

Other programs count selection positions in the source's plain text *as they wrote it*:
with its CRLF line ends, byte-order mark, trailing spaces and, for NVivo, in UTF-16 code
units rather than code points. qda stores text normalised once (see
:mod:`qda.sources.normalise`), so every position is carried through the same changes:
:func:`normalised_with_map` returns the stored text and a :class:`PositionMap` that turns
a position in the writer's counting into a code point of the stored text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from qda.sources.normalise import normalise_text

# what qda's normaliser deletes outright (rule 2 and 3 of qda.sources.normalise)
_DELETED = re.compile("\ufeff|[\x01-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]|\r(?=\n)")
_NEWLINE = re.compile("[\r\u2028\u2029\x85\x0b\x0c]")
_TRAILING = re.compile("[ \t]+(?=\n)")


@dataclass
class PositionMap:
    """Maps a position of the writer's text (code points or UTF-16 units) to the stored text."""

    length: int
    utf16: bool = False
    _astral_ends: list[int] = field(default_factory=list)  # UTF-16 unit just after each astral char
    _deleted: list[int] = field(default_factory=list)  # code points of the raw text that were removed
    _nfc: list[tuple[int, int]] | None = None  # (pre-NFC position, post-NFC position) at cluster starts

    def __call__(self, position: int) -> int:
        """The stored-text code point for ``position`` (clamped to the text)."""
        p = max(0, int(position))
        if self.utf16:
            p -= bisect_right(self._astral_ends, p)
        p -= bisect_left(self._deleted, p)
        if self._nfc is not None:
            i = bisect_right(self._nfc, (p, 1 << 62)) - 1
            p = self._nfc[i][1] if i >= 0 else 0
        return min(p, self.length)


def normalised_with_map(raw: str, origin_path: str, *, utf16: bool = False) -> tuple[str, PositionMap]:
    """The stored form of ``raw`` (qda's normalisation) and the map of positions into it.

    A leading byte-order mark is never counted (NVivo, MAXQDA and ATLAS.ti agree on it).
    An empty or blank text gives ``""`` rather than a refusal: REFI files do hold
    sources without text, and their codings are then reported as out of range.
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    pmap = PositionMap(0, utf16=utf16)
    if utf16 and not raw.isascii():
        ends, extra = [], 0
        for m in re.finditer("[\U00010000-\U0010ffff]", raw):
            extra += 1
            ends.append(m.start() + extra + 1)  # units: the char starts at start+extra-1, takes 2
        pmap._astral_ends = ends
    if not raw.strip():
        return "", pmap
    deleted = [m.start() for m in _DELETED.finditer(raw)] if (not raw.isascii() or "\r" in raw or _has_c0(raw)) \
        else []
    text = raw
    if deleted:
        text = _DELETED.sub("", text)
    if not text.isascii() or "\r" in text or "\x0b" in text or "\x0c" in text:
        text = _NEWLINE.sub("\n", text)
    # trailing blanks on each line and at the end; positions given in the cleaned text → raw
    late: list[int] = []
    if " \n" in text or "\t\n" in text:
        late = [i for m in _TRAILING.finditer(text) for i in range(m.start(), m.end())]
    stripped = len(text) - len(text.rstrip())
    if stripped:
        late.extend(range(len(text) - stripped, len(text)))
    if late:
        late_set = set(late)
        text = "".join(ch for i, ch in enumerate(text) if i not in late_set) if len(late) > 64 else \
            _remove_positions(text, sorted(late_set))
        deleted = _merge_deleted(deleted, sorted(late_set))
    pmap._deleted = deleted
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text, pmap._nfc = _nfc_with_map(text)
    canonical = normalise_text(raw, origin_path) if text else ""
    if canonical != text:  # a corner the map does not follow: keep qda's text, positions clamp
        text = canonical
    pmap.length = len(text)
    return text, pmap


def _has_c0(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\t\n" or c == "\x7f" for c in text)


def _remove_positions(text: str, positions: list[int]) -> str:
    out, last = [], 0
    for p in positions:
        out.append(text[last:p])
        last = p + 1
    out.append(text[last:])
    return "".join(out)


def _merge_deleted(first: list[int], later: list[int]) -> list[int]:
    """Positions deleted in a second pass (counted in the once-cleaned text) as raw positions."""
    if not first:
        return later
    out = list(first)
    j = 0
    for p in later:  # p counts the text after ``first`` was removed; walk it back to raw
        while j < len(first) and first[j] <= p + j:
            j += 1
        out.append(p + j)
    return sorted(out)


def _nfc_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """NFC per cluster (a starter and its combining marks), with the start of every cluster."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    out_len = 0
    start = 0
    n = len(text)
    for i in range(1, n + 1):
        if i == n or unicodedata.combining(text[i]) == 0:
            piece = unicodedata.normalize("NFC", text[start:i])
            marks.append((start, out_len))
            parts.append(piece)
            out_len += len(piece)
            start = i
    marks.append((n, out_len))
    return "".join(parts), marks
