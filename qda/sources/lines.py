"""Line numbers ("baris") of a stored text, the same whatever format it was imported from.

A plain-text, Markdown or RTF transcript separates paragraphs with a blank line, while a
Word or OpenDocument file stores one paragraph per line; numbering raw lines would give
the same passage "baris 45" in one format and "baris 23" in the other. So, as ATLAS.ti
and MAXQDA number paragraphs, the *non-empty* lines of the stored text are numbered
consecutively from 1 and blank lines get no number. Every place that shows a baris —
the viewer's gutter, search hits, ``qda text --offsets``, excerpt lists, review queues,
report citations — asks this module.

An offset inside a blank stretch belongs to the paragraph before it (to paragraph 1 at
the top); the first baris of a span that starts in a blank stretch is the paragraph
after it, so "baris 4–6" never names a paragraph the span does not touch.
"""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Paragraph numbers of one text, answering offset → baris in O(log n)."""

    def __init__(self, text: str) -> None:
        starts = [0]
        at = text.find("\n")
        while at != -1:  # one C-level search per line, not one Python step per character
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        upto: list[int] = []  # paragraphs numbered up to and including each raw line
        numbered: list[bool] = []
        n = 0
        last = len(starts) - 1
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i < last else len(text)
            full = end > start and not text[start:end].isspace()
            if full:
                n += 1
            upto.append(n)
            numbered.append(full)
        self._starts = starts
        self._upto = upto
        self._numbered = numbered
        self.count = n  #: how many numbered paragraphs the text has

    def raw_line(self, offset: int) -> int:
        """0-based index of the raw line (between newlines) holding ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def number_of_line(self, index: int) -> int | None:
        """The baris of raw line ``index`` (0-based), or None for a blank line."""
        if 0 <= index < len(self._numbered) and self._numbered[index]:
            return self._upto[index]
        return None

    def line_of(self, offset: int) -> int:
        """The baris of the character at ``offset`` (a blank stretch counts to the paragraph before)."""
        return max(1, self._upto[self.raw_line(offset)])

    def first_line_of(self, offset: int) -> int:
        """The baris a span starting at ``offset`` begins with (a blank stretch counts to the paragraph after)."""
        i = self.raw_line(offset)
        if self._numbered[i]:
            return self._upto[i]
        return max(1, min(self._upto[i] + 1, self.count))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """First and last baris of the span ``[start, end)``."""
        first = self.first_line_of(start)
        return first, max(first, self.line_of(max(start, end - 1)))

    def start_of(self, number: int) -> int | None:
        """Offset where paragraph ``number`` begins, or None if the text has no such baris."""
        if not 1 <= number <= self.count:
            return None
        i = bisect_right(self._upto, number - 1)
        return self._starts[i]


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """First and last baris of ``text[start:end]`` (end exclusive)."""
    return LineIndex(text).span(start, end)


def numbered_lines(text: str) -> list[tuple[int | None, int, int, str]]:
    """Each raw line of ``text`` as ``(baris or None for a blank line, start, end, line)``: code-point
    offsets, end exclusive; the text's final newline opens no line."""
    index = LineIndex(text)
    out: list[tuple[int | None, int, int, str]] = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        out.append((index.number_of_line(i), pos, pos + len(line), line))
        pos += len(line) + 1
    if len(out) > 1 and out[-1][3] == "":
        out.pop()
    return out
