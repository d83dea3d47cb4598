"""docx, odt, rtf and pdf readers against files built with known content."""

from __future__ import annotations

import pytest

from qda.errors import SourceRefused
from qda.sources import read_source
from .builders import write_docx, write_odt, write_pdf, write_rtf


def test_docx_paragraphs_and_tables_in_order_without_header_footer(tmp_path):
    path = write_docx(
        tmp_path / "wawancara.docx",
        [
            "Judul: Wawancara Kasubag",
            "Jenis: Wawancara",
            "",
            "P: Berapa surat masuk per bulan?",
            [["Bulan", "Surat masuk"], ["Januari", "612"], ["Februari", "705 (naik)"]],
            "I: Sekitar enam ratus sampai tujuh ratus, Bu. Kafé depan 😊",
        ],
        header="KOP SURAT RAHASIA",
        footer="Halaman kaki 1",
    )
    source = read_source(path)
    assert source.text == (
        "Judul: Wawancara Kasubag\nJenis: Wawancara\n\nP: Berapa surat masuk per bulan?\n"
        "Bulan | Surat masuk\nJanuari | 612\nFebruari | 705 (naik)\n"
        "I: Sekitar enam ratus sampai tujuh ratus, Bu. Kafé depan 😊"
    )
    assert "RAHASIA" not in source.text and "kaki" not in source.text
    assert source.fmt == "docx"


def test_docx_merged_cell_counted_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Aspek"
    table.cell(0, 2).text = "Nilai"
    for c, value in enumerate(["A", "B", "C"]):
        table.cell(1, c).text = value
    document.save(str(tmp_path / "tabel.docx"))
    assert read_source(tmp_path / "tabel.docx").text == "Aspek | Nilai\nA | B | C"


def test_odt_text_spaces_tabs_lists_tables(tmp_path):
    path = write_odt(
        tmp_path / "observasi.odt",
        "<text:h>Catatan Observasi</text:h>"
        '<text:p>Pukul 08.15<text:s text:c="2"/>warga datang<text:tab/>membawa berkas<text:line-break/>'
        "lalu menunggu.<text:note><text:note-body><text:p>catatan kaki</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>Kursi tunggu: 4</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Loket</text:p></table:table-cell>"
        "<table:table-cell><text:p>Antrean</text:p></table:table-cell></table:table-row></table:table>"
        "<text:p>Kafé 😊</text:p>",
    )
    source = read_source(path)
    assert source.text == (
        "Catatan Observasi\nPukul 08.15  warga datang\tmembawa berkas\nlalu menunggu.\n"
        "Kursi tunggu: 4\nLoket | Antrean\nKafé 😊"
    )
    assert source.fmt == "odt"


def test_rtf_code_page_and_unicode_escapes(tmp_path):
    path = write_rtf(tmp_path / "catatan.rtf", "Caf\\'e9 di depan kantor \\u8220?ramai\\u8221?\\par P: Halo\\par I: Baik\\par ")
    source = read_source(path)
    assert source.text == "Café di depan kantor “ramai”\nP: Halo\nI: Baik"
    assert source.encoding == "cp1252"


def test_rtf_without_rtf_signature_refused(tmp_path):
    path = tmp_path / "palsu.rtf"
    path.write_text("bukan rtf", encoding="utf-8")
    with pytest.raises(SourceRefused, match=r"palsu\.rtf: bukan berkas RTF"):
        read_source(path)


def test_pdf_pages_joined_by_blank_line(tmp_path):
    path = write_pdf(
        tmp_path / "dokumen_sop.pdf",
        [["SOP Pelayanan Persuratan", "Waktu layanan: 1 hari kerja (café)"], ["Halaman kedua."]],
    )
    source = read_source(path)
    assert source.text == "SOP Pelayanan Persuratan\nWaktu layanan: 1 hari kerja (café)\n\nHalaman kedua."
    assert source.fmt == "pdf"


def test_pdf_without_text_layer_refused(tmp_path):
    path = write_pdf(tmp_path / "pindaian.pdf", [[], []])
    with pytest.raises(SourceRefused, match=r"pindaian\.pdf: .*lapisan teks"):
        read_source(path)


def test_corrupt_pdf_refused(tmp_path):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(SourceRefused, match=r"rusak\.pdf"):
        read_source(path)


def test_docx_tracked_changes_fields_and_hyperlinks(tmp_path):
    from .builders import rezip

    source = write_docx(tmp_path / "asli.docx", ["GANTI"])
    import zipfile

    with zipfile.ZipFile(source) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    paragraph = (
        f'<w:p xmlns:w="{w}" xmlns:r="{r}"><w:r><w:t xml:space="preserve">Surat </w:t></w:r>'
        '<w:del w:id="1" w:author="A" w:date="2024-03-11T00:00:00Z"><w:r><w:delText>lama </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A" w:date="2024-03-11T00:00:00Z"><w:r><w:t xml:space="preserve">masuk </w:t></w:r></w:ins>'
        '<w:hyperlink r:id="rId99"><w:r><w:t>SRIKANDI</w:t></w:r></w:hyperlink>'
        '<w:r><w:tab/><w:t>hal</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:br/><w:t>baris dua</w:t></w:r></w:p>'
    )
    start = xml.index("<w:p>") if "<w:p>" in xml else xml.index("<w:p ")
    end = xml.index("</w:p>", start) + len("</w:p>")
    changed = rezip(source, tmp_path / "revisi.docx", replace={"word/document.xml": (xml[:start] + paragraph + xml[end:]).encode()})
    assert read_source(changed).text == "Surat masuk SRIKANDI\thal3\nbaris dua"


def test_pdf_lines_joined_into_paragraphs_and_words_dehyphenated(tmp_path):
    lines = ["Pelayanan surat di bagian ini sudah cukup baik, tetapi masih ada kendala",
             "jaringan yang sering putus pada siang hari sehingga pelayanan menjadi la-",
             "mbat dan warga harus menunggu lama di ruang tunggu yang sempit dan mana-",
             "mana penuh kardus arsip yang belum ditata oleh petugas bagian umum kota.",
             "Itu saja.",
             "P: Bagaimana dengan ini?",
             "I: Baik."]
    source = read_source(write_pdf(tmp_path / "dokumen_laporan.pdf", [lines]))
    first, *rest = source.text.split("\n")
    assert first.startswith("Pelayanan surat") and first.endswith("bagian umum kota. Itu saja.")
    assert "pelayanan menjadi lambat dan" in first and "mana-mana penuh" in first
    assert rest == ["P: Bagaimana dengan ini?", "I: Baik."]
    # a quote searched across the former line break is found
    assert "sering putus pada siang hari sehingga pelayanan menjadi lambat" in source.text
