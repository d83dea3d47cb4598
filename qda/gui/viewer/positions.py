"""Convert text positions between Unicode code points (the core) and UTF-16 units (Qt).

The core stores segment spans as code-point offsets (Python slices); ``QTextDocument``
counts UTF-16 code units, in which every astral character (emoji, mathematical letters)
takes two. A :class:`PositionMap` is built once per shown document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class PositionMap:
    """Offsets of one text in code points and in UTF-16 units, both ways."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Code-point offsets of every astral character, in order (usually none).
        if len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral: list[int] = []
        else:
            import numpy as np

            cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            self._astral = np.flatnonzero(cps > 0xFFFF).tolist()
        # UTF-16 offsets of the second (low-surrogate) unit of each astral character.
        self._astral_u16 = [cp + i + 1 for i, cp in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    @property
    def identity(self) -> bool:
        """True when the text has no astral characters (both counts agree)."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset ``cp``."""
        if not self._astral:
            return cp
        # astral characters strictly before cp each add one unit
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 offset ``u16`` (a position inside a pair maps to its start)."""
        if not self._astral:
            return u16
        # every astral pair whose low unit lies at or before u16 counts one unit too many;
        # a position on a low unit thereby falls back to the start of its pair
        return u16 - bisect_right(self._astral_u16, u16)
