"""Gather what a report shows from a project, with the report's filters applied.

Everything is read through the project store API once (documents, texts, codes,
segments, reviews, memos, cases) and turned into plain :class:`Excerpt` records the
report writers iterate over; nothing here writes Word.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from qda.errors import QdaError
from qda.i18n import tr
from qda.reports.citations import LineIndex, citation


@dataclass(frozen=True)
class Excerpt:
    """One coded segment with everything a report prints beside it."""

    segment: Any
    code: Any
    document: Any
    text: str
    lines: tuple[int, int]
    citation: str
    coder: str
    status: str | None
    memo: str | None


@dataclass
class ReportData:
    """The filtered content of a project, ready to be written."""

    project_name: str
    codes: list[Any]
    code_by_id: dict[int, Any]
    documents: list[Any]
    doc_by_id: dict[int, Any]
    coders: list[Any]
    coder_by_id: dict[int, Any]
    cases: dict[int, Any]
    excerpts: list[Excerpt]
    reviews: dict[int, list[Any]] = field(default_factory=dict)
    memos: dict[tuple[str, int | None], str] = field(default_factory=dict)
    doc_attributes: dict[int, dict[str, str]] = field(default_factory=dict)

    def excerpts_by_code(self) -> dict[int, list[Excerpt]]:
        """Excerpts grouped by code id, in document then position order."""
        out: dict[int, list[Excerpt]] = defaultdict(list)
        for e in self.excerpts:
            out[e.code.id].append(e)
        return out

    def code_label(self, code: Any, language: str) -> str:
        """The code's name in the report language."""
        return getattr(code, f"name_{language}", "") or code.name  # the codebook's own name in that language

    def code_definition(self, code: Any, language: str) -> str:
        """The code's definition in the report language (falls back to the other one)."""
        return getattr(code, f"definition_{language}", "") or code.definition_id or code.definition_en


def _pick(kind: str, wanted: Iterable[str | int] | None, items: list[Any], attr: str = "name") -> list[Any] | None:
    if wanted is None:
        return None
    wanted = [w for w in wanted if str(w).strip()]
    if not wanted:
        return None
    by_name = {getattr(i, attr): i for i in items}
    by_id = {i.id: i for i in items}
    chosen = []
    for w in wanted:
        item = by_id.get(w) if isinstance(w, int) else by_name.get(str(w).strip())
        if item is None:
            raise QdaError(tr("{kind} tidak ditemukan dalam proyek: {name}", kind=tr(kind), name=w))
        chosen.append(item)
    return chosen


def descendants(codes: list[Any], roots: Iterable[int]) -> set[int]:
    """The ids of ``roots`` and of every code below them."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for c in codes:
        children[c.parent_id].append(c.id)
    out: set[int] = set()
    stack = list(roots)
    while stack:
        cid = stack.pop()
        if cid not in out:
            out.add(cid)
            stack.extend(children.get(cid, ()))
    return out


def latest_reviews(reviews: Iterable[Any]) -> tuple[dict[int, Any], dict[int, list[Any]]]:
    """The latest review per segment id and the full history per segment (oldest first)."""
    history: dict[int, list[Any]] = defaultdict(list)
    for r in reviews:
        history[r.segment_id].append(r)
    latest = {}
    for sid, items in history.items():
        items.sort(key=lambda r: r.id)
        latest[sid] = items[-1]
    return latest, dict(history)


def collect(project: Any, *, language: str = "id", codes: Iterable[str | int] | None = None,
            documents: Iterable[str | int] | None = None, coders: Iterable[str | int] | None = None,
            approved_only: bool = False, reviewer: str | None = None, progress=None,
            hide_positions: bool = False) -> ReportData:
    """Read the project and keep the excerpts matching the filters.

    ``codes`` keeps the named codes and their subcodes; ``documents`` and ``coders``
    keep segments of those sources and coders; ``approved_only`` keeps excerpts whose
    latest review is "approved"; ``reviewer`` considers only that reviewer's reviews.
    Unknown names raise :class:`QdaError` naming them.
    """
    all_codes = project.codes.all()
    all_docs = project.documents.all()
    all_coders = project.coders.all()
    code_pick = _pick("kode", codes, all_codes)
    doc_pick = _pick("sumber", documents, all_docs)
    coder_pick = _pick("pengode", coders, all_coders)
    code_ids = descendants(all_codes, [c.id for c in code_pick]) if code_pick else {c.id for c in all_codes}
    doc_ids = {d.id for d in doc_pick} if doc_pick else {d.id for d in all_docs}
    coder_ids = {c.id for c in coder_pick} if coder_pick else {c.id for c in all_coders}
    reviews = project.reviews.all()
    if reviewer:
        rid = _pick("pembimbing", [reviewer], all_coders)[0].id
        reviews = [r for r in reviews if r.reviewer_id == rid]
    latest, history = latest_reviews(reviews)

    code_by_id = {c.id: c for c in all_codes}
    doc_by_id = {d.id: d for d in all_docs}
    coder_by_id = {c.id: c for c in all_coders}
    cases = {c.id: c for c in project.cases.all()}
    memos: dict[tuple[str, int | None], str] = {}
    for m in project.memos.all():
        if m.text and m.text.strip():
            memos[(m.target_kind, m.target_id)] = m.text.strip()

    segments = [s for s in project.segments.all()
                if s.code_id in code_ids and s.document_id in doc_ids and s.coder_id in coder_ids]
    if approved_only:
        segments = [s for s in segments if s.id in latest and latest[s.id].status == "approved"]
    if progress is not None:
        progress.start(2 * len(segments) + 20, "membaca kutipan")

    texts: dict[int, str] = {}
    indexes: dict[int, LineIndex] = {}
    attrs: dict[int, dict[str, str]] = {}
    excerpts: list[Excerpt] = []
    for n, s in enumerate(segments):
        doc = doc_by_id[s.document_id]
        if doc.id not in texts:
            texts[doc.id] = project.documents.text(doc.id)
            indexes[doc.id] = LineIndex(texts[doc.id])
            attrs[doc.id] = project.documents.attributes(doc.id)
        case = cases.get(doc.case_id) if doc.case_id is not None else None
        lines = indexes[doc.id].span(s.start, s.end)
        cite = citation(doc.kind, lines, document_name=doc.name, document_attributes=attrs[doc.id],
                        case_name=case.name if case else None,
                        case_attributes=case.attributes if case else None, language=language,
                        hide_position=hide_positions)
        review = latest.get(s.id)
        coder = coder_by_id.get(s.coder_id)
        excerpts.append(Excerpt(s, code_by_id[s.code_id], doc, texts[doc.id][s.start:s.end], lines, cite,
                                coder.name if coder else "?", review.status if review else None,
                                memos.get(("segment", s.id))))
        if progress is not None and n % 500 == 499:
            progress.step(500)
    for d in all_docs:
        if d.id in doc_ids and d.id not in attrs:
            attrs[d.id] = project.documents.attributes(d.id)

    return ReportData(
        project_name=getattr(project, "path", None).stem if getattr(project, "path", None) else "",
        codes=[c for c in all_codes if c.id in code_ids],
        code_by_id=code_by_id,
        documents=[d for d in all_docs if d.id in doc_ids],
        doc_by_id=doc_by_id,
        coders=[c for c in all_coders if c.id in coder_ids],
        coder_by_id=coder_by_id,
        cases=cases,
        excerpts=excerpts,
        reviews=history,
        memos=memos,
        doc_attributes=attrs,
    )
