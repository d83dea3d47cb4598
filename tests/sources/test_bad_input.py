"""Bad input: each file refused with its name and reason, nothing written, the rest imported."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib

import pytest

from qda.sources import import_files, limits
from .builders import rezip, write_docx, write_odt


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def check_refused(project, good_file, bad, *reason_parts):
    report = import_files(project, [bad, good_file])
    assert [d.name for d in report.imported] == [good_file.name]
    assert len(report.refused) == 1
    path, reason = report.refused[0]
    assert path == str(bad)
    for part in reason_parts:
        assert part in reason, reason
    assert [d.name for d in project.documents.all()] == [good_file.name]
    return reason


def test_empty_file(project, good_file, tmp_path):
    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    check_refused(project, good_file, bad, "kosong")


def test_whitespace_only_file(project, good_file, tmp_path):
    bad = tmp_path / "spasi.txt"
    bad.write_bytes(b"  \r\n\t\n   \n")
    check_refused(project, good_file, bad, "kosong")


def test_png_renamed_txt(project, good_file, tmp_path):
    bad = tmp_path / "foto_loket.txt"
    bad.write_bytes(png_bytes())
    check_refused(project, good_file, bad, "biner")


def test_nul_bytes_in_text(project, good_file, tmp_path):
    bad = tmp_path / "rusak.txt"
    bad.write_bytes(b"P: Halo\x00\x00 I: Halo")
    check_refused(project, good_file, bad, "NUL")


def test_docx_not_a_zip(project, good_file, tmp_path):
    bad = tmp_path / "bukan_zip.docx"
    bad.write_text("Ini teks biasa yang diberi nama .docx", encoding="utf-8")
    check_refused(project, good_file, bad, "bukan berkas .docx yang sah")


def test_zip_without_document_xml(project, good_file, tmp_path):
    source = write_docx(tmp_path / "asli.docx", ["P: Halo"])
    bad = rezip(source, tmp_path / "tanpa_isi.docx", drop=("word/document.xml",))
    check_refused(project, good_file, bad, "word/document.xml")


def test_truncated_docx(project, good_file, tmp_path):
    data = write_docx(tmp_path / "asli.docx", ["P: Halo " * 200]).read_bytes()
    bad = tmp_path / "terpotong.docx"
    bad.write_bytes(data[: len(data) // 2])
    check_refused(project, good_file, bad, "terpotong")


def test_docx_with_malformed_xml(project, good_file, tmp_path):
    source = write_docx(tmp_path / "asli.docx", ["P: Halo"])
    bad = rezip(source, tmp_path / "xml_rusak.docx", replace={"word/document.xml": b"<w:document><w:body>"})
    check_refused(project, good_file, bad, "rusak")


def test_docx_zip_bomb_refused_before_extraction(project, good_file, tmp_path):
    source = write_docx(tmp_path / "asli.docx", ["P: Halo"])
    bad = tmp_path / "bom.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename == "word/document.xml":
                with new.open("word/document.xml", "w", force_zip64=True) as member:
                    block = b" " * (1 << 20)
                    for _ in range(300):  # 300 MB of XML that compresses to about 300 KB
                        member.write(block)
            else:
                new.writestr(info.filename, old.read(info.filename))
    assert bad.stat().st_size < 2_000_000
    check_refused(project, good_file, bad, "bom zip")


def test_docx_over_xml_size_limit(project, good_file, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_XML_BYTES", 20_000)
    bad = write_docx(tmp_path / "besar.docx", [f"P: kalimat nomor {i} tentang layanan publik" for i in range(800)])
    check_refused(project, good_file, bad, "melebihi batas")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
        '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_docx_with_dtd_or_entities(project, good_file, tmp_path, doctype):
    source = write_docx(tmp_path / "asli.docx", ["P: Halo"])
    with zipfile.ZipFile(source) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    poisoned = (head + "?>" + doctype + rest.replace("Halo", "&lol2;&xxe;")).encode("utf-8")
    bad = rezip(source, tmp_path / "entitas.docx", replace={"word/document.xml": poisoned})
    check_refused(project, good_file, bad, "DOCTYPE/ENTITY")


def test_odt_with_dtd(project, good_file, tmp_path):
    content = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
    )
    bad = write_odt(tmp_path / "entitas.odt", "", content_xml=content)
    check_refused(project, good_file, bad, "DOCTYPE/ENTITY")


def test_unknown_extension(project, good_file, tmp_path):
    bad = tmp_path / "data_survei.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    check_refused(project, good_file, bad, "tidak didukung", ".xlsx")


def test_directory(project, good_file, tmp_path):
    bad = tmp_path / "folder.txt"
    bad.mkdir()
    check_refused(project, good_file, bad, "folder")


def test_missing_file(project, good_file, tmp_path):
    check_refused(project, good_file, tmp_path / "tidak_ada.txt", "tidak ditemukan")


def test_fifo_is_not_a_regular_file(project, good_file, tmp_path):
    bad = tmp_path / "pipa.txt"
    os.mkfifo(bad)
    check_refused(project, good_file, bad, "bukan berkas biasa")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_file(project, good_file, tmp_path):
    bad = tmp_path / "terkunci.txt"
    bad.write_text("P: Halo\nI: Halo", encoding="utf-8")
    bad.chmod(0)
    check_refused(project, good_file, bad, "tidak dapat dibaca")


def test_file_over_size_limit_refused_unread(project, good_file, tmp_path):
    bad = tmp_path / "raksasa.txt"
    with open(bad, "wb") as handle:
        handle.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: nothing is written or read
    check_refused(project, good_file, bad, "melebihi batas 100 MB")


def test_twenty_megabyte_single_line_imports(project, tmp_path):
    words = ("pelayanan publik yang responsif dan akuntabel " * 450_000).split()
    bad = tmp_path / "satu_baris.txt"
    bad.write_text(" ".join(words), encoding="utf-8")
    assert bad.stat().st_size > 20_000_000
    report = import_files(project, [bad])
    assert report.refused == []
    (document,) = report.imported
    assert document.words == len(words)
    assert document.turn_count == 0
    assert project.documents.text(document) == " ".join(words)


def test_refusal_message_in_english(project, tmp_path):
    from qda.i18n import set_language

    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    set_language("en")
    try:
        report = import_files(project, [bad])
    finally:
        set_language("id")
    assert report.refused == [(str(bad), "the file is empty or holds only whitespace")]


def test_every_message_has_an_english_translation():
    import ast
    from pathlib import Path

    from qda.i18n import missing_translations

    import qda.sources

    roots = [Path(qda.sources.__file__).parent]
    cli = Path(qda.sources.__file__).parent.parent / "cli" / "import_cmd.py"
    files = [p for root in roots for p in root.rglob("*.py")] + ([cli] if cli.exists() else [])
    texts = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                if isinstance(node.args[0], ast.Constant):
                    texts.add(node.args[0].value)
    assert len(texts) > 20
    assert missing_translations(sorted(texts)) == []


def test_docx_image_bomb_refused(project, good_file, tmp_path):
    source = write_docx(tmp_path / "asli.docx", ["P: Halo"])
    bad = tmp_path / "gambar_bom.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        with new.open("word/media/image1.png", "w", force_zip64=True) as member:
            block = b"\x00" * (1 << 20)
            for _ in range(64):
                member.write(block)
    check_refused(project, good_file, bad, "word/media/image1.png", "bom zip")


def test_archive_over_total_size_limit(project, good_file, tmp_path, monkeypatch):
    source = write_docx(tmp_path / "asli.docx", ["P: Halo"])
    with zipfile.ZipFile(source) as archive:
        plain_total = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(limits, "MAX_ARCHIVE_BYTES", plain_total + 10_000)
    assert import_files(project, [source]).imported  # the plain document fits
    bad = tmp_path / "besar_gambar.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        new.writestr("word/media/foto_loket.jpeg", os.urandom(40_000))
    report = import_files(project, [bad])
    assert report.imported == []
    assert "isi arsip" in report.refused[0][1]
