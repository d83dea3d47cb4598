"""Units of text the analysis counts in: sentences, speaker turns, informant speech.

Sentences come from the shared spaCy pipeline (:func:`qda.nlp.pipeline.sentence_spans`),
turns from the import (the ``turn`` table). A turn belongs to the *interviewer* when its
speaker label is one researchers use for the one who asks (``P``, ``Pewawancara``,
``Peneliti``, ``T``/``Tanya``, ``Q``, ``Interviewer``, ``Moderator`` …, optionally numbered);
every other speaker is an informant. ``I`` is read as *Informan* (the Indonesian
``P:``/``I:`` convention).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterable

from qda.analysis.corpus import Corpus

INTERVIEWER_LABELS = frozenset({
    "p", "pewawancara", "peneliti", "penanya", "t", "tanya", "pertanyaan", "q", "question", "interviewer",
    "researcher", "moderator", "fasilitator", "facilitator", "wawancara", "pw"})
_NUMBER = re.compile(r"[\s\d.]+$")


def is_interviewer(speaker: str) -> bool:
    """Whether a speaker label names the one who asks (see module notes)."""
    label = speaker.split("(")[0].strip().strip("*").strip()
    label = _NUMBER.sub("", label).strip().casefold()
    return label in INTERVIEWER_LABELS


def sentences(corpus: Corpus, doc_id: int) -> list[tuple[int, int]]:
    """Sentence spans of a document (computed once per snapshot)."""
    key = ("sentences", doc_id)
    found = corpus.cache.get(key)
    if found is None:
        from qda.nlp.pipeline import sentence_spans

        found = sentence_spans(corpus.text(doc_id))
        corpus.cache[key] = found
    return found


def turns(corpus: Corpus, doc_id: int) -> list[tuple[int, int]]:
    """Speaker-turn spans of a document (empty when it has no turns)."""
    return [(s, e) for _, s, e in corpus.turns.get(doc_id, ())]


def units(corpus: Corpus, doc_id: int, unit: str) -> list[tuple[int, int]]:
    """The spans of ``unit`` (``sentence`` or ``turn``) in a document, by start."""
    if unit == "sentence":
        return sentences(corpus, doc_id)
    if unit == "turn":
        return turns(corpus, doc_id)
    raise ValueError(unit)


def unit_range(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> range:
    """Indices of the unit spans (sorted, disjoint; ``starts`` their starts) that overlap ``[start, end)``."""
    first = bisect_right(starts, start) - 1
    if first < 0 or spans[first][1] <= start:
        first += 1
    last = bisect_left(starts, end)  # units starting before end
    return range(max(first, 0), last)


def speech_spans(corpus: Corpus, doc_id: int, speakers: str | Iterable[str] = "informants") -> list[tuple[int, int]]:
    """The parts of a document to count words in.

    ``"informants"``: every turn whose speaker is not the interviewer (the whole text
    when the document has no turns: observations and documents are not dialogues);
    ``"all"``: the whole text; otherwise the turns of the named speakers
    (case-insensitive).
    """
    text_len = corpus.documents[doc_id].length
    doc_turns = corpus.turns.get(doc_id, [])
    if speakers == "all" or (speakers == "informants" and not doc_turns):
        return [(0, text_len)]
    if speakers == "informants":
        chosen = [(s, e) for who, s, e in doc_turns if not is_interviewer(who)]
    else:
        wanted = {str(s).strip().casefold() for s in speakers}
        chosen = [(s, e) for who, s, e in doc_turns if who.strip().casefold() in wanted]
    text = corpus.text(doc_id)
    return [(_after_label(text, s, e), e) for s, e in chosen]


def _after_label(text: str, start: int, end: int) -> int:
    """Where a turn's words begin: after its speaker label (``Bu Ratna (00:01:02):``)."""
    colon = text.find(":", start, min(end, start + 80))
    if colon == -1:
        return start
    # a timestamp's colon (00:01:02) is not the label's: take the last colon before the first space after it
    while colon + 1 < end and text[colon + 1].isdigit():
        colon = text.find(":", colon + 1, min(end, start + 80))
        if colon == -1:
            return start
    return colon + 1
