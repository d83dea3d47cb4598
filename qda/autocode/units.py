"""The passages a suggestion can cover: sentences or speaker turns, informants' words only.

A *region* is the text of one informant turn after its label (``[00:01:30] I:`` is not part
of what the informant said); a document without turns (observation notes, documents) is one
region after its header block. The interviewer's turns are left out unless asked for: a
speaker is the interviewer when the label is an interviewer label (``P``, ``T``, ``Q``,
``Pewawancara``, ``Peneliti`` …) or the name in the header's ``Pewawancara`` field.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

UNITS = ("sentence", "turn")

#: speaker labels (case-folded, numbers and roles ignored) that mark the interviewer's turns
INTERVIEWER_LABELS = frozenset(
    """p t q pewawancara peneliti penanya tanya pertanyaan interviewer researcher moderator fasilitator
    penulis""".split()
)
_STAMP = r"(?:[\[(][\d.:,]+[\])]|\d{1,2}:\d{2}(?::\d{2})?)"
_LABEL_END = re.compile(rf"[ \t]*(?:{_STAMP}[ \t]*(?:[-–—][ \t]*)?)?[^\n:]{{0,120}}?:(?:\*\*)?[ \t]*(?:{_STAMP}[ \t]*)?")


_NEWLINE = re.compile(r"\n")


class Region(NamedTuple):
    """A stretch of text whose sentences may be suggested (code points, end exclusive)."""

    start: int
    end: int


def _label_key(speaker: str) -> str:
    name = speaker.split(" (", 1)[0].casefold().strip()
    return re.sub(r"[\s\d]+$", "", name)


def is_interviewer(speaker: str, interviewer_name: str | None = None) -> bool:
    """True when ``speaker`` is the interviewer (by label or by the header's ``Pewawancara``)."""
    key = _label_key(speaker)
    if key in INTERVIEWER_LABELS:
        return True
    if interviewer_name:
        wanted = interviewer_name.casefold().split()
        words = key.replace(".", " ").split()
        # "Dewi" or "Bu Dewi" names the interviewer "Dewi Anggraini"
        return bool(words) and words[-1] in wanted and all(w in wanted or len(w) <= 4 for w in words)
    return False


def body_start(text: str, turn_start: int, turn_end: int) -> int:
    """Where a turn's words begin: after its label, colon and any timestamp."""
    match = _LABEL_END.match(text, turn_start, turn_end)
    pos = match.end() if match else turn_start
    while pos < turn_end and text[pos].isspace():
        pos += 1
    return pos


def regions(text: str, turns: Sequence[tuple[str, int, int]], *, header_end: int = 0,
            interviewer_name: str | None = None, include_interviewer: bool = False) -> list[Region]:
    """The regions of one document; ``turns`` are ``(speaker, start, end)``."""
    if not turns:
        start = header_end
        while start < len(text) and text[start].isspace():
            start += 1
        return [Region(start, len(text))] if start < len(text) else []
    out = []
    for speaker, start, end in turns:
        if not include_interviewer and is_interviewer(speaker, interviewer_name):
            continue
        begin = body_start(text, start, end)
        if begin < end:
            out.append(Region(begin, end))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "([{"):
        end -= 1
    return start, end


def sentence_cuts(doc, text: str):
    """Sorted indices of the tokens that start a sentence in a spaCy doc whose text is ``text``.

    Sentences follow the shared pipeline's sentencizer rule (:func:`~qda.nlp.pipeline.sentence_starts`,
    so the doc needs no sentencizer pass); a line break also ends one (notes and lists often
    lack a full stop). Worked out on the doc's arrays, not token by token.
    """
    import numpy as np
    from spacy.attrs import IDX

    from qda.nlp.pipeline import sentence_starts

    n = len(doc)
    cuts = sentence_starts(doc)
    if n and "\n" in text:
        idx = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        breaks = np.fromiter((m.start() for m in _NEWLINE.finditer(text)), dtype=np.int64)
        after = np.searchsorted(idx, breaks, side="right")  # the first token after each line break
        cuts = np.concatenate((cuts, after[after < n]))
    return np.unique(cuts)
