"""Colour arithmetic: what a highlight looks like on the page and whether two colours can be told apart.

- :func:`blend` — the colour seen when translucent colours lie one over another on a background.
- :func:`contrast_ratio` — the WCAG 2 contrast ratio (text needs 4.5:1, graphics such as
  coding stripes 3:1).
- :func:`delta_e` — CIE76 colour difference (Euclidean distance in CIELAB, D65 white): about 2
  is just noticeable, 20 or more reads as a different colour at a glance.

No Qt here: the palette test, the viewer and the reports all use the same functions.
"""

from __future__ import annotations

import math

RGB = tuple[float, float, float]


def rgb(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` as 0–255 channels (a malformed colour reads as mid grey)."""
    c = color.lstrip("#")
    if len(c) != 6:
        return (160, 160, 160)
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def blend(colors: list[str], alpha: float, base: str = "#ffffff") -> str:
    """The colour seen when translucent ``colors`` (each at opacity ``alpha``) lie one over another on ``base``."""
    r, g, b = (float(v) for v in rgb(base))
    for c in colors:
        cr, cg, cb = rgb(c)
        r, g, b = r + (cr - r) * alpha, g + (cg - g) * alpha, b + (cb - b) * alpha
    return f"#{round(r):02x}{round(g):02x}{round(b):02x}"


def _linear(channel: float) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (0 black … 1 white)."""
    r, g, b = (_linear(v) for v in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 … 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def lab(color: str) -> RGB:
    """CIELAB (D65) coordinates of an sRGB ``#rrggbb``."""
    r, g, b = (_linear(v) for v in rgb(color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference ΔE*ab of two colours."""
    return math.dist(lab(a), lab(b))
