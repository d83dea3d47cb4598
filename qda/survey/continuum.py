"""Placing a score total on the continuum: Sugiyono's points, equal intervals, percentage bands."""

from __future__ import annotations

from qda.survey.result import Band, Wording

CATEGORIES = ["Sangat Tidak Baik", "Tidak Baik", "Cukup Baik", "Baik", "Sangat Baik"]
SCHEMES = ("sugiyono", "equal", "percent")
PERCENT_BANDS = [(0.0, 20.0), (20.0, 40.0), (40.0, 60.0), (60.0, 80.0), (80.0, 100.0)]

SCHEME_NAMES = {
    "sugiyono": Wording.tr(
        "kontinum Sugiyono (titik 1x, 2x, 3x, 4x, 5x skor minimum; total masuk kategori titik di bawahnya)"),
    "equal": Wording.tr("lima interval sama panjang antara skor minimum dan maksimum"),
    "percent": Wording.tr("pita persentase (0–20%, 20–40%, 40–60%, 60–80%, 80–100% dari skor maksimum)"),
}


def category_name(label: str, language: str = "id") -> str:
    """A continuum category ("Cukup Baik") in ``language`` ("Fair"): gettext, context "kontinum"."""
    from qda.i18n import translator

    return translator(language).trc("kontinum", label)


def bands(scheme: str, lo: float, hi: float) -> list[Band]:
    """The five categories of ``scheme`` for totals between ``lo`` (= 1 x items x n) and ``hi``."""
    if scheme == "sugiyono":
        step = lo  # points lo, 2lo, 3lo, 4lo, 5lo (= hi on a 1–5 scale)
        edges = [lo * i for i in range(1, 6)] + [hi]
        return [Band(CATEGORIES[i], edges[i], edges[i + 1] if i < 4 else hi) for i in range(5)] if step else []
    if scheme == "equal":
        w = (hi - lo) / 5.0
        return [Band(CATEGORIES[i], lo + i * w, lo + (i + 1) * w) for i in range(5)]
    if scheme == "percent":
        return [Band(CATEGORIES[i], hi * a / 100.0, hi * b / 100.0) for i, (a, b) in enumerate(PERCENT_BANDS)]
    raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")


def categorise(total: float, scheme: str, lo: float, hi: float) -> tuple[str | None, str | None, list[Band]]:
    """(Indonesian category, English category, bands) of ``total``; a band includes its lower bound.

    Under Sugiyono's scheme a total takes the category of the point at or below it, so
    1079 of 300–1500 (points 300, 600, 900, 1200, 1500) is "Cukup Baik".
    """
    bs = bands(scheme, lo, hi)
    if not bs or hi <= 0:
        return None, None, bs
    index = None
    for i, b in enumerate(bs):
        if total >= b.lower - 1e-9:
            index = i
    if index is None:
        return None, None, bs
    return CATEGORIES[index], category_name(CATEGORIES[index], "en"), bs
