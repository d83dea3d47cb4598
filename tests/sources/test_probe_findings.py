"""Findings of a reliability probe: names that pretend, library English, surrogates, UTF-16 XML, near-empty text."""

from __future__ import annotations

import zipfile

import pytest

from qda.errors import SourceRefused
from qda.sources import import_files, read_source
from qda.sources.names import display_name
from qda.store import Project

from .builders import write_docx, write_rtf


@pytest.mark.parametrize("raw, shown", [
    ("wawancara_\u202egpj.txt", "wawancara_gpj.txt"),
    ("wawancara\n01.txt", "wawancara 01.txt"),
    ("\x1b[31mwawancara_02\x1b[0m.txt", "wawancara_02.txt"),
    ("a\u200bb\x07c.txt", "ab c.txt"),
])
def test_display_names(raw, shown):
    assert display_name(raw) == shown


def test_control_characters_in_file_names_are_shown_sanitised_and_reported(tmp_path):
    path = tmp_path / "wawancara_\u202egpj.txt"
    path.write_text("P: Selamat pagi.\nI: Pagi.\n", encoding="utf-8")
    with Project.create(tmp_path / "p.qda") as project:
        report = import_files(project, [path])
        assert [d.name for d in project.documents.all()] == ["wawancara_gpj.txt"]
        assert report.sanitised == [(str(path), "wawancara_gpj.txt")]
        assert project.documents.all()[0].source_file == str(path)  # the original is kept


def test_rtf_surrogate_pairs_become_the_character_and_lone_ones_a_replacement(tmp_path):
    path = write_rtf(tmp_path / "emoji.rtf", r"Terima kasih \u55357?\u56832? ya \u56832? selesai.\par ")
    text = read_source(path).text
    assert "Terima kasih 😀 ya \ufffd selesai." in text


def test_library_failures_are_refused_in_the_interface_language(tmp_path):
    path = write_rtf(tmp_path / "besar.rtf", r"Angka \u99999999999999999999999? selesai.\par ")
    with Project.create(tmp_path / "p.qda") as project:
        report = import_files(project, [path])
    reason = report.refused[0][1]
    assert "di luar jangkauan" in reason and "Error" not in reason and "Python int" not in reason


def _utf16_docx(tmp_path, doctype: bool):
    base = write_docx(tmp_path / "base.docx", ["Halo"])
    out = tmp_path / ("jahat.docx" if doctype else "utf16.docx")
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
                if doctype:
                    head, body = text.split("?>", 1)
                    text = head + '?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + body
                data = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
            dst.writestr(item, data)
    return out


def test_utf16_docx_with_external_entity_is_refused(tmp_path):
    with pytest.raises(SourceRefused, match="DOCTYPE/ENTITY"):
        read_source(_utf16_docx(tmp_path, doctype=True))


def test_utf16_docx_without_declarations_reads(tmp_path):
    assert read_source(_utf16_docx(tmp_path, doctype=False)).text == "Halo"


def test_near_empty_text_from_a_large_file_is_reported(tmp_path):
    path = tmp_path / "hampir_kosong.txt"
    path.write_text("Halo." + " " * 70_000 + "\n", encoding="utf-8")
    with pytest.raises(SourceRefused, match="hanya 5 karakter"):
        read_source(path)


def test_aes_encrypted_pdf_without_password_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from .builders import write_pdf

    plain = write_pdf(tmp_path / "plain.pdf", [["Laporan kinerja pelayanan 2024."]])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="rahasia", algorithm="AES-128")
    out = tmp_path / "dokumen_aes.pdf"
    with open(out, "wb") as fh:
        writer.write(fh)
    assert read_source(out).text == "Laporan kinerja pelayanan 2024."
