"""The passages a suggestion can cover: sentences or speaker turns, informants' words only.

A *region* is the text of one informant turn after its label (``[00:01:30] I:`` is not part
of what the informant said); a document without turns (observation notes, documents) is one
region after its header block. The interviewer's turns are left out unless asked for: a
speaker is the interviewer when the label is an interviewer label (``P``, ``T``, ``Q``,
``Pewawancara``, ``Peneliti`` …) or the name in the header's ``Pewawancara`` field.
"""

from __future__ import annotations

import re
from functools import lru_cache
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


@lru_cache(maxsize=1)
def _kind_table():
    """Sorted string keys of the forms that matter to sentence ends, and what each is: 1 a sentence-final
    mark, 2 an ellipsis or soft abbreviation, 3 an abbreviation, 4 a form of address, 5 an opening
    bracket, 6 a straight quote (every other form is a word, 0)."""
    import numpy as np

    from qda.nlp.pipeline import pipeline

    nlp = pipeline()
    kinds: dict[str, int] = {ch: 1 for ch in nlp.get_pipe("sentencizer").punct_chars}
    for forms, kind in ((ABBREVIATIONS, 3), (HONORIFICS, 4), (_OPENERS, 5), (('"', "'"), 6),
                        (_ELLIPSES | SOFT_ABBREVIATIONS, 2)):
        kinds.update(dict.fromkeys(forms, kind))
    pairs = sorted((nlp.vocab.strings.add(form), kind) for form, kind in kinds.items())
    return (np.array([k for k, _ in pairs], dtype=np.uint64), np.array([v for _, v in pairs], dtype=np.int8))


@lru_cache(maxsize=1)
def _timestamp_shapes(strings):
    """spaCy ``SHAPE`` keys of a clock time such as ``00:12:30`` or ``8.30``."""
    import numpy as np

    shapes = [f"{h}{sep}dd{rest}" for h in ("d", "dd") for sep in ":." for rest in ("", f"{sep}dd")]
    return np.array([strings.add(shape) for shape in shapes], dtype=np.uint64)


def _kinds(lowers):
    """The :func:`_kind_table` kind of each token, from the doc's ``LOWER`` column."""
    import numpy as np

    keys, kinds = _kind_table()
    at = np.minimum(np.searchsorted(keys, lowers), len(keys) - 1)
    return np.where(keys[at] == lowers, kinds[at], 0).astype(np.int8)


def transcript_sentence_starts(doc):
    """Indices of the tokens that start a sentence, the sentencizer's rule adjusted for transcripts.

    As :func:`~qda.nlp.pipeline.sentence_starts` (a sentence-final mark ends a sentence;
    the next one starts at the following word), except that: a full stop after an
    abbreviation (*Jl.*, *Rp.*, *Tgl.*, *mis.*, *No.*) never ends one; after a form of
    address (*Pak.*, *Bu.*) only when the address stands alone (*Iya, Pak. Saya …*), not
    inside a clause (*kata Pak. Camat*); an ellipsis (*…*, *...*) or *dll.*/*dsb.* ends one
    only when a capital follows (*pagi... Berkasnya*, not *begitu… tapi*); an opening bracket
    or quote after the mark belongs to the next sentence (*[00:12:30] Terus …*); and an
    inline timestamp in brackets (*… ya [00:12:30] terus …*) starts one. Worked out on the
    doc's arrays.
    """
    import numpy as np
    from spacy.attrs import IS_PUNCT, IS_TITLE, IS_UPPER, LOWER, SHAPE, SPACY

    n = len(doc)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    arrays = doc.to_array([LOWER, IS_PUNCT, SPACY, IS_TITLE, IS_UPPER, SHAPE])
    strings = doc.vocab.strings
    kinds = _kinds(arrays[:, 0])
    punct = arrays[:, 1].astype(bool)
    spaced = arrays[:, 2].astype(bool)  # whitespace after the token
    is_stop = arrays[:, 0] == strings["."]
    before = np.concatenate(([0], kinds[:-1]))  # the kind of the token before each
    punct_two_before = np.concatenate(([True, True], punct[:-2]))[:n]
    not_end = is_stop & ((before == 3) | ((before == 4) & ~punct_two_before))
    ends = np.flatnonzero(((kinds == 1) & ~not_end) | (kinds == 2))
    # the next sentence starts at the first word, opening bracket or opening straight quote after the mark
    spaced_before = np.concatenate(([True], spaced[:-1]))
    starter = (~punct | (kinds == 5) | ((kinds == 6) & ~spaced & spaced_before)) & (kinds != 1)
    starter_at = np.flatnonzero(starter)
    found = np.searchsorted(starter_at, ends + 1)
    ok = found < len(starter_at)
    nxt = starter_at[found[ok]]
    # after an ellipsis or "dll.": only before a capital or an opening bracket
    capital = (arrays[:, 3] != 0) | (arrays[:, 4] != 0) | (kinds == 5)
    keep = (kinds[ends[ok]] != 2) | capital[nxt]
    # an inline timestamp in brackets: "… ya [00:12:30] terus"
    stamped = np.flatnonzero((kinds[:-1] == 5) & np.isin(arrays[1:, 5], _timestamp_shapes(strings)))
    return np.unique(np.concatenate(([0], nxt[keep], stamped)).astype(np.int64))


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
