"""The sentences a thesis writes under the tables: strength of r, determination, decision."""

from __future__ import annotations

from qda.survey.numfmt import fmt, fmt_pct
from qda.survey.result import Wording

# Sugiyono's interpretation of the correlation coefficient: (lower bound, key, English).
STRENGTH = [
    (0.80, "sangat kuat", "very strong", "0,80–1,000", "0.80–1.000"),
    (0.60, "kuat", "strong", "0,60–0,799", "0.60–0.799"),
    (0.40, "sedang", "moderate", "0,40–0,599", "0.40–0.599"),
    (0.20, "rendah", "weak", "0,20–0,399", "0.20–0.399"),
    (0.00, "sangat rendah", "very weak", "0,00–0,199", "0.00–0.199"),
]


def strength(r: float | None) -> tuple[str | None, Wording | None]:
    """Sugiyono's category of |r| and a phrase naming its interval."""
    if r is None:
        return None, None
    a = abs(r)
    for lower, key, en, span_id, span_en in STRENGTH:
        if a >= lower:
            return key, Wording(f"{key} (interval {span_id})", f"{en} (interval {span_en})")
    return None, None  # pragma: no cover


def determination(r2: float | None, x_name: str, y_name: str) -> Wording | None:
    """KD = R² x 100%: the share of Y's variation explained by X, and the rest."""
    if r2 is None:
        return None
    kd, rest = r2 * 100.0, 100.0 - r2 * 100.0
    return Wording(
        f"Koefisien determinasi (KD = R² × 100%) sebesar {fmt_pct(kd, 1, 'id')}: {fmt_pct(kd, 1, 'id')} "
        f"variasi {y_name} dijelaskan oleh {x_name}, sedangkan sisanya {fmt_pct(rest, 1, 'id')} "
        f"dipengaruhi oleh faktor lain yang tidak diteliti.",
        f"Coefficient of determination (R² × 100%) {fmt_pct(kd, 1, 'en')}: {fmt_pct(kd, 1, 'en')} of the "
        f"variation in {y_name} is explained by {x_name}; the remaining {fmt_pct(rest, 1, 'en')} is due to "
        f"other factors not studied.")


def interpretation(r: float | None, key: str | None, det: Wording | None, x_name: str, y_name: str) -> Wording:
    """The paragraph on the strength and direction of the relation and the KD."""
    if r is None or key is None:
        return Wording("Korelasi X dan Y tidak dapat dihitung (salah satu total tidak bervariasi "
                       "atau kasus terlalu sedikit).",
                       "The correlation of X and Y cannot be computed (a total does not vary or "
                       "there are too few cases).")
    _, found = strength(r)
    words = found or Wording("", "")
    dir_id = "positif" if r >= 0 else "negatif"
    dir_en = "positive" if r >= 0 else "negative"
    en_key, span_en = next((s[2], s[4]) for s in STRENGTH if s[1] == key)
    return Wording(
        f"Nilai R = {fmt(abs(r), 3, 'id')} menunjukkan hubungan {dir_id} yang {words.id} antara "
        f"{x_name} dan {y_name} menurut pedoman interpretasi koefisien korelasi Sugiyono. "
        + (det.id if det else ""),
        f"R = {fmt(abs(r), 3, 'en')} indicates a {en_key} {dir_en} relationship between {x_name} and "
        f"{y_name} (interval {span_en} in Sugiyono's guideline). " + (det.en if det else ""))


def hypotheses(x_name: str, y_name: str) -> Wording:
    """H0 and Ha of the simple regression."""
    return Wording(f"H0: tidak ada pengaruh yang signifikan {x_name} terhadap {y_name}; "
                   f"Ha: ada pengaruh yang signifikan {x_name} terhadap {y_name}.",
                   f"H0: {x_name} has no significant effect on {y_name}; "
                   f"Ha: {x_name} has a significant effect on {y_name}.")


def compare(label_id: str, label_en: str, left: float | None, right: float | None,
            nd_left: int = 3, nd_right: int = 3, extra_id: str = "", extra_en: str = "") -> Wording:
    """``"t hitung > t tabel (4,643 > 2,048)"`` with the right sign, both languages."""
    if left is None or right is None:
        return Wording(f"{label_id}: tidak dapat dihitung", f"{label_en}: cannot be computed")
    sign = ">" if left > right else ("<" if left < right else "=")
    lid, lhs_id = label_id.split("|")
    len_, lhs_en = label_en.split("|")
    return Wording(f"{lid} {sign} {lhs_id} ({fmt(left, nd_left, 'id')} {sign} {fmt(right, nd_right, 'id')}{extra_id})",
                   f"{len_} {sign} {lhs_en} ({fmt(left, nd_left, 'en')} {sign} {fmt(right, nd_right, 'en')}{extra_en})")


def conclusion(reject: bool | None, x_name: str, y_name: str) -> Wording:
    """H0 ditolak, Ha diterima (or the reverse) with what it means."""
    if reject is None:
        return Wording("Keputusan hipotesis tidak dapat diambil karena regresi tidak dapat dihitung.",
                       "No hypothesis decision: the regression cannot be computed.")
    if reject:
        return Wording(f"H0 ditolak, Ha diterima: ada pengaruh yang signifikan {x_name} terhadap {y_name}.",
                       f"H0 is rejected and Ha accepted: {x_name} has a significant effect on {y_name}.")
    return Wording(f"H0 diterima, Ha ditolak: tidak ada pengaruh yang signifikan {x_name} terhadap {y_name}.",
                   f"H0 is retained and Ha rejected: {x_name} has no significant effect on {y_name}.")
