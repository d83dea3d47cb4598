"""Number formatting by report language.

Indonesian reports use the decimal comma and the thousands dot (``71,93%``, ``1.079``);
English reports use the decimal point and the thousands comma (``71.93%``, ``1,079``).
"""

from __future__ import annotations

import math

_SWAP = str.maketrans({",": ".", ".": ","})


def fmt_num(value: float | int | None, decimals: int = 3, language: str = "id", *, grouping: bool = True) -> str:
    """``value`` with ``decimals`` places in the convention of ``language`` (``"id"`` or ``"en"``)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    return text.translate(_SWAP) if language == "id" else text


def fmt_int(value: int | float | None, language: str = "id") -> str:
    """A whole number with thousands separators (``1.079`` / ``1,079``)."""
    if value is None:
        return "–"
    return fmt_num(round(value), 0, language)


def fmt_pct(value: float | None, decimals: int = 1, language: str = "id") -> str:
    """A percentage already scaled to 0–100 (``71,93%``)."""
    if value is None:
        return "–"
    return fmt_num(value, decimals, language) + "%"


def fmt_p(value: float | None, language: str = "id") -> str:
    """A p value printed as SPSS prints Sig. (``0,000`` when below 0.0005)."""
    return fmt_num(value, 3, language)
