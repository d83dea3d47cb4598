"""Word indexes of texts, built once per text and reused by word frequency and keyword in context.

Both caches are keyed by the text itself, so they outlive an analysis snapshot (a new
coding or review rebuilds the snapshot but leaves every text, and so every index, as it
was) and are never stale: an edited text is a different key and is indexed afresh. They
live for the process and are bounded by the number of characters they index (the
oldest entries are dropped first).

- :func:`word_starts` — a document's inverted index: each lower-case run of word
  characters (``\\w+``) not preceded by a hyphen → its start offsets, ascending. Those
  are exactly the places where a whole-word search (``(?<![\\w-])term(?!\\w)``) can
  begin, so keyword in context looks the term up instead of scanning the text.
- :func:`piece_words` — the words of one piece of text by the shared spaCy tokenizer
  (:mod:`qda.nlp.pipeline`): lower-case tokens with a letter that are not URLs or numbers.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Iterable

_RUN = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
#: Characters of text each cache may index before its oldest entries are dropped.
BUDGET = 60_000_000

_lock = threading.Lock()


class _Bounded:
    """An insertion-ordered cache from a text to its index, bounded by total characters."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.items: OrderedDict[str, object] = OrderedDict()
        self.size = 0

    def get(self, text: str) -> object | None:
        return self.items.get(text)

    def put(self, text: str, value: object) -> None:
        if text in self.items:
            return
        self.items[text] = value
        self.size += len(text)
        while self.size > self.budget and len(self.items) > 1:
            old, _ = self.items.popitem(last=False)
            self.size -= len(old)

    def clear(self) -> None:
        self.items.clear()
        self.size = 0


_starts = _Bounded(BUDGET)
_words = _Bounded(BUDGET)


def word_starts(text: str) -> dict[str, list[int]]:
    """Lower-case word run → its start offsets in ``text`` (runs after a hyphen left out)."""
    with _lock:
        found = _starts.get(text)
    if found is not None:
        return found  # type: ignore[return-value]
    index: dict[str, list[int]] = {}
    for m in _RUN.finditer(text):
        s = m.start()
        if s and text[s - 1] == "-":
            continue
        key = m.group().lower()
        slot = index.get(key)
        if slot is None:
            index[key] = [s]
        else:
            slot.append(s)
    with _lock:
        _starts.put(text, index)
    return index


def first_run(term: str) -> str | None:
    """The lower-case word run a match of ``term`` starts with, or None when ``term`` starts with no word character."""
    m = _RUN.match(term)
    return m.group().lower() if m else None


def piece_words(pieces: Iterable[str]) -> list[list[str]]:
    """The words of each piece (spaCy tokens with a letter, no URLs or numbers, lower case), cached by piece.

    Pieces not yet cached go through :func:`qda.nlp.pipeline.docs`, the shared tokenizer
    path with its primed cache (tokenizer only: no sentences, no lemmas). Whether a token
    is a word depends only on its lexeme (its text), so each distinct form is classified
    once (:func:`_word_of`) and a doc's words are read from its array of form ids.
    """
    from qda.nlp.pipeline import docs
    from spacy.attrs import ORTH

    pieces = list(pieces)
    with _lock:
        found: list[list[str] | None] = [_words.get(p) for p in pieces]  # type: ignore[misc]
    missing = list(dict.fromkeys(p for p, f in zip(pieces, found) if f is None))
    if missing:
        fresh: dict[str, list[str]] = {}
        known = _forms
        for piece, doc in zip(missing, docs(missing, 256, lemmas=False, sentences=False)):
            ids = doc.to_array(ORTH).tolist()
            for orth in [o for o in set(ids) if o not in known]:  # never iterates the shared dict
                known[orth] = _word_of(doc.vocab[orth])
            fresh[piece] = [w for w in map(known.__getitem__, ids) if w]
        with _lock:
            for piece, words in fresh.items():
                _words.put(piece, words)
        found = [f if f is not None else fresh[p] for p, f in zip(pieces, found)]
    return found  # type: ignore[return-value]


#: form id (spaCy's hash of the token text) → the lower-case word, or "" for a token that is no word
_forms: dict[int, str] = {}


def _word_of(lexeme) -> str:
    """The lower-case form of a token with this text when it counts as a word (a letter, not a URL or number), else ""."""
    if lexeme.like_url or lexeme.like_num or not _LETTER.search(lexeme.orth_):
        return ""
    return lexeme.lower_


def clear() -> None:
    """Forget every index (tests; memory)."""
    with _lock:
        _starts.clear()
        _words.clear()
        _forms.clear()
