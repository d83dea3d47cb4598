"""Indicator terms matched in text with spaCy's PhraseMatcher, variants included.

Each term (``"rapat koordinasi"``) is tokenised by the shared pipeline; its words' variant
forms (see :mod:`qda.autocode.variants`) are learned from each text as it arrives and added
to one :class:`~spacy.matcher.PhraseMatcher` on the ``LOWER`` attribute, so lemma, informal
and misspelt forms match at the matcher's speed and every distinct form is examined once.
Where matches nest, the longest wins (``kepuasan kerja`` rather than ``puas`` inside it).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Iterable, Sequence

from qda.autocode.variants import KINDS, VariantIndex

#: weight of one matched term: by its length in words, then scaled by how it matched
PHRASE_WEIGHT = 0.8
WORD_WEIGHT = 0.65
KIND_FACTOR = {"exact": 1.0, "lemma": 0.85, "informal": 0.95, "fuzzy": 0.95}
_MAX_PATTERNS_PER_TERM = 256
#: a term right after one of these names a person ("Pak Camat"), weaker evidence than the concept
HONORIFICS = frozenset("pak bapak bu ibu mas mbak bang kak".split())
HONORIFIC_FACTOR = 0.5


@dataclass(frozen=True)
class CodeTerms:
    """A code and its indicator terms."""

    code_id: int
    name: str
    terms: tuple[str, ...]
    #: matched only as context (what a question asks about, where an answer changes topic), never suggested
    context: bool = False


@dataclass(frozen=True)
class Term:
    """One indicator term of one code, as words (lower case)."""

    code_id: int
    text: str
    words: tuple[str, ...]

    @property
    def weight(self) -> float:
        return PHRASE_WEIGHT if len(self.words) > 1 else WORD_WEIGHT


@dataclass(frozen=True)
class Hit:
    """A term found at tokens ``[start, end)`` of a doc, with how it matched."""

    term: Term
    start: int
    end: int
    kind: str
    similarity: float
    after_honorific: bool = False

    @property
    def weight(self) -> float:
        factor = KIND_FACTOR[self.kind] * (self.similarity if self.kind == "fuzzy" else 1.0)
        if self.after_honorific:
            factor *= HONORIFIC_FACTOR
        return self.term.weight * factor


class TermMatcher:
    """Finds the indicator terms of many codes in spaCy docs."""

    def __init__(self, codes: Sequence[CodeTerms]) -> None:
        from spacy.matcher import PhraseMatcher

        from qda.nlp.pipeline import pipeline

        nlp = pipeline()
        self.vocab = nlp.vocab
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.terms: list[Term] = []
        seen = set()
        for code in codes:
            for text in code.terms:
                words = tuple(t.lower_ for t in nlp.make_doc(text.strip()) if not t.is_space)
                if words and (code.code_id, words) not in seen:
                    seen.add((code.code_id, words))
                    self.terms.append(Term(code.code_id, text.strip(), words))
        self._word_terms: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            for word in set(term.words):
                self._word_terms.setdefault(word, []).append(index)
        self.index = VariantIndex(self._word_terms)
        # indicator word -> {form: (kind, similarity)}
        self._variants: dict[str, dict[str, tuple[str, float]]] = {w: {w: ("exact", 1.0)} for w in self._word_terms}
        self._keys: dict[int, tuple[int, str, float]] = {}
        self._patterns = [0] * len(self.terms)
        self._seen: set[int] = set()
        for index, term in enumerate(self.terms):
            self._add(index, [term.words])

    def _add(self, index: int, combos: Iterable[Sequence[str]]) -> None:
        from spacy.tokens import Doc

        by_key: dict[str, list] = {}
        for forms in combos:
            if self._patterns[index] >= _MAX_PATTERNS_PER_TERM:
                break
            term = self.terms[index]
            infos = [self._variants[w][f] for w, f in zip(term.words, forms)]
            kind = max((k for k, _s in infos), key=KINDS.index)
            similarity = round(min(s for _k, s in infos), 2)
            key = f"{index}:{kind}:{similarity}"
            by_key.setdefault(key, []).append(Doc(self.vocab, words=list(forms)))
            self._patterns[index] += 1
        for key, docs in by_key.items():
            self._matcher.add(key, docs)
            index_s, kind, sim = key.split(":")
            self._keys[self.vocab.strings[key]] = (int(index_s), kind, float(sim))

    def learn(self, doc, lowers=None) -> None:
        """Classify the word forms of ``doc`` not seen before; add patterns for new variants.

        ``lowers`` is the doc's ``LOWER`` column when the caller has it (``doc.to_array``).
        """
        import numpy as np
        from spacy.attrs import LOWER

        if lowers is None:
            lowers = doc.to_array([LOWER])
        strings = self.vocab.strings
        seen = self._seen
        for key in np.unique(lowers).tolist():
            if key in seen:
                continue
            seen.add(key)
            form = strings[key]
            if not form[:1].isalpha() or form in self._variants:
                continue
            for word, kind, similarity in self.index.classify(form):
                if form not in self._variants[word]:
                    self._variants[word][form] = (kind, similarity)
                    self._add_variant(word, form)

    def _add_variant(self, word: str, form: str) -> None:
        for index in self._word_terms[word]:
            term = self.terms[index]
            choices = [[form] if w == word else list(self._variants[w]) for w in term.words]
            self._add(index, product(*choices))

    def hits(self, doc, lowers=None) -> list[Hit]:
        """Matches in ``doc``, longest first where they nest, ordered by position.

        A match inside a longer one (``puas`` in ``kepuasan kerja``) is dropped; matches of
        exactly the same tokens (terms of different codes) are all kept.
        """
        self.learn(doc, lowers)
        found = []
        for key, start, end in self._matcher(doc):
            index, kind, similarity = self._keys[key]
            titled = start > 0 and doc[start - 1].lower_ in HONORIFICS and doc[start].is_title
            found.append(Hit(self.terms[index], start, end, kind, similarity, titled))
        if len(found) < 2:
            return found
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        far_end, far_start = -1, -1  # the furthest end of a kept match, and the first start reaching it
        for hit in found:
            if hit.end < far_end or (hit.end == far_end and far_start < hit.start):
                continue
            if hit.end > far_end:
                far_end, far_start = hit.end, hit.start
            kept.append(hit)
        return kept


def combine(weights: Iterable[float]) -> float:
    """The score of several pieces of evidence: ``1 - Π(1 - w)``."""
    rest = 1.0
    for w in weights:
        rest *= 1.0 - w
    return 1.0 - rest
