"""On random data sets every statistic agrees with scipy / statsmodels / pingouin to 1e-9."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pingouin as pg
import statsmodels.api as sm
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.diagnostic import lilliefors

from qda.survey.analysis import analyse_columns
from tests.survey.helpers import dataset, same


@st.composite
def surveys(draw):
    n = draw(st.integers(5, 40))
    kx, ky = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(n, 1))
    m = np.clip(np.round(3 + latent * draw(st.floats(0, 1.5)) + rng.normal(size=(n, kx + ky))), 1, 5)
    miss = rng.random(m.shape) < draw(st.sampled_from([0.0, 0.03, 0.1]))
    m[miss] = np.nan
    return m, [f"X{i + 1}" for i in range(kx)], [f"Y{i + 1}" for i in range(ky)]


def _pearson(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return stats.pearsonr(a, b)[0] if len(a) >= 2 else float("nan")


def _alpha(frame: pd.DataFrame) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if frame.shape[1] < 2 or frame.shape[0] < 2 or frame.sum(axis=1).var() < 1e-12:
            return float("nan")  # alpha is undefined without variance of the total
        return pg.cronbach_alpha(frame, nan_policy="listwise")[0]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surveys())
def test_statistics_agree_with_reference_libraries(case):
    m, xs, ys = case
    frame = pd.DataFrame(m, columns=xs + ys)
    result = analyse_columns(dataset(m, xs + ys), xs, ys)
    used: dict[str, list[str]] = {}
    for key, cols in (("X", xs), ("Y", ys)):
        var = result.variables[key]
        block = frame[cols].dropna()
        n = len(block)
        assert var.validity.n == n
        total = block.sum(axis=1)
        t = stats.t.ppf(1 - 0.025, n - 2) if n > 2 else float("nan")
        r_crit = t / np.sqrt(n - 2 + t * t) if n > 2 else float("nan")
        assert same(var.validity.r_table, r_crit)
        expected_valid = []
        for iv, col in zip(var.validity.items, cols):
            r = _pearson(block[col], total)
            assert same(iv.r, r), (col, iv.r, r)
            if np.isfinite(r) and np.isfinite(r_crit) and r > r_crit:
                expected_valid.append(col)
        assert var.used_items == expected_valid
        used[key] = expected_valid
        assert same(var.reliability_all_items.alpha, _alpha(block))
        for row, col in zip(var.reliability_all_items.item_total, cols):
            rest = block.drop(columns=[col])
            if len(cols) >= 3:
                assert same(row.alpha_if_deleted, _alpha(rest))
            if len(cols) >= 2:
                assert same(row.corrected_item_total_r, _pearson(block[col], rest.sum(axis=1)))
        sh = var.reliability_all_items.split_half
        if len(cols) >= 2:
            r = _pearson(block[cols[0::2]].sum(axis=1), block[cols[1::2]].sum(axis=1))
            assert same(sh.r_halves, r)
            if np.isfinite(r) and r > -1 + 1e-9:
                assert same(sh.spearman_brown, 2 * r / (1 + r))
        if expected_valid:
            vblock = frame[expected_valid].dropna()
            assert var.score.sum == vblock.to_numpy().sum()
            assert var.score.max == 5 * len(expected_valid) * len(vblock)
    allv = used["X"] + used["Y"]
    assert result.reliability_all_valid.items == allv
    assert same(result.reliability_all_valid.alpha, _alpha(frame[allv].dropna()))
    reg = result.regression
    if not (used["X"] and used["Y"]):
        assert reg is None
        return
    both = frame[allv].dropna()
    x, y = both[used["X"]].sum(axis=1).to_numpy(), both[used["Y"]].sum(axis=1).to_numpy()
    assert reg.n == len(x)
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    event("regression compared")
    assert same(reg.r, _pearson(x, y)) and same(reg.R, abs(_pearson(x, y)))
    assert same(reg.R2, fit.rsquared) and same(reg.adj_R2, fit.rsquared_adj)
    assert same(reg.row("Regression").ss, fit.ess) and same(reg.row("Residual").ss, fit.ssr)
    if fit.ssr > 1e-9:
        assert same(reg.row("Regression").F, fit.fvalue) and same(reg.row("Regression").p, fit.f_pvalue)
        assert same(reg.coefficients[1].t, fit.tvalues[1]) and same(reg.coefficients[1].p, fit.pvalues[1])
        assert same(reg.coefficients[0].t, fit.tvalues[0])
        assert same(reg.se_est, np.sqrt(fit.mse_resid))
    assert same(reg.coefficients[0].B, fit.params[0]) and same(reg.coefficients[1].B, fit.params[1])
    assert same(reg.coefficients[1].beta, fit.params[1] * x.std(ddof=1) / y.std(ddof=1))
    resid = next((t for t in result.normality if t.target == "residual"), None)
    if resid is not None and resid.sw_statistic is not None:
        event("normality compared")
        sw = stats.shapiro(fit.resid)
        ks = lilliefors(fit.resid, dist="norm", pvalmethod="table")
        assert same(resid.sw_statistic, sw.statistic) and same(resid.sw_p, sw.pvalue)
        assert same(resid.ks_statistic, ks[0]) and same(resid.ks_p, ks[1])
    lin = result.linearity
    if lin is not None and lin.within.df > 0 and lin.deviation.df > 0 and lin.within.ss > 1e-9:
        import statsmodels.formula.api as smf
        from statsmodels.stats.anova import anova_lm

        event("linearity compared")
        d = pd.DataFrame({"x": x, "y": y})
        table = anova_lm(smf.ols("y ~ x", d).fit(), smf.ols("y ~ C(x)", d).fit())
        assert same(lin.deviation.ss, table["ss_diff"][1], 1e-7)
        assert same(lin.deviation.F, table["F"][1], 1e-7), (lin, table)
        assert same(lin.deviation.p, table["Pr(>F)"][1], 1e-7), (lin, table)
        assert same(lin.within.ss, table["ssr"][1], 1e-7)
