"""Where each character of an old text went in a new one: a diff as equal blocks, and position maps.

The diff is computed in three levels so that it stays fast on long transcripts and
never aligns unrelated text letter by letter:

1. the common prefix and suffix are cut off (a single correction is then tiny);
2. the middle is compared line by line (``difflib`` without its junk heuristic);
3. changed runs of lines are compared token by token (words, spaces, punctuation), and a
   changed run of at most a few tokens on each side character by character
   (``rapidfuzz`` Indel opcodes), so a typo fix keeps the rest of its word anchored.

Positions are code points, end exclusive. A *start* maps forward (text inserted exactly
at a start stays before it); an *end* maps backward (text inserted exactly at an end
stays after it). A position strictly inside replaced text has no map (``None``); inside
deleted text it maps to where the deletion was.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_CHAR_LEVEL_TOKENS = 3  # a changed run of at most this many tokens per side is compared by characters


@dataclass(frozen=True)
class Block:
    """``old[a:a + size] == new[b:b + size]``."""

    a: int
    b: int
    size: int


def _equal_blocks_chars(old: str, new: str, a0: int, b0: int) -> list[Block]:
    out = []
    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            out.append(Block(a0 + op.src_start, b0 + op.dest_start, op.src_end - op.src_start))
    return out


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _equal_blocks_tokens(old: str, new: str, a0: int, b0: int) -> list[Block]:
    ta, tb = _tokens(old), _tokens(new)
    pa = [0]
    for t in ta:
        pa.append(pa[-1] + len(t))
    pb = [0]
    for t in tb:
        pb.append(pb[-1] + len(t))
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Block(a0 + pa[i1], b0 + pb[j1], pa[i2] - pa[i1]))
        elif tag == "replace" and i2 - i1 <= _CHAR_LEVEL_TOKENS and j2 - j1 <= _CHAR_LEVEL_TOKENS:
            out.extend(_equal_blocks_chars(old[pa[i1]:pa[i2]], new[pb[j1]:pb[j2]], a0 + pa[i1], b0 + pb[j1]))
    return out


def _equal_blocks_lines(old: str, new: str, a0: int, b0: int) -> list[Block]:
    la, lb = old.splitlines(keepends=True), new.splitlines(keepends=True)
    pa = [0]
    for t in la:
        pa.append(pa[-1] + len(t))
    pb = [0]
    for t in lb:
        pb.append(pb[-1] + len(t))
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Block(a0 + pa[i1], b0 + pb[j1], pa[i2] - pa[i1]))
        elif tag == "replace":
            out.extend(_equal_blocks_tokens(old[pa[i1]:pa[i2]], new[pb[j1]:pb[j2]], a0 + pa[i1], b0 + pb[j1]))
    return out


def equal_blocks(old: str, new: str) -> list[Block]:
    """The characters ``old`` and ``new`` share, as blocks in increasing order (see module doc)."""
    n = min(len(old), len(new))
    prefix = 0
    step = 4096
    while prefix < n:  # compare in slices: a long common prefix costs little
        size = min(step, n - prefix)
        if old[prefix:prefix + size] == new[prefix:prefix + size]:
            prefix += size
            continue
        while old[prefix] == new[prefix]:
            prefix += 1
        break
    suffix = 0
    limit = n - prefix
    while suffix < limit and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    blocks: list[Block] = []
    if prefix:
        blocks.append(Block(0, 0, prefix))
    mid_old, mid_new = old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]
    if mid_old and mid_new:
        if "\n" in mid_old or "\n" in mid_new:
            blocks.extend(_equal_blocks_lines(mid_old, mid_new, prefix, prefix))
        else:
            blocks.extend(_equal_blocks_tokens(mid_old, mid_new, prefix, prefix))
    if suffix:
        blocks.append(Block(len(old) - suffix, len(new) - suffix, suffix))
    return _slide(_merge([b for b in blocks if b.size > 0]), old, new)


def _edge_score(text: str, p: int) -> int:
    """How natural a boundary between ``text[p - 1]`` and ``text[p]`` is (diff-match-patch's scale)."""
    if p <= 0 or p >= len(text):
        return 6
    a, b = text[p - 1], text[p]
    if a == "\n" or b == "\n":
        return 4
    if a in ".!?…" and b.isspace():
        return 3
    if a.isspace() or b.isspace():
        return 2
    if not a.isalnum() or not b.isalnum():
        return 1
    return 0


def _slide(blocks: list[Block], old: str, new: str) -> list[Block]:
    """Slide each pure insertion or deletion to the most natural boundaries among equivalent ones.

    ``"2019. Lalu."`` → ``"2019."`` may be aligned as deleting ``". Lalu"`` (keeping the last
    dot) or ``" Lalu."``; the second cuts at word and sentence boundaries, so an excerpt
    ending with ``"2019."`` keeps its dot.
    """
    out = list(blocks)
    for k in range(len(out) - 1):
        b1, b2 = out[k], out[k + 1]
        g1a, g1b = b1.a + b1.size, b1.b + b1.size
        if b2.b == g1b and b2.a > g1a:
            text, g1, g2 = old, g1a, b2.a  # a deletion of old[g1:g2]
        elif b2.a == g1a and b2.b > g1b:
            text, g1, g2 = new, g1b, b2.b  # an insertion of new[g1:g2]
        else:
            continue
        left = 0
        while left < b1.size and g1 - left - 1 >= 0 and text[g1 - left - 1] == text[g2 - left - 1]:
            left += 1
        right = 0
        while right < b2.size and g2 + right < len(text) and text[g1 + right] == text[g2 + right]:
            right += 1
        if not left and not right:
            continue
        best, best_score = 0, _edge_score(text, g1) + _edge_score(text, g2)
        for shift in range(-left, right + 1):
            score = _edge_score(text, g1 + shift) + _edge_score(text, g2 + shift)
            if score > best_score:
                best, best_score = shift, score
        if best:
            out[k] = Block(b1.a, b1.b, b1.size + best)
            out[k + 1] = Block(b2.a + best, b2.b + best, b2.size - best)
    return [b for b in out if b.size > 0]


def blocks_from_replacements(old: str, replacements: list[tuple[int, int, str]]) -> tuple[str, list[Block]]:
    """Apply known replacements ``(start, end, text)`` (sorted, not overlapping) to ``old``.

    Returns the new text and its exact equal blocks: no diff is needed when the edit is
    known (anonymisation, an edit made through the editor's own operations).
    """
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    shift = 0
    for start, end, text in replacements:
        if start < pos or end < start:
            raise ValueError("replacements must be sorted and must not overlap")
        if start > pos:
            blocks.append(Block(pos, pos + shift, start - pos))
        parts.append(old[pos:start])
        parts.append(text)
        shift += len(text) - (end - start)
        pos = end
    if pos < len(old):
        blocks.append(Block(pos, pos + shift, len(old) - pos))
    parts.append(old[pos:])
    return "".join(parts), blocks


def _merge(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for blk in blocks:
        if out and out[-1].a + out[-1].size == blk.a and out[-1].b + out[-1].size == blk.b:
            last = out.pop()
            blk = Block(last.a, last.b, last.size + blk.size)
        out.append(blk)
    return out


class PositionMap:
    """Maps positions of the old text to the new one through equal blocks."""

    def __init__(self, blocks: list[Block], old_len: int, new_len: int) -> None:
        self.blocks = blocks
        self.old_len = old_len
        self.new_len = new_len
        self._starts = [b.a for b in blocks]

    def _block_of(self, p: int) -> tuple[Block | None, int]:
        """The block holding old character ``p`` (or None) and the index where it would be."""
        k = bisect_right(self._starts, p) - 1
        if k >= 0 and p < self.blocks[k].a + self.blocks[k].size:
            return self.blocks[k], k
        return None, k

    def gap(self, p: int) -> tuple[int, int, int, int]:
        """The changed region ``(old_start, old_end, new_start, new_end)`` holding old character ``p``."""
        _blk, k = self._block_of(p)
        if k >= 0:
            prev = self.blocks[k]
            a1, b1 = prev.a + prev.size, prev.b + prev.size
        else:
            a1, b1 = 0, 0
        if k + 1 < len(self.blocks):
            a2, b2 = self.blocks[k + 1].a, self.blocks[k + 1].b
        else:
            a2, b2 = self.old_len, self.new_len
        return a1, a2, b1, b2

    def start(self, p: int) -> int | None:
        """Where a span starting at old ``p`` starts now (None when ``p`` is inside replaced text)."""
        if p >= self.old_len:
            return self.new_len
        blk, _k = self._block_of(p)
        if blk is not None:
            return p - blk.a + blk.b
        a1, a2, b1, b2 = self.gap(p)
        if p == a1 or b1 == b2:
            return b1
        return None

    def end(self, p: int) -> int | None:
        """Where a span ending at old ``p`` (exclusive) ends now (None when inside replaced text)."""
        if p <= 0:
            return 0
        blk, _k = self._block_of(p - 1)
        if blk is not None:
            return p - blk.a + blk.b
        a1, a2, b1, b2 = self.gap(p - 1)
        if p == a2:
            return b2
        if b1 == b2:
            return b1
        return None

    def kept(self, s: int, e: int) -> int:
        """How many characters of old ``[s, e)`` are still there (in equal blocks)."""
        total = 0
        k = max(bisect_right(self._starts, s) - 1, 0)
        while k < len(self.blocks) and self.blocks[k].a < e:
            blk = self.blocks[k]
            total += max(0, min(e, blk.a + blk.size) - max(s, blk.a))
            k += 1
        return total

    def changed(self, s: int, e: int) -> bool:
        """Whether old ``[s, e)`` lies inside one equal block (unchanged and contiguous)."""
        blk, _k = self._block_of(s)
        return blk is None or e > blk.a + blk.size
