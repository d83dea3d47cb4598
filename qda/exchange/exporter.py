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
from typing import Any

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


def _clean(text: str) -> str:
    """Text XML 1.0 can hold (control characters other than tab and newline dropped)."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def _excerpt(text: str) -> str:
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


def project_xml(project, *, progress: Progress | None = None) -> tuple[bytes, list[tuple[str, int]]]:
    """The .qde document and the (entry name, document id) of each source text to pack."""
    ex = project.exchange
    coders = ex.coders()
    coder_uuid = {cid: uuid for cid, uuid, _n in coders}
    codes = ex.codes()
    code_uuid = {r["id"]: r["uuid"] for r in codes}
    docs = ex.documents()
    doc_attrs = ex.document_attributes()
    cases = ex.cases()
    memos = ex.memos()
    seg_uuid = ex.segment_uuids() if any(m["target_kind"] == "segment" for m in memos) else {}

    memo_of: dict[tuple[str, int | None], str] = {}
    case_memo: dict[int, str] = {}
    for m in memos:
        if m["target_kind"] == "case":
            case_memo[m["target_id"]] = m["text"]
        else:
            memo_of[(m["target_kind"], m["target_id"])] = m["uuid"]
    segment_note = {seg_uuid[sid]: uid for (kind, sid), uid in memo_of.items() if kind == "segment" and sid in seg_uuid}

    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    root.set("name", ex.project_name() or Path(project.path).stem)
    root.set("origin", f"qda {__version__}")
    if coders:
        root.set("creatingUserGUID", coders[0][1])
        users = _sub(root, "Users")
        for _cid, uuid, name in coders:
            _sub(users, "User", guid=uuid, name=name)
    if codes:
        book = _sub(root, "CodeBook")
        _Codebook(codes).write(book, PROJECT_NS, {tid: uid for (k, tid), uid in memo_of.items() if k == "code"})

    keys: list[str] = []
    for attrs in [*(c[3] for c in cases), *doc_attrs.values()]:
        for key in attrs:
            if key not in keys:
                keys.append(key)
    keys.sort()
    var_guid = {key: derived_guid("variable", key) for key in keys}
    if keys:
        variables = _sub(root, "Variables")
        for key in keys:
            _sub(variables, "Variable", guid=var_guid[key], name=key, typeOfVariable="Text")

    def values(into: etree._Element, attrs: dict[str, str]) -> None:
        for key, value in attrs.items():
            vv = _sub(into, "VariableValue")
            _sub(vv, "VariableRef", targetGUID=var_guid[key])
            _sub(vv, "TextValue").text = _clean(value)

    if cases:
        docs_of_case: dict[int, list[str]] = defaultdict(list)
        for d in docs:
            if d["case_id"] is not None:
                docs_of_case[d["case_id"]].append(d["uuid"])
        cases_el = _sub(root, "Cases")
        for cid, uuid, name, attrs in cases:
            case = _sub(cases_el, "Case", guid=uuid, name=name)
            if case_memo.get(cid):
                _sub(case, "Description").text = _clean(case_memo[cid])
            values(case, attrs)
            for doc_guid in docs_of_case.get(cid, []):
                _sub(case, "SourceRef", targetGUID=doc_guid)

    entries: list[tuple[str, int]] = []
    if docs:
        if progress:
            progress.start(len(docs) + 1, tr("Menyiapkan ekspor"))
        by_doc: dict[int, list[tuple[int, int, int, int, int, str, str]]] = defaultdict(list)
        for row in ex.segments():
            by_doc[row[0]].append(row)
        sources = _sub(root, "Sources")
        for d in docs:
            entry = f"{d['uuid']}.txt"
            entries.append((f"sources/{entry}", d["id"]))
            src = _sub(sources, "TextSource", guid=d["uuid"], name=d["name"], plainTextPath=f"internal://{entry}",
                       creationDateTime=_when(d["imported_at"]))
            segs = by_doc.pop(d["id"], [])
            text = ex.text(d["id"]) if segs else ""
            spans: dict[tuple[int, int], list[tuple[int, int, int, int, int, str, str]]] = defaultdict(list)
            for row in segs:
                spans[(row[1], row[2])].append(row)
            for (start, end), rows in spans.items():
                created = min((r[6] for r in rows if _when(r[6])), default=None)
                sel = _sub(src, "PlainTextSelection", guid=derived_guid("selection", d["uuid"], start, end),
                           name=_clean(_excerpt(text[start:end])), startPosition=start, endPosition=end,
                           creatingUser=coder_uuid.get(rows[0][4]), creationDateTime=created)
                for _doc, _s, _e, code_id, coder_id, uuid, seg_created in rows:
                    coding = _sub(sel, "Coding", guid=uuid, creatingUser=coder_uuid.get(coder_id),
                                  creationDateTime=_when(seg_created))
                    _sub(coding, "CodeRef", targetGUID=code_uuid[code_id])
                    if uuid in segment_note:
                        _sub(coding, "NoteRef", targetGUID=segment_note[uuid])
            if ("document", d["id"]) in memo_of:
                _sub(src, "NoteRef", targetGUID=memo_of[("document", d["id"])])
            values(src, doc_attrs.get(d["id"], {}))
            if progress:
                progress.step()

    notes = [m for m in memos if m["target_kind"] != "case" and (m["target_kind"] != "segment"
                                                                  or m["target_id"] in seg_uuid)]
    if notes:
        notes_el = _sub(root, "Notes")
        for m in notes:
            note = _sub(notes_el, "Note", guid=m["uuid"], name=_clean(_label(m["text"])),
                        creatingUser=coder_uuid.get(m["coder_id"]), creationDateTime=_when(m["created"]))
            _sub(note, "PlainTextContent").text = _clean(m["text"])
    if any(r["grp"] != "own" for r in codes):
        _Codebook(codes).group_sets(root, PROJECT_NS, "targetGUID")
    if ("project", None) in memo_of:
        _sub(root, "NoteRef", targetGUID=memo_of[("project", None)])
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, standalone=True)
    return xml, entries


def export_qdpx(project, out: str | Path, *, progress: Progress | None = None) -> dict[str, int]:
    """Write the whole project as .qdpx; returns counts of what went in."""
    xml, entries = project_xml(project, progress=progress)
    ex = project.exchange

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(zipfile.ZipInfo("project.qde", _ZIP_TIME), xml, compress_type=zipfile.ZIP_DEFLATED)
            for name, doc_id in entries:
                info = zipfile.ZipInfo(name, _ZIP_TIME)
                zf.writestr(info, ex.text(doc_id).encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)

    _write_atomically(Path(out), write)
    if progress:
        progress.step()
    stats = project.stats()
    return {"sources": len(entries), "codes": stats["codes"], "codings": stats["segments"],
            "users": stats["coders"], "memos": stats["memos"]}


def _write_atomically(target: Path, write) -> None:
    tmp = target.with_name(f".{target.name}.partial")
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
