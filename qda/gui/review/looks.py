"""How review statuses look everywhere (queue, excerpt list, document marks): glyph, colour, words."""

from __future__ import annotations

from qda.i18n import tr
from qda.review.queue import STATUS_WORDS

#: status → (glyph, colour)
STATUS_LOOK = {
    "pending": ("○", "#5f6b7a"),
    "revised": ("↻", "#1565c0"),
    "approved": ("✓", "#2e7d32"),
    "needs_revision": ("✎", "#c77700"),
    "rejected": ("✗", "#c62828"),
}


def status_text(status: str) -> str:
    """The status in the interface language."""
    return tr(STATUS_WORDS.get(status, status))


def status_glyph(status: str) -> str:
    return STATUS_LOOK.get(status, ("", ""))[0]


def status_color(status: str) -> str:
    return STATUS_LOOK.get(status, ("", "#5f6b7a"))[1]
