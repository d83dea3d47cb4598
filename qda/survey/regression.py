"""Simple linear regression as SPSS prints it, with the decision an Indonesian thesis states."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from qda.i18n import translator
from qda.survey import wording as W
from qda.survey.numfmt import fmt
from qda.survey.result import Note, AnovaRow, Coefficient, CorrelationTest, Decision, RegressionResult, Wording
from qda.survey.stats import finite, pearson, t_critical

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def correlation_test(r: float | None, n: int, alpha: float) -> CorrelationTest:
    """t = r sqrt(n-2) / sqrt(1-r^2) against t table (two-tailed, df n-2)."""
    if r is None or n < 3:
        return CorrelationTest(r=r, n=n, t=None, t_tabel=t_critical(alpha, n - 2), p=None, significant=None)
    from scipy import stats

    t_tab = t_critical(alpha, n - 2)
    if abs(r) >= 1.0:
        return CorrelationTest(r=r, n=n, t=None, t_tabel=t_tab, p=0.0, significant=True)
    t = r * math.sqrt(n - 2) / math.sqrt(1.0 - r * r)
    p = float(2.0 * stats.t.sf(abs(t), n - 2))
    return CorrelationTest(r=r, n=n, t=t, t_tabel=t_tab, p=p, significant=p < alpha)


def _empty(x_name: str, y_name: str, n: int, alpha: float, x: "np.ndarray", y: "np.ndarray",
           note: str) -> RegressionResult:
    none_rows = [AnovaRow(s, None, d, None, None, None) for s, d in
                 (("Regression", 1), ("Residual", max(n - 2, 0)), ("Total", max(n - 1, 0)))]
    decision = _decision(alpha, n, None, None, None, x_name, y_name)
    r = pearson(x, y) if n >= 2 else None
    return RegressionResult(
        x_name=x_name, y_name=y_name, n=n, R=None if r is None else abs(r), r=r, R2=None, adj_R2=None,
        se_est=None, anova=none_rows,
        coefficients=[Coefficient("(Constant)", None, None, None, None, None),
                      Coefficient(x_name, None, None, None, None, None)],
        strength=None, strength_text=None, kd_pct=None, determination_text=None,
        interpretation=W.interpretation(None, None, None, x_name, y_name), decision=decision,
        correlation_test=correlation_test(r, n, alpha), x_values=x.tolist(), y_values=y.tolist(),
        residuals=[], notes=[note])


def _decision(alpha: float, n: int, sig: float | None, t: float | None, F: float | None,
              x_name: str, y_name: str) -> Decision:
    from scipy import stats

    df_res = n - 2
    t_tab = t_critical(alpha, df_res)
    f_tab = float(stats.f.ppf(1.0 - alpha, 1, df_res)) if df_res >= 1 else None
    significant = None if sig is None else sig < alpha
    return Decision(
        alpha=alpha, sig=sig, t_hitung=t, t_tabel=t_tab, F_hitung=F, F_tabel=f_tab, df_t=df_res,
        df_F=(1, df_res), significant=significant, reject_h0=significant,
        hypotheses=W.hypotheses(x_name, y_name),
        sig_text=W.compare("Sig.|α", sig, alpha, 3, 2),
        t_text=W.compare("t hitung|t tabel", None if t is None else abs(t), t_tab, 3, 3, str(df_res)),
        F_text=W.compare("F hitung|F tabel", F, f_tab, 3, 3, f"1; {df_res}"),
        conclusion=W.conclusion(significant, x_name, y_name))


def simple_regression(x: "np.ndarray", y: "np.ndarray", *, alpha: float = 0.05,
                      x_name: str = "X", y_name: str = "Y") -> RegressionResult:
    """OLS of ``y`` on ``x`` (complete cases) with Model Summary, ANOVA and Coefficients."""
    import numpy as np

    n = int(x.size)
    if n < 3:
        return _empty(x_name, y_name, n, alpha, x, y,
                      Note.tr("Regresi memerlukan minimal 3 kasus lengkap; tersedia {n}.", n=n))
    if np.ptp(x) == 0:
        return _empty(x_name, y_name, n, alpha, x, y, Note.tr("Total {name} sama untuk semua responden: regresi tidak dapat dihitung.", name=x_name))
    import statsmodels.api as sm

    fit = sm.OLS(y, sm.add_constant(x, has_constant="add")).fit()
    df_res = int(round(fit.df_resid))
    ss_reg, ss_res, ss_tot = float(fit.ess), float(fit.ssr), float(fit.centered_tss)
    ms_reg, ms_res = ss_reg / 1.0, ss_res / df_res
    r = pearson(x, y)
    exact = ss_res <= 1e-12 * max(ss_tot, 1e-300)
    F = None if exact or ss_tot == 0 else finite(fit.fvalue)
    F_p = 0.0 if exact and ss_tot > 0 else (None if ss_tot == 0 else finite(fit.f_pvalue))
    a, b = (float(v) for v in fit.params)
    se_a, se_b = (finite(v) for v in fit.bse)
    t_a, t_b = (None if exact else finite(v) for v in fit.tvalues)
    p_a, p_b = (None if exact else finite(v) for v in fit.pvalues)
    if exact and ss_tot > 0:
        p_b = 0.0
    sd_x, sd_y = float(x.std(ddof=1)), float(y.std(ddof=1))
    beta = finite(b * sd_x / sd_y) if sd_y > 0 else None
    R2 = finite(fit.rsquared) if ss_tot > 0 else None
    notes: list[str] = []
    if ss_tot == 0:
        notes.append(Note.tr("Total {name} sama untuk semua responden: R, F dan t tidak terdefinisi.", name=y_name))
    if exact and ss_tot > 0:
        notes.append(Note.tr("Titik data tepat berada pada satu garis (residu nol): F dan t tak hingga."))
    key, words = W.strength(r)
    det = W.determination(R2, x_name, y_name)
    return RegressionResult(
        x_name=x_name, y_name=y_name, n=n, R=None if r is None else abs(r), r=r, R2=R2,
        adj_R2=finite(fit.rsquared_adj) if ss_tot > 0 else None, se_est=finite(math.sqrt(ms_res)),
        anova=[AnovaRow("Regression", ss_reg, 1, ms_reg, F, F_p),
               AnovaRow("Residual", ss_res, df_res, ms_res, None, None),
               AnovaRow("Total", ss_tot, n - 1, None, None, None)],
        coefficients=[Coefficient("(Constant)", a, se_a, None, t_a, p_a),
                      Coefficient(x_name, b, se_b, beta, t_b, p_b)],
        strength=key, strength_text=words, kd_pct=None if R2 is None else R2 * 100.0,
        determination_text=det, interpretation=W.interpretation(r, key, det, x_name, y_name),
        decision=_decision(alpha, n, p_b, t_b, F, x_name, y_name),
        correlation_test=correlation_test(r, n, alpha),
        x_values=x.tolist(), y_values=y.tolist(), residuals=[float(v) for v in fit.resid], notes=notes)


def decision_summary(reg: RegressionResult, language: str = "id") -> str:
    """The decision in one paragraph: Sig., t, F and the conclusion."""
    d = reg.decision
    parts = [d.sig_text.get(language), d.t_text.get(language), d.F_text.get(language)]
    return translator(language).tr("Karena {reasons}, {conclusion}", reasons="; ".join(parts),
                                   conclusion=d.conclusion.get(language))


def equation(reg: RegressionResult, language: str = "id") -> Wording | None:
    """``Y = 17,209 + 0,389X`` in both languages."""
    a, b = reg.coefficients[0].B, reg.coefficients[1].B
    if a is None or b is None:
        return None
    sign = "+" if b >= 0 else "−"
    return Wording(*(f"Y = {fmt(a, 3, code)} {sign} {fmt(abs(b), 3, code)}X" for code in ("id", "en")))
