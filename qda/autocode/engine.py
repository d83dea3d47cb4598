"""From documents and codes to scored suggestions (pure: no project, no Qt).

For each region (an informant's turn, or a document without turns) the shared pipeline
gives tokens and sentences; the :class:`~qda.autocode.matcher.TermMatcher` finds indicator
terms; each unit (sentence or turn) gets, per code, the score ``1 - Π(1 - w)`` over the
distinct terms found in it, and becomes a suggestion when the score reaches ``min_score``.
The interviewer's question frames the answer: a term of a code it did not ask about weighs
less (:data:`OFF_TOPIC_FACTOR`), and the sentences of the answer take the question's topic
(:func:`_topic`) until one names another code. Units already coded with the code, and terms
inside passages a coder rejected for the code, give no suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from qda.autocode.matcher import CodeTerms, Hit, TermMatcher, combine
from qda.autocode.units import UNITS, Region, regions, sentence_cuts, trim
from qda.progress import Progress

DEFAULT_MIN_SCORE = 0.5
#: a term of a code the interviewer's question did not ask about, when it asked about some
OFF_TOPIC_FACTOR = 0.75
#: weight in the answer of a term of the question's topic, times the term's own weight (see :func:`_topic`)
TOPIC_FACTOR = 0.8
#: a sentence with no term of its own takes the question's topic only when it has this many words
TOPIC_MIN_WORDS = 3
#: how a term of the question is shown among a suggestion's terms ("P: pelatihan")
QUESTION_MARK = "P: "


@dataclass(frozen=True)
class SourceText:
    """What auto-coding needs of one document."""

    document_id: int
    name: str
    text: str
    turns: tuple[tuple[str, int, int], ...] = ()  # (speaker, start, end)
    header_end: int = 0
    interviewer: str | None = None
    coded: tuple[tuple[int, int, int], ...] = ()  # (code_id, start, end) already coded
    rejected: tuple[tuple[int, int, int], ...] = ()  # (code_id, start, end) rejected suggestions


@dataclass(frozen=True)
class Candidate:
    """A proposed coding: span (code points, end exclusive), code, score and the terms found."""

    document_id: int
    start: int
    end: int
    code_id: int
    score: float
    terms: tuple[str, ...]
    evidence: tuple[tuple[int, int], ...] = field(default=(), compare=False)  # spans of the matched words


def _overlaps(spans: Sequence[tuple[int, int, int]], code_id: int, start: int, end: int) -> bool:
    return any(c == code_id and s < end and start < e for c, s, e in spans)


def _inside(spans: Sequence[tuple[int, int, int]], code_id: int, start: int, end: int) -> bool:
    return any(c == code_id and s <= start and end <= e for c, s, e in spans)


def _score_unit(source: SourceText, span: tuple[int, int], hits: Sequence[tuple[Hit, int, int]],
                min_score: float, asked: frozenset[int] = frozenset(),
                framed: dict[int, dict[str, float]] | None = None) -> list[Candidate]:
    """Candidates of one unit from its hits, each with its span in the document's text.

    ``asked``: the codes whose terms the question before this answer used; when there are
    any, a term of another code weighs :data:`OFF_TOPIC_FACTOR` of its weight.
    """
    by_code: dict[int, dict[str, tuple[float, list[tuple[int, int]]]]] = {}
    rejected = source.rejected
    for hit, start, end in hits:
        code = hit.term.code_id
        if rejected and _inside(rejected, code, start, end):
            continue
        terms = by_code.setdefault(code, {})
        weight, where = terms.get(hit.term.text, (0.0, []))
        where.append((start, end))
        mine = hit.weight * (OFF_TOPIC_FACTOR if asked and code not in asked else 1.0)
        terms[hit.term.text] = (max(weight, mine), where)
    for code, question_terms in (framed or {}).items():
        if rejected and _inside(rejected, code, *span):
            continue
        terms = by_code.setdefault(code, {})
        for text, weight in question_terms.items():
            label = QUESTION_MARK + text
            terms[label] = (max(terms.get(label, (0.0, []))[0], weight), [])
    out = []
    for code, terms in by_code.items():
        score = round(combine(w for w, _where in terms.values()), 4)
        if score < min_score or (source.coded and _overlaps(source.coded, code, *span)):
            continue
        evidence = tuple(sorted(s for _w, where in terms.values() for s in where))
        ordered = tuple(sorted(terms, key=lambda t: min(terms[t][1], default=(span[1], 0))))
        out.append(Candidate(source.document_id, span[0], span[1], code, score, ordered, evidence))
    return out


def suggest(sources: Sequence[SourceText], codes: Sequence[CodeTerms], *, unit: str = "sentence",
            include_interviewer: bool = False, min_score: float = DEFAULT_MIN_SCORE,
            progress: Progress | None = None) -> list[Candidate]:
    """Suggestions for ``sources`` against ``codes`` (not those marked ``context``), by document, start and code.

    Each document is tokenised once, from its first region to its last (in pieces of at most
    :data:`~qda.nlp.pipeline.MAX_CHARS`), without lemmas or sentencizer: terms are matched on
    the whole piece, each hit is given to the region (informant turn) it lies in, and only
    regions with hits are cut into sentences.
    """
    from qda.nlp.pipeline import MAX_CHARS, chunks, docs

    if unit not in UNITS:
        raise ValueError(unit)
    matcher = TermMatcher(codes)
    if progress is not None:
        progress.start(len(sources))
    out: list[Candidate] = []
    for source in sources:
        if progress is not None:
            progress.step(0, source.name)
        found = regions(source.text, source.turns, header_end=source.header_end,
                        interviewer_name=source.interviewer, include_interviewer=include_interviewer)
        if found:
            # from the first turn (the opening question frames the first answer) to the last region
            first = min(found[0].start, source.turns[0][1]) if source.turns else found[0].start
            last = found[-1].end
            stretch = source.text[first:last]
            pieces = [(first, stretch)] if len(stretch) <= MAX_CHARS else [
                (first + off, part) for off, part in chunks(stretch)]
            for (offset, body), doc in zip(pieces, docs((p[1] for p in pieces), lemmas=False, sentences=False)):
                out.extend(_suggest_piece(source, found, matcher, doc, offset, body, unit, min_score,
                                          questions=bool(source.turns) and not include_interviewer))
        if progress is not None:
            progress.step(1)
    if unit == "turn":  # a long turn cut into pieces scores each piece: keep one per turn and code
        merged: dict[tuple[int, int, int], Candidate] = {}
        for cand in out:
            key = (cand.document_id, cand.start, cand.code_id)
            if key not in merged or cand.score > merged[key].score:
                merged[key] = cand
        out = list(merged.values())
    context = {c.code_id for c in codes if c.context}
    if context:
        out = [c for c in out if c.code_id not in context]
    out.sort(key=lambda c: (c.document_id, c.start, c.end, c.code_id))
    return out


def _words(doc, first: int, stop: int) -> int:
    """How many words tokens ``[first, stop)`` of ``doc`` hold outside brackets (``(tertawa)`` is no word)."""
    depth = words = 0
    for token in doc[first:stop]:
        if token.text in "([":
            depth += 1
        elif token.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and token.is_alpha:
            words += 1
    return words


def _topic(asked: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
    """The question's topic: its one code with the strongest terms (none on a tie), terms weighed for the answer.

    ``asked`` holds, per code, the terms found in the question and their weights. The
    sentences of the answer, from its first until one names a term of another code, get
    these terms at :data:`TOPIC_FACTOR` of their weight (a one-word term: 0.52, a phrase:
    0.64), so "P: Apakah Ibu betah bekerja di sini? I: Cuma kadang capek hati …" suggests
    job satisfaction for the answer's sentence without a term of its own.
    """
    if not asked:
        return {}
    strength = sorted(((combine(terms.values()), code) for code, terms in asked.items()), reverse=True)
    if len(strength) > 1 and strength[0][0] == strength[1][0]:
        return {}
    code = strength[0][1]
    return {code: {text: weight * TOPIC_FACTOR for text, weight in asked[code].items()}}


def _suggest_piece(source: SourceText, found: Sequence[Region], matcher: TermMatcher, doc, offset: int,
                   body: str, unit: str, min_score: float, *, questions: bool = False) -> list[Candidate]:
    """The candidates of one tokenised piece of a document (``offset``: where ``body`` starts)."""
    import numpy as np
    from spacy.attrs import IDX, LENGTH, LOWER

    n = len(doc)
    if n == 0:
        return []
    arrays = doc.to_array([IDX, LENGTH, LOWER])
    hits = matcher.hits(doc, arrays[:, 2])
    if not hits:
        return []
    idx = arrays[:, 0].astype(np.int64)
    end_of_piece = offset + len(body)
    inside = [r for r in found if r.start < end_of_piece and offset < r.end]
    starts = np.searchsorted(idx, [max(r.start, offset) - offset for r in inside], side="left")
    stops = np.searchsorted(idx, [min(r.end, end_of_piece) - offset for r in inside], side="left")
    first_tok = np.fromiter((h.start for h in hits), dtype=np.int64, count=len(hits))
    last_tok = np.fromiter((h.end - 1 for h in hits), dtype=np.int64, count=len(hits))
    where = (np.searchsorted(starts, first_tok, side="right") - 1).tolist()
    char_starts = (offset + idx[first_tok]).tolist()
    char_ends = (offset + idx[last_tok] + arrays[last_tok, 1].astype(np.int64)).tolist()
    by_region: dict[int, list[tuple[Hit, int, int]]] = {}
    # region -> {code: {term: weight}} of the terms in the words just before it (the question)
    asked: dict[int, dict[int, dict[str, float]]] = {}
    for hit, k, start, end in zip(hits, where, char_starts, char_ends):
        if k >= 0 and hit.end <= stops[k]:
            by_region.setdefault(k, []).append((hit, start, end))
        elif k + 1 < len(inside):
            terms = asked.setdefault(k + 1, {}).setdefault(hit.term.code_id, {})
            terms[hit.term.text] = max(terms.get(hit.term.text, 0.0), hit.weight)
    out: list[Candidate] = []
    cuts = None
    text = source.text
    for k in sorted(set(by_region) | (set(asked) if questions else set())):
        region_hits = by_region.get(k, [])
        region = inside[k]
        question = frozenset(asked.get(k, ())) if questions else frozenset()
        framed = _topic(asked.get(k, {})) if questions else {}
        if framed and "?" not in text[inside[k - 1].end if k else offset:region.start]:
            framed = {}  # the interviewer's words before the answer asked nothing ("Terima kasih …")
        if unit == "turn":
            out.extend(_score_unit(source, trim(text, region.start, region.end), region_hits, min_score, question,
                                   framed))
            continue
        if cuts is None:
            cuts = sentence_cuts(doc, body)
        lo, hi = int(starts[k]), int(stops[k])
        bounds = [lo, *(int(c) for c in cuts[np.searchsorted(cuts, lo, side="right"):np.searchsorted(cuts, hi)]),
                  hi]
        end_char = min(region.end, end_of_piece)
        i = 0
        for first, stop in zip(bounds, bounds[1:]):
            j = i
            while j < len(region_hits) and region_hits[j][0].start < stop:
                j += 1
            if framed and any(h.term.code_id not in framed for h, _s, _e in region_hits[i:j]):
                framed = {}  # the answer turned to another topic: the question's topic ends here
            frame = framed if offset + int(idx[first]) >= region.start else None
            if frame and j == i and stop - first < 4 * TOPIC_MIN_WORDS and _words(doc, first, stop) < TOPIC_MIN_WORDS:
                frame = None  # "Serius.", "(tertawa)": too short to stand for the topic on its own
            if j > i or frame:
                span = trim(text, offset + int(idx[first]), end_char if stop >= hi or stop >= n
                            else offset + int(idx[stop]))
                if span[1] > span[0]:
                    out.extend(_score_unit(source, span, region_hits[i:j], min_score, question, frame))
            i = j
    return out


def source_from_text(document_id: int, name: str, text: str, **extra) -> SourceText:
    """A :class:`SourceText` for a plain text, finding its header and turns as import does."""
    from qda.sources.header import parse_header
    from qda.sources.turns import find_turns

    header = parse_header(text)
    turns = tuple((t.speaker, t.start, t.end) for t in find_turns(text, header.end))
    return SourceText(document_id, name, text, turns, header.end, header.fields.get("Pewawancara"), **extra)
