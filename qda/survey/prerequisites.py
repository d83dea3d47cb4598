"""Prerequisite tests of the regression: normality (K–S Lilliefors, Shapiro–Wilk) and linearity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qda.survey.result import Note, AnovaRow, LinearityResult, NormalityTest
from qda.survey.stats import finite

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


#: Up to this many cases the normality verdict follows Shapiro–Wilk, as SPSS users are taught;
#: above it, Kolmogorov–Smirnov (Lilliefors).
SHAPIRO_MAX_N = 50


def normality_rule(n: int) -> str:
    """The test whose Sig. decides normality for ``n`` cases: "shapiro-wilk" or "kolmogorov-smirnov"."""
    return "shapiro-wilk" if n <= SHAPIRO_MAX_N else "kolmogorov-smirnov"


def normality(values: "np.ndarray", target: str, alpha: float = 0.05) -> NormalityTest:
    """Kolmogorov–Smirnov with Lilliefors correction (statsmodels) and Shapiro–Wilk (scipy)."""
    import numpy as np

    n = int(values.size)
    notes: list[str] = []
    ks = ks_p = sw = sw_p = None
    if n < 5:
        notes.append(Note.tr("Uji normalitas {target} memerlukan minimal 5 kasus; tersedia {n}.", target=target, n=n))
    elif np.ptp(values) <= 1e-12 * max(1.0, float(np.abs(values).max())):
        notes.append(Note.tr("Nilai {target} sama untuk semua kasus: normalitas tidak dapat diuji.", target=target))
    else:
        from scipy import stats
        from statsmodels.stats.diagnostic import lilliefors

        ks, ks_p = (finite(v) for v in lilliefors(values, dist="norm", pvalmethod="table"))
        import warnings

        with warnings.catch_warnings():  # the n > 5000 caveat is carried as a note instead
            warnings.simplefilter("ignore", UserWarning)
            res = stats.shapiro(values)
        sw, sw_p = finite(res.statistic), finite(res.pvalue)
        if n > 5000:
            notes.append(Note.tr("Shapiro–Wilk: untuk n > 5000 nilai p hanya perkiraan."))
    rule = normality_rule(n)
    p = sw_p if rule == "shapiro-wilk" else ks_p
    normal = None if p is None else bool(p > alpha)
    return NormalityTest(target=target, n=n, ks_statistic=ks, ks_p=ks_p, sw_statistic=sw, sw_p=sw_p,
                         normal=normal, notes=notes, rule=rule)


def _row(source: str, ss: float, df: int, ms_within: float | None, df_within: int) -> AnovaRow:
    from scipy import stats

    ms = ss / df if df > 0 else None
    F = p = None
    if ms is not None and ms_within is not None and ms_within > 0:
        F = ms / ms_within
        p = float(stats.f.sf(F, df, df_within))
    return AnovaRow(source, finite(ss), df, finite(ms), finite(F), finite(p))


def linearity(x: "np.ndarray", y: "np.ndarray", alpha: float = 0.05) -> LinearityResult:
    """SPSS Means ANOVA table: between groups of X split into linearity and deviation, within groups."""
    import numpy as np

    n = int(x.size)
    groups, inverse = np.unique(x, return_inverse=True)
    k = int(groups.size)
    counts = np.bincount(inverse)
    sums = np.bincount(inverse, weights=y)
    grand = float(y.mean()) if n else 0.0
    ss_tot = float(((y - grand) ** 2).sum())
    ss_between = float((sums * sums / counts).sum() - n * grand * grand) if n else 0.0
    ss_between = min(max(ss_between, 0.0), ss_tot)
    xc, yc = x - (x.mean() if n else 0.0), y - grand
    sxx = float(xc @ xc)
    ss_lin = float((xc @ yc) ** 2 / sxx) if sxx > 0 else 0.0
    ss_dev = ss_between - ss_lin
    if ss_dev < 1e-10 * max(ss_tot, 1.0):  # rounding noise: the group means lie on the line
        ss_dev = 0.0
    ss_within = max(ss_tot - ss_between, 0.0)
    df_within = n - k
    ms_within = ss_within / df_within if df_within > 0 else None
    notes: list[str] = []
    if df_within <= 0:
        notes.append(Note.tr("Setiap nilai X hanya muncul sekali: tidak ada derajat bebas dalam kelompok, "
                        "uji linearitas tidak dapat dihitung."))
    if k < 3:
        notes.append(Note.tr("X hanya memiliki {k} nilai berbeda: simpangan dari linearitas tidak dapat diuji.", k=k))
    if ms_within == 0:
        notes.append(Note.tr("Tidak ada variasi Y di dalam kelompok X: F tidak terdefinisi."))
    dev = _row("Deviation from Linearity", ss_dev, k - 2, ms_within, df_within)
    result = LinearityResult(
        n=n, groups=k,
        between=_row("Between Groups (Combined)", ss_between, k - 1, ms_within, df_within),
        linearity=_row("Linearity", ss_lin, 1, ms_within, df_within),
        deviation=dev,
        within=AnovaRow("Within Groups", finite(ss_within), df_within, finite(ms_within), None, None),
        total=AnovaRow("Total", finite(ss_tot), n - 1, None, None, None),
        linear=None if dev.p is None else bool(dev.p > alpha), notes=notes)
    return result
