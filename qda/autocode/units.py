"""The passages a suggestion can cover: sentences or speaker turns, informants' words only.

A *region* is the text of one informant turn after its label (``[00:01:30] I:`` is not part
of what the informant said); a document without turns (observation notes, documents) is one
region after its header block. The interviewer's turns are left out unless asked for: a
speaker is the interviewer when the label is an interviewer label (``P``, ``T``, ``Q``,
``Pewawancara``, ``Peneliti`` …) or the name in the header's ``Pewawancara`` field.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

UNITS = ("sentence", "turn")

#: speaker labels (case-folded, numbers and roles ignored) that mark the interviewer's turns
INTERVIEWER_LABELS = frozenset(
    """p t q pewawancara peneliti penanya tanya pertanyaan interviewer researcher moderator fasilitator
    penulis""".split()
)
_STAMP = r"(?:[\[(][\d.:,]+[\])]|\d{1,2}:\d{2}(?::\d{2})?)"
_LABEL_END = re.compile(rf"[ \t]*(?:{_STAMP}[ \t]*(?:[-–—][ \t]*)?)?[^\n:]{{0,120}}?:(?:\*\*)?[ \t]*(?:{_STAMP}[ \t]*)?")


_NEWLINE = re.compile(r"\n")


class Region(NamedTuple):
    """A stretch of text whose sentences may be suggested (code points, end exclusive)."""

    start: int
    end: int


def _label_key(speaker: str) -> str:
    name = speaker.split(" (", 1)[0].casefold().strip()
    return re.sub(r"[\s\d]+$", "", name)


def is_interviewer(speaker: str, interviewer_name: str | None = None) -> bool:
    """True when ``speaker`` is the interviewer (by label or by the header's ``Pewawancara``)."""
    key = _label_key(speaker)
    if key in INTERVIEWER_LABELS:
        return True
    if interviewer_name:
        wanted = interviewer_name.casefold().split()
        words = key.replace(".", " ").split()
        # "Dewi" or "Bu Dewi" names the interviewer "Dewi Anggraini"
        return bool(words) and words[-1] in wanted and all(w in wanted or len(w) <= 4 for w in words)
    return False


def body_start(text: str, turn_start: int, turn_end: int) -> int:
    """Where a turn's words begin: after its label, colon and any timestamp."""
    match = _LABEL_END.match(text, turn_start, turn_end)
    pos = match.end() if match else turn_start
    while pos < turn_end and text[pos].isspace():
        pos += 1
    return pos


def regions(text: str, turns: Sequence[tuple[str, int, int]], *, header_end: int = 0,
            interviewer_name: str | None = None, include_interviewer: bool = False) -> list[Region]:
    """The regions of one document; ``turns`` are ``(speaker, start, end)``."""
    if not turns:
        start = header_end
        while start < len(text) and text[start].isspace():
            start += 1
        return [Region(start, len(text))] if start < len(text) else []
    out = []
    for speaker, start, end in turns:
        if not include_interviewer and is_interviewer(speaker, interviewer_name):
            continue
        begin = body_start(text, start, end)
        if begin < end:
            out.append(Region(begin, end))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "([{"):
        end -= 1
    return start, end


#: words whose abbreviating full stop never ends a sentence ("Jl. Merdeka", "Rp. 50.000", "mis. KTP")
ABBREVIATIONS = frozenset(
    """jl jln gg tgl rp mis prof dr drs dra ir sdr sdri yth hlm tlp telp nip no kec kel kab prov bpk ybs""".split()
)
#: forms of address: "Pak. Camat" inside a clause is a name, "Iya, Pak." ends the sentence
HONORIFICS = frozenset("pak bu bapak ibu mas mbak bang kak".split())
#: abbreviations that end a sentence only when a capital follows ("KTP, KK, dll. Jadi …")
SOFT_ABBREVIATIONS = frozenset("dll. dsb. dst. dkk. etc. dll dsb dst dkk".split())
_ELLIPSES = frozenset(("...", "…", "..", "....", "…."))
_OPENERS = frozenset("([“‘")
_TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$")


def _kinds(doc, lowers):
    """Per token: 0 word, 1 sentence-final mark, 2 ellipsis or soft abbreviation, 3 abbreviation, 4 honorific."""
    import numpy as np

    from qda.nlp.pipeline import pipeline

    marks = pipeline().get_pipe("sentencizer").punct_chars
    strings = doc.vocab.strings
    table = {}
    for key in np.unique(lowers).tolist():
        form = strings[key]
        if form in _ELLIPSES or form in SOFT_ABBREVIATIONS:
            kind = 2
        elif form in marks or (len(form) > 1 and all(ch in marks for ch in form)):
            kind = 1
        elif form in ABBREVIATIONS:
            kind = 3
        elif form in HONORIFICS:
            kind = 4
        else:
            kind = 0
        table[key] = kind
    return np.fromiter((table[k] for k in lowers.tolist()), dtype=np.int8, count=len(lowers))


def _opens(doc, i: int) -> bool:
    """True when punctuation token ``i`` opens what follows: a bracket, or a straight quote after a space."""
    text = doc[i].text
    if text in _OPENERS:
        return True
    return text in "\"'" and not doc[i].whitespace_ and i > 0 and bool(doc[i - 1].whitespace_)


def transcript_sentence_starts(doc):
    """Indices of the tokens that start a sentence, the sentencizer's rule adjusted for transcripts.

    As :func:`~qda.nlp.pipeline.sentence_starts` (a sentence-final mark ends a sentence;
    the next one starts at the following word), except that: a full stop after an
    abbreviation (*Jl.*, *Rp.*, *Tgl.*, *mis.*, *No.*) never ends one; after a form of
    address (*Pak.*, *Bu.*) only when the address stands alone (*Iya, Pak. Saya …*), not
    inside a clause (*kata Pak. Camat*); an ellipsis (*…*, *...*) or *dll.*/*dsb.* ends one
    only when a capital follows (*pagi... Berkasnya*, not *begitu… tapi*); an opening bracket
    or quote after the mark belongs to the next sentence (*[00:12:30] Terus …*); and an
    inline timestamp (*… ya [00:12:30] terus …*) starts one.
    """
    import numpy as np
    from spacy.attrs import IS_PUNCT, LOWER

    n = len(doc)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    arrays = doc.to_array([LOWER, IS_PUNCT])
    lowers = arrays[:, 0]
    punct = arrays[:, 1].astype(bool)
    kinds = _kinds(doc, lowers)
    texts = None
    ends = []
    for m in np.flatnonzero(kinds == 1).tolist() + np.flatnonzero(kinds == 2).tolist():
        if kinds[m] == 1 and m > 0 and doc[m].text == ".":
            before = kinds[m - 1]
            if before == 3:
                continue
            if before == 4 and m > 1 and not punct[m - 2]:
                continue
        ends.append(m)
    if not ends:
        starts = [0]
    else:
        # the next sentence starts at the first word or opening bracket after the mark
        openers = np.fromiter((_opens(doc, i) for i in np.flatnonzero(punct).tolist()), dtype=bool)
        starter = ~punct
        starter[np.flatnonzero(punct)[openers]] = True
        starter[np.flatnonzero(kinds == 1)] = False
        starter_at = np.flatnonzero(starter)
        ends_a = np.array(sorted(ends), dtype=np.int64)
        found = np.searchsorted(starter_at, ends_a + 1)
        ok = found < len(starter_at)
        nxt = starter_at[found[ok]]
        soft = kinds[ends_a[ok]] == 2
        keep = np.ones(len(nxt), dtype=bool)
        if soft.any():
            texts = [doc[i].text for i in nxt[soft].tolist()]
            keep[np.flatnonzero(soft)] = [t[:1].isupper() or t in _OPENERS for t in texts]
        starts = [0, *nxt[keep].tolist()]
    for i in np.flatnonzero(punct).tolist():  # an inline timestamp in brackets: "… ya [00:12:30] terus"
        if i + 1 < n and doc[i].text in "([" and _TIMESTAMP.match(doc[i + 1].text):
            starts.append(i)
    return np.unique(np.array(starts, dtype=np.int64))


def sentence_cuts(doc, text: str):
    """Sorted indices of the tokens that start a sentence in a spaCy doc whose text is ``text``.

    Sentences follow :func:`transcript_sentence_starts` (the shared pipeline's sentencizer
    rule, adjusted for abbreviations, ellipses and timestamps; the doc needs no sentencizer
    pass); a line break also ends one (notes and lists often lack a full stop). Worked out
    on the doc's arrays.
    """
    import numpy as np
    from spacy.attrs import IDX

    n = len(doc)
    cuts = transcript_sentence_starts(doc)
    if n and "\n" in text:
        idx = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        breaks = np.fromiter((m.start() for m in _NEWLINE.finditer(text)), dtype=np.int64)
        after = np.searchsorted(idx, breaks, side="right")  # the first token after each line break
        cuts = np.concatenate((cuts, after[after < n]))
    return np.unique(cuts)
