"""Export a qda project as REFI-QDA: the whole project (.qdpx) or its codebook (.qdc).

GUIDs are stable: every entity is written with its stored UUID; what qda has no UUID for
(a selection, a variable, a code group) gets one derived from what it is (uuid5), so two
exports of the same project are byte for byte the same and an import of the export exports
the same again. Positions are code points of the stored text (end exclusive), which goes in
``sources/<document uuid>.txt`` as UTF-8 without BOM with LF line ends. The file is written
beside the target and moved into place: a failure leaves no half-written file.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import IO, Any

from lxml import etree

from qda import __version__
from qda.exchange import codetext
from qda.exchange.importer import GROUP_SET_PREFIX, derived_guid
from qda.i18n import tr
from qda.progress import Progress

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_EXCERPT = 100


def _sub(parent: etree._Element, tag: str, ns: str = PROJECT_NS, **attrs: Any) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}",
                            {k: str(v) for k, v in attrs.items() if v is not None and v != ""})


def _when(value: str | None) -> str | None:
    return value if value and _DATETIME.match(value) else None


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text XML 1.0 can hold (control characters other than tab and newline dropped)."""
    return _UNSAFE.sub("", text)


def _excerpt(text: str) -> str:
    if len(text) > 8 * _EXCERPT:  # a long span: its first characters decide the excerpt
        head = " ".join(text[:8 * _EXCERPT].split())
        if len(head) > _EXCERPT:
            return head[:_EXCERPT - 1] + "…"
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT - 1] + "…"


def _label(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= 60 else first[:59] + "…"


class _Codebook:
    """The code rows in tree order with their children, and their memo links."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.children: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
        ids = {r["id"] for r in rows}
        for r in rows:
            parent = r["parent_id"] if r["parent_id"] in ids else None
            self.children[parent].append(r)

    def write(self, parent: etree._Element, ns: str, code_notes: dict[int, str] | None = None) -> None:
        def add(into: etree._Element, row: dict[str, Any]) -> None:
            el = _sub(into, "Code", ns, guid=row["uuid"], name=row["name"], isCodable="true", color=row["color"])
            description = codetext.compose(row)
            if description:
                _sub(el, "Description", ns).text = _clean(description)
            if code_notes and row["id"] in code_notes:
                _sub(el, "NoteRef", ns, targetGUID=code_notes[row["id"]])
            for child in self.children.get(row["id"], []):
                add(el, child)

        codes = _sub(parent, "Codes", ns)
        for row in self.children.get(None, []):
            add(codes, row)

    def group_sets(self, parent_tag: etree._Element, ns: str, member_attr: str) -> None:
        groups: dict[str, list[str]] = defaultdict(list)
        for r in self.rows:
            if r["grp"] != "own":
                groups[r["grp"]].append(r["uuid"])
        if not groups:
            return
        sets = _sub(parent_tag, "Sets", ns)
        for grp in sorted(groups):
            s = _sub(sets, "Set", ns, guid=derived_guid("group", grp), name=GROUP_SET_PREFIX + grp)
            for guid in groups[grp]:
                _sub(s, "MemberCode", ns, **{member_attr: guid})


def codebook_xml(project) -> bytes:
    """The project's codebook as a REFI .qdc document (Codebook.xsd)."""
    rows = project.exchange.codes()
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", f"qda {__version__}")
    book = _Codebook(rows)
    if rows:
        book.write(root, CODEBOOK_NS)
    else:
        _sub(root, "Codes", CODEBOOK_NS)
    book.group_sets(root, CODEBOOK_NS, "guid")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, standalone=True)


def export_qdc(project, out: str | Path) -> int:
    """Write the codebook as .qdc; returns the number of codes."""
    _write_atomically(Path(out), lambda tmp: tmp.write_bytes(codebook_xml(project)))
    return len(project.exchange.codes())


def _write_project(project, stream: IO[bytes], progress: Progress | None = None) -> list[tuple[str, int]]:
    """Stream the .qde document into ``stream``; returns the (entry name, document id) of each source text.

    Written with :class:`lxml.etree.xmlfile`: the small parts (users, codebook, variables,
    cases) as elements, then one ``TextSource`` at a time (its codings read for that document
    only), then the notes page by page, so memory holds one document's codings at most.
    """
    ex = project.exchange
    coders = ex.coders()
    coder_uuid = {cid: uuid for cid, uuid, _n in coders}
    codes = ex.codes()
    code_uuid = {r["id"]: r["uuid"] for r in codes}
    docs = ex.documents()
    doc_attrs = ex.document_attributes()
    cases = ex.cases()
    memo_of: dict[tuple[str, int | None], str] = {}
    for uuid, kind, target_id in ex.memo_targets():
        memo_of[(kind, target_id)] = uuid
    segment_note = ex.segment_memos()  # segment uuid → memo uuid
    holder = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})

    def part(tag: str) -> etree._Element:
        return etree.SubElement(holder, f"{{{PROJECT_NS}}}{tag}")

    def emit(xf: Any, el: etree._Element) -> None:
        xf.write(el, pretty_print=True)
        holder.remove(el)

    keys: list[str] = sorted({key for attrs in [*(c[3] for c in cases), *doc_attrs.values()] for key in attrs})
    var_guid = {key: derived_guid("variable", key) for key in keys}

    def values(into: etree._Element, attrs: dict[str, str]) -> None:
        for key, value in attrs.items():
            vv = _sub(into, "VariableValue")
            _sub(vv, "VariableRef", targetGUID=var_guid[key])
            _sub(vv, "TextValue").text = _clean(value)

    attrs = {"name": ex.project_name() or Path(project.path).stem, "origin": f"qda {__version__}"}
    if coders:
        attrs["creatingUserGUID"] = coders[0][1]
    entries: list[tuple[str, int]] = []
    with etree.xmlfile(stream, encoding="utf-8") as xf:
        xf.write_declaration(standalone=True)
        with xf.element(f"{{{PROJECT_NS}}}Project", attrs, nsmap={None: PROJECT_NS}):
            xf.write("\n")
            if coders:
                users = part("Users")
                for _cid, uuid, name in coders:
                    _sub(users, "User", guid=uuid, name=name)
                emit(xf, users)
            if codes:
                book = part("CodeBook")
                _Codebook(codes).write(book, PROJECT_NS, {tid: uid for (k, tid), uid in memo_of.items() if k == "code"})
                emit(xf, book)
            if keys:
                variables = part("Variables")
                for key in keys:
                    _sub(variables, "Variable", guid=var_guid[key], name=key, typeOfVariable="Text")
                emit(xf, variables)
            if cases:
                docs_of_case: dict[int, list[str]] = defaultdict(list)
                for d in docs:
                    if d["case_id"] is not None:
                        docs_of_case[d["case_id"]].append(d["uuid"])
                case_memo = dict(ex.case_memos())
                cases_el = part("Cases")
                for cid, uuid, name, case_attrs in cases:
                    case = _sub(cases_el, "Case", guid=uuid, name=name)
                    if case_memo.get(cid):
                        _sub(case, "Description").text = _clean(case_memo[cid])
                    values(case, case_attrs)
                    for doc_guid in docs_of_case.get(cid, []):
                        _sub(case, "SourceRef", targetGUID=doc_guid)
                emit(xf, cases_el)
            if docs:
                if progress:
                    progress.start(2 * len(docs) + 1, tr("Mengekspor"))
                with xf.element(f"{{{PROJECT_NS}}}Sources"):
                    xf.write("\n")
                    for d in docs:
                        entry = f"{d['uuid']}.txt"
                        entries.append((f"sources/{entry}", d["id"]))
                        src = part("TextSource")
                        for key, value in {"guid": d["uuid"], "name": d["name"],
                                           "plainTextPath": f"internal://{entry}",
                                           "creationDateTime": _when(d["imported_at"])}.items():
                            if value:
                                src.set(key, str(value))
                        _selections(src, d["uuid"], ex.document_segments(d["id"]), ex, d["id"], coder_uuid,
                                    code_uuid, segment_note)
                        if ("document", d["id"]) in memo_of:
                            _sub(src, "NoteRef", targetGUID=memo_of[("document", d["id"])])
                        values(src, doc_attrs.get(d["id"], {}))
                        emit(xf, src)
                        if progress:
                            progress.step()
            if any(kind != "case" for kind, _t in memo_of):
                with xf.element(f"{{{PROJECT_NS}}}Notes"):
                    xf.write("\n")
                    for uuid, text, coder_id, created in ex.notes():
                        note = part("Note")
                        for key, value in {"guid": uuid, "name": _clean(_label(text)),
                                           "creatingUser": coder_uuid.get(coder_id),
                                           "creationDateTime": _when(created)}.items():
                            if value:
                                note.set(key, value)
                        _sub(note, "PlainTextContent").text = _clean(text)
                        emit(xf, note)
            if any(r["grp"] != "own" for r in codes):
                _Codebook(codes).group_sets(holder, PROJECT_NS, "targetGUID")
                emit(xf, holder[0])
            if ("project", None) in memo_of:
                emit(xf, _sub(holder, "NoteRef", targetGUID=memo_of[("project", None)]))
    return entries


_SELECTION = f"{{{PROJECT_NS}}}PlainTextSelection"
_CODING = f"{{{PROJECT_NS}}}Coding"
_CODE_REF = f"{{{PROJECT_NS}}}CodeRef"
_NOTE_REF = f"{{{PROJECT_NS}}}NoteRef"


def _selections(src: etree._Element, doc_uuid: str, segs: list[tuple[int, int, int, int, str, str]], ex: Any,
                doc_id: int, coder_uuid: dict[int, str], code_uuid: dict[int, str],
                segment_note: dict[str, str]) -> None:
    """One ``PlainTextSelection`` per coded span of a document (its codings inside), in span order."""
    if not segs:
        return
    text = ex.text(doc_id)
    sub = etree.SubElement
    i, n = 0, len(segs)
    while i < n:
        start, end = segs[i][0], segs[i][1]
        j = i + 1
        while j < n and segs[j][0] == start and segs[j][1] == end:
            j += 1
        rows = segs[i:j]
        attrs = {"guid": derived_guid("selection", doc_uuid, start, end), "name": _clean(_excerpt(text[start:end])),
                 "startPosition": str(start), "endPosition": str(end)}
        user = coder_uuid.get(rows[0][3])
        if user:
            attrs["creatingUser"] = user
        created = min((r[5] for r in rows if _when(r[5])), default=None)
        if created:
            attrs["creationDateTime"] = created
        sel = sub(src, _SELECTION, attrs)
        for _s, _e, code_id, coder_id, uuid, seg_created in rows:
            coding_attrs = {"guid": uuid}
            user = coder_uuid.get(coder_id)
            if user:
                coding_attrs["creatingUser"] = user
            if _when(seg_created):
                coding_attrs["creationDateTime"] = seg_created
            coding = sub(sel, _CODING, coding_attrs)
            sub(coding, _CODE_REF, {"targetGUID": code_uuid[code_id]})
            if uuid in segment_note:
                sub(coding, _NOTE_REF, {"targetGUID": segment_note[uuid]})
        i = j


def export_qdpx(project, out: str | Path, *, progress: Progress | None = None) -> dict[str, int]:
    """Write the whole project as .qdpx; returns counts of what went in.

    The .qde is streamed straight into its zip entry (first in the archive, so a reader can
    parse the project before the texts), then each source text is read and written in turn.
    """
    ex = project.exchange
    entries: list[tuple[str, int]] = []

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            with zf.open(_entry("project.qde"), "w") as stream:
                entries.extend(_write_project(project, stream, progress))
            for name, doc_id in entries:
                with zf.open(_entry(name), "w") as stream:
                    stream.write(ex.text(doc_id).encode("utf-8"))
                if progress:
                    progress.step()

    _write_atomically(Path(out), write)
    if progress:
        progress.step()
    stats = project.stats()
    return {"sources": len(entries), "codes": stats["codes"], "codings": stats["segments"],
            "users": stats["coders"], "memos": stats["memos"]}


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _write_atomically(target: Path, write) -> None:
    tmp = target.with_name(f".{target.name}.partial")
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
