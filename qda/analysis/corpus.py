"""One read-only snapshot of a project for the analysis functions, and the filters they share.

The snapshot holds plain records (documents, codes, codings with their latest review
status and memo, cases and attributes, speaker turns); texts are read when first
needed. :func:`corpus` keeps the last snapshot of each project and rebuilds it only
after the project changed (the audit trail grew), so a view that runs many queries
reads the file once.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from qda.domain import KINDS, REVIEW_STATUSES
from qda.errors import InvalidValue
from qda.i18n import tr

#: Review-status filter values; ``unreviewed`` selects codings nobody has reviewed yet.
STATUS_FILTERS = (*REVIEW_STATUSES, "unreviewed")


class Coding(NamedTuple):
    """One coding (segment): code points into the document text, end exclusive."""

    id: int
    uuid: str
    document_id: int
    code_id: int
    start: int
    end: int
    coder_id: int


class DocInfo(NamedTuple):
    id: int
    name: str
    kind: str
    case_id: int | None
    length: int


class CodeInfo(NamedTuple):
    id: int
    name: str
    parent_id: int | None
    group: str
    color: str
    position: int


def norm_name(name: str) -> str:
    """A name compared case-insensitively with runs of spaces as one."""
    return " ".join(name.split()).casefold()


@dataclass
class Filters:
    """Which codings an analysis looks at (all of them when empty).

    ``attributes`` maps an attribute name to the accepted values (case attributes of
    the document's informant, then the document's own attributes; names and values
    compared case-insensitively). ``kinds`` are document kinds, ``coders`` coder
    names, ``statuses`` review statuses (:data:`STATUS_FILTERS`), ``documents``
    document names.
    """

    attributes: dict[str, list[str]] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)
    coders: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.attributes or self.kinds or self.coders or self.statuses or self.documents)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape stored with a saved query (empty parts left out)."""
        out: dict[str, Any] = {}
        for key in ("attributes", "kinds", "coders", "statuses", "documents"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Filters":
        data = data or {}
        return cls(attributes={str(k): [str(v) for v in vs] for k, vs in (data.get("attributes") or {}).items()},
                   kinds=list(data.get("kinds") or []), coders=list(data.get("coders") or []),
                   statuses=list(data.get("statuses") or []), documents=list(data.get("documents") or []))

    @classmethod
    def parse_attributes(cls, pairs: Iterable[str]) -> dict[str, list[str]]:
        """``["Jabatan=Kasubag", "Jabatan=Staf", "Jenis Kelamin=P"]`` → ``{"Jabatan": [...], ...}``."""
        out: dict[str, list[str]] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not key.strip():
                raise InvalidValue(tr("filter atribut harus berbentuk KUNCI=NILAI: {pair}", pair=pair))
            out.setdefault(key.strip(), []).append(value.strip())
        return out


class Corpus:
    """A snapshot of a project for analysis (no SQL here: the rows come from ``project.queries``)."""

    def __init__(self, project: Any) -> None:
        rows = project.queries.snapshot_rows()
        self._project = project
        self.stamp = rows.stamp
        self.viewer = rows.viewer  # blind coding: whose codings alone this snapshot holds
        self.documents = {r[0]: DocInfo(*r) for r in rows.documents}
        self.codes = {r[0]: CodeInfo(*r) for r in rows.codes}
        self.coders = rows.coders
        self.cases = rows.cases
        self.statuses = rows.statuses
        self.memos = rows.memos
        self.codings = [Coding(*r) for r in rows.segments]
        self.by_id = {c.id: c for c in self.codings}
        self._code_by_name = {norm_name(c.name): c.id for c in self.codes.values()}
        case_attrs: dict[int, dict[str, str]] = {}
        for case_id, key, value in rows.case_attributes:
            case_attrs.setdefault(case_id, {})[key] = value
        doc_attrs: dict[int, dict[str, str]] = {}
        for doc_id, key, value in rows.document_attributes:
            doc_attrs.setdefault(doc_id, {})[key] = value
        self.case_attributes = case_attrs
        self.document_attributes = doc_attrs
        self.turns: dict[int, list[tuple[str, int, int]]] = {}
        for doc_id, speaker, start, end in rows.turns:
            self.turns.setdefault(doc_id, []).append((speaker, start, end))
        self._texts: dict[int, str] = {}
        self._children: dict[int, list[int]] = {}
        for c in self.codes.values():
            if c.parent_id is not None:
                self._children.setdefault(c.parent_id, []).append(c.id)
        self.cache: dict[Any, Any] = {}  # per-snapshot caches of derived data (sentences, vocabularies)

    # ------------------------------------------------------------------ lookups
    def text(self, doc_id: int) -> str:
        """The stored text of a document."""
        text = self._texts.get(doc_id)
        if text is None:
            text = self._project.queries.texts([doc_id]).get(doc_id, "")
            self._texts[doc_id] = text
        return text

    def load_texts(self, doc_ids: Iterable[int]) -> None:
        """Read the texts of many documents at once."""
        missing = [d for d in doc_ids if d not in self._texts]
        if missing:
            self._texts.update(self._project.queries.texts(missing))

    def code_id(self, name: str) -> int | None:
        """The id of the code called ``name`` (case and spacing ignored), or None."""
        return self._code_by_name.get(norm_name(name))

    def code_names(self) -> list[str]:
        return [c.name for c in self.codes.values()]

    def descendants(self, code_id: int) -> list[int]:
        """Ids of every code below ``code_id`` in the hierarchy."""
        out: list[int] = []
        stack = list(self._children.get(code_id, ()))
        while stack:
            node = stack.pop()
            if node not in out:
                out.append(node)
                stack.extend(self._children.get(node, ()))
        return out

    def roots(self, group: str | None = None) -> list[CodeInfo]:
        """Top-level codes (of one group), in codebook order."""
        return [c for c in self.codes.values() if c.parent_id is None and (group is None or c.group == group)]

    def attributes(self, doc_id: int) -> dict[str, str]:
        """The document's informant (case) attributes, then its own attributes."""
        doc = self.documents[doc_id]
        merged = dict(self.document_attributes.get(doc_id, {}))
        if doc.case_id is not None:
            merged.update(self.case_attributes.get(doc.case_id, {}))
        return merged

    def attribute_keys(self) -> list[str]:
        """Every attribute name used by a case or a document, sorted."""
        keys = {k for attrs in self.case_attributes.values() for k in attrs}
        keys |= {k for attrs in self.document_attributes.values() for k in attrs}
        return sorted(keys, key=str.casefold)

    def attribute_value(self, doc_id: int, key: str) -> str | None:
        wanted = key.casefold()
        for k, v in self.attributes(doc_id).items():
            if k.casefold() == wanted:
                return v
        return None

    def by_code(self, filters: Filters | None = None) -> dict[int, list[Coding]]:
        """Code id → its codings that pass ``filters`` (the unfiltered index is built once per snapshot)."""
        unfiltered = filters is None or filters.is_empty()
        if unfiltered and "by_code" in self.cache:
            return self.cache["by_code"]
        out: dict[int, list[Coding]] = {}
        for c in self.select(filters):
            out.setdefault(c.code_id, []).append(c)
        if unfiltered:
            self.cache["by_code"] = out
        return out

    def status_of(self, coding_id: int) -> str:
        return self.statuses.get(coding_id, "unreviewed")

    # ------------------------------------------------------------------ filters
    def select(self, filters: Filters | None = None) -> list[Coding]:
        """The codings that pass ``filters`` (all when None or empty)."""
        if filters is None or filters.is_empty():
            return self.codings
        docs = self.select_documents(filters)
        coders: set[int] | None = None
        if filters.coders:
            by_name = {n.casefold(): i for i, n in self.coders.items()}
            unknown = [c for c in filters.coders if c.casefold() not in by_name]
            if unknown:
                raise InvalidValue(tr("pengode tidak ditemukan: {names}", names=", ".join(unknown)))
            coders = {by_name[c.casefold()] for c in filters.coders}
        statuses: set[str] | None = None
        if filters.statuses:
            bad = [s for s in filters.statuses if s not in STATUS_FILTERS]
            if bad:
                raise InvalidValue(tr("status telaah tidak dikenal: {s} (pilih: {all})", s=", ".join(bad),
                                      all=", ".join(STATUS_FILTERS)))
            statuses = set(filters.statuses)
        status_of = self.statuses.get
        return [c for c in self.codings
                if c.document_id in docs and (coders is None or c.coder_id in coders)
                and (statuses is None or status_of(c.id, "unreviewed") in statuses)]

    def select_documents(self, filters: Filters | None = None) -> set[int]:
        """Ids of the documents that pass the document-level parts of ``filters``."""
        docs = set(self.documents)
        if filters is None:
            return docs
        if filters.documents:
            by_name = {d.name.casefold(): d.id for d in self.documents.values()}
            unknown = [n for n in filters.documents if n.casefold() not in by_name]
            if unknown:
                raise InvalidValue(tr("sumber tidak ditemukan: {names}", names=", ".join(unknown)))
            docs &= {by_name[n.casefold()] for n in filters.documents}
        if filters.kinds:
            bad = [k for k in filters.kinds if k not in KINDS]
            if bad:
                raise InvalidValue(tr("jenis sumber tidak dikenal: {k} (pilih: {all})", k=", ".join(bad),
                                      all=", ".join(KINDS)))
            docs = {d for d in docs if self.documents[d].kind in filters.kinds}
        for key, values in filters.attributes.items():
            if key.casefold() not in {k.casefold() for k in self.attribute_keys()}:
                raise InvalidValue(tr("atribut tidak dikenal: {key} (ada: {all})", key=key,
                                      all=", ".join(self.attribute_keys()) or "—"))
            accepted = {v.strip().casefold() for v in values}
            docs = {d for d in docs if (self.attribute_value(d, key) or "").strip().casefold() in accepted}
        return docs


_cache: "weakref.WeakKeyDictionary[Any, Corpus]" = weakref.WeakKeyDictionary()


def corpus(project: Any) -> Corpus:
    """The analysis snapshot of ``project``, rebuilt only when the project (or, in blind coding, the coder) changed."""
    stamp = project.queries.stamp()
    found = _cache.get(project)
    if found is not None and found.stamp == stamp and found.viewer == project.supervision.visible_coder():
        return found
    fresh = Corpus(project)
    _cache[project] = fresh
    return fresh
