"""Numbers as an Indonesian (decimal comma) or English (decimal point) reader expects them.

The one number formatter of the program: the survey tab, the CLI summary, the survey
sentences and every Word report print numbers through these functions, so a figure reads
the same on screen and on paper (``71,93%`` / ``71.93%``, ``1.079`` / ``1,079``).

* ``None``, NaN and infinities print as :data:`MISSING` (a value that cannot be computed).
* A value that rounds to zero never prints a minus sign (``-0.0001`` -> ``0,000``).
* Python ``int`` values print as whole numbers (``28``); floats with ``decimals`` places.
* Percentages are already 0–100; :data:`PCT_DECIMALS` places unless a table says otherwise
  (the score on the continuum uses :data:`SCORE_PCT_DECIMALS`, as the Sako study prints it).
"""

from __future__ import annotations

import math

MISSING = "–"
#: Places of an ordinary percentage (frequency, profile and return tables; KD).
PCT_DECIMALS = 1
#: Places of a variable's score as a percentage of the maximum (71,93%).
SCORE_PCT_DECIMALS = 2

_SWAP = str.maketrans({",": ".", ".": ","})


def _language(lang: str | None) -> str:
    if lang:
        return lang
    from qda.i18n import language

    return language()


def fmt(x: float | int | None, decimals: int = 3, lang: str | None = None, *, grouping: bool = True) -> str:
    """``0.6604`` -> ``"0,660"`` in Indonesian, ``"0.660"`` in English; None or NaN -> :data:`MISSING`."""
    if x is None or isinstance(x, bool):
        return MISSING
    if isinstance(x, float) and not math.isfinite(x):
        return MISSING
    if isinstance(x, int):
        text = f"{x:,d}" if grouping else f"{x:d}"
    else:
        x = float(x)
        if not math.isfinite(x):
            return MISSING
        text = f"{x:,.{decimals}f}" if grouping else f"{x:.{decimals}f}"
        if text.startswith("-") and float(text[1:].replace(",", "")) == 0:
            text = text[1:]
    return text.translate(_SWAP) if _language(lang) == "id" else text


def fmt_int(x: float | int | None, lang: str | None = None) -> str:
    """A whole number with thousands separators (``1.079`` / ``1,079``)."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return MISSING
    return fmt(int(round(x)), 0, lang)


def fmt_pct(x: float | None, decimals: int = PCT_DECIMALS, lang: str | None = None) -> str:
    """A percentage (0–100) with its sign: ``71.933`` -> ``"71,9%"`` (``"71,93%"`` with 2 places)."""
    text = fmt(None if x is None else float(x), decimals, lang)
    return text if text == MISSING else text + "%"


def fmt_p(p: float | None, lang: str | None = None) -> str:
    """A p value as SPSS prints Sig. (three decimals, ``0,000`` when tiny)."""
    return fmt(None if p is None else float(p), 3, lang)
