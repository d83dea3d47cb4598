"""Numbers as an Indonesian (decimal comma) or English (decimal point) reader expects them."""

from __future__ import annotations

from qda.i18n import language

MISSING = "—"


def fmt(x: float | int | None, decimals: int = 3, lang: str | None = None) -> str:
    """``0.6604`` -> ``"0,660"`` in Indonesian, ``"0.660"`` in English; None -> ``"—"``."""
    if x is None:
        return MISSING
    lang = lang or language()
    if isinstance(x, int) and not isinstance(x, bool):
        text = f"{x:,d}"
        return text.replace(",", ".") if lang == "id" else text
    text = f"{x:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_pct(x: float | None, decimals: int = 2, lang: str | None = None) -> str:
    """A percentage (0–100) with its sign: ``71.933`` -> ``"71,93%"``."""
    return MISSING if x is None else fmt(x, decimals, lang) + "%"


def fmt_p(p: float | None, lang: str | None = None) -> str:
    """A p value as SPSS prints Sig. (three decimals, ``0,000`` when tiny)."""
    return fmt(p, 3, lang)
