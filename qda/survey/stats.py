"""Vectorised item statistics: item–total r, critical r, Cronbach's alpha, split half.

Inputs are complete-case matrices (n respondents x k items, no NaN): listwise deletion is
done by the caller with :func:`complete_rows`. Undefined values (zero variance, too few
cases) come back as ``None``, never NaN.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from qda.survey.result import CaseSummary, ItemTotalRow, SplitHalf

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def finite(x: float | None) -> float | None:
    """``x`` as a float, or None when it is None, NaN or infinite."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def complete_rows(scores: "np.ndarray") -> "np.ndarray":
    """Boolean mask of rows with no missing answer (listwise deletion)."""
    import numpy as np

    return ~np.isnan(scores).any(axis=1) if scores.ndim == 2 else ~np.isnan(scores)


def case_summary(mask: "np.ndarray") -> CaseSummary:
    """SPSS Case Processing Summary from a complete-row mask."""
    total = int(mask.size)
    valid = int(mask.sum())
    pct = (lambda v: 100.0 * v / total) if total else (lambda v: None)
    return CaseSummary(valid=valid, excluded=total - valid, total=total, valid_pct=pct(valid),
                       excluded_pct=pct(total - valid), total_pct=100.0 if total else None)


def pearson(a: "np.ndarray", b: "np.ndarray") -> float | None:
    """Pearson r of two vectors; None if either is constant or n < 2."""
    if a.size < 2:
        return None
    ac, bc = a - a.mean(), b - b.mean()
    den = math.sqrt(float(ac @ ac) * float(bc @ bc))
    return finite(float(ac @ bc) / den) if den > 0 else None


def columns_r(m: "np.ndarray", v: "np.ndarray") -> list[float | None]:
    """Pearson r of every column of ``m`` with vector ``v`` (None where undefined)."""
    import numpy as np

    if m.shape[0] < 2:
        return [None] * m.shape[1]
    mc = m - m.mean(axis=0)
    vc = v - v.mean()
    den = np.sqrt((mc * mc).sum(axis=0) * float(vc @ vc))
    num = mc.T @ vc
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    return [finite(x) for x in np.clip(r, -1.0, 1.0)]


def r_p_value(r: float | None, n: int) -> float | None:
    """Two-tailed p of a Pearson r with n cases (t with n-2 df)."""
    if r is None or n < 3:
        return None
    from scipy import stats

    if abs(r) >= 1.0:
        return 0.0
    t = r * math.sqrt((n - 2) / (1.0 - r * r))
    return float(2.0 * stats.t.sf(abs(t), n - 2))


def t_critical(alpha: float, df: int) -> float | None:
    """Two-tailed critical t for ``alpha`` and ``df`` (None when df < 1)."""
    if df < 1:
        return None
    from scipy import stats

    return float(stats.t.ppf(1.0 - alpha / 2.0, df))


def r_critical(n: int, alpha: float = 0.05) -> float | None:
    """r table: t_crit / sqrt(df + t_crit^2) with df = n - 2, two-tailed."""
    t = t_critical(alpha, n - 2)
    return None if t is None else t / math.sqrt((n - 2) + t * t)


def cronbach_alpha(m: "np.ndarray") -> float | None:
    """Cronbach's alpha of complete-case matrix ``m`` (None with < 2 items, < 2 cases or zero total variance)."""
    n, k = m.shape
    if k < 2 or n < 2:
        return None
    item_var = m.var(axis=0, ddof=1).sum()
    total = m.sum(axis=1)
    total_var = total.var(ddof=1)
    if total_var <= 1e-12 * max(float(abs(total).max()) ** 2, 1.0):
        return None
    return finite(k / (k - 1) * (1.0 - item_var / total_var))


def _clean_var(var: "np.ndarray", values: "np.ndarray") -> "np.ndarray":
    """Variances with rounding noise (relative to the data's magnitude) set to exactly 0."""
    import numpy as np

    scale = float(np.abs(values).max()) if values.size else 0.0
    return np.where(var <= 1e-12 * max(scale * scale, 1.0), 0.0, var)


def item_total_rows(m: "np.ndarray", names: list[str]) -> list[ItemTotalRow]:
    """SPSS Item-Total Statistics: scale mean/variance if deleted, corrected r, alpha if deleted."""
    import numpy as np

    n, k = m.shape
    if n < 2 or k < 2:
        return [ItemTotalRow(name, None, None, None, None) for name in names]
    total = m.sum(axis=1)
    mc = m - m.mean(axis=0)
    rest = total[:, None] - m  # the total without item j, column j
    rc = rest - rest.mean(axis=0)
    var_j = _clean_var((mc * mc).sum(axis=0) / (n - 1), m)
    rest_var = _clean_var((rc * rc).sum(axis=0) / (n - 1), rest)
    cov_j_rest = (mc * rc).sum(axis=0) / (n - 1)
    sum_var = var_j.sum()
    rows = []
    for j, name in enumerate(names):
        den = math.sqrt(var_j[j] * rest_var[j]) if var_j[j] > 0 and rest_var[j] > 0 else 0.0
        r = finite(np.clip(cov_j_rest[j] / den, -1, 1)) if den > 0 else None
        if k - 1 >= 2 and rest_var[j] > 0:
            a = (k - 1) / (k - 2) * (1.0 - (sum_var - var_j[j]) / rest_var[j])
        else:
            a = None
        rows.append(ItemTotalRow(item=name, scale_mean_if_deleted=finite(total.mean() - m[:, j].mean()),
                                 scale_variance_if_deleted=finite(rest_var[j]),
                                 corrected_item_total_r=r, alpha_if_deleted=finite(a)))
    return rows


def split_half(m: "np.ndarray", names: list[str]) -> SplitHalf | None:
    """Odd items (1st, 3rd, ...) against even items: r of the half totals and 2r / (1 + r)."""
    if m.shape[1] < 2:
        return None
    odd, even = m[:, 0::2].sum(axis=1), m[:, 1::2].sum(axis=1)
    r = pearson(odd, even)
    sb = finite(2.0 * r / (1.0 + r)) if r is not None and r > -1.0 else None
    return SplitHalf(odd_items=names[0::2], even_items=names[1::2], r_halves=r, spearman_brown=sb)
