"""The supervisor's review queue: coded excerpts with their context, filtered, one verdict at a time.

Statuses: ``pending`` (never reviewed), ``revised`` (asked to be revised and marked
revised by the coder: back in the queue), or the latest verdict — ``approved``,
``needs_revision``, ``rejected``. The queue proper (:data:`TO_REVIEW`) holds the pending
and the revised; every filter can ask for any statuses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from qda.errors import InvalidValue
from qda.i18n import tr
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
    """The excerpts matching ``flt`` (default: all to review), in document and text order."""
    flt = flt or QueueFilter()
    flt.check()
    sup = project.supervision
    latest = sup.latest_reviews()
    statuses = sup.statuses_of(latest)
    coders = {c.id: c.name for c in project.coders.all()}
    cases = _case_names(project)
    memos = sup.segment_memos()
    case_attrs, doc_attrs = sup.attributes() if flt.attributes else ({}, {})
    code_set = _descendant_names(project, flt.codes) if flt.codes else None
    groups = set(flt.groups)
    docs = {d.casefold() for d in flt.documents}
    kinds = set(flt.kinds)
    coder_set = {c.casefold() for c in flt.coders}
    wanted = set(flt.statuses) if flt.statuses else None
    out = []
    for (sid, uid, doc_id, doc, kind, case_id, code_id, code, grp, coder_id, coder, start, end,
         created) in sup.excerpt_rows():
        status = statuses.get(sid, "pending")
        if wanted is not None and status not in wanted:
            continue
        if code_set is not None and code.casefold() not in code_set:
            continue
        if groups and grp not in groups:
            continue
        if docs and doc.casefold() not in docs:
            continue
        if kinds and kind not in kinds:
            continue
        if coder_set and coder.casefold() not in coder_set:
            continue
        if flt.since and created[:10] < flt.since:
            continue
        if flt.until and created[:10] > flt.until:
            continue
        if flt.attributes:
            attrs = dict(case_attrs.get(case_id, {}))
            attrs.update(doc_attrs.get(doc_id, {}))
            if any(attrs.get(k, "").casefold() != v.casefold() for k, v in flt.attributes.items()):
                continue
        item = QueueItem(sid, uid, doc_id, doc, kind, cases.get(case_id, ""), code_id, code, grp, coder_id,
                         coder, start, end, created, status, memo=memos.get(sid, ""))
        review = latest.get(sid)
        if review is not None:
            item.reviewer = coders.get(review[2], "")
            item.comment = review[3]
            item.reviewed = review[4]
        out.append(item)
    return out


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
