"""Hostile or broken REFI-QDA files are refused or skipped with one clear message, the project unchanged."""

from __future__ import annotations


import pytest

from qda.exchange import ExchangeRefused, export_qdpx, import_refi
from qda.exchange import archive as archive_mod
from qda.store import Project
from tests.exchange.conftest import make_qdpx as make

QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="test">
  <CodeBook><Codes><Code guid="{{11111111-1111-1111-1111-111111111111}}" name="A" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="22222222-2222-2222-2222-222222222222" name="doc" plainTextPath="{path}">
      <PlainTextSelection guid="33333333-3333-3333-3333-333333333333" startPosition="0" endPosition="4">
        <Coding guid="44444444-4444-4444-4444-444444444444"><CodeRef targetGUID="11111111-1111-1111-1111-111111111111"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>"""


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "p.qda", codebook=False)
    p.documents.add("ada.txt", "teks yang sudah ada")
    yield p
    p.close()


def unchanged(project, action):
    before = (project.stats(), len(project.events.all()))
    with pytest.raises(ExchangeRefused) as info:
        action()
    assert (project.stats(), len(project.events.all())) == before
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_good_minimal_file_imports(project, tmp_path):
    path = make(tmp_path, {"project.qde": QDE.format(path="internal://d.txt").encode(),
                           "Sources/d.txt": b"kata lain"})
    report = import_refi(project, path)
    assert report.added["codings"] == 1
    assert project.segments.text(project.segments.get("44444444-4444-4444-4444-444444444444")) == "kata"


def test_path_traversal_entry_is_refused(project, tmp_path):
    path = make(tmp_path, {"project.qde": QDE.format(path="internal://d.txt").encode(),
                           "../../evil.txt": b"x"})
    message = unchanged(project, lambda: import_refi(project, path))
    assert "x.qdpx" in message and "../../evil.txt" in message
    assert not (tmp_path.parent / "evil.txt").exists()


def test_source_path_climbing_out_is_skipped(project, tmp_path):
    path = make(tmp_path, {"project.qde": QDE.format(path="internal://../../etc/passwd").encode(),
                           "sources/d.txt": b"kata"})
    before = project.stats()
    report = import_refi(project, path)
    assert project.stats()["documents"] == before["documents"]
    assert report.skipped["sumber yang berkas teksnya tidak ada di arsip"] == 1
    assert report.skipped["segmen pada sumber yang teksnya tidak ada"] == 1


def test_missing_source_is_skipped_with_reason(project, tmp_path):
    path = make(tmp_path, {"project.qde": QDE.format(path="internal://nope.txt").encode()})
    report = import_refi(project, path)
    assert report.added["codes"] == 1 and report.added["sources"] == 0
    assert any("nope.txt" in n for n in report.notes)


def test_entity_expansion_is_refused(project, tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            '<Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>')
    path = make(tmp_path, {"project.qde": bomb.encode()})
    assert "DOCTYPE" in unchanged(project, lambda: import_refi(project, path))


def test_external_entity_in_utf16_is_refused(project, tmp_path):
    xxe = ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>')
    path = make(tmp_path, {"project.qde": xxe.encode("utf-16")})
    unchanged(project, lambda: import_refi(project, path))


def test_zip_bomb_is_refused(project, tmp_path):
    path = make(tmp_path, {"project.qde": QDE.format(path="d.txt").encode(), "sources/d.txt": b"\0" * (8 << 20)})
    assert "bom zip" in unchanged(project, lambda: import_refi(project, path))


def test_oversized_entry_is_refused(project, tmp_path, monkeypatch):
    monkeypatch.setattr(archive_mod, "MAX_ENTRY_BYTES", 1000)
    path = make(tmp_path, {"project.qde": QDE.format(path="d.txt").encode(), "sources/d.txt": b"kata " * 400})
    assert "terlalu besar" in unchanged(project, lambda: import_refi(project, path))


def test_non_zip_and_broken_xml_are_refused(project, tmp_path):
    junk = tmp_path / "junk.qdpx"
    junk.write_bytes(b"\x00\x01 not a zip")
    assert "junk.qdpx" in unchanged(project, lambda: import_refi(project, junk))
    broken = make(tmp_path, {"project.qde": b"<Project"}, name="broken.qdpx")
    assert "bukan XML" in unchanged(project, lambda: import_refi(project, broken))
    empty = make(tmp_path, {"readme.txt": b"hi"}, name="empty.qdpx")
    assert ".qde" in unchanged(project, lambda: import_refi(project, empty))


def test_failure_midway_leaves_the_project_unchanged(project, tmp_path, monkeypatch):
    path = make(tmp_path, {"project.qde": QDE.format(path="d.txt").encode(), "sources/d.txt": b"kata"})
    before = (project.stats(), len(project.events.all()))

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(project.exchange, "insert_segments", boom)
    with pytest.raises(RuntimeError):
        import_refi(project, path)
    assert (project.stats(), len(project.events.all())) == before


def test_export_failure_leaves_no_file(project, tmp_path, monkeypatch):
    out = tmp_path / "out.qdpx"
    monkeypatch.setattr(project.exchange, "text", lambda doc_id: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        export_qdpx(project, out)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
