"""Our exports are valid REFI-QDA, keep their GUIDs, and survive export → import → export."""

from __future__ import annotations

import zipfile

from lxml import etree

from qda.exchange import export_qdc, export_qdpx, import_refi
from qda.store import Project
from tests.exchange.conftest import TEXT_A, qde_of


def test_export_is_valid_and_complete(rich_project, tmp_path, project_schema):
    out = tmp_path / "studi.qdpx"
    counts = export_qdpx(rich_project, out)
    assert counts["sources"] == 2 and counts["codings"] == 4
    doc = etree.fromstring(qde_of(out))
    assert project_schema.validate(doc), project_schema.error_log
    ns = {"q": "urn:QDA-XML:project:1.0"}
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert names[0] == "project.qde" and all(n.startswith("sources/") for n in names[1:])
        for src in doc.iterfind(".//q:TextSource", ns):
            path = src.get("plainTextPath")
            assert path.startswith("internal://")
            data = zf.read("sources/" + path[len("internal://"):])
            assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
            text = data.decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", ns):  # code points, end exclusive
                excerpt = text[int(sel.get("startPosition")):int(sel.get("endPosition"))]
                assert sel.get("name") == excerpt
    # two codes on one span: one selection with two codings; the segment memo is a Note
    sel = doc.find(".//q:PlainTextSelection[@name='cepat 😀 dan ramah']", ns)
    assert len(sel.findall("q:Coding", ns)) == 2
    assert len(doc.findall(".//q:Notes/q:Note", ns)) == 4  # project, document, code, segment (case → Description)
    assert doc.find(".//q:Case[@name='Informan 1']/q:Description", ns).text == "Lurah sejak 2019."
    assert {u.get("name") for u in doc.iterfind(".//q:User", ns)} == {"Ani", "Budi"}
    code = doc.find(".//q:Code[@name='Kualitas Layanan']", ns)
    assert code.get("color") == "#112233" and code.find("q:Code", ns).get("name") == "Kecepatan"
    assert "Definition (English): Service quality." in code.find("q:Description", ns).text


def test_guids_are_stable(rich_project, tmp_path):
    export_qdpx(rich_project, tmp_path / "a.qdpx")
    export_qdpx(rich_project, tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()
    doc = etree.fromstring(qde_of(tmp_path / "a.qdpx"))
    guids = {el.get("guid") for el in doc.iter() if el.get("guid")}
    assert {c.uuid for c in rich_project.codes.all()} <= guids
    assert {s.uuid for s in rich_project.segments.all()} <= guids
    assert {d.uuid for d in rich_project.documents.all()} <= guids


def test_round_trip_gives_the_same_content(rich_project, tmp_path):
    first = tmp_path / "one" / "studi.qdpx"
    first.parent.mkdir()
    export_qdpx(rich_project, first)
    copy = Project.create(tmp_path / "copy.qda", codebook=False)
    with copy:
        report = import_refi(copy, first)
        assert not report.skipped, report.lines()
        assert report.added["codings"] == 4 and report.added["sources"] == 2
        second = tmp_path / "two" / "studi.qdpx"
        second.parent.mkdir()
        export_qdpx(copy, second)
        assert qde_of(first) == qde_of(second)
        assert first.read_bytes() == second.read_bytes()
        # what came back, field by field
        assert copy.codes.get("Kualitas Layanan").definition_en == "Service quality."
        assert copy.codes.get("Kualitas Layanan").indicators == ("cepat", "ramah")
        assert copy.codes.get("Kualitas Layanan").group == "dimension" and copy.codes.get("Sarana").group == "factor"
        assert copy.codes.get("Kecepatan").when_to_use_id == "Bila waktu disebut."
        doc = copy.documents.get("wawancara_01.txt")
        assert copy.documents.text(doc) == TEXT_A
        assert copy.documents.attributes(doc) == {"Jabatan": "Lurah"}
        assert copy.cases.of_document(doc).name == "Informan 1"
        assert copy.cases.get("Informan 1").attributes == {"Umur": "45"}
        assert copy.memos.get(copy.cases.get("Informan 1")) == "Lurah sejak 2019."
        assert copy.memos.get(None) == "Memo proyek: fokus pada kelurahan."
        assert copy.memos.get(doc) == "Wawancara pagi hari.\nSuasana tenang."
        seg = next(s for s in copy.segments.all(code="Kecepatan"))
        assert copy.segments.text(seg) == "cepat 😀 dan ramah" and copy.memos.get(seg) == "Contoh kuat kecepatan."
        coders = {c.id: c.name for c in copy.coders.all()}
        assert {coders[s.coder_id] for s in copy.segments.all()} == {"Ani", "Budi"}
        assert {s.uuid for s in copy.segments.all()} == {s.uuid for s in rich_project.segments.all()}
        # importing it again adds nothing
        before = copy.stats()
        again = import_refi(copy, first)
        assert copy.stats() == before and not +again.added


def test_codebook_export_is_valid_and_round_trips(rich_project, tmp_path, codebook_schema):
    out = tmp_path / "kode.qdc"
    assert export_qdc(rich_project, out) == 3
    assert codebook_schema.validate(etree.parse(str(out))), codebook_schema.error_log
    other = Project.create(tmp_path / "lain.qda", codebook=False)
    with other:
        report = import_refi(other, out)
        assert report.kind == "codebook" and report.added["codes"] == 3
        assert [(c.uuid, c.name, c.color, c.group) for c in other.codes.all()] == \
            [(c.uuid, c.name, c.color, c.group) for c in rich_project.codes.all()]
        again = tmp_path / "lagi.qdc"
        export_qdc(other, again)
        assert again.read_bytes() == out.read_bytes()


def test_bundled_codebook_exports_valid(tmp_path, project_schema, codebook_schema):
    with Project.create(tmp_path / "baru.qda") as p:
        export_qdpx(p, tmp_path / "baru.qdpx")
        export_qdc(p, tmp_path / "baru.qdc")
        n = len(p.codes.all())
    doc = etree.fromstring(qde_of(tmp_path / "baru.qdpx"))
    assert project_schema.validate(doc), project_schema.error_log
    assert codebook_schema.validate(etree.parse(str(tmp_path / "baru.qdc"))), codebook_schema.error_log
    assert len(doc.findall(".//{urn:QDA-XML:project:1.0}Code")) == n


def test_real_files_export_valid_after_import(interop, tmp_path, project_schema):
    for folder in ("nvivo-win-12.6", "nvivo-mac-15.0", "qc-1.3.2", "atlasti-8.4-mac"):
        path = next((interop / folder).glob("*.qdpx"))
        with Project.create(tmp_path / f"{folder}.qda", codebook=False) as p:
            import_refi(p, path)
            out = tmp_path / f"{folder}.qdpx"
            export_qdpx(p, out)
        assert project_schema.validate(etree.fromstring(qde_of(out))), (folder, project_schema.error_log)
