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

import re

UNITS = ("sentence", "turn", "paragraph", "char")

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line, surrounding spaces left out."""
    out = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        line = m.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        if end - trail > start + lead:
            out.append((start + lead, end - trail))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence (see the module notes for the rule)."""
    out = []
    for p_start, p_end in paragraph_spans(text):
        piece = text[p_start:p_end]
        pos = 0
        for m in _SENTENCE_END.finditer(piece):
            cut = m.end()
            stripped_end = len(piece[:cut].rstrip())
            if stripped_end > pos:
                out.append((p_start + pos, p_start + stripped_end))
            pos = cut
        if pos < len(piece):
            out.append((p_start + pos, p_end))
    return out


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
