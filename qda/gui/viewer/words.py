"""Word boundaries for selections made with the mouse (plain Python, no Qt).

:func:`snap_to_words` widens a selection that starts or ends inside a word to the whole
word and drops the spaces at its edges, so a sloppy drag codes "pelayanan kami" rather
than "layanan kam". Positions are code points, as the core stores them.
"""

from __future__ import annotations


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole words and trimmed of the white space at its edges.

    A selection with no word character is returned unchanged.
    """
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if start >= end or not any(_is_word(c) for c in text[start:end]):
        return start, end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _is_word(text[start]):
        while start > 0 and _is_word(text[start - 1]):
            start -= 1
    if _is_word(text[end - 1]):
        while end < n and _is_word(text[end]):
            end += 1
    # a hyphen or apostrophe at an edge belongs to no word ("kerja-" → "kerja")
    while start < end and text[start] in "-'’":
        start += 1
    while end > start and text[end - 1] in "-'’":
        end -= 1
    return start, end
