"""From documents and codes to scored suggestions (pure: no project, no Qt).

For each region (an informant's turn, or a document without turns) the shared pipeline
gives tokens and sentences; the :class:`~qda.autocode.matcher.TermMatcher` finds indicator
terms; each unit (sentence or turn) gets, per code, the score ``1 - Π(1 - w)`` over the
distinct terms found in it, and becomes a suggestion when the score reaches ``min_score``.
Units already coded with the code, and terms inside passages a coder rejected for the
code, give no suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from qda.autocode.matcher import CodeTerms, Hit, TermMatcher, combine
from qda.autocode.units import UNITS, Region, regions, sentence_spans, trim
from qda.progress import Progress

DEFAULT_MIN_SCORE = 0.5


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


def _score_unit(source: SourceText, doc, offset: int, span: tuple[int, int], hits: list[Hit],
                min_score: float) -> list[Candidate]:
    by_code: dict[int, dict[str, tuple[float, list[tuple[int, int]]]]] = {}
    for hit in hits:
        start = offset + doc[hit.start].idx
        end = offset + doc[hit.end - 1].idx + len(doc[hit.end - 1])
        code = hit.term.code_id
        if _inside(source.rejected, code, start, end):
            continue
        terms = by_code.setdefault(code, {})
        weight, where = terms.get(hit.term.text, (0.0, []))
        where.append((start, end))
        terms[hit.term.text] = (max(weight, hit.weight), where)
    out = []
    for code, terms in by_code.items():
        score = round(combine(w for w, _where in terms.values()), 4)
        if score < min_score or _overlaps(source.coded, code, *span):
            continue
        evidence = tuple(sorted(s for _w, where in terms.values() for s in where))
        ordered = tuple(sorted(terms, key=lambda t: min(terms[t][1])))
        out.append(Candidate(source.document_id, span[0], span[1], code, score, ordered, evidence))
    return out


def suggest(sources: Sequence[SourceText], codes: Sequence[CodeTerms], *, unit: str = "sentence",
            include_interviewer: bool = False, min_score: float = DEFAULT_MIN_SCORE,
            progress: Progress | None = None) -> list[Candidate]:
    """Suggestions for ``sources`` against ``codes``, by document, start and code."""
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
        pieces: list[tuple[Region, int, str]] = []
        for region in found:
            body = source.text[region.start:region.end]
            if len(body) <= MAX_CHARS:
                pieces.append((region, region.start, body))
            else:
                pieces.extend((region, region.start + off, part) for off, part in chunks(body))
        for (region, offset, body), doc in zip(pieces, docs((p[2] for p in pieces), lemmas=False, sentences=False)):
            hits = matcher.hits(doc)
            if not hits:
                continue
            if unit == "turn":
                span = trim(source.text, region.start, region.end)
                out.extend(_score_unit(source, doc, offset, span, hits, min_score))
                continue
            i = 0
            for start, end, first, stop in sentence_spans(doc, offset, body):
                while i < len(hits) and hits[i].start < first:
                    i += 1
                j = i
                while j < len(hits) and hits[j].start < stop:
                    j += 1
                if j > i:
                    out.extend(_score_unit(source, doc, offset, (start, end), hits[i:j], min_score))
                i = j
        if progress is not None:
            progress.step(1)
    if unit == "turn":  # a long turn cut into pieces scores each piece: keep one per turn and code
        merged: dict[tuple[int, int, int], Candidate] = {}
        for cand in out:
            key = (cand.document_id, cand.start, cand.code_id)
            if key not in merged or cand.score > merged[key].score:
                merged[key] = cand
        out = list(merged.values())
    out.sort(key=lambda c: (c.document_id, c.start, c.end, c.code_id))
    return out


def source_from_text(document_id: int, name: str, text: str, **extra) -> SourceText:
    """A :class:`SourceText` for a plain text, finding its header and turns as import does."""
    from qda.sources.header import parse_header
    from qda.sources.turns import find_turns

    header = parse_header(text)
    turns = tuple((t.speaker, t.start, t.end) for t in find_turns(text, header.end))
    return SourceText(document_id, name, text, turns, header.end, header.fields.get("Pewawancara"), **extra)
