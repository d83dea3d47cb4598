"""Plain-data views of a project shared by the CLI (JSON contracts) and the GUI."""

from __future__ import annotations

from itertools import product
from typing import Any, Callable, Sequence

Filter = str | Sequence[str] | None


def _values(value: Filter) -> list[str | None]:
    if value is None or isinstance(value, str):
        return [value]
    return list(value) or [None]


def each_filter(fetch: Callable[..., list[dict[str, Any]]], *, code: Filter = None, document: Filter = None,
                coder: Filter = None, **options: Any) -> list[dict[str, Any]]:
    """Rows of ``fetch`` for filters that may name several codes, documents or coders.

    Each filter is one name or a list of names (any of them matches); every name is
    looked up, so an unknown one is reported. Rows are returned once, in ``fetch``'s order.
    """
    seen: set[Any] = set()
    out: list[dict[str, Any]] = []
    for c, d, k in product(_values(code), _values(document), _values(coder)):
        for row in fetch(code=c, document=d, coder=k, **options):
            key = row.get("id", id(row))
            if key not in seen:
                seen.add(key)
                out.append(row)
    if len(out) > 1 and any(isinstance(v, (list, tuple)) and len(v) > 1 for v in (code, document, coder)):
        out.sort(key=lambda r: (r["document"], r["start"], r["end"], r.get("id", 0)))
    return out


def source_rows(project) -> list[dict[str, Any]]:
    """Sources as ``{"name", "kind", "words", "turns", "attributes"}`` (DESIGN §5).

    ``attributes`` merges the case's attributes (informant profile) with the
    document's own header attributes; the document's own win on a clash.
    """
    cases = {c.id: c for c in project.cases.all()}
    rows = []
    for doc in project.documents.all():
        attrs: dict[str, str] = {}
        if doc.case_id and doc.case_id in cases:
            attrs.update(cases[doc.case_id].attributes)
        attrs.update(project.documents.attributes(doc))
        rows.append({"name": doc.name, "kind": doc.kind, "words": doc.words, "turns": doc.turn_count,
                     "attributes": attrs})
    return rows


def code_rows(project) -> list[dict[str, Any]]:
    """Codes as ``{"name", "group", "parent", "color", "segments"}`` in tree order (DESIGN §5)."""
    codes = project.codes.all()
    names = {c.id: c.name for c in codes}
    counts = project.codes.counts()
    return [{"name": c.name, "group": c.group, "parent": names.get(c.parent_id) if c.parent_id else None,
             "color": c.color, "segments": counts.get(c.id, 0)} for c in codes]


def segment_rows(project, *, code: Filter = None, document: Filter = None, coder: Filter = None
                 ) -> list[dict[str, Any]]:
    """Segments as ``{"document", "start", "end", "code", "coder", "text"}`` (DESIGN §5).

    A coding an edit could not place with confidence also carries ``"flagged": true``.
    """
    flagged = project.versions.flagged_segment_ids()
    return [{"document": r["document"], "start": r["start"], "end": r["end"], "code": r["code"],
             "coder": r["coder"], "text": r["text"], **({"flagged": True} if r["id"] in flagged else {})}
            for r in each_filter(project.segments.rows, code=code, document=document, coder=coder)]
