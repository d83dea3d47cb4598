"""The survey chapter: every table of the Sako procedure as numbered Word tables with narrative.

:func:`write_survey_chapter` takes a :class:`qda.survey.result.SurveyResult` and writes the
chapter a thesis reports ("Tabel 4.1 …", "Sumber: data primer diolah, 2024"): questionnaire
return, respondent profile, a frequency table per item, validity, reliability (SPSS's Case
Processing Summary and Reliability Statistics), scores on the continuum, normality and
linearity, the regression's Model Summary / ANOVA / Coefficients, the strength of r, the
coefficient of determination and the hypothesis decision, with charts and a paragraph of
interpretation under each table.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from qda.reports import survey_narrative as N
from qda.reports.docx_kit import ReportDocument
from qda.reports.lang import Wording
from qda.survey.numfmt import SCORE_PCT_DECIMALS

#: Notes of the analysis that the paragraphs already say in full (the return paragraph states which n
#: the analyses use; the validity paragraph names every item without r and every item left out).
SAID_BY_PARAGRAPHS = frozenset({
    "{k} dari {n} responden tidak menjawab semua butir sehingga dikeluarkan secara listwise dari korelasi, alpha, "
    "skor dan regresi.",
    "Butir {item}: r tidak dapat dihitung (jawaban tidak bervariasi atau kasus terlalu sedikit); butir dinyatakan "
    "tidak valid.",
    "Butir tidak valid ({items}) tidak diikutkan dalam analisis berikutnya.",
})
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X"}
#: Sugiyono's guideline for interpreting r: (lower, upper, level, key of the result's strength).
SUGIYONO = [(0.00, 0.199, "Sangat Rendah", "sangat rendah"), (0.20, 0.399, "Rendah", "rendah"),
            (0.40, 0.599, "Sedang", "sedang"), (0.60, 0.799, "Kuat", "kuat"),
            (0.80, 1.000, "Sangat Kuat", "sangat kuat")]


def write_survey_chapter(result: Any, out_path: str | Path, *, language: str = "id",
                         template: str | Path | None = None, chapter: int = 4, year: int | None = None,
                         look: str = "thesis") -> Path:
    """Write the survey chapter of ``result`` to ``out_path`` and return the path.

    ``chapter`` numbers captions and section headings ("Tabel 4.1", "4.2"); ``year`` goes
    in the source line under each table (default: the current year); ``template`` is a
    .docx whose styles and page setup are used; ``look`` the default style ("thesis":
    Times New Roman 12, 1.5 spacing; "modern": the sans-serif look).
    """
    from qda.errors import QdaError
    from qda.i18n import tr

    if not isinstance(chapter, int) or isinstance(chapter, bool) or not 1 <= chapter <= 99:
        raise QdaError(tr("nomor bab harus bilangan bulat 1–99: {n}", n=chapter))
    w = Wording(language)
    doc = ReportDocument(template, language=language, chapter=chapter, look=look)
    result = _names_in(result, language)
    _Chapter(doc, result, w, chapter, year or _dt.date.today().year).write()
    return doc.save(out_path)


def _names_in(result: Any, language: str) -> Any:
    """``result`` with the variables named as the instrument names them in ``language`` (``name_en``), where it does.

    The instrument's variable names are the user's data, not the program's wording: an
    instrument may give each variable a name per language; the source name is kept otherwise.
    """
    renamed = {}
    names = {}
    for key, var in result.variables.items():
        own = getattr(var, f"name_{language}", "") or var.name
        names[var.name] = own
        renamed[key] = replace(var, name=own)
    if all(old == new for old, new in names.items()):
        return result
    reg = result.regression
    if reg is not None:
        coefficients = [replace(c, name=names.get(c.name, c.name)) for c in reg.coefficients]
        reg = replace(reg, x_name=names.get(reg.x_name, reg.x_name), y_name=names.get(reg.y_name, reg.y_name),
                      coefficients=coefficients)
        reg = _renamed_sentences(reg, names, language)
        reg = replace(reg, decision=_renamed_sentences(reg.decision, names, language))
    return replace(result, variables=renamed, regression=reg)


def _renamed_sentences(obj: Any, names: dict[str, str], language: str) -> Any:
    """``obj`` with the variable names in the ``language`` text of its sentences replaced by that language's names."""
    from dataclasses import fields, is_dataclass

    pairs = sorted(((old, new) for old, new in names.items() if old and old != new), key=lambda p: -len(p[0]))
    if not pairs or not is_dataclass(obj):
        return obj
    changes = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if is_dataclass(value) and hasattr(value, language):
            text = original = getattr(value, language)
            for old, new in pairs:
                text = text.replace(old, new)
            if text != original:
                changes[f.name] = replace(value, **{language: text})
    return replace(obj, **changes) if changes else obj


def profile_title(profile: Any, language: str) -> str:
    """The title of a respondent-profile table in ``language``.

    English uses the profile's ``title_en`` when the result carries it, else the
    ``title_en`` the bundled instruments give the same demographic column and title;
    a title without a known translation stays as the instrument names it.
    """
    own = getattr(profile, f"title_{language}", "")
    if own:
        return own
    titles = _bundled_demographic_titles(language)
    return titles.get((profile.column, profile.title)) or titles.get((None, profile.title)) or profile.title


@lru_cache(maxsize=None)
def _bundled_demographic_titles(language: str) -> dict[tuple[str | None, str], str]:
    from qda.survey.instrument import bundled_templates, load_template

    titles: dict[tuple[str | None, str], str] = {}
    for name in bundled_templates():
        try:
            instrument = load_template(name)
        except Exception:  # a broken bundled file must not stop a report  # noqa: BLE001
            continue
        for demo in instrument.demographics:
            own = getattr(demo, f"title_{language}", "")
            if own:
                for key in (demo.column, None):
                    titles.setdefault((key, demo.title or demo.column), own)
    return titles


def band_label(label: str, language: str) -> str:
    """A continuum category in ``language`` (gettext, context "kontinum")."""
    from qda.survey.continuum import category_name

    return category_name(label, language)


def band_range(band: Any, w: Wording) -> str:
    """``"900 – 1.200"``, or the single point when the band has no width (Sugiyono's top point)."""
    if abs(band.upper - band.lower) < 1e-9:
        return w.int(band.lower)
    return f"{w.int(band.lower)} – {w.int(band.upper)}"


def _named(items: list[str], w: Wording) -> str:
    """``butir X3`` / ``butir X3 dan X10``: every item of a tie, named ("item X3" / "items X3 and X10")."""
    return N.items_named(items, w)


class _Chapter:
    def __init__(self, doc: ReportDocument, result, w: Wording, chapter: int, year: int) -> None:
        self.doc, self.r, self.w, self.chapter = doc, result, w, chapter
        self.source = w("Sumber: data primer diolah, {year}", year=year)
        self.section = 0
        self.alpha = result.settings.alpha
        self._noted: set[str] = set()

    def h2(self, text: str) -> None:
        self.section += 1
        self.doc.heading(f"{self.chapter}.{self.section} {text}", 2)
        self.sub = 0

    def h3(self, text: str) -> None:
        self.sub += 1
        self.doc.heading(f"{self.chapter}.{self.section}.{self.sub} {text}", 3)

    def para(self, text: str) -> None:
        self.doc.paragraph(text, align="justify")

    def table(self, title: str, header, rows, **kw) -> str:
        kw.setdefault("source", self.source)
        return self.doc.numbered_table(title, header, rows, **kw)

    def notes(self, notes) -> None:
        """Each note once in the whole chapter, in the chapter's language, unless a paragraph already says it."""
        for note in notes or ():
            if getattr(note, "msgid", None) in SAID_BY_PARAGRAPHS:
                continue
            text = note.get(self.w.language) if hasattr(note, "get") else str(note)
            if text in self._noted:
                continue
            self._noted.add(text)
            self.doc.paragraph([(self.w("Catatan: "), {"bold": True}), (text, {"italic": True})])

    # ------------------------------------------------------------------------------------------

    def write(self) -> None:
        w, r = self.w, self.r
        roman = _ROMAN.get(self.chapter, str(self.chapter))
        self.doc.heading(w("BAB {n}", n=roman) + "\n" + w("HASIL ANALISIS DATA KUESIONER"), 1)
        if r.title:
            self.para(w("Bab ini menyajikan hasil pengolahan kuesioner penelitian \u201c{title}\u201d.", title=r.title))
        else:
            self.para(w("Bab ini menyajikan hasil pengolahan data kuesioner {source}.", source=r.source or w("penelitian")))
        self.para(self.instrument_sentence())
        self.notes(r.notes)
        self.return_and_profile()
        self.items()
        self.validity()
        self.reliability()
        self.scores()
        if r.normality or r.linearity:
            self.prerequisites()
        if r.regression is not None:
            self.regression()
            self.hypothesis()

    def instrument_sentence(self) -> str:
        """Which instrument's wording the chapter uses: the Sako study's, or the data's own columns."""
        w, r = self.w, self.r
        x, y = r.x, r.y
        if r.instrument == "sako":
            text = w("Nama variabel, indikator dan redaksi butir mengikuti instrumen studi Kelurahan Sako.")
            if r.reconstructed:
                text += " " + w("Redaksi pertanyaan instrumen tersebut direkonstruksi dari tabel studi karena "
                                "kuesioner aslinya tidak dipublikasikan.")
            return text
        if r.instrument:
            return w("Nama variabel dan redaksi butir mengikuti instrumen \u201c{name}\u201d.", name=r.instrument)
        return w("Variabel bebas adalah {x} (X, {kx}) dan variabel terikat adalah {y} (Y, {ky}); butir disebut "
                 "dengan nama kolomnya dalam data.", x=x.name, kx=w.count("{n} butir", len(x.items)), y=y.name,
                 ky=w.count("{n} butir", len(y.items)))

    def return_and_profile(self) -> None:
        w, r = self.w, self.r
        self.h2(w("Gambaran Umum Responden"))
        t = r.return_table
        label = self.table(w("Tingkat pengembalian kuesioner"), [w("Keterangan"), w("Jumlah"), w("Persentase")],
                           [[w("Kuesioner yang disebarkan"), w.int(t.distributed), w.pct(100.0)],
                            [w("Kuesioner yang kembali"), w.int(t.returned), w.pct(t.returned_pct)],
                            [w("Kuesioner yang dapat diolah"), w.int(t.usable), w.pct(t.usable_pct)]],
                           widths_cm=[7.5, 3, 3])
        self.para(N.return_paragraph(t, w, label, [n for var in r.variables.values()
                                                    for n in (var.validity.n, var.score.n_cases)]))
        for i, p in enumerate(r.profiles):
            title = profile_title(p, w.language)
            p = replace(p, title=title)  # the narrative under the table names it the same way
            self.h3(w("Responden Berdasarkan {title}", title=title))
            rows = [[str(k + 1), row.label, w.int(row.count), w.pct(row.percent)] for k, row in enumerate(p.rows)]
            rows.append(["", w("Jumlah"), w.int(p.n), w.pct(100.0 if p.n else None)])
            label = self.table(w("Responden berdasarkan {title}", title=title.lower()),
                               [w("No"), title, w("Frekuensi (orang)"), w("Persentase")], rows,
                               widths_cm=[1.2, 6.5, 3.2, 3], align=["center", "left", "right", "right"])
            self.para(N.profile_paragraph(p, w, label, i))
            if p.missing:
                self.notes([w.count("{n} responden tidak mengisi kolom ini.", p.missing)])

    def items(self) -> None:
        from qda.reports.charts import item_means

        w, r = self.w, self.r
        self.h2(w("Deskripsi Tanggapan Responden"))
        index = 0
        for var in r.variables.values():
            self.h3(w("Variabel {name} ({key})", name=var.name, key=var.key))
            for s in var.item_summaries:
                rows = [[str(k + 1), row.label, row.value, w.int(row.count), w.pct(row.percent)]
                        for k, row in enumerate(s.rows)]
                rows.append(["", w("Jumlah"), "", w.int(s.n_answered), w.pct(100.0 if s.n_answered else None)])
                wording = s.text.strip() if s.text and s.text.strip() != s.item else ""
                title = (w("Tanggapan responden terhadap butir {item}: {text}", item=s.item, text=wording) if wording
                         else w("Tanggapan responden terhadap butir {item}", item=s.item))
                label = self.table(title,
                                   [w("No"), w("Alternatif Jawaban"), w("Skor"), w("Frekuensi"), w("Persentase")],
                                   rows, widths_cm=[1.2, 6, 1.8, 2.6, 2.8],
                                   align=["center", "left", "center", "right", "right"])
                self.para(N.item_paragraph(s, w, label, index))
                index += 1
            means = [s.mean or 0.0 for s in var.item_summaries]
            if var.item_summaries:
                png = item_means([s.item for s in var.item_summaries], means, ylabel=w("Rata-rata skor"),
                                 language=w.language)
                label = self.doc.figure(png, w("Rata-rata skor butir variabel {name}", name=var.name), self.source,
                                        width_cm=14)
                shown = {s.item: round(s.mean or 0.0, 2) for s in var.item_summaries}
                top, low = max(shown.values()), min(shown.values())
                self.para(w("{label} memperlihatkan bahwa rata-rata skor tertinggi variabel {name} terdapat pada {hi} "
                            "({hm}) dan terendah pada {lo} ({lm}).", label=label, name=var.name,
                            hi=_named([k for k, v in shown.items() if v == top], w), hm=w.num(top, 2),
                            lo=_named([k for k, v in shown.items() if v == low], w), lm=w.num(low, 2)))

    def validity(self) -> None:
        w, r = self.w, self.r
        self.h2(w("Uji Validitas"))
        self.para(w("Validitas butir diuji dengan korelasi Pearson antara skor butir dan skor total variabel; butir "
                    "dinyatakan valid bila r hitung lebih besar dari r tabel."))
        for var in r.variables.values():
            val = var.validity
            rows = [[str(k + 1), it.item, w.num(it.r) if it.r is not None else w("tidak dapat dihitung"),
                     w.num(val.r_table), w("Valid") if it.valid else w("Tidak Valid")] for k, it in enumerate(val.items)]
            label = self.table(w("Hasil uji validitas variabel {name} ({key})", name=var.name, key=var.key),
                               [w("No"), w("Butir"), w("r hitung"), w("r tabel"), w("Keterangan")], rows,
                               widths_cm=[1.2, 2.5, 3, 3, 3.5], align=["center", "center", "right", "right", "center"])
            self.para(N.validity_paragraph(var, w, label))
            self.notes(var.notes)

    def reliability(self) -> None:
        w, r = self.w, self.r
        rel = r.reliability_all_valid
        self.h2(w("Uji Reliabilitas"))
        c = rel.cases
        self.table(w("Case Processing Summary"), ["", "", "N", "%"],
                   [[w("Cases"), w("Valid"), w.int(c.valid), w.num(c.valid_pct, 1)],
                    ["", w("Excluded\u1d43"), w.int(c.excluded), w.num(c.excluded_pct, 1)],
                    ["", w("Total"), w.int(c.total), w.num(c.total_pct, 1)]],
                   widths_cm=[2.5, 3, 2, 2],
                   footnotes=[w("a. Listwise deletion based on all variables in the procedure.")])
        label = self.table(w("Reliability Statistics"), ["Cronbach's Alpha", "N of Items"],
                           [[w.num(rel.alpha), w.int(rel.n_items)]], widths_cm=[4, 3], align=["center", "center"])
        self.para(N.reliability_paragraph(rel, w, label))
        if rel.item_total:
            rows = [[t.item, w.num(t.scale_mean_if_deleted), w.num(t.scale_variance_if_deleted),
                     w.num(t.corrected_item_total_r), w.num(t.alpha_if_deleted)] for t in rel.item_total]
            label = self.table(w("Item-Total Statistics"), ["", "Scale Mean if Item Deleted",
                                                             "Scale Variance if Item Deleted",
                                                             "Corrected Item-Total Correlation",
                                                             "Cronbach's Alpha if Item Deleted"], rows,
                               widths_cm=[1.6, 3.2, 3.2, 3.4, 3.4])
            best = max((t for t in rel.item_total if t.alpha_if_deleted is not None),
                       key=lambda t: t.alpha_if_deleted, default=None)
            if best is not None and rel.alpha is not None:
                raising = [t.item for t in rel.item_total
                           if t.alpha_if_deleted is not None and t.alpha_if_deleted > rel.alpha]
                if raising:
                    top = round(best.alpha_if_deleted, 3)
                    tops = [t.item for t in rel.item_total
                            if t.alpha_if_deleted is not None and round(t.alpha_if_deleted, 3) == top]
                    self.para(w.n("Menurut {label}, alpha tertinggi bila satu butir dihapus adalah {a} ({item}), "
                                  "dibandingkan {alpha} untuk seluruh butir. Butir yang menaikkan alpha bila dihapus "
                                  "adalah {items}.", count="k", k=len(raising), label=label,
                                  a=w.num(best.alpha_if_deleted), item=_named(tops, w), alpha=w.num(rel.alpha),
                                  items=N.join(raising, w)))
                else:
                    self.para(w("Menurut {label}, tidak ada butir yang bila dihapus menaikkan alpha di atas {a}.",
                                label=label, a=w.num(rel.alpha)))
        rows = []
        for var in r.variables.values():
            for rv in (var.reliability_all_items, var.reliability_valid_items):
                if rv is None:
                    continue
                sh = rv.split_half
                name = rv.label.get(w.language) if hasattr(rv.label, "get") else rv.label
                rows.append([name, w.int(rv.n_items), w.num(rv.alpha),
                             w.num(sh.spearman_brown if sh else None),
                             w("Reliabel") if rv.reliable else (w("Tidak Reliabel") if rv.reliable is False else "–")])
        if rows:
            self.table(w("Reliabilitas per variabel"), [w("Butir"), w("Jumlah Butir"), "Cronbach's Alpha",
                                                        "Spearman-Brown", w("Keterangan")], rows,
                       widths_cm=[4.5, 2.3, 3, 3, 3])
        self.notes(rel.notes)

    def scores(self) -> None:
        w, r = self.w, self.r
        self.h2(w("Skor Variabel dan Garis Kontinum"))
        rows = []
        for var in r.variables.values():
            s = var.score
            cat = band_label(s.category, w.language) if s.category else None
            rows.append([f"{var.name} ({var.key})", w.int(len(s.items)), w.int(s.n_cases), w.int(s.sum),
                         w.int(s.min), w.int(s.max), w.pct(s.pct, SCORE_PCT_DECIMALS), cat or "–"])
        label = self.table(w("Skor total variabel pada garis kontinum"),
                           [w("Variabel"), w("Butir"), "n", w("Skor"), w("Minimum"), w("Maksimum"), "%",
                            w("Kategori")], rows, widths_cm=[4, 1.4, 1.2, 1.8, 2, 2, 2, 2.6])
        for i, var in enumerate(r.variables.values()):
            self.para(N.score_paragraph(var, w, label, i))
            if var.score.bands:
                self.table(w("Kategori skor variabel {name}", name=var.name), [w("Kategori"), w("Rentang skor")],
                           [[band_label(b.label, w.language), band_range(b, w)] for b in var.score.bands],
                           widths_cm=[5, 5], align=["left", "center"])
            self.notes(var.score.notes)

    def prerequisites(self) -> None:
        w, r = self.w, self.r
        self.h2(w("Uji Prasyarat Analisis"))
        names = {"residual": w("Residual"), "X": f"{r.x.name} (X)", "Y": f"{r.y.name} (Y)"}
        if r.normality:
            rows = [[names.get(t.target, t.target), w.int(t.n), w.num(t.ks_statistic), w.num(t.ks_p),
                     w.num(t.sw_statistic), w.num(t.sw_p),
                     "–" if t.normal is None else (w("Normal") if t.normal else w("Tidak Normal"))]
                    for t in r.normality]
            label = self.table(w("Hasil uji normalitas"),
                               [[w("Data"), "N", ("Kolmogorov-Smirnov", 2), ("Shapiro-Wilk", 2), w("Keterangan")],
                                [None, None, w("Statistik"), "Sig.", w("Statistik"), "Sig.", None]], rows,
                               widths_cm=[3.6, 0.9, 1.9, 1.5, 1.9, 1.5, 2.7])  # "Tidak Normal" on one line
            self.para(N.normality_paragraph(r.normality, self.alpha, w, label, names))
            for t in r.normality:
                self.notes(t.notes)
        lin = r.linearity
        if lin is not None:
            rows = []
            for title, row in ((w("Between Groups (Combined)"), lin.between), (w("Linearity"), lin.linearity),
                               (w("Deviation from Linearity"), lin.deviation), (w("Within Groups"), lin.within),
                               (w("Total"), lin.total)):
                rows.append([title, w.num(row.ss), w.int(row.df), w.num(row.ms), w.num(row.F), w.num(row.p)])
            label = self.table(w("ANOVA Table (uji linearitas)"),
                               ["", "Sum of Squares", "df", "Mean Square", "F", "Sig."], rows,
                               widths_cm=[5, 2.6, 1.2, 2.6, 2, 1.8])
            self.para(N.linearity_paragraph(lin, self.alpha, w, label, r.x.name, r.y.name))
            self.notes(lin.notes)

    def regression(self) -> None:
        from qda.reports.charts import scatter_fit

        w, reg = self.w, self.r.regression
        self.h2(w("Analisis Regresi Linear Sederhana"))
        label = self.table(w("Model Summary"), ["Model", "R", "R Square", "Adjusted R Square",
                                                "Std. Error of the Estimate"],
                           [["1", w.num(reg.R), w.num(reg.R2), w.num(reg.adj_R2), w.num(reg.se_est)]],
                           widths_cm=[1.6, 2, 2.5, 3.5, 4], align=["center"] * 5,
                           footnotes=[w("a. Predictors: (Constant), {x}", x=reg.x_name)])
        self.para(N.model_summary_paragraph(reg, w, label))
        rows = []
        for k, row in enumerate(reg.anova):
            rows.append(["1" if k == 0 else "", row.source, w.num(row.ss), w.int(row.df), w.num(row.ms),
                         w.num(row.F), w.num(row.p)])
        label = self.table(w("ANOVA"), ["Model", "", "Sum of Squares", "df", "Mean Square", "F", "Sig."], rows,
                           widths_cm=[1.6, 2.4, 2.8, 1.2, 2.6, 2, 1.6],
                           footnotes=[w("a. Dependent Variable: {y}", y=reg.y_name),
                                      w("b. Predictors: (Constant), {x}", x=reg.x_name)])
        self.para(N.anova_paragraph(reg, w, label))
        rows = []
        for k, c in enumerate(reg.coefficients):
            rows.append(["1" if k == 0 else "", c.name, w.num(c.B), w.num(c.se), w.num(c.beta) if c.beta is not None
                         else "", w.num(c.t), w.num(c.p)])
        label = self.table(w("Coefficients"),
                           [["Model", "", ("Unstandardized Coefficients", 2), "Standardized Coefficients", "t", "Sig."],
                            [None, None, "B", "Std. Error", "Beta", None, None]], rows,
                           widths_cm=[1.6, 3.4, 2, 2, 2.8, 1.6, 1.6],
                           footnotes=[w("a. Dependent Variable: {y}", y=reg.y_name)])
        self.para(N.coefficients_paragraph(reg, w, label))
        eq, reading = N.equation_paragraph(reg, w)
        self.doc.paragraph(w("Persamaan regresi linear sederhana yang diperoleh adalah:"), align="justify",
                           keep_next=True)
        self.doc.paragraph(eq, align="center", bold=True)
        self.para(reading)
        if reg.x_values:
            png = scatter_fit(reg, xlabel=w("Total {name} (X)", name=reg.x_name),
                              ylabel=w("Total {name} (Y)", name=reg.y_name), language=w.language)
            self.doc.figure(png, w("Diagram pencar {x} dan {y} dengan garis regresi", x=reg.x_name, y=reg.y_name),
                            self.source, width_cm=13)
        self.h2(w("Koefisien Korelasi dan Determinasi"))
        rows = []
        for lower, upper, level, key in SUGIYONO:
            mark = "\u2713" if key == reg.strength else ""
            rows.append([f"{w.num(lower, 2)} \u2013 {w.num(upper, 3)}", w.c("tingkat hubungan", level), mark])
        label = self.table(w("Pedoman interpretasi koefisien korelasi (Sugiyono)"),
                           [w("Interval Koefisien"), w("Tingkat Hubungan"), w("Hasil")], rows,
                           widths_cm=[4, 4, 2], align=["center", "left", "center"],
                           source=w("Sumber: Sugiyono, Metode Penelitian Kuantitatif, Kualitatif, dan R&D"))
        self.para(reg.interpretation.get(w.language))
        if reg.determination_text is not None:
            self.para(w("KD = R² × 100% = {r2} × 100% = {kd}.", r2=w.num(reg.R2), kd=w.pct(reg.kd_pct, 1)))
        self.notes(reg.notes)

    def hypothesis(self) -> None:
        w, reg = self.w, self.r.regression
        d = reg.decision
        lang = w.language
        self.h2(w("Uji Hipotesis"))
        self.para(d.hypotheses.get(lang))
        rows = [[w("Signifikansi"), d.sig_text.get(lang)], [w("Uji t"), d.t_text.get(lang)],
                [w("Uji F"), d.F_text.get(lang)]]
        label = self.table(w("Ringkasan pengujian hipotesis"), [w("Kriteria"), w("Hasil")], rows, widths_cm=[3.5, 11],
                           align=["left", "left"])
        self.para(w("Berdasarkan {label} diketahui bahwa {sig}, {t} dan {f}.", label=label, sig=d.sig_text.get(lang),
                    t=d.t_text.get(lang), f=d.F_text.get(lang)))
        self.doc.paragraph(d.conclusion.get(lang), bold=True, align="justify")
        ct = reg.correlation_test
        if ct.t is not None:
            values = dict(t=w.num(ct.t), r=w.num(ct.r), n=ct.n, tt=w.num(ct.t_tabel))
            if ct.significant:
                self.para(w("Uji signifikansi koefisien korelasi dengan t = r\u221a(n\u22122) / \u221a(1\u2212r\u00b2) "
                            "menghasilkan t hitung {t} (r = {r}, n = {n}), lebih besar dari t tabel {tt}, sehingga "
                            "korelasi tersebut signifikan.", **values))
            else:
                self.para(w("Uji signifikansi koefisien korelasi dengan t = r\u221a(n\u22122) / \u221a(1\u2212r\u00b2) "
                            "menghasilkan t hitung {t} (r = {r}, n = {n}), tidak lebih besar dari t tabel {tt}, sehingga "
                            "korelasi tersebut tidak signifikan.", **values))
