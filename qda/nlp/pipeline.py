"""The one Indonesian spaCy pipeline of qda, built once per process and reused.

``spacy.blank("id")`` gives the tokenizer and the stop-word list; a sentencizer splits
sentences; the lookup lemmatizer (table from spacy-lookups-data, shipped in the wheel)
gives lemmas. The table is keyed by lower-case forms, so :func:`lemma_of` looks up the
lower-cased token and, for a form the table lacks, the form without an enclitic
(``-nya``, ``-lah``, ``-kah``, ``-pun``): "koordinasinya" → "koordinasi",
"Pelayanannya" → "layan".

spaCy is imported lazily: importing this module costs nothing until a pipeline is asked for.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

_lock = threading.Lock()
_ENCLITICS = ("nya", "lah", "kah", "pun")
# spaCy's tokenizer raises for texts over nlp.max_length; transcripts are split before that.
MAX_CHARS = 500_000
# distinct whitespace-separated chunks the tokenizer keeps tokenised (spaCy's default is 10,000)
TOKENIZER_CACHE = 300_000
_primed: set[str] = set()


@lru_cache(maxsize=1)
def _build() -> "Language":
    import spacy

    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = MAX_CHARS + 1
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    return nlp


def pipeline() -> "Language":
    """The shared pipeline (tokenizer, sentencizer, lookup lemmatizer); built on first use."""
    with _lock:
        return _build()


@lru_cache(maxsize=1)
def _lemma_table():  # a spacy.lookups.Table: keyed by string hashes, looked up with .get(str)
    return pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    """The lemma of one word form (lower case); the lower-cased form itself when unknown."""
    low = word.lower()
    table = _lemma_table()
    found = table.get(low)
    if found:
        return found
    stem = strip_enclitic(low)
    return table.get(stem, stem) if stem != low else low


def strip_enclitic(word: str) -> str:
    """``word`` (lower case) without a final ``-nya``/``-lah``/``-kah``/``-pun``, leaving ≥ 3 letters."""
    for suffix in _ENCLITICS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)].rstrip("-")
    return word


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[str]:
    return frozenset(_lemma_table().values())


def known_form(word: str) -> bool:
    """True when ``word`` (lower case), or it without an enclitic, is a form the lemma table or stop list knows."""
    table, lemmas, stops = _lemma_table(), _lemmas(), stop_words()
    for form in {word, strip_enclitic(word)}:
        if form in lemmas or form in stops or table.get(form) is not None:
            return True
    return False


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's Indonesian stop words (lower case)."""
    from spacy.lang.id.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


def chunks(text: str, limit: int = MAX_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pieces of ``text`` no longer than ``limit``, cut at a newline or space."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def docs(texts: Iterable[str], batch_size: int = 64, *, lemmas: bool = True,
         sentences: bool = True) -> Iterator["Doc"]:
    """Run the pipeline over texts (each under :data:`MAX_CHARS`) in batches.

    ``lemmas=False`` skips the per-token lemmatizer, for callers that lemmatise each
    distinct word form once with :func:`lemma_of` (auto-coding does); ``sentences=False``
    skips the sentencizer, for callers that split only some docs with :func:`split_sentences`.
    """
    disable = tuple(name for name, wanted in (("lemmatizer", lemmas), ("sentencizer", sentences)) if not wanted)
    nlp = pipeline()
    yield from nlp.pipe(_primed_texts(nlp, texts), batch_size=batch_size, disable=disable)


def _primed_texts(nlp: "Language", texts: Iterable[str]) -> Iterator[str]:
    """``texts`` unchanged, each after its new whitespace-separated chunks were put in the tokenizer's cache.

    spaCy's tokenizer stops caching chunks for the rest of a doc once a special case
    (an abbreviation, an emoticon …) occurred in it, so in a long transcript almost every
    word went through the prefix/suffix/infix rules again. Tokenising each distinct new
    chunk on its own once caches it (the tokenizer handles chunks independently, so the
    tokens are the same); the docs then come from the cache.
    """
    tokenizer = nlp.tokenizer
    for text in texts:
        if len(_primed) < TOKENIZER_CACHE:
            new = set(text.split())
            new.difference_update(_primed)
            for chunk in new:
                tokenizer(chunk)
            _primed.update(new)
        yield text


@lru_cache(maxsize=1)
def _period_ids():
    import numpy as np

    nlp = pipeline()
    return np.array(sorted(nlp.vocab.strings.add(ch) for ch in nlp.get_pipe("sentencizer").punct_chars),
                    dtype=np.uint64)


def sentence_starts(doc: "Doc"):
    """Indices of the tokens that start a sentence, by the pipeline's sentencizer rule, on arrays.

    The same answer as the sentencizer (a token that is neither punctuation nor a
    sentence-final mark, after a sentence-final mark since the previous such token), for
    docs made with ``sentences=False``: numpy over the doc's arrays instead of a Python
    loop over its tokens.
    """
    import numpy as np
    from spacy.attrs import IS_PUNCT, ORTH

    n = len(doc)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    arrays = doc.to_array([ORTH, IS_PUNCT])
    ids = _period_ids()
    found = np.minimum(np.searchsorted(ids, arrays[:, 0]), len(ids) - 1)
    period = ids[found] == arrays[:, 0]
    qualifying = np.flatnonzero((arrays[:, 1] == 0) & ~period)
    seen = np.concatenate(([0], np.cumsum(period)))  # seen[i]: marks among tokens [0, i)
    starts = [0]
    if len(qualifying):
        prev = np.concatenate(([-1], qualifying[:-1]))
        hit = seen[qualifying] - seen[prev + 1] > 0
        starts.extend(int(q) for q in qualifying[hit] if q != 0)
    return np.array(starts, dtype=np.int64)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character spans of the sentences of ``text``, by the sentencizer's rule.

    Tokenizer only, sentences found with :func:`sentence_starts`; spans exclude
    surrounding whitespace; long texts are split with :func:`chunks` first.
    """
    nlp = pipeline()
    spans: list[tuple[int, int]] = []
    for offset, piece in chunks(text):
        doc = nlp.make_doc(piece)
        starts = [int(i) for i in sentence_starts(doc)] + [len(doc)]
        for first, nxt in zip(starts, starts[1:]):
            if nxt <= first:
                continue
            last = doc[nxt - 1]
            start, end = doc[first].idx, last.idx + len(last.text)
            while end > start and piece[end - 1].isspace():
                end -= 1
            while start < end and piece[start].isspace():
                start += 1
            if end > start:
                spans.append((offset + start, offset + end))
    return spans
