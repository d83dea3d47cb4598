"""The JSON of ``qda survey --json`` (DESIGN.md §5), exactly, plus richer output under "details"."""

from __future__ import annotations

from qda.i18n import language
from qda.survey.result import SurveyResult, VariableResult


def _variable(v: VariableResult) -> dict:
    rel_all, rel_valid = v.reliability_all_items, v.reliability_valid_items
    sh = rel_all.split_half
    sc = v.score
    validity = {iv.item: iv for iv in v.validity.items}
    return {
        "items": {
            s.item: {"counts": {row.value: row.count for row in s.rows},
                     "r_item_total": validity[s.item].r, "valid": validity[s.item].valid}
            for s in v.item_summaries
        },
        "n_complete": v.validity.n,
        "r_table": v.validity.r_table,
        "valid_items": list(v.used_items),
        "alpha_all_items": rel_all.alpha,
        "alpha_valid_items": rel_valid.alpha if rel_valid else None,
        "split_half_r_odd_even": sh.r_halves if sh else None,
        "spearman_brown": sh.spearman_brown if sh else None,
        "score": {"sum": sc.sum, "max": sc.max, "min": sc.min, "pct": sc.pct, "category": sc.category},
    }


def _regression(result: SurveyResult, lang: str) -> dict | None:
    reg = result.regression
    if reg is None:
        return None
    reg_row, res_row, tot_row = reg.row("Regression"), reg.row("Residual"), reg.row("Total")
    const, slope = reg.coefficients
    from qda.survey.regression import decision_summary

    return {
        "n": reg.n, "R": reg.R, "r": reg.r, "R2": reg.R2, "adj_R2": reg.adj_R2, "se_est": reg.se_est,
        "ss_reg": reg_row.ss, "ss_res": res_row.ss, "ss_tot": tot_row.ss,
        "df_reg": reg_row.df, "df_res": res_row.df, "ms_reg": reg_row.ms, "ms_res": res_row.ms,
        "F": reg_row.F, "F_p": reg_row.p,
        "const_B": const.B, "const_se": const.se, "const_t": const.t, "const_p": const.p,
        "slope_B": slope.B, "slope_se": slope.se, "slope_t": slope.t, "slope_p": slope.p,
        "beta": slope.beta, "interpretation": reg.interpretation.get(lang),
        "decision": decision_summary(reg, lang),
    }


def all_notes(result: SurveyResult) -> list[str]:
    """Every note of the result (explanations of undefined values and choices), without repeats."""
    notes = list(result.notes)
    for v in result.variables.values():
        notes += v.notes
        for rel in (v.reliability_all_items, v.reliability_valid_items):
            notes += rel.notes if rel else []
        notes += v.score.notes
    notes += result.reliability_all_valid.notes
    if result.regression:
        notes += result.regression.notes
    for t in result.normality:
        notes += t.notes
    if result.linearity:
        notes += result.linearity.notes
    return list(dict.fromkeys(notes))


def to_contract(result: SurveyResult, lang: str | None = None, *, details: bool = True) -> dict:
    """The §5 JSON object (unrounded numbers; null + a note in ``details.notes`` where undefined)."""
    lang = lang or language()
    out = {
        "n_rows": result.n_rows,
        "variables": {key: _variable(v) for key, v in result.variables.items()},
        "reliability_all_valid": {"items": list(result.reliability_all_valid.items),
                                  "alpha": result.reliability_all_valid.alpha,
                                  "n_cases": result.reliability_all_valid.cases.valid},
        "regression": _regression(result, lang),
    }
    if details:
        full = result.to_dict()
        for key in ("x_values", "y_values", "residuals"):
            if full.get("regression"):
                full["regression"].pop(key, None)
        full["notes"] = all_notes(result)
        out["details"] = full
    return out
