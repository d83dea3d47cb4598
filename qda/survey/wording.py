"""The sentences a thesis writes under the tables: strength of r, determination, decision.

Each is an Indonesian gettext message (English in ``resources/locale/en/LC_MESSAGES/survey.po``)
rendered in both languages by :meth:`qda.survey.result.Wording.tr`; numbers go in as
:class:`qda.survey.result.Number` so each language writes them its own way.
"""

from __future__ import annotations

from qda.survey.result import Number, Wording

# Sugiyono's interpretation of the correlation coefficient: (lower bound, key, upper bound of the interval).
STRENGTH = [
    (0.80, "sangat kuat", 1.000),
    (0.60, "kuat", 0.799),
    (0.40, "sedang", 0.599),
    (0.20, "rendah", 0.399),
    (0.00, "sangat rendah", 0.199),
]


def strength(r: float | None) -> tuple[str | None, Wording | None]:
    """Sugiyono's category of |r| and a phrase naming its interval."""
    if r is None:
        return None, None
    a = abs(r)
    for lower, key, upper in STRENGTH:
        if a >= lower:
            return key, Wording.tr("{level} (interval {lower}–{upper})", level=Wording.trc("kekuatan korelasi", key),
                                   lower=Number(lower, 2), upper=Number(upper, 3))
    return None, None  # pragma: no cover


def determination(r2: float | None, x_name: str, y_name: str) -> Wording | None:
    """KD = R² x 100%: the share of Y's variation explained by X, and the rest."""
    if r2 is None:
        return None
    kd, rest = r2 * 100.0, 100.0 - r2 * 100.0
    return Wording.tr("Koefisien determinasi (KD = R² × 100%) sebesar {kd}, artinya {kd} variasi {y} dijelaskan oleh "
                      "{x}, sedangkan sisanya {rest} dipengaruhi oleh faktor lain yang tidak diteliti.",
                      kd=Number(kd, 1, percent=True), rest=Number(rest, 1, percent=True), x=x_name, y=y_name)


def interpretation(r: float | None, key: str | None, det: Wording | None, x_name: str, y_name: str) -> Wording:
    """The paragraph on the strength and direction of the relation and the KD."""
    if r is None or key is None:
        return Wording.tr("Korelasi X dan Y tidak dapat dihitung (salah satu total tidak bervariasi atau kasus terlalu "
                          "sedikit).")
    lower, _, upper = next(s for s in STRENGTH if s[1] == key)
    values = dict(r=Number(abs(r), 3), level=Wording.trc("kekuatan korelasi", key), lower=Number(lower, 2),
                  upper=Number(upper, 3), x=x_name, y=y_name)
    if r >= 0:
        text = Wording.tr("Nilai R = {r} menunjukkan hubungan positif yang {level} (interval {lower}–{upper}) antara "
                          "{x} dan {y} menurut pedoman interpretasi koefisien korelasi Sugiyono. ", **values)
    else:
        text = Wording.tr("Nilai R = {r} menunjukkan hubungan negatif yang {level} (interval {lower}–{upper}) antara "
                          "{x} dan {y} menurut pedoman interpretasi koefisien korelasi Sugiyono. ", **values)
    return text + det if det else text


def hypotheses(x_name: str, y_name: str) -> Wording:
    """H0 and Ha of the simple regression."""
    return Wording.tr("H0: tidak ada pengaruh yang signifikan {x} terhadap {y}; Ha: ada pengaruh yang signifikan {x} "
                      "terhadap {y}.", x=x_name, y=y_name)


def compare(label: str, left: float | None, right: float | None, nd_left: int = 3, nd_right: int = 3,
            df: str = "") -> Wording:
    """``"t hitung > t tabel (4,643 > 2,048 untuk df 28)"`` with the right sign, both languages.

    ``label`` is ``"t hitung|t tabel"`` (left and right names, each a catalogue entry); ``df``
    the degrees of freedom as printed ("28", "1; 28"), if any.
    """
    left_name, right_name = label.split("|")
    names = dict(left=Wording.trc("uji hipotesis", left_name), right=Wording.trc("uji hipotesis", right_name))
    if left is None or right is None:
        return Wording.tr("{left}: tidak dapat dihitung", **names)
    sign = ">" if left > right else ("<" if left < right else "=")
    values = dict(names, sign=sign, a=Number(left, nd_left), b=Number(right, nd_right), df=df)
    if df:
        return Wording.tr("{left} {sign} {right} ({a} {sign} {b} untuk df {df})", **values)
    return Wording.tr("{left} {sign} {right} ({a} {sign} {b})", **values)


def conclusion(reject: bool | None, x_name: str, y_name: str) -> Wording:
    """H0 ditolak, Ha diterima (or the reverse) with what it means."""
    if reject is None:
        return Wording.tr("Keputusan hipotesis tidak dapat diambil karena regresi tidak dapat dihitung.")
    if reject:
        return Wording.tr("H0 ditolak, Ha diterima: ada pengaruh yang signifikan {x} terhadap {y}.", x=x_name, y=y_name)
    return Wording.tr("H0 diterima, Ha ditolak: tidak ada pengaruh yang signifikan {x} terhadap {y}.", x=x_name,
                      y=y_name)
