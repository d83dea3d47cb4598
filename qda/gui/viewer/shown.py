"""What the document view is given to show: segments in stored code points, and the speaker-label and
timestamp spans at the start of each turn (plain data, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

__all__ = ["ShownSegment", "turn_labels"]


@dataclass(frozen=True)
class ShownSegment:
    """A segment as handed to the view (positions in code points, as stored)."""

    id: int
    code_id: int
    start: int
    end: int
    coder_id: int | None = None


def turn_labels(text: str, turns: Iterable[object]) -> list[tuple[int, int, str, int]]:
    """Speaker-label and timestamp spans (code points) at the start of each turn."""
    labels: list[tuple[int, int, str, int]] = []
    speakers: dict[str, int] = {}
    for t in turns:
        speaker = (getattr(t, "speaker", "") or "").strip()
        stamp = (getattr(t, "timestamp", None) or "").strip()
        start, end = int(t.start), int(t.end)
        line = text.rfind("\n", 0, start) + 1
        window_end = min(max(end, start + 1), start + len(speaker) + len(stamp) + 48, len(text))
        window = text[line:window_end]
        cursor = 0
        if stamp:
            i = window.find(stamp)
            if i >= 0:
                j = i + len(stamp)
                if i > 0 and window[i - 1] in "[(" and j < len(window) and window[j] in "])":
                    i, j = i - 1, j + 1
                labels.append((line + i, line + j, "time", 0))
                cursor = j
        if speaker:
            number = speakers.setdefault(speaker, len(speakers))
            i = window.find(speaker, cursor)
            if i >= 0:
                j = i + len(speaker)
                if j < len(window) and window[j] == ":":
                    j += 1
                labels.append((line + i, line + j, "speaker", number))
    return labels
