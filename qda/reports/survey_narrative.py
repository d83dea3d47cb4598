"""The paragraphs written under the survey tables, in the manner of an Indonesian thesis.

Every number comes from the analysis result; sentence patterns rotate (by the table's
position) so a chapter with twenty item tables does not repeat one sentence twenty
times. Each function returns the paragraph in the report language.
"""

from __future__ import annotations

from typing import Sequence

from qda.reports.lang import Wording
from qda.survey.numfmt import SCORE_PCT_DECIMALS


def join(parts: Sequence[str], language: str) -> str:
    """``a, b dan c`` / ``a, b, and c``."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    word = " and " if language == "en" else " dan "
    return ", ".join(parts[:-1]) + ("," if language == "en" and len(parts) > 2 else "") + word + parts[-1]


def _top(rows) -> list:
    """Rows with the highest count (several when tied)."""
    peak = max((r.count for r in rows), default=0)
    return [r for r in rows if r.count == peak and peak > 0]


def return_paragraph(table, w: Wording, label: str) -> str:
    """Questionnaire return, and which n each analysis uses when some questionnaires are incomplete."""
    partial = table.returned - table.usable
    if w.language == "en":
        text = (f"{label} shows that of {w.int(table.distributed)} questionnaires distributed, "
                f"{w.int(table.returned)} ({w.pct(table.returned_pct)}) were returned and {w.int(table.usable)} "
                f"({w.pct(table.usable_pct)}) answered every item.")
        if partial > 0:
            text += (f" The frequency table of each item counts every answer given to that item (its n is shown "
                     f"in the table); validity, reliability, scores and the regression use the "
                     f"{w.int(table.usable)} complete questionnaires.")
        return text
    text = (f"Berdasarkan {label} di atas, dari {w.int(table.distributed)} kuesioner yang disebarkan, sebanyak "
            f"{w.int(table.returned)} kuesioner ({w.pct(table.returned_pct)}) kembali dan {w.int(table.usable)} "
            f"kuesioner ({w.pct(table.usable_pct)}) terisi lengkap.")
    if partial > 0:
        text += (f" Tabel frekuensi setiap butir menghitung semua jawaban yang diberikan pada butir itu (n tercantum "
                 f"pada tabelnya), sedangkan uji validitas, reliabilitas, skor dan regresi menggunakan "
                 f"{w.int(table.usable)} kuesioner yang lengkap.")
    return text


def profile_paragraph(profile, w: Wording, label: str, index: int) -> str:
    """Respondent profile by one attribute: counts, percentages, the largest group."""
    rows = sorted([r for r in profile.rows if r.count > 0], key=lambda r: -r.count)
    if not rows:
        return w("Tidak ada jawaban pada kolom {col}.", col=profile.column)
    top = _top(rows)
    title = profile.title.lower()
    if w.language == "en":
        parts = [f"{r.label} {w.int(r.count)} ({w.pct(r.percent)})" for r in rows]
        lead = join([t.label for t in top], "en")
        return (f"{label} shows the respondents by {title}: {join(parts, 'en')}. The largest group is "
                f"{lead}, with {w.int(top[0].count)} of {w.int(profile.n)} respondents.")
    first, rest = rows[0], rows[1:]
    rest_txt = join([f"{r.label} sebanyak {w.int(r.count)} orang ({w.pct(r.percent)})" for r in rest], "id")
    lead = join([t.label for t in top], "id")
    pattern = index % 3
    if len(top) > 1:
        return (f"Berdasarkan {label} di atas, responden menurut {title} terbagi atas "
                f"{join([f'{r.label} {w.int(r.count)} orang ({w.pct(r.percent)})' for r in rows], 'id')}. "
                f"Kelompok terbanyak adalah {lead} dengan jumlah yang sama, yaitu masing-masing "
                f"{w.int(top[0].count)} orang.")
    if pattern == 0:
        text = (f"Berdasarkan {label} di atas, dapat dilihat bahwa responden {first.label} berjumlah "
                f"{w.int(first.count)} orang dengan persentase {w.pct(first.percent)}")
        text += f", sedangkan {rest_txt}." if rest else "."
        return text + f" Dengan demikian, responden didominasi oleh kelompok {lead}."
    if pattern == 1:
        text = (f"{label} menunjukkan bahwa sebagian besar responden menurut {title} adalah {first.label}, "
                f"yaitu {w.int(first.count)} orang ({w.pct(first.percent)}) dari {w.int(profile.n)} responden.")
        return text + (f" Selanjutnya, {rest_txt}." if rest else "")
    text = (f"Dari {label} diketahui bahwa {title} responden yang terbanyak adalah {first.label} sebanyak "
            f"{w.int(first.count)} orang atau {w.pct(first.percent)}")
    return text + (f", diikuti oleh {rest_txt}." if rest else ".")


def item_paragraph(summary, w: Wording, label: str, index: int) -> str:
    """One item's answers: every chosen option, the highest category, the mean."""
    rows = list(summary.rows)
    top = _top(rows)
    if not top:
        return w("Tidak ada responden yang menjawab butir {item}.", item=summary.item)
    chosen = [r for r in rows if r.count > 0 and r not in top]
    unchosen = [r for r in rows if r.count == 0]
    mean = w.num(summary.mean, 2)
    n = w.int(summary.n_answered)
    if w.language == "en":
        lead = join([f'"{t.label}"' for t in top], "en")
        parts = join([f'{w.int(r.count)} ({w.pct(r.percent)}) "{r.label}"' for r in chosen], "en")
        text = (f"{label} shows that of {n} respondents the most frequent answer to item {summary.item} is {lead} "
                f"({w.int(top[0].count)} respondents, {w.pct(top[0].percent)})")
        text += f"; the others answered {parts}." if parts else "."
        if unchosen:
            text += f" No respondent chose {join([f'{chr(34)}{r.label}{chr(34)}' for r in unchosen], 'en')}."
        return text + f" The mean score is {mean}."
    lead = join([f"\u201c{t.label}\u201d" for t in top], "id")
    parts = join([f"{w.int(r.count)} responden ({w.pct(r.percent)}) menjawab \u201c{r.label}\u201d" for r in chosen],
                  "id")
    none = join([f"\u201c{r.label}\u201d" for r in unchosen], "id")
    pattern = index % 3
    if pattern == 0:
        text = (f"Berdasarkan {label} di atas, dapat diketahui bahwa dari {n} responden, jawaban terbanyak untuk "
                f"butir {summary.item} adalah {lead} sebanyak {w.int(top[0].count)} responden "
                f"({w.pct(top[0].percent)})")
        text += f"; selain itu {parts}." if parts else "."
        if none:
            text += f" Tidak ada responden yang memilih {none}."
        return text + f" Rata-rata skor butir ini adalah {mean}."
    if pattern == 1:
        text = (f"{label} memperlihatkan bahwa mayoritas responden memilih {lead}, yaitu {w.int(top[0].count)} "
                f"orang atau {w.pct(top[0].percent)}.")
        if parts:
            text += f" Adapun {parts}."
        if none:
            text += f" Pilihan {none} tidak dipilih oleh seorang pun."
        return text + f" Skor rata-rata dari {n} jawaban adalah {mean} dengan total skor {w.int(summary.score_sum)}."
    text = (f"Tanggapan responden terhadap butir {summary.item} paling banyak berada pada kategori {lead}, "
            f"yakni {w.int(top[0].count)} orang ({w.pct(top[0].percent)})")
    text += f", sedangkan {parts}." if parts else "."
    if none:
        text += f" Tidak ada jawaban {none}."
    return text + f" Nilai rata-rata {mean} diperoleh dari {n} jawaban."


def validity_paragraph(var, w: Wording, label: str) -> str:
    """Which items are valid against r table, the highest and lowest r."""
    val = var.validity
    scored = [i for i in val.items if i.r is not None]
    undefined = [i.item for i in val.items if i.r is None]
    below = [i for i in val.invalid_items if i not in undefined]
    rt = w.num(val.r_table, 3)
    name = f"{var.name} ({var.key})"
    if w.language == "en":
        text = (f"As {label} shows, {len(val.valid_items)} of the {len(val.items)} items of {name} have an r "
                f"greater than the r table value ({rt}; n = {val.n}, α = {w.num(val.alpha, 2)}) and are valid.")
        if below:
            text += f" Items {join(below, 'en')} have an r below the r table value and are not valid."
        if undefined:
            text += (f" For {join(undefined, 'en')} r cannot be computed because the answers do not vary; "
                     f"{'this item is' if len(undefined) == 1 else 'these items are'} treated as not valid.")
        if val.invalid_items:
            text += " Items that are not valid are left out of the further analysis."
    else:
        text = (f"Berdasarkan {label}, dari {len(val.items)} butir pernyataan variabel {name}, sebanyak "
                f"{len(val.valid_items)} butir memiliki r hitung lebih besar dari r tabel ({rt}; n = {val.n}, "
                f"\u03b1 = {w.num(val.alpha, 2)}) sehingga dinyatakan valid.")
        if below:
            text += (f" Butir {join(below, 'id')} memiliki r hitung lebih kecil dari r tabel sehingga "
                     f"dinyatakan tidak valid dan tidak diikutsertakan dalam analisis selanjutnya.")
        if undefined:
            text += (f" Nilai r butir {join(undefined, 'id')} tidak dapat dihitung karena jawabannya tidak bervariasi, "
                     f"sehingga butir tersebut dinyatakan tidak valid dan tidak diikutsertakan dalam analisis "
                     f"selanjutnya.")
        if not val.invalid_items:
            text += " Dengan demikian seluruh butir dapat digunakan dalam analisis selanjutnya."
    if scored:
        shown = {i.item: round(i.r, 3) for i in scored}
        top, low = max(shown.values()), min(shown.values())
        hi = join([k for k, v in shown.items() if v == top], w.language)
        lo = join([k for k, v in shown.items() if v == low], w.language)
        if w.language == "en":
            text += f" The highest r is that of {hi} ({w.num(top)}) and the lowest that of {lo} ({w.num(low)})."
        else:
            text += (f" Nilai r hitung tertinggi terdapat pada butir {hi} ({w.num(top)}) dan terendah pada "
                     f"butir {lo} ({w.num(low)}).")
    return text


def reliability_paragraph(rel, w: Wording, label: str) -> str:
    """Cronbach's alpha against the threshold."""
    if rel.alpha is None:
        return w("Nilai Cronbach's Alpha tidak dapat dihitung.")
    above = rel.alpha >= rel.threshold
    if w.language == "en":
        return (f"As {label} shows, Cronbach's alpha over {rel.n_items} items and {rel.cases.valid} complete cases "
                f"is {w.num(rel.alpha)}, which is {'above' if above else 'below'} {w.num(rel.threshold, 2)}; the "
                f"instrument is therefore {'reliable' if above else 'not reliable'}.")
    sign = "lebih besar dari" if above else "lebih kecil dari"
    verdict = "reliabel dan dapat digunakan sebagai alat ukur" if above else "belum reliabel"
    return (f"Berdasarkan {label}, hasil uji reliabilitas terhadap {rel.n_items} butir dengan {rel.cases.valid} "
            f"kasus lengkap menghasilkan nilai Cronbach's Alpha sebesar {w.num(rel.alpha)}, {sign} "
            f"{w.num(rel.threshold, 2)}. Dengan demikian instrumen penelitian dinyatakan {verdict}.")


def score_paragraph(var, w: Wording, label: str, index: int) -> str:
    """The score total on the continuum and its category."""
    s = var.score
    if s.pct is None:
        return w("Skor variabel {var} tidak dapat dihitung.", var=var.key)
    scheme = s.scheme_name.get(w.language)
    if w.language == "en":
        return (f"The total score of {var.name} is {w.int(s.sum)} out of a maximum of {w.int(s.max)} "
                f"({w.pct(s.pct, SCORE_PCT_DECIMALS)}); with a minimum of {w.int(s.min)} it falls in the category "
                f"\u201c{s.category_en or s.category}\u201d ({scheme}).")
    if index % 2 == 0:
        return (f"Berdasarkan {label}, total skor variabel {var.name} adalah {w.int(s.sum)} dari skor maksimum "
                f"{w.int(s.max)} ({w.pct(s.pct, SCORE_PCT_DECIMALS)}). Dengan skor minimum {w.int(s.min)} dan maksimum "
                f"{w.int(s.max)}, nilai tersebut berada pada kategori \u201c{s.category}\u201d menurut {scheme}.")
    return (f"Adapun variabel {var.name} memperoleh skor {w.int(s.sum)} atau {w.pct(s.pct, SCORE_PCT_DECIMALS)} dari skor ideal "
            f"{w.int(s.max)}, sehingga termasuk kategori \u201c{s.category}\u201d.")


def normality_paragraph(tests, alpha: float, w: Wording, label: str, names: dict[str, str]) -> str:
    """The normality verdicts by one rule (Shapiro–Wilk for n <= 50, else Kolmogorov–Smirnov), stated.

    The verdict is the one the table and the JSON carry (``test.normal``); when a total is not
    normal the paragraph says what that means for the regression: its assumption is about the
    residuals.
    """
    from qda.survey.prerequisites import SHAPIRO_MAX_N

    parts = []
    not_normal = []
    residual_normal = None
    for t in tests:
        if t.normal is None:
            continue
        sw = t.rule == "shapiro-wilk"
        p = t.sw_p if sw else t.ks_p
        test = "Shapiro–Wilk" if sw else "Kolmogorov–Smirnov"
        who = names.get(t.target, t.target)
        if t.target == "residual":
            residual_normal = t.normal
        elif not t.normal:
            not_normal.append(who)
        if w.language == "en":
            parts.append(f"{who} has a {test} Sig. of {w.num(p)}, which is {'above' if t.normal else 'not above'} "
                         f"{w.num(alpha, 2)}, so it is {'normally distributed' if t.normal else 'not normally distributed'}")
        else:
            parts.append(f"{who} memiliki Sig. {test} {w.num(p)} {'>' if t.normal else '≤'} {w.num(alpha, 2)} "
                         f"sehingga {'berdistribusi normal' if t.normal else 'tidak berdistribusi normal'}")
    if not parts:
        return w("Uji normalitas tidak dapat dihitung.")
    if w.language == "en":
        text = (f"Normality is judged by Shapiro–Wilk for n ≤ {SHAPIRO_MAX_N} and by Kolmogorov–Smirnov (Lilliefors) "
                f"for larger samples; a series is normal when that test's Sig. is above {w.num(alpha, 2)}. "
                f"As {label} shows, " + "; ".join(parts) + ".")
        if not_normal:
            text += (f" That {join(not_normal, 'en')} {'is' if len(not_normal) == 1 else 'are'} not normal does not by "
                     f"itself bar the regression, whose assumption concerns the residuals")
            text += (", and the residuals are normally distributed." if residual_normal else
                     "; the residuals, however, are not normal either, so the t and F tests should be read with care."
                     if residual_normal is False else ".")
        return text
    text = (f"Normalitas diputuskan dengan uji Shapiro–Wilk bila n ≤ {SHAPIRO_MAX_N} dan uji Kolmogorov–Smirnov "
            f"(Lilliefors) bila n lebih besar; data dinyatakan berdistribusi normal bila Sig. uji tersebut lebih besar "
            f"dari {w.num(alpha, 2)}. Berdasarkan {label}, " + "; ".join(parts) + ".")
    if not_normal:
        text += (f" Data {join(not_normal, 'id')} yang tidak berdistribusi normal tidak dengan sendirinya menghalangi "
                 f"analisis regresi, karena asumsi normalitas regresi berlaku bagi residualnya")
        text += ("; residual model ini berdistribusi normal sehingga asumsi tersebut terpenuhi." if residual_normal else
                 "; residual model ini juga tidak berdistribusi normal sehingga hasil uji t dan uji F perlu ditafsirkan "
                 "dengan hati-hati." if residual_normal is False else ".")
    return text


def linearity_paragraph(lin, alpha: float, w: Wording, label: str, x: str, y: str) -> str:
    """Deviation from linearity verdict."""
    p = lin.deviation.p
    if p is None:
        return w("Uji linearitas tidak dapat dihitung.")
    linear = p > alpha
    if w.language == "en":
        return (f"As {label} shows, the Sig. of Deviation from Linearity is {w.num(p)}, which is "
                f"{'above' if linear else 'not above'} {w.num(alpha, 2)}, so the relation between {x} and {y} is "
                f"{'linear' if linear else 'not linear'}.")
    return (f"Berdasarkan {label}, nilai Sig. Deviation from Linearity sebesar {w.num(p)} "
            f"{'lebih besar' if linear else 'tidak lebih besar'} dari {w.num(alpha, 2)}, sehingga hubungan antara "
            f"{x} dan {y} {'bersifat linear' if linear else 'tidak linear'}.")


def equation_paragraph(reg, w: Wording) -> tuple[str, str]:
    """The regression equation and its reading."""
    from qda.reports.charts import equation_text

    a, b = reg.coefficients[0].B, reg.coefficients[1].B
    eq = equation_text(a, b, w.language)
    if w.language == "en":
        text = (f"The constant {w.num(a)} is the expected {reg.y_name} score when {reg.x_name} is zero; the "
                f"coefficient {w.num(b)} means that each additional point of {reg.x_name} "
                f"{'raises' if (b or 0) >= 0 else 'lowers'} {reg.y_name} by {w.num(abs(b or 0))} points.")
    else:
        text = (f"Konstanta sebesar {w.num(a)} menyatakan bahwa jika {reg.x_name} bernilai nol, maka skor "
                f"{reg.y_name} adalah {w.num(a)}. Koefisien regresi sebesar {w.num(b)} menyatakan bahwa setiap "
                f"penambahan satu satuan skor {reg.x_name} akan "
                f"{'meningkatkan' if (b or 0) >= 0 else 'menurunkan'} skor {reg.y_name} sebesar {w.num(abs(b or 0))}.")
    return eq, text


def model_summary_paragraph(reg, w: Wording, label: str) -> str:
    """R, R² and the standard error in words."""
    if w.language == "en":
        return (f"{label} shows that, for the {reg.n} complete questionnaires, R is {w.num(reg.R)}, R Square is "
                f"{w.num(reg.R2)} and the adjusted R Square is {w.num(reg.adj_R2)}; the standard error of the "
                f"estimate is {w.num(reg.se_est)}.")
    return (f"Berdasarkan {label}, dari {reg.n} kuesioner lengkap diperoleh nilai koefisien korelasi (R) sebesar "
            f"{w.num(reg.R)} dan koefisien determinasi (R Square) sebesar {w.num(reg.R2)}, dengan Adjusted R Square "
            f"{w.num(reg.adj_R2)} dan standard error of the estimate {w.num(reg.se_est)}.")


def anova_paragraph(reg, w: Wording, label: str) -> str:
    """F and its Sig. against alpha."""
    row = reg.row("Regression")
    d = reg.decision
    if w.language == "en":
        return (f"As {label} shows, F is {w.num(row.F)} with a Sig. of {w.num(row.p)}. Because "
                f"{d.F_text.get('en')}, the regression model {'can' if d.significant else 'cannot'} be used to "
                f"predict {reg.y_name}.")
    return (f"Dari {label} diketahui nilai F hitung sebesar {w.num(row.F)} dengan tingkat signifikansi "
            f"{w.num(row.p)}. Karena {d.F_text.get('id')}, model regresi "
            f"{'dapat' if d.significant else 'tidak dapat'} dipakai untuk memprediksi {reg.y_name}.")


def coefficients_paragraph(reg, w: Wording, label: str) -> str:
    """t of the slope against t table."""
    d = reg.decision
    slope = reg.coefficients[1]
    if w.language == "en":
        return (f"As {label} shows, the coefficient of {reg.x_name} has a t value of {w.num(slope.t)} and a Sig. of "
                f"{w.num(slope.p)}: {d.t_text.get('en')}.")
    return (f"Berdasarkan {label}, variabel {reg.x_name} memiliki t hitung sebesar {w.num(slope.t)} dengan Sig. "
            f"{w.num(slope.p)}; {d.t_text.get('id')}.")
