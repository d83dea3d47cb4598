"""Auto-coding suggestions: indicator terms found in informants' words, decided by a person.

:func:`gather` reads what the engine needs from a project (on the caller's thread);
:func:`~qda.autocode.engine.suggest` computes candidates (pure, may run on a worker);
:func:`store` keeps them as pending suggestions; ``project.suggestions.accept/reject``
records the coder's decisions. :func:`run` does all three for scripts and the CLI.
Nothing is ever coded without a decision.
"""

from __future__ import annotations

from typing import Sequence

from qda.autocode.engine import DEFAULT_MIN_SCORE, Candidate, SourceText, source_from_text, suggest
from qda.autocode.matcher import CodeTerms
from qda.autocode.units import UNITS
from qda.progress import Progress

__all__ = ["CodeTerms", "Candidate", "SourceText", "DEFAULT_MIN_SCORE", "UNITS", "gather", "store", "run",
           "source_from_text", "suggest"]


def gather(project, *, codes: Sequence | None = None, documents: Sequence | None = None
           ) -> tuple[list[SourceText], list[CodeTerms]]:
    """The documents (text, turns, codings, rejected suggestions) and codes with terms to work on.

    ``codes`` / ``documents`` are names, ids or records (default: every code with
    indicator terms, every document). When only some codes are chosen, the other codes with
    terms follow them marked ``context``: matched, so a code's suggestions do not depend on
    which other codes were chosen, but never suggested.
    """
    from qda.sources.header import parse_header

    all_codes = project.codes.all()
    chosen = all_codes if codes is None else [project.codes.get(c) for c in codes]
    code_terms = [CodeTerms(c.id, c.name, tuple(c.indicators)) for c in chosen if c.indicators]
    wanted = {c.code_id for c in code_terms}
    if code_terms:  # the other codes' terms still tell what a question asks and where an answer turns
        code_terms += [CodeTerms(c.id, c.name, tuple(c.indicators), context=True)
                       for c in all_codes if c.indicators and c.id not in wanted]
    docs = project.documents.all() if documents is None else [project.documents.get(d) for d in documents]
    coded: dict[int, list[tuple[int, int, int]]] = {}
    for seg in project.segments.all():
        if seg.code_id in wanted:
            coded.setdefault(seg.document_id, []).append((seg.code_id, seg.start, seg.end))
    sources = []
    for doc in docs:
        text = project.documents.text(doc.id)
        header = parse_header(text)
        turns = tuple((t.speaker, t.start, t.end) for t in project.documents.turns(doc.id))
        interviewer = project.documents.attributes(doc.id).get("Pewawancara") or header.fields.get("Pewawancara")
        sources.append(SourceText(doc.id, doc.name, text, turns, header.end, interviewer,
                                  tuple(coded.get(doc.id, ())), tuple(project.suggestions.rejected_spans(doc.id))))
    return sources, code_terms


def store(project, candidates: Sequence[Candidate], sources: Sequence[SourceText], codes: Sequence[CodeTerms],
          unit: str) -> int:
    """Keep ``candidates`` as the pending suggestions of these documents and codes."""
    return project.suggestions.replace_pending(candidates, documents=[s.document_id for s in sources],
                                               codes=[c.code_id for c in codes if not c.context], unit=unit)


def run(project, *, unit: str = "sentence", codes: Sequence | None = None, documents: Sequence | None = None,
        include_interviewer: bool = False, min_score: float = DEFAULT_MIN_SCORE,
        progress: Progress | None = None) -> int:
    """Make and store suggestions; returns how many pending suggestions the run stored."""
    sources, code_terms = gather(project, codes=codes, documents=documents)
    found = suggest(sources, code_terms, unit=unit, include_interviewer=include_interviewer, min_score=min_score,
                    progress=progress)
    return store(project, found, sources, code_terms, unit)
