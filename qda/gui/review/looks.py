"""How review statuses look everywhere (queue, excerpt list, document marks): glyph, colour, words."""

from __future__ import annotations

from qda.domain import status_label

#: status → (glyph, colour); every colour keeps ≥ 4.5:1 contrast as text on white
STATUS_LOOK = {
    "pending": ("○", "#5f6b7a"),
    "revised": ("↻", "#1565c0"),
    "approved": ("✓", "#2e7d32"),
    "needs_revision": ("✎", "#955800"),
    "rejected": ("✗", "#c62828"),
}


def status_text(status: str) -> str:
    """The status in the interface language, as running text (``perlu revisi``)."""
    return status_label(status, in_text=True)


def status_glyph(status: str) -> str:
    return STATUS_LOOK.get(status, ("", ""))[0]


def status_color(status: str) -> str:
    return STATUS_LOOK.get(status, ("", "#5f6b7a"))[1]
