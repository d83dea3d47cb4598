"""The result of a survey analysis as pages of tables and charts, in the order a thesis reports it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from qda.gui.survey import charts
from qda.gui.survey.tables import Page, heading, paragraph, picture, side_by_side, table
from qda.i18n import language, tr, trc
from qda.survey.numfmt import MISSING, SCORE_PCT_DECIMALS, fmt, fmt_p, fmt_pct
from qda.survey.regression import decision_summary, equation


def _chart(charts_png: dict[str, bytes] | None, key: str, draw: Any) -> Any:
    png = (charts_png or {}).get(key)
    return picture(charts.pixmap(png if png is not None else draw()))


def _b(x: float | None, decimals: int = 3) -> str:
    """Blank where SPSS leaves a cell empty (a statistic that does not apply to the row)."""
    return "" if x is None else fmt(x, decimals)


def _yes(flag: bool | None, yes: str, no: str) -> str:
    return MISSING if flag is None else (yes if flag else no)


def overview_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Questionnaire return and respondent profile tables."""
    page = Page()
    rt = r.return_table
    page.add(heading(tr("Tingkat pengembalian kuesioner")))
    page.add(table([tr("Keterangan"), tr("Jumlah"), "%"], [
        [tr("Kuesioner disebar"), rt.distributed, fmt_pct(100.0 if rt.distributed else None)],
        [tr("Kuesioner kembali"), rt.returned, fmt_pct(rt.returned_pct)],
        [tr("Kuesioner dapat diolah"), rt.usable, fmt_pct(rt.usable_pct)],
    ], "returnTable"))
    for p in r.profiles:
        page.add(heading(tr("Responden menurut {title}", title=p.title.lower())))
        rows = [[row.label, row.count, fmt_pct(row.percent, 1)] for row in p.rows]
        rows.append([tr("Jumlah"), p.n, fmt_pct(100.0 if p.n else None, 1)])
        page.add(table([p.title, tr("Frekuensi"), tr("Persentase")], rows))
    if not r.profiles:
        page.add(paragraph(tr("Data tidak memuat kolom profil responden yang dikenal instrumen.")))
    page.finish()
    return page


def frequency_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """A frequency table, mean, SD and bar chart per item."""
    page = Page()
    for var in r.variables.values():
        page.add(heading(tr("Variabel {key}: {name}", key=var.key, name=var.name), 1))
        for s in var.item_summaries:
            page.add(heading(f"{s.item} — {s.text}", 3))
            rows = [[row.value, row.label, row.count, fmt_pct(row.percent, 1)] for row in s.rows]
            rows.append(["", tr("Jumlah"), s.n_answered, fmt_pct(100.0 if s.n_answered else None, 1)])
            freq = table([tr("Skor"), tr("Jawaban"), tr("Frekuensi"), tr("Persentase")], rows)
            extra = tr("Rata-rata {m}, simpangan baku {sd}, jumlah skor {s}", m=fmt(s.mean, 2), sd=fmt(s.sd, 2),
                       s=fmt(s.score_sum, 0))
            if s.n_missing:
                extra += tr("; {k} tidak menjawab", k=s.n_missing)
            left = QWidget()
            box = QVBoxLayout(left)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(freq, 0, Qt.AlignmentFlag.AlignLeft)
            box.addWidget(paragraph(extra))
            page.add(side_by_side(left, _chart(charts_png, f"item:{s.item}", lambda s=s: charts.item_bars(s))))
    page.finish()
    return page


def validity_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Pearson item–total r against r table, per variable, with a chart."""
    page = Page()
    for var in r.variables.values():
        v = var.validity
        page.add(heading(tr("Uji validitas variabel {key} ({name})", key=var.key, name=var.name)))
        rows = [[iv.item, fmt(iv.r, 3), fmt(v.r_table, 3), fmt_p(iv.p),
                 (tr("Valid") if iv.valid else tr("Tidak valid")) + (tr(" (pilihan pengguna)") if iv.overridden else "")]
                for iv in v.items]
        vt = table([tr("Butir"), tr("r hitung"), tr("r tabel"), "Sig.", tr("Keterangan")], rows,
                   f"validityTable{var.key}")
        page.add(side_by_side(vt, _chart(charts_png, f"validity:{var.key}", lambda v=v: charts.validity_bars(v)))
                 if v.items else vt)
        page.add(paragraph(tr("n = {n}, df = {df}, α = {a} dua sisi; r tabel = t / √(df + t²) = {rt}.",
                              n=v.n, df=v.df, a=fmt(v.alpha, 2), rt=fmt(v.r_table, 3))))
        for note in v.notes:
            page.add(paragraph("• " + note))
    page.finish()
    return page


def _reliability(page: Page, rel: Any) -> None:
    page.add(heading(rel.label, 3))
    c = rel.cases
    page.add(table([trc("spss", "Kasus"), "N", "%"], [
        [tr("Valid"), c.valid, fmt(c.valid_pct, 1)], [tr("Dikeluarkan (listwise)"), c.excluded, fmt(c.excluded_pct, 1)],
        [tr("Total"), c.total, fmt(c.total_pct, 1)]]))
    page.add(table(["Cronbach's Alpha", tr("Jumlah butir"), tr("Keterangan")],
                   [[fmt(rel.alpha, 3), rel.n_items,
                     _yes(rel.reliable, tr("Reliabel (≥ {t})", t=fmt(rel.threshold, 2)),
                          tr("Tidak reliabel (< {t})", t=fmt(rel.threshold, 2)))]]))
    if rel.item_total:
        page.add(table([tr("Butir"), tr("Rata-rata skala jika butir dihapus"), tr("Varians skala jika butir dihapus"),
                        tr("Korelasi butir-total terkoreksi"), tr("Alpha jika butir dihapus")],
                       [[row.item, fmt(row.scale_mean_if_deleted, 3), fmt(row.scale_variance_if_deleted, 3),
                         fmt(row.corrected_item_total_r, 3), fmt(row.alpha_if_deleted, 3)] for row in rel.item_total]))
    sh = rel.split_half
    if sh:
        page.add(paragraph(tr("Belah dua ganjil-genap ({odd} | {even}): r = {r}, Spearman–Brown = {sb}",
                              odd=", ".join(sh.odd_items), even=", ".join(sh.even_items),
                              r=fmt(sh.r_halves, 3), sb=fmt(sh.spearman_brown, 3))))
    for note in rel.notes:
        page.add(paragraph("• " + note))


def reliability_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Cronbach's alpha per variable (all / valid items) and over all valid items."""
    page = Page()
    page.add(heading(tr("Uji reliabilitas")))
    _reliability(page, r.reliability_all_valid)
    for var in r.variables.values():
        _reliability(page, var.reliability_all_items)
        if var.reliability_valid_items is not None:
            _reliability(page, var.reliability_valid_items)
    page.finish()
    return page


def score_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Score totals of the valid items on the continuum, with the bands of the chosen scheme."""
    page = Page()
    lang = language()
    for var in r.variables.values():
        s = var.score
        page.add(heading(tr("Skor variabel {key} ({name}) pada garis kontinum", key=var.key, name=var.name)))
        page.add(table([tr("Skor total"), tr("Skor minimum"), tr("Skor maksimum"), tr("Persentase"), tr("Kategori")],
                       [[fmt(s.sum, 0), fmt(s.min, 0), fmt(s.max, 0), fmt_pct(s.pct, SCORE_PCT_DECIMALS),
                         (s.category if lang == "id" else s.category_en) or "—"]], f"scoreTable{var.key}"))
        page.add(table([tr("Kategori"), tr("Dari"), tr("Sampai")],
                       [[b.label, fmt(b.lower, 0), fmt(b.upper, 0)] for b in s.bands]))
        page.add(paragraph(tr("Skema: {s}. Butir: {items}; {n} responden lengkap.", s=s.scheme_name.get(lang),
                              items=", ".join(s.items) or "—", n=s.n_cases)))
        for note in s.notes:
            page.add(paragraph("• " + note))
    page.finish()
    return page


def prerequisite_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Normality (K–S Lilliefors, Shapiro–Wilk) and the linearity ANOVA table."""
    page = Page()
    page.add(heading(tr("Uji normalitas")))
    rows = [[t.target, fmt(t.ks_statistic, 3), t.n, fmt_p(t.ks_p), fmt(t.sw_statistic, 3), t.n, fmt_p(t.sw_p),
             _yes(t.normal, tr("Normal"), tr("Tidak normal"))] for t in r.normality]
    page.add(table([tr("Data"), "K–S (Lilliefors)", "df", "Sig.", "Shapiro–Wilk", "df", "Sig.", tr("Keterangan")],
                   rows, "normalityTable"))
    page.add(paragraph(tr("Sig. K–S dari tabel Lilliefors (SPSS mencetak 0,200 sebagai batas bawah).")))
    for t in r.normality:
        for note in t.notes:
            page.add(paragraph("• " + note))
    lin = r.linearity
    if lin is not None:
        page.add(heading(tr("Uji linearitas (tabel ANOVA)")))
        rows = [[tr(row.source), fmt(row.ss, 3), row.df, _b(row.ms), _b(row.F), _b(row.p)]
                for row in (lin.between, lin.linearity, lin.deviation, lin.within, lin.total)]
        page.add(table([trc("spss", "Sumber"), tr("Jumlah kuadrat"), "df", tr("Rata-rata kuadrat"), "F", "Sig."], rows,
                       "linearityTable"))
        page.add(paragraph(_yes(lin.linear,
                                tr("Sig. deviation from linearity > α: hubungan X dan Y linear."),
                                tr("Sig. deviation from linearity ≤ α: hubungan X dan Y tidak linear."))))
        for note in lin.notes:
            page.add(paragraph("• " + note))
    page.finish()
    return page


def regression_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Model Summary, ANOVA, Coefficients, interpretation, decision and the scatter plot."""
    page = Page()
    reg = r.regression
    lang = language()
    if reg is None:
        page.add(paragraph(tr("Regresi tidak dihitung: salah satu variabel tidak memiliki butir valid.")))
        page.finish()
        return page
    left = QWidget()
    col = QVBoxLayout(left)
    col.setContentsMargins(0, 0, 0, 0)
    col.addWidget(heading("Model Summary"))
    col.addWidget(table(["Model", "R", "R Square", "Adjusted R Square", "Std. Error of the Estimate"],
                        [["1", fmt(reg.R, 3), fmt(reg.R2, 3), fmt(reg.adj_R2, 3), fmt(reg.se_est, 3)]],
                        "regressionSummaryTable"), 0, Qt.AlignmentFlag.AlignLeft)
    col.addWidget(heading("ANOVA"))
    col.addWidget(table(["Model", "Sum of Squares", "df", "Mean Square", "F", "Sig."],
                        [[row.source, fmt(row.ss, 3), row.df,
                          _b(row.ms) if row.source == "Total" else fmt(row.ms, 3),
                          fmt(row.F, 3) if row.source == "Regression" else "",
                          fmt_p(row.p) if row.source == "Regression" else ""]
                         for row in reg.anova], "regressionAnovaTable"), 0, Qt.AlignmentFlag.AlignLeft)
    col.addWidget(heading("Coefficients"))
    col.addWidget(table(["Model", "B", "Std. Error", "Beta", "t", "Sig."],
                        [[c.name, fmt(c.B, 3), fmt(c.se, 3), "" if i == 0 else fmt(c.beta, 3), fmt(c.t, 3),
                          fmt_p(c.p)] for i, c in enumerate(reg.coefficients)], "regressionCoefficientsTable"),
                  0, Qt.AlignmentFlag.AlignLeft)
    col.addStretch(1)
    if reg.x_values:
        page.add(side_by_side(left, _chart(charts_png, "scatter", lambda: charts.scatter_with_line(reg))))
    else:
        page.add(left)
    eq = equation(reg)
    if eq:
        page.add(paragraph(tr("Persamaan regresi: {eq}", eq=eq.get(lang))))
    page.add(heading(tr("Interpretasi")))
    page.add(paragraph(reg.interpretation.get(lang)))
    ct = reg.correlation_test
    page.add(paragraph(tr("Uji t korelasi: t = r√(n−2)/√(1−r²) = {t}; t tabel = {tt} (df {df}).",
                          t=fmt(ct.t, 3), tt=fmt(ct.t_tabel, 3), df=reg.n - 2)))
    page.add(heading(tr("Pengujian hipotesis")))
    page.add(paragraph(reg.decision.hypotheses.get(lang)))
    decision = page.add(paragraph(decision_summary(reg, lang)))
    decision.setObjectName("decisionLabel")
    decision.setStyleSheet("font-weight: bold;")
    for note in reg.notes:
        page.add(paragraph("• " + note))
    page.finish()
    return page


def notes_page(r: Any, charts_png: dict[str, bytes] | None = None) -> Page:
    """Every note of the analysis (explanations of what could not be computed, choices made)."""
    from qda.survey.contract import all_notes

    page = Page()
    page.add(heading(tr("Catatan analisis")))
    st = r.settings
    page.add(paragraph(tr("Berkas: {src}. α = {a}; skema kontinum: {s}; nilai hilang: {m}.", src=r.source,
                          a=fmt(st.alpha, 2), s=st.scheme,
                          m=", ".join(fmt(c, 0) for c in st.missing_codes) or "—")))
    notes = all_notes(r)
    for note in notes or [tr("Tidak ada catatan.")]:
        page.add(paragraph("• " + note))
    page.finish()
    return page


PAGES = [
    ("Data responden", overview_page),
    ("Frekuensi butir", frequency_page),
    ("Validitas", validity_page),
    ("Reliabilitas", reliability_page),
    ("Skor", score_page),
    ("Uji prasyarat", prerequisite_page),
    ("Regresi", regression_page),
    ("Catatan", notes_page),
]
