"""The supervisor's review queue: coded excerpts with their context, filtered, one verdict at a time.

Statuses: ``pending`` (never reviewed), ``revised`` (asked to be revised and marked
revised by the coder: back in the queue), or the latest verdict — ``approved``,
``needs_revision``, ``rejected``. The queue proper (:data:`TO_REVIEW`) holds the pending
and the revised; every filter can ask for any statuses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from typing import Any, Iterable, Sequence

from qda.errors import InvalidValue
from qda.i18n import tr
from qda.review.bulk import paused_gc
from qda.sources.lines import LineIndex
from qda.store.records import REVIEW_STATUSES
from qda.store.supervision import QUEUE_STATUSES

TO_REVIEW = ("pending", "revised")
CONTEXT_CHARS = 240


@dataclass
class QueueFilter:
    """What the queue shows; ``None`` or empty means "any"."""

    codes: Sequence[str] = ()
    groups: Sequence[str] = ()
    documents: Sequence[str] = ()
    kinds: Sequence[str] = ()
    attributes: dict[str, str] = field(default_factory=dict)  # case or document attribute = value
    coders: Sequence[str] = ()
    statuses: Sequence[str] = TO_REVIEW
    since: str | None = None  # coded on or after this date (YYYY-MM-DD)
    until: str | None = None  # coded on or before this date

    def check(self) -> None:
        unknown = [s for s in self.statuses if s not in QUEUE_STATUSES]
        if unknown:
            raise InvalidValue(tr("status tidak dikenal: {s} (pilih: {all})", s=", ".join(unknown),
                                  all=", ".join(QUEUE_STATUSES)))


@dataclass(slots=True)
class QueueItem:
    """One coded excerpt in the queue."""

    segment_id: int
    uuid: str
    document_id: int
    document: str
    kind: str
    case: str
    code_id: int
    code: str
    group: str
    coder_id: int
    coder: str
    start: int
    end: int
    created: str
    status: str
    reviewer: str = ""
    comment: str = ""
    reviewed: str = ""
    memo: str = ""
    line: int = 0

    def as_json(self, text: str = "", before: str = "", after: str = "") -> dict[str, Any]:
        return {"segment": self.uuid, "document": self.document, "start": self.start, "end": self.end,
                "line": self.line, "code": self.code, "group": self.group, "coder": self.coder,
                "created": self.created, "status": self.status, "reviewer": self.reviewer,
                "comment": self.comment, "reviewed": self.reviewed, "memo": self.memo, "kind": self.kind,
                "case": self.case, "text": text, "before": before, "after": after}


class TextCache:
    """Document texts and their line starts, fetched once per document."""

    def __init__(self, project: Any) -> None:
        self.project = project
        self._texts: dict[int, str] = {}
        self._lines: dict[int, LineIndex] = {}

    def text(self, doc_id: int) -> str:
        if doc_id not in self._texts:
            self._texts[doc_id] = self.project.documents.text(doc_id)
        return self._texts[doc_id]

    def line(self, doc_id: int, pos: int) -> int:
        if doc_id not in self._lines:
            self._lines[doc_id] = LineIndex(self.text(doc_id))
        return self._lines[doc_id].first_line_of(pos)

    def excerpt(self, item: QueueItem, context: int = CONTEXT_CHARS) -> tuple[str, str, str]:
        """``(before, text, after)`` of an excerpt, the context cut at line starts where it can be."""
        text = self.text(item.document_id)
        lo = max(0, item.start - context)
        hi = min(len(text), item.end + context)
        return text[lo:item.start], text[item.start:item.end], text[item.end:hi]


def _case_names(project: Any) -> dict[int, str]:
    return {c.id: c.name for c in project.cases.all()}


def _descendant_names(project: Any, names: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        code = project.codes.get(name)
        out.add(code.name.casefold())
        out.update(project.codes.get(i).name.casefold() for i in project.codes.descendants(code.id))
    return out


def review_queue(project: Any, flt: QueueFilter | None = None) -> list[QueueItem]:
    """The excerpts matching ``flt`` (default: all to review), in document (name) and text order.

    The filters on names (code and its subcodes, group, source, kind, attributes, coder) are
    turned into sets of ids once; each coding then costs a few set look-ups.
    """
    flt = flt or QueueFilter()
    flt.check()
    with paused_gc():
        return _review_queue(project, flt)


def _review_queue(project: Any, flt: QueueFilter) -> list[QueueItem]:
    sup = project.supervision
    latest = sup.latest_reviews()
    statuses = sup.statuses_of(latest)
    docs, codes, coders = sup.excerpt_names()
    cases = _case_names(project)
    memos = sup.segment_memos()
    doc_ok = code_ok = coder_ok = None  # None: any
    if flt.codes or flt.groups:
        names = _descendant_names(project, flt.codes) if flt.codes else None
        groups = set(flt.groups)
        code_ok = {i for i, (name, grp) in codes.items()
                   if (names is None or name.casefold() in names) and (not groups or grp in groups)}
    if flt.documents or flt.kinds or flt.attributes:
        wanted_docs = {d.casefold() for d in flt.documents}
        kinds = set(flt.kinds)
        case_attrs, doc_attrs = sup.attributes() if flt.attributes else ({}, {})
        doc_ok = set()
        for doc_id, (name, kind, case_id) in docs.items():
            if (wanted_docs and name.casefold() not in wanted_docs) or (kinds and kind not in kinds):
                continue
            if flt.attributes:
                attrs = dict(case_attrs.get(case_id, {}))
                attrs.update(doc_attrs.get(doc_id, {}))
                if any(attrs.get(k, "").casefold() != v.casefold() for k, v in flt.attributes.items()):
                    continue
            doc_ok.add(doc_id)
    if flt.coders:
        wanted_coders = {c.casefold() for c in flt.coders}
        coder_ok = {i for i, name in coders.items() if name.casefold() in wanted_coders}
    wanted = set(flt.statuses) if flt.statuses else None
    since, until = flt.since, flt.until
    case_of = {doc_id: cases.get(case_id, "") for doc_id, (_n, _k, case_id) in docs.items()}
    status_of, memo_of = statuses.get, memos.get
    out = []
    for sid, uid, doc_id, code_id, coder_id, start, end, created in sup.excerpt_rows():
        status = status_of(sid, "pending")
        if wanted is not None and status not in wanted:
            continue
        if (doc_ok is not None and doc_id not in doc_ok) or (code_ok is not None and code_id not in code_ok) or (
                coder_ok is not None and coder_id not in coder_ok):
            continue
        if (since and created[:10] < since) or (until and created[:10] > until):
            continue
        doc, code = docs[doc_id], codes[code_id]
        item = QueueItem(sid, uid, doc_id, doc[0], doc[1], case_of[doc_id], code_id, code[0], code[1], coder_id,
                         coders[coder_id], start, end, created, status, memo=memo_of(sid, ""))
        if sid in latest:
            review = latest[sid]
            item.reviewer = coders.get(review[2], "")
            item.comment = review[3]
            item.reviewed = review[4]
        out.append(item)
    # the rows come in document id order: put the documents' runs in name order
    runs = [list(run) for _doc, run in groupby(out, attrgetter("document_id"))]
    runs.sort(key=lambda run: run[0].document)
    return [item for run in runs for item in run]


def needs_revision(project: Any, coder: str | None = None) -> list[QueueItem]:
    """The "perlu direvisi" list: excerpts whose latest verdict asks for revision (of one coder)."""
    name = coder if coder is not None else project.coders.current.name
    return review_queue(project, QueueFilter(coders=[name] if name else (), statuses=("needs_revision",)))


def coder_summary(project: Any) -> list[dict[str, Any]]:
    """Per coder: counts of approved / needs revision / rejected / revised / not yet reviewed."""
    counts = project.supervision.status_counts()
    out = []
    for coder in project.coders.all():
        c = Counter(counts.get(coder.id, {}))
        total = sum(c.values())
        if not total and coder.role == "supervisor":
            continue
        out.append({"coder": coder.name, "role": coder.role, "codings": total,
                    **{s: c.get(s, 0) for s in QUEUE_STATUSES}})
    return out


def give_verdict(project: Any, segment_id: int, status: str, comment: str = "") -> Any:
    """Record a verdict (approve / needs revision / reject) by the current coder."""
    if status not in REVIEW_STATUSES:
        raise InvalidValue(tr("status telaah tidak dikenal: {s} (pilih: {all})", s=status,
                              all=", ".join(REVIEW_STATUSES)))
    return project.reviews.add(segment_id, status, comment)


def history(project: Any, segment_id: int) -> list[dict[str, Any]]:
    """The audit trail of one excerpt: who did what when, with before and after."""
    seg = project.segments.get(segment_id)
    coders = {c.id: c.name for c in project.coders.all()}
    return [{"time": e.time, "who": coders.get(e.coder_id, ""), "action": e.action, **e.detail}
            for e in project.events.all(seg.uuid)]
