"""The paragraphs written under the survey tables, in the manner of an Indonesian thesis.

Every number comes from the analysis result; sentence patterns rotate (by the table's
position) so a chapter with twenty item tables does not repeat one sentence twenty
times. Each function returns the paragraph in the report language: the sentences are
Indonesian gettext messages, English comes from ``resources/locale/en/LC_MESSAGES/reports.po``
(one English sentence may translate several rotating Indonesian patterns).
"""

from __future__ import annotations

from typing import Sequence

from qda.reports.lang import Wording
from qda.survey.continuum import category_name
from qda.survey.numfmt import SCORE_PCT_DECIMALS


def join(parts: Sequence[str], w: Wording, context: str = "daftar") -> str:
    """``a, b dan c`` / ``a, b, and c``: :meth:`qda.reports.lang.Wording.join`."""
    return w.join(parts, context)


def quoted(label: str, w: Wording) -> str:
    """An answer label in the report language's quotation marks."""
    return w.c("kutip", "\u201c{label}\u201d", label=label)


def _top(rows) -> list:
    """Rows with the highest count (several when tied)."""
    peak = max((r.count for r in rows), default=0)
    return [r for r in rows if r.count == peak and peak > 0]


def return_paragraph(table, w: Wording, label: str, variable_ns: Sequence[int] = ()) -> str:
    """Questionnaire return, and which n each analysis uses when some questionnaires are incomplete.

    ``variable_ns`` are the n of each variable's validity test and score (complete on that
    variable's items); when one differs from the questionnaires complete on every item, the
    paragraph says so instead of claiming one n for all.
    """
    partial = table.returned - table.usable
    text = w("Berdasarkan {label} di atas, dari {d} kuesioner yang disebarkan, sebanyak {r} kuesioner ({rp}) kembali "
             "dan {u} kuesioner ({up}) terisi lengkap.", label=label, d=w.int(table.distributed),
             r=w.int(table.returned), rp=w.pct(table.returned_pct), u=w.int(table.usable), up=w.pct(table.usable_pct))
    if partial > 0 and any(n != table.usable for n in variable_ns):
        text += " " + w("Tabel frekuensi setiap butir menghitung semua jawaban yang diberikan pada butir itu, uji "
                        "validitas dan skor setiap variabel menggunakan kuesioner yang lengkap pada butir variabel itu "
                        "(n tercantum pada tabel dan uraiannya), sedangkan reliabilitas dan regresi menggunakan {u} "
                        "kuesioner yang lengkap pada semua butir.", u=w.int(table.usable))
    elif partial > 0:
        text += " " + w("Tabel frekuensi setiap butir menghitung semua jawaban yang diberikan pada butir itu (n "
                        "tercantum pada tabelnya), sedangkan uji validitas, reliabilitas, skor dan regresi "
                        "menggunakan {u} kuesioner yang lengkap.", u=w.int(table.usable))
    return text


def profile_paragraph(profile, w: Wording, label: str, index: int) -> str:
    """Respondent profile by one attribute: counts, percentages, the largest group."""
    rows = sorted([r for r in profile.rows if r.count > 0], key=lambda r: -r.count)
    if not rows:
        return w("Tidak ada jawaban pada kolom {col}.", col=profile.column)
    top = _top(rows)
    title = profile.title.lower()

    def people(r) -> str:
        return w.n("{label} sebanyak {n} orang ({pct})", count="k", k=r.count, label=r.label, n=w.int(r.count),
                   pct=w.pct(r.percent))

    first, rest = rows[0], rows[1:]
    rest_txt = join([people(r) for r in rest], w)
    lead = join([t.label for t in top], w)
    values = dict(label=label, title=title, lead=lead, all=join([people(r) for r in rows], w), first=first.label,
                  n=w.int(first.count), pct=w.pct(first.percent), rest=rest_txt, top=w.int(top[0].count),
                  total=w.int(profile.n))
    if len(top) == len(rows) > 1:
        return w.n("Berdasarkan {label} di atas, jumlah responden menurut {title} sama banyak antara {lead}, yaitu "
                   "masing-masing {top} orang ({pct}).", count="k", k=top[0].count, **values)
    if len(top) > 1:
        return w.n("Berdasarkan {label} di atas, responden menurut {title} terbagi atas {all}. Kelompok terbanyak "
                   "adalah {lead} dengan jumlah yang sama, yaitu masing-masing {top} orang.", count="k",
                   k=top[0].count, **values)
    majority = 2 * first.count > profile.n  # "sebagian besar" / "didominasi" only for more than half
    pattern = index % 3
    if pattern == 0:
        text = w.n("Berdasarkan {label} di atas, dapat dilihat bahwa responden {first} berjumlah {n} orang dengan "
                   "persentase {pct}", count="k", k=first.count, **values)
        text += w(", sedangkan {rest}.", rest=rest_txt) if rest else "."
        if majority:
            return text + " " + w("Dengan demikian, responden didominasi oleh kelompok {lead}.", lead=lead)
        return text + " " + w("Dengan demikian, responden terbanyak berasal dari kelompok {lead}.", lead=lead)
    if pattern == 1:
        if majority:
            text = w.n("{label} menunjukkan bahwa sebagian besar responden menurut {title} adalah {first}, yaitu {n} "
                       "orang ({pct}) dari {total} responden.", count="k", k=first.count, **values)
        else:
            text = w.n("{label} menunjukkan bahwa responden terbanyak menurut {title} adalah {first}, yaitu {n} "
                       "orang ({pct}) dari {total} responden.", count="k", k=first.count, **values)
        return text + (" " + w("Selanjutnya, {rest}.", rest=rest_txt) if rest else "")
    text = w.n("Dari {label} diketahui bahwa {title} responden yang terbanyak adalah {first} sebanyak {n} orang atau "
               "{pct}", count="k", k=first.count, **values)
    return text + (w(", diikuti oleh {rest}.", rest=rest_txt) if rest else ".")


def _others_and_mean(text: str, parts: str, none: str, mean: str, w: Wording) -> str:
    """An item sentence closed with the other answers, the answers nobody chose and the item's mean."""
    text += w("; selain itu {parts}.", parts=parts) if parts else "."
    if none:
        text += " " + w("Tidak ada responden yang memilih {none}.", none=none)
    return text + " " + w("Rata-rata skor butir ini adalah {mean}.", mean=mean)


def item_paragraph(summary, w: Wording, label: str, index: int) -> str:
    """One item's answers: every chosen option, the highest category, the mean."""
    rows = list(summary.rows)
    top = _top(rows)
    if not top:
        return w("Tidak ada responden yang menjawab butir {item}.", item=summary.item)
    chosen = [r for r in rows if r.count > 0 and r not in top]
    unchosen = [r for r in rows if r.count == 0]
    lead = join([quoted(t.label, w) for t in top], w)
    parts = join([w.n("{n} responden ({pct}) menjawab {answer}", count="k", k=r.count, n=w.int(r.count),
                      pct=w.pct(r.percent), answer=quoted(r.label, w)) for r in chosen], w)
    none = join([quoted(r.label, w) for r in unchosen], w, "daftar atau")
    values = dict(label=label, n=w.int(summary.n_answered), item=summary.item, lead=lead, top=w.int(top[0].count),
                  pct=w.pct(top[0].percent), parts=parts, none=none, mean=w.num(summary.mean, 2),
                  total=w.int(summary.score_sum))
    if len(top) > 1:
        text = w.n("Berdasarkan {label} di atas, dari {n} responden jawaban terbanyak untuk butir {item} adalah {lead}, "
                   "masing-masing dipilih oleh {top} responden ({pct})", count="k", k=top[0].count, **values)
        return _others_and_mean(text, parts, none, values["mean"], w)
    pattern = index % 3
    if pattern == 0:
        text = w.n("Berdasarkan {label} di atas, dapat diketahui bahwa dari {n} responden, jawaban terbanyak untuk "
                   "butir {item} adalah {lead} sebanyak {top} responden ({pct})", count="k", k=top[0].count, **values)
        return _others_and_mean(text, parts, none, values["mean"], w)
    if pattern == 1:
        if 2 * top[0].count > summary.n_answered:  # "mayoritas" only for more than half of the answers
            text = w.n("{label} memperlihatkan bahwa mayoritas responden memilih {lead}, yaitu {top} orang atau "
                       "{pct}.", count="k", k=top[0].count, **values)
        else:
            text = w.n("{label} memperlihatkan bahwa jawaban yang paling banyak dipilih adalah {lead}, yaitu {top} "
                       "orang atau {pct}.", count="k", k=top[0].count, **values)
        if parts:
            text += " " + w("Adapun {parts}.", parts=parts)
        if none:
            text += " " + w("Pilihan {none} tidak dipilih oleh seorang pun.", none=none)
        return text + " " + w("Skor rata-rata dari {n} jawaban adalah {mean} dengan total skor {total}.", **values)
    text = w.n("Tanggapan responden terhadap butir {item} paling banyak berada pada kategori {lead}, yakni {top} "
               "orang ({pct})", count="k", k=top[0].count, **values)
    text += w(", sedangkan {parts}.", parts=parts) if parts else "."
    if none:
        text += " " + w("Tidak ada jawaban {none}.", none=none)
    return text + " " + w("Nilai rata-rata {mean} diperoleh dari {n} jawaban.", **values)


def items_named(items: Sequence[str], w: Wording) -> str:
    """``butir X3`` / ``butir X3 dan X10`` ("item X3" / "items X3 and X10")."""
    return w.n("butir {items}", count="k", k=len(items), items=join(list(items), w))


def validity_paragraph(var, w: Wording, label: str) -> str:
    """Which items are valid against r table, the highest and lowest r (an undefined r is said to be so)."""
    val = var.validity
    scored = [i for i in val.items if i.r is not None]
    undefined = [i.item for i in val.items if i.r is None]
    below = [i for i in val.invalid_items if i not in undefined]
    text = w.n("Berdasarkan {label}, dari {k} butir pernyataan variabel {name}, sebanyak {v} butir memiliki r hitung "
               "lebih besar dari r tabel ({rt}; n = {n}, \u03b1 = {a}) sehingga dinyatakan valid.", count="v", label=label,
             k=len(val.items), name=f"{var.name} ({var.key})", v=len(val.valid_items), rt=w.num(val.r_table, 3),
             n=val.n, a=w.num(val.alpha, 2))
    if below:
        text += " " + w.n("{Items} memiliki r hitung lebih kecil dari r tabel sehingga dinyatakan tidak valid dan "
                          "tidak diikutsertakan dalam analisis selanjutnya.", count="k", k=len(below),
                          Items=items_named(below, w)[:1].upper() + items_named(below, w)[1:])
    if undefined:
        text += " " + w.n("Nilai r {items} tidak dapat dihitung karena jawabannya tidak bervariasi, sehingga butir "
                          "tersebut dinyatakan tidak valid dan tidak diikutsertakan dalam analisis selanjutnya.",
                          count="k", k=len(undefined), items=items_named(undefined, w))
    if not val.invalid_items:
        text += " " + w("Dengan demikian seluruh butir dapat digunakan dalam analisis selanjutnya.")
    if scored:
        shown = {i.item: round(i.r, 3) for i in scored}
        top, low = max(shown.values()), min(shown.values())
        text += " " + w("Nilai r hitung tertinggi terdapat pada {hi} ({top}) dan terendah pada {lo} ({low}).",
                        hi=items_named([k for k, v in shown.items() if v == top], w), top=w.num(top),
                        lo=items_named([k for k, v in shown.items() if v == low], w), low=w.num(low))
    return text


def reliability_paragraph(rel, w: Wording, label: str) -> str:
    """Cronbach's alpha against the threshold."""
    if rel.alpha is None:
        return w("Nilai Cronbach's Alpha tidak dapat dihitung.")
    values = dict(label=label, k=rel.n_items, n=rel.cases.valid, alpha=w.num(rel.alpha),
                  threshold=w.num(rel.threshold, 2))
    if rel.alpha >= rel.threshold:
        return w("Berdasarkan {label}, hasil uji reliabilitas terhadap {k} butir dengan {n} kasus lengkap "
                 "menghasilkan nilai Cronbach's Alpha sebesar {alpha}, lebih besar dari {threshold}. Dengan demikian "
                 "instrumen penelitian dinyatakan reliabel dan dapat digunakan sebagai alat ukur.", **values)
    return w("Berdasarkan {label}, hasil uji reliabilitas terhadap {k} butir dengan {n} kasus lengkap menghasilkan "
             "nilai Cronbach's Alpha sebesar {alpha}, lebih kecil dari {threshold}. Dengan demikian instrumen "
             "penelitian dinyatakan belum reliabel.", **values)


def score_paragraph(var, w: Wording, label: str, index: int) -> str:
    """The score total on the continuum and its category."""
    s = var.score
    if s.pct is None:
        return w("Skor variabel {var} tidak dapat dihitung.", var=var.key)
    category = category_name(s.category, w.language) if s.category else "–"
    values = dict(label=label, name=var.name, sum=w.int(s.sum), max=w.int(s.max), min=w.int(s.min),
                  pct=w.pct(s.pct, SCORE_PCT_DECIMALS), category=category, scheme=s.scheme_name.get(w.language))
    if index % 2 == 0:
        return w("Berdasarkan {label}, total skor variabel {name} adalah {sum} dari skor maksimum {max} ({pct}). "
                 "Dengan skor minimum {min} dan maksimum {max}, nilai tersebut berada pada kategori \u201c{category}\u201d "
                 "menurut {scheme}.", **values)
    return w("Adapun variabel {name} memperoleh skor {sum} atau {pct} dari skor ideal {max}, sehingga termasuk "
             "kategori \u201c{category}\u201d.", **values)


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
        who = w("residual regresi") if t.target == "residual" else names.get(t.target, t.target)  # in a sentence
        values = dict(who=who, test="Shapiro–Wilk" if sw else "Kolmogorov–Smirnov",
                      p=w.num(t.sw_p if sw else t.ks_p), alpha=w.num(alpha, 2))
        if t.target == "residual":
            residual_normal = t.normal
        elif not t.normal:
            not_normal.append(values["who"])
        if t.normal:
            parts.append(w("{who} memiliki Sig. {test} {p} > {alpha} sehingga berdistribusi normal", **values))
        else:
            parts.append(w("{who} memiliki Sig. {test} {p} \u2264 {alpha} sehingga tidak berdistribusi normal",
                           **values))
    if not parts:
        return w("Uji normalitas tidak dapat dihitung.")
    text = w("Normalitas diputuskan dengan uji Shapiro–Wilk bila n \u2264 {max} dan uji Kolmogorov–Smirnov "
             "(Lilliefors) bila n lebih besar; data dinyatakan berdistribusi normal bila Sig. uji tersebut lebih besar "
             "dari {alpha}. Berdasarkan {label}, {parts}.", max=SHAPIRO_MAX_N, alpha=w.num(alpha, 2), label=label,
             parts="; ".join(parts))
    if not_normal:
        values = dict(names=join(not_normal, w))
        if residual_normal:
            text += " " + w.n("Data {names} yang tidak berdistribusi normal tidak dengan sendirinya menghalangi "
                              "analisis regresi, karena asumsi normalitas regresi berlaku bagi residualnya; residual "
                              "model ini berdistribusi normal sehingga asumsi tersebut terpenuhi.", count="k",
                              k=len(not_normal), **values)
        elif residual_normal is False:
            text += " " + w.n("Data {names} yang tidak berdistribusi normal tidak dengan sendirinya menghalangi "
                              "analisis regresi, karena asumsi normalitas regresi berlaku bagi residualnya; residual "
                              "model ini juga tidak berdistribusi normal sehingga hasil uji t dan uji F perlu "
                              "ditafsirkan dengan hati-hati.", count="k", k=len(not_normal), **values)
        else:
            text += " " + w.n("Data {names} yang tidak berdistribusi normal tidak dengan sendirinya menghalangi "
                              "analisis regresi, karena asumsi normalitas regresi berlaku bagi residualnya.",
                              count="k", k=len(not_normal), **values)
    return text


def linearity_paragraph(lin, alpha: float, w: Wording, label: str, x: str, y: str) -> str:
    """Deviation from linearity verdict."""
    p = lin.deviation.p
    if p is None:
        return w("Uji linearitas tidak dapat dihitung.")
    values = dict(label=label, p=w.num(p), alpha=w.num(alpha, 2), x=x, y=y)
    if p > alpha:
        return w("Berdasarkan {label}, nilai Sig. Deviation from Linearity sebesar {p} lebih besar dari {alpha}, "
                 "sehingga hubungan antara {x} dan {y} bersifat linear.", **values)
    return w("Berdasarkan {label}, nilai Sig. Deviation from Linearity sebesar {p} tidak lebih besar dari {alpha}, "
             "sehingga hubungan antara {x} dan {y} tidak linear.", **values)


def equation_paragraph(reg, w: Wording) -> tuple[str, str]:
    """The regression equation and its reading."""
    from qda.reports.charts import equation_text

    a, b = reg.coefficients[0].B, reg.coefficients[1].B
    eq = equation_text(a, b, w.language)
    values = dict(a=w.num(a), b=w.num(b), x=reg.x_name, y=reg.y_name, change=w.num(abs(b or 0)))
    if (b or 0) >= 0:
        text = w("Konstanta sebesar {a} menyatakan bahwa jika {x} bernilai nol, maka skor {y} adalah {a}. Koefisien "
                 "regresi sebesar {b} menyatakan bahwa setiap penambahan satu satuan skor {x} akan meningkatkan skor "
                 "{y} sebesar {change}.", **values)
    else:
        text = w("Konstanta sebesar {a} menyatakan bahwa jika {x} bernilai nol, maka skor {y} adalah {a}. Koefisien "
                 "regresi sebesar {b} menyatakan bahwa setiap penambahan satu satuan skor {x} akan menurunkan skor "
                 "{y} sebesar {change}.", **values)
    return eq, text


def model_summary_paragraph(reg, w: Wording, label: str) -> str:
    """R, R² and the standard error in words."""
    return w("Berdasarkan {label}, dari {n} kuesioner lengkap diperoleh nilai koefisien korelasi (R) sebesar {R} dan "
             "koefisien determinasi (R Square) sebesar {R2}, dengan Adjusted R Square {adj} dan standard error of the "
             "estimate {se}.", label=label, n=reg.n, R=w.num(reg.R), R2=w.num(reg.R2), adj=w.num(reg.adj_R2),
             se=w.num(reg.se_est))


def anova_paragraph(reg, w: Wording, label: str) -> str:
    """F and its Sig. against alpha."""
    row = reg.row("Regression")
    d = reg.decision
    values = dict(label=label, F=w.num(row.F), p=w.num(row.p), because=d.F_text.get(w.language), y=reg.y_name)
    if d.significant:
        return w("Dari {label} diketahui nilai F hitung sebesar {F} dengan tingkat signifikansi {p}. Karena {because}, "
                 "model regresi dapat dipakai untuk memprediksi {y}.", **values)
    return w("Dari {label} diketahui nilai F hitung sebesar {F} dengan tingkat signifikansi {p}. Karena {because}, "
             "model regresi tidak dapat dipakai untuk memprediksi {y}.", **values)


def coefficients_paragraph(reg, w: Wording, label: str) -> str:
    """t of the slope against t table, and what the comparison means."""
    d = reg.decision
    slope = reg.coefficients[1]
    values = dict(label=label, x=reg.x_name, t=w.num(slope.t), p=w.num(slope.p), because=d.t_text.get(w.language))
    if slope.t is None or d.t_tabel is None:
        return w("Berdasarkan {label}, variabel {x} memiliki t hitung sebesar {t} dengan Sig. {p}.", **values)
    if abs(slope.t) > d.t_tabel:
        return w("Berdasarkan {label}, variabel {x} memiliki t hitung sebesar {t} dengan Sig. {p}. Karena {because}, "
                 "koefisien regresi {x} signifikan.", **values)
    return w("Berdasarkan {label}, variabel {x} memiliki t hitung sebesar {t} dengan Sig. {p}. Karena {because}, "
             "koefisien regresi {x} tidak signifikan.", **values)
