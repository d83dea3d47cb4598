"""A REFI-QDA project or codebook as plain records, read leniently from its XML as a stream.

:func:`stream_project` turns ``iterparse`` events into records: the project's head (users,
codebook) first, then one :class:`RefiSource` at a time (its selections and codings), then
the rest (cases, notes, links, sets), dropping each element once read.

Only what qda can store is kept; what it cannot (pictures, audio, video, PDF regions,
graphs) is counted so the import report can say what was left out. GUIDs are normalised
(braces removed, lower case) so references match whatever case the writer used.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator

from lxml import etree


def norm_guid(value: str | None) -> str:
    """A GUID in the form qda stores: no braces, lower case ('' for none)."""
    if value is not None and len(value) == 36:  # the usual form: only the case may differ
        return value.lower()
    return (value or "").strip().strip("{}").lower()


@dataclass
class RefiUser:
    guid: str
    name: str


@dataclass
class RefiCode:
    guid: str
    name: str
    color: str | None
    description: str
    codable: bool
    children: list[RefiCode] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass
class RefiCoding:
    guid: str
    code: str
    user: str
    created: str
    note_refs: list[str] = field(default_factory=list)


@dataclass
class RefiSelection:
    guid: str
    start: int
    end: int
    user: str
    created: str
    description: str
    codings: list[RefiCoding] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass
class RefiSource:
    guid: str
    kind: str  # TextSource, PDFSource, PictureSource, AudioSource, VideoSource
    name: str
    plain_path: str
    plain_content: str | None
    description: str
    selections: list[RefiSelection] = field(default_factory=list)
    codings: list[RefiCoding] = field(default_factory=list)  # codings of the whole source
    note_refs: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)
    other: Counter = field(default_factory=Counter)  # REFI element → number: PDF regions, picture areas, media spans …
    other_codings: Counter = field(default_factory=Counter)  # REFI selection element → codings on those
    created: str = ""


@dataclass
class RefiNote:
    guid: str
    name: str
    text: str | None
    plain_path: str
    user: str
    created: str


@dataclass
class RefiCase:
    guid: str
    name: str
    description: str
    variables: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


@dataclass
class RefiSet:
    guid: str
    name: str
    codes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class RefiProject:
    name: str
    origin: str
    creating_user: str
    is_codebook: bool = False
    users: list[RefiUser] = field(default_factory=list)
    codes: list[RefiCode] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    notes: list[RefiNote] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    sets: list[RefiSet] = field(default_factory=list)
    description: str = ""
    note_refs: list[str] = field(default_factory=list)
    graphs: int = 0

    @property
    def counts_utf16(self) -> bool:
        """NVivo counts positions in UTF-16 code units (and CRLF as two); everyone else in code points."""
        return self.origin.strip().lower().startswith("nvivo")


# ---------------------------------------------------------------------- reading
_LOCAL: dict[Any, str] = {}


def _local(el: etree._Element) -> str:
    tag = el.tag
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL) < 4096:
            _LOCAL[tag] = name
    return name


def _kids(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if _local(c) in names]


def _first(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if _local(c) == name:
            return c
    return None


def _text(el: etree._Element, name: str) -> str:
    child = _first(el, name)
    return (child.text or "") if child is not None else ""


def _int(value: str | None) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]  # int() ignores surrounding blanks
    except (TypeError, ValueError):
        return None


def _refs(el: etree._Element, name: str = "NoteRef") -> list[str]:
    return [norm_guid(r.get("targetGUID")) for r in _kids(el, name) if r.get("targetGUID")]


def _coding(el: etree._Element, default_user: str, default_created: str) -> RefiCoding | None:
    code = ""
    notes: list[str] = []
    for child in el:
        name = _local(child)
        if name == "CodeRef" and not code:
            code = norm_guid(child.get("targetGUID"))
        elif name == "NoteRef" and child.get("targetGUID"):
            notes.append(norm_guid(child.get("targetGUID")))
    if not code:
        return None
    return RefiCoding(norm_guid(el.get("guid")), code, norm_guid(el.get("creatingUser")) or default_user,
                      el.get("creationDateTime") or default_created, notes)


def _code(el: etree._Element) -> RefiCode:
    codable = (el.get("isCodable") or "true").strip().lower() not in ("false", "0")
    return RefiCode(norm_guid(el.get("guid")), (el.get("name") or "").strip(), el.get("color"),
                    _text(el, "Description").strip(), codable, [_code(c) for c in _kids(el, "Code")], _refs(el))


def _variable_values(el: etree._Element, variables: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for vv in _kids(el, "VariableValue"):
        ref = _first(vv, "VariableRef")
        name = variables.get(norm_guid(ref.get("targetGUID"))) if ref is not None else None
        if not name:
            continue
        for child in vv:
            if _local(child) != "VariableRef" and child.text is not None:
                out[name] = child.text.strip()
                break
    return out


_SOURCE_KINDS = ("TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource")
# what qda cannot store, by REFI element: counted per kind for the import report
MEDIA_SOURCES = ("PictureSource", "AudioSource", "VideoSource")
OTHER_SELECTIONS = ("PictureSelection", "AudioSelection", "VideoSelection", "PDFSelection", "TranscriptSelection")


class NotRefi(ValueError):
    """The XML's root element is neither a REFI ``Project`` nor a ``CodeBook``."""


# the elements whose end :func:`stream_project` needs to see (their descendants are read from the element)
STREAM_TAGS = [f"{{*}}{name}" for name in ("Project", "CodeBook", "Users", "Codes", "Variables", "Cases", "Sources",
                                          "Notes", "Links", "Sets", "Graphs", "Description", "NoteRef",
                                          "PlainTextSelection", *_SOURCE_KINDS)]


def stream_project(events: Iterator[tuple[str, etree._Element]]) -> Iterator[tuple[str, Any]]:
    """Read a .qde (``Project``) or .qdc (``CodeBook``) from ``iterparse`` end events (of :data:`STREAM_TAGS`).

    Yields ``("head", project)`` once the users and the codebook are known (when the first
    source has been read, or at the end), then ``("source", RefiSource)`` for each source as
    soon as its element ends, then ``("end", project)`` with the cases, notes, links and sets.
    Each element is dropped once read, so memory holds one source's selections at most.
    Raises :class:`NotRefi` (with the tag) when the root is neither ``Project`` nor ``CodeBook``.
    """
    project: RefiProject | None = None
    root: etree._Element | None = None
    variables: dict[str, str] = {}
    head_sent = False
    codebook_seen = False
    pending: list[RefiSource] = []
    selections: list[RefiSelection] = []
    owner: etree._Element | None = None  # the source element the selections being read belong to
    owner_user, owner_created = "", ""
    for _event, el in events:
        if project is None:
            root = el.getroottree().getroot()
            project = _root_record(root)
        parent = el.getparent()
        if parent is None:
            break
        name = _local(el)
        if name == "PlainTextSelection":
            source_el = parent.getparent() if _local(parent) == "Representation" else parent
            sources_el = source_el.getparent() if source_el is not None else None
            if sources_el is None or _local(sources_el) != "Sources":
                continue  # text of a PDF region or a picture's description: not a source's own text
            if source_el is not owner:
                owner = source_el
                owner_user = norm_guid(source_el.get("creatingUser")) or project.creating_user
                owner_created = source_el.get("creationDateTime") or ""
            selections.append(_selection(el, owner_user, owner_created))
            _drop(el)
            continue
        if name in _SOURCE_KINDS and _local(parent) == "Sources":
            if not head_sent and codebook_seen:
                head_sent = True
                yield "head", project
            user = norm_guid(el.get("creatingUser")) or project.creating_user
            src = _source(el, name, user, el.get("creationDateTime") or "", variables, selections)
            if head_sent:
                yield "source", src
            else:
                pending.append(src)
            selections, owner = [], None
            _drop(el)
            continue
        if parent is not root:
            continue
        if name == "Users" and not project.is_codebook:
            project.users = [RefiUser(norm_guid(u.get("guid")), (u.get("name") or u.get("id") or "").strip())
                             for u in _kids(el, "User") if u.get("guid")]
        elif name == "Codes" and project.is_codebook:
            project.codes = [_code(c) for c in _kids(el, "Code")]
            codebook_seen = True
        elif name == "CodeBook":
            codes_el = _first(el, "Codes")
            project.codes = [_code(c) for c in _kids(codes_el, "Code")] if codes_el is not None else []
            codebook_seen = True
        elif name == "Variables":
            for v in _kids(el, "Variable"):
                if v.get("guid") and (v.get("name") or "").strip():
                    variables[norm_guid(v.get("guid"))] = (v.get("name") or "").strip()
        elif name == "Cases":
            for c in _kids(el, "Case"):
                project.cases.append(RefiCase(norm_guid(c.get("guid")), (c.get("name") or "").strip(),
                                              _text(c, "Description").strip(), _variable_values(c, variables),
                                              _refs(c, "SourceRef")))
        elif name == "Notes":
            for n in _kids(el, "Note"):
                content = _first(n, "PlainTextContent")
                project.notes.append(RefiNote(norm_guid(n.get("guid")), (n.get("name") or "").strip(),
                                              content.text or "" if content is not None else None,
                                              n.get("plainTextPath") or "", norm_guid(n.get("creatingUser")),
                                              n.get("creationDateTime") or ""))
        elif name == "Links":
            project.links = [(norm_guid(k.get("originGUID")), norm_guid(k.get("targetGUID")))
                             for k in _kids(el, "Link") if k.get("originGUID") and k.get("targetGUID")]
        elif name == "Sets":
            project.sets = _sets(el)
        elif name == "Graphs":
            project.graphs = len(_kids(el, "Graph"))
        elif name == "Description" and not project.is_codebook:
            project.description = (el.text or "").strip()
        elif name == "NoteRef" and el.get("targetGUID") and not project.is_codebook:
            project.note_refs.append(norm_guid(el.get("targetGUID")))
        _drop(el)
    if project is None:
        raise NotRefi("")
    if not head_sent:
        yield "head", project
    for src in pending:
        yield "source", src
    yield "end", project


def _root_record(root: etree._Element) -> RefiProject:
    top = _local(root)
    if top == "CodeBook":
        return RefiProject(name="", origin=root.get("origin") or "", creating_user="", is_codebook=True)
    if top == "Project":
        return RefiProject(name=root.get("name") or "", origin=root.get("origin") or "",
                           creating_user=norm_guid(root.get("creatingUserGUID")))
    raise NotRefi(top)


def _drop(el: etree._Element) -> None:
    """Free an element that has been read (and the whitespace around it)."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _sets(sets: etree._Element) -> list[RefiSet]:
    out = []
    for s in _kids(sets, "Set"):
        codes = [norm_guid(m.get("targetGUID") or m.get("guid")) for m in _kids(s, "MemberCode")]
        out.append(RefiSet(norm_guid(s.get("guid")), (s.get("name") or "").strip(), [c for c in codes if c],
                           _refs(s, "MemberSource")))
    return out


def _selection(el: etree._Element, user: str, created: str) -> RefiSelection:
    start, end = _int(el.get("startPosition")), _int(el.get("endPosition"))
    sel_user = norm_guid(el.get("creatingUser")) or user
    sel_created = el.get("creationDateTime") or created
    sel = RefiSelection(norm_guid(el.get("guid")), start if start is not None else -1, end if end is not None else -1,
                        sel_user, sel_created, "")
    for part in el:
        what = _local(part)
        if what == "Coding":
            coding = _coding(part, sel_user, sel_created)
            if coding:
                sel.codings.append(coding)
        elif what == "NoteRef" and part.get("targetGUID"):
            sel.note_refs.append(norm_guid(part.get("targetGUID")))
        elif what == "Description" and not sel.description:
            sel.description = (part.text or "").strip()
    return sel


def _source(el: etree._Element, kind: str, user: str, created: str, variables: dict[str, str],
            selections: list[RefiSelection]) -> RefiSource:
    """A source element whose ``PlainTextSelection``s were already read (and removed) into ``selections``."""
    content = _first(el, "PlainTextContent")
    plain_path = el.get("plainTextPath") or ""
    rep = _first(el, "Representation") if kind == "PDFSource" else None
    if rep is not None:  # the PDF's text lives in its Representation (a TextSource)
        plain_path = rep.get("plainTextPath") or ""
        content = _first(rep, "PlainTextContent")
    src = RefiSource(norm_guid(el.get("guid")), kind, (el.get("name") or "").strip(), plain_path,
                     (content.text or "") if content is not None else None, _text(el, "Description").strip(),
                     note_refs=_refs(el), variables=_variable_values(el, variables), created=created,
                     selections=selections)
    children = list(el)
    if rep is not None:  # whole-source codings of the representation count as text codings
        children.extend(c for c in rep if _local(c) == "Coding")
    for child in children:
        name = _local(child)
        if name == "Coding":
            if kind in ("TextSource", "PDFSource"):
                coding = _coding(child, user, created)
                if coding:
                    src.codings.append(coding)
            else:
                src.other_codings[kind] += 1  # a coding of the whole picture, recording …
        elif name in OTHER_SELECTIONS:
            src.other[name] += 1
            src.other_codings[name] += len(_kids(child, "Coding"))
        elif name == "Transcript":
            for part in child:
                what = _local(part)
                if what == "TranscriptSelection":
                    src.other[what] += 1
                    src.other_codings[what] += len(_kids(part, "Coding"))
    return src
