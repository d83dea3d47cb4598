"""The document kit: styles, captions, fields, tables, templates, pictures."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

from qda.errors import QdaError
from qda.reports.docx_kit import ReportDocument
from qda.reports.docx_toc import TOC_PLACEHOLDER


def _png() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([1, 2, 3])
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=50)
    plt.close(fig)
    return buf.getvalue()


def test_styles_captions_fields_and_table(tmp_path):
    doc = ReportDocument(chapter=4)
    doc.title_page("Judul Laporan", ["Peneliti"])
    doc.toc("Daftar Isi")
    doc.heading("Bab Satu", 1)
    doc.heading("Sub", 2)
    doc.quote("ini kutipan", "(Informan 1, baris 2)")
    assert doc.numbered_table("Pertama", ["A", "B"], [["x", "1,5"]] * 3, source="Sumber: data primer diolah") == "Tabel 4.1"
    doc.figure(_png(), "Grafik", "Sumber: data primer diolah", width_cm=5)
    assert doc.numbered_table("Kedua", ["A", "B"], [["y", "2"]]) == "Tabel 4.2"
    out = doc.save(tmp_path / "k.docx")

    back = Document(str(out))
    by_text = {p.text: p.style.name for p in back.paragraphs}
    assert by_text["Bab Satu"] == "Heading 1"
    assert by_text["Sub"] == "Heading 2"
    assert by_text["“ini kutipan” (Informan 1, baris 2)"] == "Quote"
    captions = [p.text for p in back.paragraphs if p.style.name == "Caption"]
    assert captions == ["Tabel 4.1 Pertama", "Gambar 4.1 Grafik", "Tabel 4.2 Kedua"]
    assert by_text["Sumber: data primer diolah"] == "Source Note"
    body = back.element.body
    instr = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert 'TOC \\o "1-3" \\h \\z \\u' in instr
    assert instr.count("SEQ Tabel \\* ARABIC \\s 1") == 2 and "SEQ Gambar \\* ARABIC \\s 1" in instr
    assert TOC_PLACEHOLDER not in by_text  # replaced by the headings (see the contents test)
    table = back.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == ["A", "B"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(back.inline_shapes) == 1
    footer_instr = [t.text.strip() for t in back.sections[0].footer._element.iter(qn("w:instrText"))]
    assert footer_instr == ["PAGE"]
    assert back.sections[0].different_first_page_header_footer


def test_english_captions_have_no_chapter_when_asked(tmp_path):
    doc = ReportDocument(language="en")
    doc.numbered_table("Scores", ["A"], [["1"]])
    back = Document(str(doc.save(tmp_path / "e.docx")))
    assert [p.text for p in back.paragraphs if p.style.name == "Caption"] == ["Table 1 Scores"]


def test_template_styles_used_and_body_cleared(tmp_path):
    tpl = Document()
    tpl.styles["Heading 1"].font.size = Pt(31)
    tpl.styles.add_style("Kampus", WD_STYLE_TYPE.PARAGRAPH)
    tpl.add_paragraph("isi contoh templat yang harus hilang")
    tpl.save(str(tmp_path / "t.docx"))
    doc = ReportDocument(tmp_path / "t.docx")
    doc.heading("Bab", 1)
    doc.paragraph("x", "Source Note")  # missing in the template: defined
    back = Document(str(doc.save(tmp_path / "o.docx")))
    texts = [p.text for p in back.paragraphs]
    assert "isi contoh templat yang harus hilang" not in texts
    assert back.styles["Heading 1"].font.size == Pt(31)
    assert "Kampus" in [s.name for s in back.styles]
    assert back.paragraphs[1].style.name == "Source Note"


def test_bad_template_is_reported_by_name(tmp_path):
    bad = tmp_path / "bukan.docx"
    bad.write_text("halo")
    with pytest.raises(QdaError, match="bukan.docx"):
        ReportDocument(bad)
    with pytest.raises(QdaError, match="tidak ditemukan"):
        ReportDocument(tmp_path / "tidak-ada.docx")


def test_control_characters_are_dropped(tmp_path):
    doc = ReportDocument()
    doc.paragraph("a\x00b\x07c")
    back = Document(str(doc.save(tmp_path / "c.docx")))
    assert back.paragraphs[0].text == "abc"


def test_two_row_header_spans_and_merges(tmp_path):
    doc = ReportDocument()
    doc.table([["Model", ("Unstandardized", 2), "t"], [None, "B", "SE", None]], [["1", "0,389", "0,084", "4,643"]])
    back = Document(str(doc.save(tmp_path / "h.docx")))
    table = back.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Model", "Unstandardized", "Unstandardized", "t"]
    assert [c.text for c in table.rows[1].cells] == ["Model", "B", "SE", "t"]  # merged vertically
    assert [c.text for c in table.rows[2].cells] == ["1", "0,389", "0,084", "4,643"]
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None


def test_table_of_contents_lists_headings_with_page_references(tmp_path):
    doc = ReportDocument()
    doc.toc("Daftar Isi")
    doc.heading("Ringkasan Metode", 1, page_break=True)
    doc.heading("Sumber Data", 2)
    doc.paragraph("Isi biasa")
    doc.heading("Rincian", 3)
    doc.heading("BAB IV\nHASIL", 1)
    back = Document(str(doc.save(tmp_path / "toc.docx")))
    entries = [(p.style.name, p.text) for p in back.paragraphs if p.style.name.startswith("TOC ")
               and p.style.name != "TOC Heading"]
    assert entries == [("TOC 1", "Ringkasan Metode\t"), ("TOC 2", "Sumber Data\t"), ("TOC 3", "Rincian\t"),
                       ("TOC 1", "BAB IV HASIL\t")]
    body = back.element.body
    marks = {b.get(qn("w:name")): b for b in body.iter(qn("w:bookmarkStart"))}
    refs = [t.text.split()[1] for t in body.iter(qn("w:instrText")) if t.text.strip().startswith("PAGEREF")]
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert len(refs) == 4 and refs == anchors and set(refs) <= set(marks)
    heading_of = {name: "".join(t.text for t in b.getparent().iter(qn("w:t"))) for name, b in marks.items()}
    assert [heading_of[r] for r in refs] == ["Ringkasan Metode", "Sumber Data", "Rincian", "BAB IVHASIL"]
    # one TOC field: begun before the first entry, ended after the last
    kinds = [f.get(qn("w:fldCharType")) for f in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate"] + ["begin", "separate", "end"] * 4 + ["end"]
    instr = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert instr[0].startswith("TOC ") and instr.count(instr[0]) == 1


def test_contents_without_headings_keeps_the_placeholder(tmp_path):
    doc = ReportDocument()
    doc.toc("Daftar Isi")
    doc.paragraph("Hanya teks")
    back = Document(str(doc.save(tmp_path / "kosong.docx")))
    assert TOC_PLACEHOLDER in [p.text for p in back.paragraphs]
