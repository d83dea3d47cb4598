"""Paint coding highlights and speaker-turn labels block by block.

The highlighter keeps a precomputed, sorted index of highlight pieces (see
:mod:`qda.gui.viewer.layout`) and of turn labels, both in UTF-16 units; each block finds
its own pieces with a bisect, so showing or re-colouring a long transcript costs one
pass over its blocks and a change re-highlights only the blocks it touches.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from qda.colours import blend
from qda.domain import HIGHLIGHT_ALPHA
from qda.gui.viewer.layout import Piece, pieces_between

SPEAKER_COLORS = ("#1f4e79", "#7a3b00", "#2e6b30", "#6b2e6b", "#5b5b00")
TIMESTAMP_COLOR = "#5f6b7a"  # 5.4:1 on the page (WCAG AA for text)


class CodingHighlighter(QSyntaxHighlighter):
    """Code tints (the outer code's tint, underlined in the inner code's colour where codings overlap) plus turn labels."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pieces: list[Piece] = []
        self._starts: list[int] = []
        self._labels: list[tuple[int, int, str, int]] = []  # (start, end, kind, speaker no.)
        self._label_starts: list[int] = []
        self._colors: dict[int, str] = {}
        self._formats: dict[tuple[int, ...], QTextCharFormat] = {}
        self._suggestions: list[tuple[int, int, int]] = []  # (start, end, code id), UTF-16 units
        self._suggestion_starts: list[int] = []
        self._longest_suggestion = 0

    # -- data -----------------------------------------------------------------------
    def set_colors(self, colors: dict[int, str]) -> None:
        """Code id -> colour ``#rrggbb``."""
        self._colors = dict(colors)
        self._formats.clear()

    def set_pieces(self, pieces: list[Piece]) -> None:
        """Replace the highlight index (call :meth:`rehighlight` or re-highlight blocks after)."""
        self._pieces = list(pieces)
        self._starts = [p.start for p in pieces]

    def replace_pieces(self, i: int, j: int, pieces: list[Piece]) -> None:
        """Put ``pieces`` in place of ``pieces()[i:j]`` (a recomputed stretch; see :func:`repiece_range`)."""
        self._pieces[i:j] = pieces
        self._starts[i:j] = [p.start for p in pieces]

    def pieces(self) -> list[Piece]:
        """The current highlight index."""
        return self._pieces

    def piece_starts(self) -> list[int]:
        """The starts of :meth:`pieces` (kept for bisecting)."""
        return self._starts

    def set_suggestions(self, spans: list[tuple[int, int, int]]) -> None:
        """Pending suggestions ``(start, end, code id)`` in UTF-16 units, painted with a dashed underline."""
        self._suggestions = sorted(spans)
        self._suggestion_starts = [s[0] for s in self._suggestions]
        self._longest_suggestion = max((e - s for s, e, _c in self._suggestions), default=0)

    def suggestions(self) -> list[tuple[int, int, int]]:
        """The suggestions being shown."""
        return list(self._suggestions)

    def set_labels(self, labels: list[tuple[int, int, str, int]]) -> None:
        """Turn labels: ``(start, end, "speaker" | "time", speaker number)`` in UTF-16 units."""
        self._labels = sorted(labels)
        self._label_starts = [lab[0] for lab in self._labels]

    def format_for(self, codes: tuple[int, ...]) -> QTextCharFormat:
        """The (cached) character format of a piece covered by ``codes``."""
        fmt = self._formats.get(codes)
        if fmt is None:
            fmt = QTextCharFormat()
            colors = [self._colors.get(c, "#999999") for c in codes]
            # overlap invents no third colour: the outermost coding's tint, the innermost's underline
            # (the stripes beside the text stand side by side, one per coding)
            fmt.setBackground(QColor(blend(colors[:1], HIGHLIGHT_ALPHA)))
            if len(codes) > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colors[-1]))
            self._formats[codes] = fmt
        return fmt

    # -- painting ---------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        lo = block.position()
        hi = lo + block.length() - 1
        if hi <= lo:
            return
        for p in pieces_between(self._pieces, self._starts, lo, hi):
            a, b = max(p.start, lo), min(p.end, hi)
            self.setFormat(a - lo, b - a, self.format_for(p.codes))
        if self._suggestions:
            self._paint_suggestions(lo, hi)
        if not self._labels:
            return
        i = bisect_left(self._label_starts, lo)
        while i < len(self._labels) and self._labels[i][0] < hi:
            start, end, kind, speaker = self._labels[i]
            for pos in range(start - lo, min(end, hi) - lo):
                fmt = QTextCharFormat(self.format(pos))
                if kind == "speaker":
                    fmt.setFontWeight(QFont.Weight.Bold)
                    fmt.setForeground(QColor(SPEAKER_COLORS[speaker % len(SPEAKER_COLORS)]))
                else:
                    fmt.setForeground(QColor(TIMESTAMP_COLOR))
                self.setFormat(pos, 1, fmt)
            i += 1

    def _paint_suggestions(self, lo: int, hi: int) -> None:
        """A dashed underline in the code's colour over a pale dotted tint, keeping coding colours."""
        first = bisect_left(self._suggestion_starts, lo - self._longest_suggestion)
        for start, end, code in self._suggestions[first:]:
            if start >= hi:
                break
            if end <= lo:
                continue
            color = QColor(self._colors.get(code, "#999999"))
            a, b = max(start, lo) - lo, min(end, hi) - lo
            run = a
            while run < b:
                base = self.format(run)
                stop = run + 1
                while stop < b and self.format(stop) == base:
                    stop += 1
                fmt = QTextCharFormat(base)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(color.darker(130))
                if base.background().style() == Qt.BrushStyle.NoBrush:
                    tint = QColor(color)
                    tint.setAlpha(90)
                    fmt.setBackground(QBrush(tint, Qt.BrushStyle.Dense5Pattern))
                self.setFormat(run, stop - run, fmt)
                run = stop
