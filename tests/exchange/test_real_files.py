"""Every real REFI-QDA file in the shared folder imports with the numbers its own XML gives.

The counts are taken from each file's XML here (``xml.etree``), not typed in: users, codes,
text sources and codings. What qda cannot hold (pictures, audio, video, PDF regions, sources
whose text the archive lacks) must show up in the report as skipped, so that imported +
skipped accounts for every coding.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from qda.exchange import import_refi
from qda.store import Project

NS = "{urn:QDA-XML:project:1.0}"


def xml_of(path: Path) -> ET.Element:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.lower().endswith((".qde", ".qdc")))
            return ET.fromstring(zf.read(name))
    return ET.parse(path).getroot()


def counts(root: ET.Element) -> dict[str, int]:
    ns = root.tag.split("}")[0] + "}"
    return {"users": len(root.findall(f".//{ns}User")), "codes": len(root.findall(f".//{ns}Code")),
            "text_sources": len(root.findall(f"{ns}Sources/{ns}TextSource")),
            "selections": len(root.findall(f".//{ns}PlainTextSelection")),
            "codings": len(root.findall(f".//{ns}Coding"))}


def run_import(path: Path, tmp_path: Path):
    project = Project.create(tmp_path / "in.qda", codebook=False)
    report = import_refi(project, path)
    return project, report


def test_nvivo_windows(interop, tmp_path):
    path = interop / "nvivo-win-12.6" / "oltas0517.qdpx"
    want = counts(xml_of(path))
    assert want == {"users": 2, "codes": 152, "text_sources": 2, "selections": 303, "codings": 303}
    project, report = run_import(path, tmp_path)
    with project:
        stats = project.stats()
        assert (stats["coders"], stats["codes"], stats["documents"], stats["segments"]) == \
            (want["users"], want["codes"], want["text_sources"], want["codings"])
        assert not report.skipped
        # hierarchy kept: 12 top-level codes, nested 4 deep
        codes = project.codes.all()
        assert sum(c.parent_id is None for c in codes) == 12
        depth = {c.id: 0 for c in codes if c.parent_id is None}
        for c in codes:
            if c.parent_id is not None:
                depth[c.id] = depth[c.parent_id] + 1
        assert max(depth.values()) == 3
        # NVivo counts UTF-16 units and CRLF as two: excerpts start and end on word boundaries
        on_boundary = total = 0
        for seg in project.segments.all():
            text = project.documents.text(seg.document_id)
            for p in (seg.start, seg.end):
                total += 1
                on_boundary += p in (0, len(text)) or not (text[p - 1].isalnum() and text[p].isalnum())
        assert total == 606 and on_boundary >= 603
        assert all("\r" not in project.documents.text(d) and not project.documents.text(d).startswith("\ufeff")
                   for d in project.documents.all())


def test_nvivo_windows_example_position(interop, tmp_path):
    """SOURCES.md: startPosition 3137 is code point 3132 (five emoji before it)."""
    path = interop / "nvivo-win-12.6" / "oltas0517.qdpx"
    root = xml_of(path)
    sel = root.find(f".//{NS}PlainTextSelection[@startPosition='3137']")
    source = next(s for s in root.iter(f"{NS}TextSource") if sel in list(s))
    with zipfile.ZipFile(path) as zf:
        entry = source.get("plainTextPath").replace("internal://", "Sources/")
        raw = zf.read(entry).decode("utf-8-sig")
    assert len(raw[:3132].encode("utf-16-le")) // 2 == 3137
    project, _ = run_import(path, tmp_path)
    with project:
        coding_guid = sel.find(f"{NS}Coding").get("guid").lower()
        seg = project.segments.get(coding_guid)
        text = project.documents.text(seg.document_id)
        assert text[seg.start:seg.end] == raw[3132:3132 + seg.end - seg.start].replace("\r\n", "\n")[:seg.end - seg.start]
        assert raw[:3132].replace("\r\n", "\n") == text[:seg.start]


def test_nvivo_mac_keeps_repeated_names_apart(interop, tmp_path):
    path = interop / "nvivo-mac-15.0" / "nvivo_project.qdpx"
    want = counts(xml_of(path))
    assert want["codes"] == 262 and want["codings"] == 0
    names = [c.get("name") for c in xml_of(path).iter(f"{NS}Code")]
    assert len(names) - len(set(n.casefold() for n in names)) == 10  # 9 names repeat, one of them three times
    project, report = run_import(path, tmp_path)
    with project:
        stats = project.stats()
        assert (stats["coders"], stats["codes"], stats["documents"], stats["segments"]) == (2, 262, 2, 0)
        assert {c.uuid for c in project.codes.all()} == {c.get("guid").lower() for c in xml_of(path).iter(f"{NS}Code")}
        assert sum("berganti nama" in n for n in report.notes) == 10
        assert all(project.documents.text(d) == "" for d in project.documents.all())


def test_atlas_ti(interop, tmp_path):
    path = interop / "atlasti-8.4-mac" / "TestProject.qdpx"
    want = counts(xml_of(path))
    assert (want["users"], want["codes"], want["codings"]) == (3, 14, 16)
    project, report = run_import(path, tmp_path)
    with project:
        stats = project.stats()
        # the archive holds no source files: codes, users and notes come in; every coding is accounted for
        assert (stats["coders"], stats["codes"], stats["documents"], stats["segments"]) == (3, 14, 0, 0)
        skipped_codings = sum(n for reason, n in report.skipped.items() if "segmen" in reason)
        assert skipped_codings == want["codings"]
        assert report.skipped["sumber yang berkas teksnya tidak ada di arsip"] == 8  # 6 text + 2 PDF representations
        # what qda does not store is reported per kind with its codings, as counted in the XML
        assert report.unsupported == {"PictureSource": [1, 0], "AudioSource": [1, 0], "VideoSource": [2, 0],
                                      "PictureSelection": [1, 2], "VideoSelection": [2, 1], "PDFSelection": [4, 4],
                                      "Graph": [1, 0]}
        assert report.skipped["sumber video (VideoSource)"] == 2
        assert report.skipped["segmen pada wilayah halaman PDF"] == 4
        assert report.skipped["segmen pada sumber yang teksnya tidak ada"] == 9  # on text sources and a PDF's text
        assert report.to_dict()["unsupported"]["PDFSelection"] == {"items": 4, "codings": 4}
        # "Coke::diet Coke" goes under "Coke"; colours kept, in lower case
        coke = project.codes.get("Coke")
        assert {c.name for c in project.codes.all() if c.parent_id == coke.id} == {"diet Coke", "full-fat Coke"}
        assert project.codes.get("cornflakes").color == "#dc0000"
        assert project.codes.get("Coke").definition_id == "the breakfast of champions"
        memo = project.memos.get(None)
        assert "Research Plan" in memo and "Director’s cut" in memo


def test_maxqda(interop, tmp_path):
    path = interop / "maxqda-24.7" / "2025-06-16_ICLS_Conf_Themes_ALL_just10.zip"
    root = xml_of(path)
    want = counts(root)
    assert (want["users"], want["codes"], want["text_sources"], want["codings"]) == (1, 307, 10, 0)
    project, report = run_import(path, tmp_path)
    with project:
        stats = project.stats()
        assert (stats["coders"], stats["codes"], stats["documents"]) == (1, 307, 10)
        codes = {c.uuid: c for c in project.codes.all()}
        for el in root.iter(f"{NS}Code"):
            code = codes[el.get("guid").lower()]
            assert code.color == el.get("color").lower()
            assert code.definition_id == (el.findtext(f"{NS}Description") or "").strip()
        assert sum(c.parent_id is None for c in codes.values()) == 18
        # the two document groups become a document attribute
        members = {m.get("targetGUID").lower() for m in root.iter(f"{NS}MemberSource")}
        grouped = [d for d in project.documents.all() if project.documents.attributes(d)]
        assert {d.uuid for d in grouped} == members
        assert not report.skipped


def test_taguette_codebook_without_sets(interop, tmp_path):
    path = interop / "taguette-1.4.1" / "codebook.qdc"
    root = xml_of(path)
    project, report = run_import(path, tmp_path)
    with project:
        assert report.kind == "codebook"
        assert sorted(c.uuid for c in project.codes.all()) == sorted(
            c.get("guid").lower() for c in root.iter("{urn:QDA-XML:codebook:1.0}Code"))
        assert project.stats()["codes"] == 3


def test_qc_tool(interop, tmp_path):
    path = interop / "qc-1.3.2" / "demo.qdpx"
    root = xml_of(path)
    want = counts(root)
    assert (want["codes"], want["text_sources"], want["selections"], want["codings"]) == (262, 2, 158, 205)
    project, report = run_import(path, tmp_path)
    with project:
        stats = project.stats()
        assert (stats["codes"], stats["documents"], stats["segments"]) == (262, 2, 205)
        assert {d.name for d in project.documents.all()} == {"board_2017.txt", "admin-1.txt"}
        # whole lines: every excerpt ends with its line (the stored text drops only the final newline)
        for seg in project.segments.all():
            text = project.documents.text(seg.document_id)
            assert seg.end == len(text) or text[seg.end - 1] == "\n"
            assert seg.start == 0 or text[seg.start - 1] == "\n"
        assert not report.skipped


@pytest.mark.parametrize("folder", ["nvivo-win-12.6", "qc-1.3.2", "atlasti-8.4-mac", "maxqda-24.7"])
def test_importing_twice_adds_nothing(interop, tmp_path, folder):
    path = next(p for p in (interop / folder).iterdir() if p.suffix in (".qdpx", ".zip"))
    project, first = run_import(path, tmp_path)
    with project:
        before = project.stats()
        again = import_refi(project, path)
        assert project.stats() == before
        assert not +again.added
        assert sum(again.present.values()) >= sum(first.added.values()) - first.added["memos"]
