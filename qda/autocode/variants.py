"""Which word forms of a text stand for which words of the indicator terms.

Every distinct form is classified once per run (never per token):

* ``exact`` — the form is the term's word (case-insensitive);
* ``lemma`` — same lemma through the shared lookup lemmatizer with enclitics stripped
  (``koordinasinya`` → ``koordinasi``, ``melayani`` ~ ``pelayanan``);
* ``informal`` — a chat or speech spelling of the word: a listed one (``gak`` → ``tidak``,
  ``udah`` → ``sudah``) or the word's consonant skeleton (``tdk`` → ``tidak``, ``pgw`` →
  ``pegawai``);
* ``fuzzy`` — a form no dictionary knows that is one edit (two for words of nine letters
  or more) from a term word, found with rapidfuzz (``pelatihn`` → ``pelatihan``).
"""

from __future__ import annotations

import re
from typing import Iterable

KINDS = ("exact", "lemma", "informal", "fuzzy")

#: spoken and chat spellings of common words (form -> standard word)
INFORMAL = {
    "gak": "tidak", "ga": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "engga": "tidak",
    "gk": "tidak", "tak": "tidak", "ndak": "tidak", "nda": "tidak", "kagak": "tidak", "tdk": "tidak",
    "blm": "belum", "udah": "sudah", "udh": "sudah", "dah": "sudah", "sdh": "sudah", "yg": "yang",
    "krn": "karena", "karna": "karena", "dgn": "dengan", "utk": "untuk", "kalo": "kalau", "klo": "kalau",
    "bgt": "banget", "aja": "saja", "jd": "jadi", "lg": "lagi", "tp": "tapi", "trs": "terus",
    "cepet": "cepat", "cape": "capek", "pengen": "ingin", "pingin": "ingin",
    "kerjaan": "pekerjaan", "duit": "uang", "ngeluh": "mengeluh", "ngasih": "memberi",
    "nunggu": "menunggu", "ngurus": "mengurus", "ngerjain": "mengerjakan", "dikasih": "diberi",
    "bos": "atasan", "komplain": "keluhan",
    "komplen": "keluhan", "training": "pelatihan", "stress": "stres", "lemburan": "lembur",
    "sosialisasinya": "sosialisasi", "ribet": "berbelit-belit",
}
_VOWELS = re.compile(r"[aiueo]")
_WORDLIKE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def skeleton(word: str) -> str:
    """The consonants of a word (``tidak`` → ``tdk``), how chat abbreviations are often formed."""
    return _VOWELS.sub("", word)


def colloquial_standard(form: str) -> list[str]:
    """Standard spellings a spoken form may stand for, by the colloquial affixes of Jakarta speech.

    A bare nasal prefix for *meN-* (``numpuk`` → menumpuk, ``ngurus`` → mengurus, ``nge-`` before
    a root: ``ngeluh`` → mengeluh, ``ngelayanin`` → melayani), *-in* for *-kan*/*-i*
    (``ngerjain`` → mengerjakan, ``dibiarin`` → dibiarkan) and *ke-…-an* of an adversity
    (``kecapekan`` → capek). Candidates only: the caller keeps those the lexicon knows.
    """
    bases = [form]
    if form.startswith("nge") and len(form) > 5:
        bases += ["me" + form[3:], "me" + form]
    elif form[0] in "nm":
        bases.append("me" + form)
    out = []
    for base in bases:
        if base != form:
            out.append(base)
        if base.endswith("in") and len(base) > 5:
            out += [base[:-2] + "kan", base[:-2] + "i"]
    if form.startswith("ke") and form.endswith("an") and len(form) > 6:
        out.append(form[2:-2])
    return out


class VariantIndex:
    """Maps word forms of a text to the indicator words they stand for."""

    def __init__(self, words: Iterable[str]) -> None:
        from qda.nlp.pipeline import lemma_of

        self.words = sorted({w.lower() for w in words})
        self._lemma_of = lemma_of
        self._by_lemma: dict[str, set[str]] = {}
        self._by_skeleton: dict[str, set[str]] = {}
        self._words = frozenset(self.words)
        for word in self.words:
            # a derived term word ("sendirian", "keterbukaan") is not widened to its root's other
            # derivations ("sendiri", "buka"): only a root word matches its derived forms
            if lemma_of(word) == word:
                self._by_lemma.setdefault(word, set()).add(word)
            if len(word) >= 4 and "-" not in word:
                self._by_skeleton.setdefault(skeleton(word), set()).add(word)
        self._fuzzy_choices = [w for w in self.words if len(w) >= 5 and _WORDLIKE.fullmatch(w)]

    def classify(self, form: str) -> list[tuple[str, str, float]]:
        """``(indicator word, kind, similarity 0..1)`` for one lower-case form (empty if none)."""
        from qda.nlp.pipeline import strip_enclitic

        found: dict[str, tuple[str, float]] = {}
        if form in self._words:
            found[form] = ("exact", 1.0)
        stem = strip_enclitic(form)
        if stem != form and stem in self._words:
            found[stem] = ("lemma", 1.0)
        for word in self._by_lemma.get(self._lemma_of(form), ()):
            found.setdefault(word, ("lemma", 1.0))
        if found:
            return [(w, k, s) for w, (k, s) in found.items()]
        standard = INFORMAL.get(form)
        if standard is not None:
            for word in {standard} & self._words | self._by_lemma.get(self._lemma_of(standard), set()):
                found[word] = ("informal", 1.0)
        elif len(form) >= 3 and not _VOWELS.search(form) and form.isalpha():
            for word in self._by_skeleton.get(form, ()):
                found[word] = ("informal", 1.0)
        elif len(form) >= 5 and form.isalpha() and not self._known(form):
            for spelled in colloquial_standard(form):
                if spelled in self._words:
                    found[spelled] = ("informal", 1.0)
                elif self._known(spelled):
                    for word in self._by_lemma.get(self._lemma_of(spelled), ()):
                        found.setdefault(word, ("informal", 1.0))
        if found or not self._fuzzy_choices or not self._unknown(form):
            return [(w, k, s) for w, (k, s) in found.items()]
        return self._fuzzy(form)

    @staticmethod
    def _known(form: str) -> bool:
        from qda.nlp.pipeline import known_form

        return known_form(form)

    def _unknown(self, form: str) -> bool:
        """A form the lemma table does not know, long enough to be a misspelt content word."""
        from qda.nlp.pipeline import known_form

        return len(form) >= 5 and _WORDLIKE.fullmatch(form) is not None and not known_form(form)

    def _fuzzy(self, form: str) -> list[tuple[str, str, float]]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 1 if len(form) < 9 else 2
        out = []
        for word, dist, _i in process.extract(form, self._fuzzy_choices, scorer=Levenshtein.distance,
                                              score_cutoff=limit, limit=3):
            if word[0] == form[0] and abs(len(word) - len(form)) <= limit:
                out.append((word, "fuzzy", 1.0 - dist / max(len(word), len(form))))
        if not out:  # a misspelt form with an enclitic: "pelatihnnya"
            from qda.nlp.pipeline import strip_enclitic

            stem = strip_enclitic(form)
            if stem != form and len(stem) >= 5:
                return self._fuzzy(stem)
        return out
