"""A readable plain-text summary of a survey result (the CLI prints it)."""

from __future__ import annotations

from qda.i18n import language, tr
from qda.survey.continuum import category_name
from qda.survey.numfmt import SCORE_PCT_DECIMALS, fmt, fmt_p, fmt_pct
from qda.survey.regression import decision_summary, equation
from qda.survey.result import ReliabilityResult, SurveyResult


def _alpha_line(rel: ReliabilityResult | None, lang: str) -> str:
    if rel is None:
        return tr("  alpha (butir valid): — (kurang dari 2 butir)")
    verdict = "" if rel.reliable is None else (tr(" reliabel") if rel.reliable else tr(" tidak reliabel"))
    return tr("  alpha Cronbach {label}: {a}{v} ({k} butir, {n} kasus)", label=rel.label,
              a=fmt(rel.alpha, 3, lang), v=verdict, k=rel.n_items, n=rel.cases.valid)


def summary_text(result: SurveyResult, lang: str | None = None) -> str:
    """The result as a few dozen lines: validity, reliability, scores, regression, decision."""
    lang = lang or language()
    out = [tr("Analisis survei: {src} ({n} responden)", src=result.source, n=result.n_rows)]
    rt = result.return_table
    out.append(tr("Kuesioner: disebar {d}, kembali {r}, dapat diolah {u}", d=rt.distributed, r=rt.returned, u=rt.usable))
    for v in result.variables.values():
        val = v.validity
        out.append("")
        out.append(tr("Variabel {key} — {name}", key=v.key, name=v.name))
        out.append(tr("  Uji validitas (n = {n}, r tabel = {rt}, α = {a}, dua sisi):", n=val.n,
                      rt=fmt(val.r_table, 3, lang), a=fmt(val.alpha, 2, lang)))
        for iv in val.items:
            word = tr("valid") if iv.valid else tr("tidak valid")
            mark = tr(" (pilihan pengguna)") if iv.overridden else ""
            out.append(f"    {iv.item:<8} r = {fmt(iv.r, 3, lang):>7}  {word}{mark}")
        out.append(_alpha_line(v.reliability_all_items, lang))
        out.append(_alpha_line(v.reliability_valid_items, lang))
        sh = v.reliability_all_items.split_half
        if sh:
            out.append(tr("  Belah dua ganjil-genap: r = {r}, Spearman–Brown = {sb}",
                          r=fmt(sh.r_halves, 3, lang), sb=fmt(sh.spearman_brown, 3, lang)))
        sc = v.score
        out.append(tr("  Skor: {s} dari {mx} (minimum {mn}) = {p} → {cat}", s=fmt(sc.sum, 0, lang),
                      mx=fmt(sc.max, 0, lang), mn=fmt(sc.min, 0, lang), p=fmt_pct(sc.pct, SCORE_PCT_DECIMALS, lang),
                      cat=category_name(sc.category, lang) if sc.category else "—"))
        out.append(tr("  Skema kategori: {s}", s=sc.scheme_name.get(lang)))
    out.append("")
    out.append(_alpha_line(result.reliability_all_valid, lang))
    reg = result.regression
    if reg is not None:
        reg_row = reg.row("Regression")
        const, slope = reg.coefficients
        out.append("")
        out.append(tr("Regresi linear sederhana (n = {n})", n=reg.n))
        out.append(f"  R = {fmt(reg.R, 3, lang)}  R² = {fmt(reg.R2, 3, lang)}  "
                   f"adj. R² = {fmt(reg.adj_R2, 3, lang)}  SE = {fmt(reg.se_est, 3, lang)}")
        out.append(f"  F = {fmt(reg_row.F, 3, lang)}  Sig. = {fmt_p(reg_row.p, lang)}")
        out.append(f"  a = {fmt(const.B, 3, lang)} (SE {fmt(const.se, 3, lang)}, t {fmt(const.t, 3, lang)})  "
                   f"b = {fmt(slope.B, 3, lang)} (SE {fmt(slope.se, 3, lang)}, Beta {fmt(slope.beta, 3, lang)}, "
                   f"t {fmt(slope.t, 3, lang)})")
        eq = equation(reg)
        if eq:
            out.append("  " + eq.get(lang))
        out.append("  " + reg.interpretation.get(lang))
        ct = reg.correlation_test
        out.append(tr("  Uji t korelasi: t = r√(n−2)/√(1−r²) = {t} (t tabel {tt})", t=fmt(ct.t, 3, lang),
                      tt=fmt(ct.t_tabel, 3, lang)))
        out.append("  " + decision_summary(reg, lang))
    notes = [n for n in result.notes]
    for v in result.variables.values():
        notes += v.notes
    if reg is not None:
        notes += reg.notes
    if notes:
        out.append("")
        out.append(tr("Catatan:"))
        out += [f"  - {n}" for n in dict.fromkeys(notes)]
    return "\n".join(out)
