"""A REFI-QDA project or codebook as plain records, read leniently from its XML.

Only what qda can store is kept; what it cannot (pictures, audio, video, PDF regions,
graphs) is counted so the import report can say what was left out. GUIDs are normalised
(braces removed, lower case) so references match whatever case the writer used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree


def norm_guid(value: str | None) -> str:
    """A GUID in the form qda stores: no braces, lower case ('' for none)."""
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
    other_selections: int = 0  # PDF regions, picture areas, media spans …
    other_codings: int = 0
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
    sources: list[RefiSource] = field(default_factory=list)
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

    def all_codes(self) -> list[RefiCode]:
        """Every code, parents before children."""
        out: list[RefiCode] = []
        stack = list(reversed(self.codes))
        while stack:
            code = stack.pop()
            out.append(code)
            stack.extend(reversed(code.children))
        return out


# ---------------------------------------------------------------------- reading
def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


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
        return int(str(value).strip())
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


def read_project(root: etree._Element) -> RefiProject:
    """The records of a parsed .qde (``Project``) or .qdc (``CodeBook``) document."""
    top = _local(root)
    if top == "CodeBook":
        codes_el = _first(root, "Codes")
        project = RefiProject(name="", origin=root.get("origin") or "", creating_user="", is_codebook=True)
        project.codes = [_code(c) for c in _kids(codes_el, "Code")] if codes_el is not None else []
        project.sets = _sets(root)
        return project
    if top != "Project":
        raise ValueError(top)
    project = RefiProject(name=root.get("name") or "", origin=root.get("origin") or "",
                          creating_user=norm_guid(root.get("creatingUserGUID")))
    users = _first(root, "Users")
    if users is not None:
        project.users = [RefiUser(norm_guid(u.get("guid")), (u.get("name") or u.get("id") or "").strip())
                         for u in _kids(users, "User") if u.get("guid")]
    book = _first(root, "CodeBook")
    codes_el = _first(book, "Codes") if book is not None else None
    if codes_el is not None:
        project.codes = [_code(c) for c in _kids(codes_el, "Code")]
    variables: dict[str, str] = {}
    var_el = _first(root, "Variables")
    if var_el is not None:
        for v in _kids(var_el, "Variable"):
            if v.get("guid") and (v.get("name") or "").strip():
                variables[norm_guid(v.get("guid"))] = v.get("name").strip()
    cases = _first(root, "Cases")
    if cases is not None:
        for c in _kids(cases, "Case"):
            project.cases.append(RefiCase(norm_guid(c.get("guid")), (c.get("name") or "").strip(),
                                          _text(c, "Description").strip(), _variable_values(c, variables),
                                          _refs(c, "SourceRef")))
    sources = _first(root, "Sources")
    if sources is not None:
        for s in sources:
            kind = _local(s)
            if kind in ("TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource"):
                project.sources.append(_source(s, kind, project.creating_user, variables))
    notes = _first(root, "Notes")
    if notes is not None:
        for n in _kids(notes, "Note"):
            content = _first(n, "PlainTextContent")
            project.notes.append(RefiNote(norm_guid(n.get("guid")), (n.get("name") or "").strip(),
                                          content.text or "" if content is not None else None,
                                          n.get("plainTextPath") or "", norm_guid(n.get("creatingUser")),
                                          n.get("creationDateTime") or ""))
    links = _first(root, "Links")
    if links is not None:
        project.links = [(norm_guid(k.get("originGUID")), norm_guid(k.get("targetGUID"))) for k in _kids(links, "Link")
                         if k.get("originGUID") and k.get("targetGUID")]
    project.sets = _sets(root)
    graphs = _first(root, "Graphs")
    project.graphs = len(_kids(graphs, "Graph")) if graphs is not None else 0
    project.description = _text(root, "Description").strip()
    project.note_refs = _refs(root)
    return project


def _sets(root: etree._Element) -> list[RefiSet]:
    sets = _first(root, "Sets")
    if sets is None:
        return []
    out = []
    for s in _kids(sets, "Set"):
        codes = [norm_guid(m.get("targetGUID") or m.get("guid")) for m in _kids(s, "MemberCode")]
        out.append(RefiSet(norm_guid(s.get("guid")), (s.get("name") or "").strip(), [c for c in codes if c],
                           _refs(s, "MemberSource")))
    return out


def _source(el: etree._Element, kind: str, default_user: str, variables: dict[str, str]) -> RefiSource:
    guid = norm_guid(el.get("guid"))
    user = norm_guid(el.get("creatingUser")) or default_user
    created = el.get("creationDateTime") or ""
    content = _first(el, "PlainTextContent")
    plain_path = el.get("plainTextPath") or ""
    if kind == "PDFSource":  # the PDF's text lives in its Representation (a TextSource)
        rep = _first(el, "Representation")
        if rep is not None:
            plain_path = rep.get("plainTextPath") or ""
            content = _first(rep, "PlainTextContent")
    src = RefiSource(guid, kind, (el.get("name") or "").strip(), plain_path,
                     (content.text or "") if content is not None else None, _text(el, "Description").strip(),
                     note_refs=_refs(el), variables=_variable_values(el, variables), created=created)
    children = list(el)
    if kind == "PDFSource":  # selections on the PDF's text representation count as text selections
        rep = _first(el, "Representation")
        if rep is not None:
            children.extend(c for c in rep if _local(c) in ("PlainTextSelection", "Coding"))
    for child in children:
        name = _local(child)
        if name == "Representation":
            continue
        if name == "PlainTextSelection":
            start, end = _int(child.get("startPosition")), _int(child.get("endPosition"))
            sel_user = norm_guid(child.get("creatingUser")) or user
            sel_created = child.get("creationDateTime") or created
            sel = RefiSelection(norm_guid(child.get("guid")), start if start is not None else -1,
                                end if end is not None else -1, sel_user, sel_created, "")
            for part in child:
                what = _local(part)
                if what == "Coding":
                    coding = _coding(part, sel_user, sel_created)
                    if coding:
                        sel.codings.append(coding)
                elif what == "NoteRef" and part.get("targetGUID"):
                    sel.note_refs.append(norm_guid(part.get("targetGUID")))
                elif what == "Description" and not sel.description:
                    sel.description = (part.text or "").strip()
            src.selections.append(sel)
        elif name == "Coding" and kind in ("TextSource", "PDFSource") and child.getparent() is not el:
            coding = _coding(child, user, created)
            if coding:
                src.codings.append(coding)
        elif name == "Coding" and kind == "TextSource":
            coding = _coding(child, user, created)
            if coding:
                src.codings.append(coding)
        elif name.endswith("Selection") or name == "Coding":
            src.other_selections += name != "Coding"
            src.other_codings += len(_kids(child, "Coding")) if name != "Coding" else 1
        elif name == "Transcript":
            src.other_selections += len(_kids(child, "TranscriptSelection"))
    return src
