"""Word frequency and keyword-in-context on the shared Indonesian spaCy pipeline.

Word frequency tokenizes the chosen text with ``spacy.blank("id")`` (through
:mod:`qda.nlp.pipeline`), keeps tokens with a letter (no punctuation, numbers or URLs),
and counts surface forms (lower case) or lemmas (:func:`qda.nlp.pipeline.lemma_of`, the
lookup table of spacy-lookups-data). Stop words are spaCy's Indonesian list plus the
project's own (``project.queries.stop_words()``); a word n-gram is left out when it
starts or ends with a stop word. By default only what informants say is counted:
interviewer turns are skipped (:mod:`qda.analysis.units`); documents without turns count whole.

Keyword-in-context finds a word, a phrase (several words, any spacing between them) or
every form of a lemma, case-insensitively and as whole words, with a window of context
on each side; lines sort by document, by the left context (read from the keyword
leftwards) or by the right context.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator, Sequence

from qda.analysis.corpus import Corpus, Filters, corpus as corpus_of
from qda.errors import InvalidValue
from qda.i18n import tr

_WORDS = re.compile(r"\w+(?:[-’']\w+)*")
SORTS = ("document", "left", "right")


@dataclass(frozen=True)
class WordCount:
    """A word (or n-gram) with its number of occurrences and of documents it occurs in."""

    word: str
    count: int
    documents: int


@dataclass(frozen=True)
class KwicLine:
    """One occurrence: the document, the match's span, its line and the context either side."""

    document: str
    document_id: int
    start: int
    end: int
    line: int
    left: str
    match: str
    right: str

    def to_json(self) -> dict[str, Any]:
        """The ``kwic --json`` object (contract fields first)."""
        out = asdict(self)
        return {k: out[k] for k in ("document", "start", "end", "left", "match", "right", "line", "document_id")}


def stop_list(project: Any) -> frozenset[str]:
    """spaCy's Indonesian stop words plus the project's own."""
    from qda.nlp.pipeline import stop_words

    return stop_words() | frozenset(project.queries.stop_words())


def _pieces(data: Corpus, doc_ids: Iterable[int], speakers: str | Sequence[str]) -> list[tuple[int, int, str]]:
    """``(doc, offset, text)`` pieces to analyse: the chosen speakers' turns, cut under spaCy's limit."""
    from qda.analysis.units import speech_spans
    from qda.nlp.pipeline import chunks

    out: list[tuple[int, int, str]] = []
    for doc in doc_ids:
        text = data.text(doc)
        for s, e in speech_spans(data, doc, speakers):
            for offset, piece in chunks(text[s:e]):
                out.append((doc, s + offset, piece))
    return out


def _documents(data: Corpus, documents: Sequence[str] | None, kinds: Sequence[str] | None = None) -> list[int]:
    filters = Filters(documents=list(documents or []), kinds=list(kinds or []))
    docs = sorted(data.select_documents(filters), key=lambda d: data.documents[d].name.casefold())
    data.load_texts(docs)
    return docs


def word_frequencies(project: Any, *, lemma: bool = False, ngram: int = 1, documents: Sequence[str] | None = None,
                     kinds: Sequence[str] | None = None, speakers: str | Sequence[str] = "informants",
                     keep_stop_words: bool = False, min_count: int = 1, limit: int | None = None,
                     corpus: Corpus | None = None) -> list[WordCount]:
    """Words (or 2-/3-grams) by falling count, then alphabetically."""
    if ngram not in (1, 2, 3):
        raise InvalidValue(tr("n-gram harus 1, 2 atau 3 (bukan {n})", n=ngram))
    from qda.analysis.textindex import piece_words
    from qda.nlp.pipeline import lemma_of

    data = corpus or corpus_of(project)
    stops = frozenset() if keep_stop_words else stop_list(project)
    pieces = _pieces(data, _documents(data, documents, kinds), speakers)
    counts: Counter[str] = Counter()
    seen_in: dict[str, set[int]] = {}
    for (doc_id, _, _), words in zip(pieces, piece_words(p[2] for p in pieces)):
        if lemma:
            words = [lemma_of(w) for w in words]
        if ngram == 1:
            grams = [w for w in words if w not in stops]
        else:
            grams = [" ".join(words[i:i + ngram]) for i in range(len(words) - ngram + 1)
                     if words[i] not in stops and words[i + ngram - 1] not in stops]
        counts.update(grams)
        for g in set(grams):
            seen_in.setdefault(g, set()).add(doc_id)
    ranked = sorted(((w, n) for w, n in counts.items() if n >= min_count), key=lambda x: (-x[1], x[0]))
    if limit is not None:
        ranked = ranked[:limit]
    return [WordCount(w, n, len(seen_in[w])) for w, n in ranked]


def _pattern(data: Corpus, term: str, lemma: bool, doc_ids: list[int]) -> tuple[re.Pattern[str], set[str]]:
    """The whole-word pattern of ``term`` and the lower-case forms it may match (every form of a lemma)."""
    words = term.split()
    if not words:
        raise InvalidValue(tr("kata yang dicari kosong"))
    if not lemma or len(words) > 1:
        body = r"\s+".join(re.escape(w) for w in words)
        return re.compile(rf"(?<![\w-]){body}(?![\w])", re.IGNORECASE), {words[0].lower()}
    from qda.nlp.pipeline import lemma_of

    target = lemma_of(words[0])
    forms = {w for w in _vocabulary(data, doc_ids) if lemma_of(w) == target} | {words[0].lower(), target}
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE), forms


def _vocabulary(data: Corpus, doc_ids: list[int]) -> set[str]:
    """Every distinct lower-case word of the documents (the keys of their word indexes)."""
    from qda.analysis.textindex import word_starts

    out: set[str] = set()
    for doc in doc_ids:
        out.update(word_starts(data.text(doc)))
    return out


def _matches(text: str, pattern: re.Pattern[str], forms: set[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only where the word index says a form begins."""
    from qda.analysis.textindex import first_run, word_starts

    runs = {first_run(f) for f in forms}
    if None in runs:  # a term starting with punctuation: no index entry can hold it
        yield from pattern.finditer(text)
        return
    index = word_starts(text)
    starts = sorted(s for run in runs for s in index.get(run, ()))  # type: ignore[arg-type]
    end = 0
    for s in starts:
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is not None:
            end = m.end()
            yield m


def kwic(project: Any, term: str, *, lemma: bool = False, documents: Sequence[str] | None = None,
         kinds: Sequence[str] | None = None, speakers: str | Sequence[str] = "all", width: int = 60,
         sort: str = "document", limit: int | None = None, corpus: Corpus | None = None) -> list[KwicLine]:
    """Every occurrence of ``term`` (word, phrase, or with ``lemma`` every form of its lemma) in context."""
    if sort not in SORTS:
        raise InvalidValue(tr("urutan tidak dikenal: {s} (pilih: {all})", s=sort, all=", ".join(SORTS)))
    from bisect import bisect_right

    from qda.analysis.units import speech_spans
    from qda.reports.citations import LineIndex

    data = corpus or corpus_of(project)
    doc_ids = _documents(data, documents, kinds)
    pattern, forms = _pattern(data, term, lemma, doc_ids)
    out: list[KwicLine] = []
    for doc in doc_ids:
        text = data.text(doc)
        spans = None if speakers == "all" else speech_spans(data, doc, speakers)
        starts = [s for s, _ in spans] if spans else []
        index: LineIndex | None = None
        name = data.documents[doc].name
        for m in _matches(text, pattern, forms):
            s, e = m.span()
            if spans is not None:
                k = bisect_right(starts, s) - 1
                if k < 0 or spans[k][1] < e:
                    continue
            if index is None:
                index = LineIndex(text)
            left = " ".join(text[max(0, s - width):s].split())
            right = " ".join(text[e:e + width].split())
            if text[max(0, s - width):s][-1:].isspace():
                left += " "
            if text[e:e + 1].isspace():
                right = " " + right
            out.append(KwicLine(name, doc, s, e, index.line_of(s), left, m.group(0), right))
            if limit is not None and len(out) >= limit and sort == "document":
                return out
    if sort == "left":
        out.sort(key=lambda k: (_reversed_words(k.left), k.document.casefold(), k.start))
    elif sort == "right":
        out.sort(key=lambda k: ([w.casefold() for w in _WORDS.findall(k.right)], k.document.casefold(), k.start))
    return out[:limit] if limit is not None else out


def _reversed_words(left: str) -> list[str]:
    """Left context read from the keyword outwards (the word just before the keyword first)."""
    return [w.casefold() for w in reversed(_WORDS.findall(left))]
