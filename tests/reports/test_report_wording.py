"""Qualitative report wording read back from the .docx: co-occurrence ties named, review counts in segments."""

from __future__ import annotations

import pytest
from docx import Document

from qda.reports.qualitative import write_qualitative_report
from qda.store import Project

TEXT = "I: Surat selesai dalam sehari walau lembur.\nI: Kabag cepat menanggapi keluhan warga.\n"


@pytest.fixture
def tied(tmp_path):
    """Two passages, each coded with one dimension and one factor: two pairs tie at one passage."""
    p = Project.create(tmp_path / "seri.qda", codebook=True, coder="Rina")
    p.cases.add("Informan 1", {"Jabatan": "Staf Persuratan"})
    doc = p.documents.add("wawancara.txt", TEXT, "interview", attributes={"Tanggal": "11 Maret 2024"},
                          case="Informan 1")
    first, second = TEXT.split("\n")[:2]
    a, b = TEXT.index(first) + 3, TEXT.index(second) + 3
    p.segments.add(doc, a, a + len(first) - 3, "Produktivitas")
    p.segments.add(doc, a, a + len(first) - 3, "Beban Kerja yang Wajar")
    seg = p.segments.add(doc, b, b + len(second) - 3, "Responsivitas")
    p.segments.add(doc, b, b + len(second) - 3, "Kepemimpinan yang Efektif")
    p.reviews.add(seg, "approved")
    p.close()
    return tmp_path / "seri.qda"


def paragraphs(path, language="id"):
    with Project.open(path, read_only=True) as p:
        return [q.text for q in Document(str(write_qualitative_report(p, path.with_suffix(f".{language}.docx"),
                                                                      language=language))).paragraphs]


def test_cooccurrence_ties_are_all_named(tied):
    text = "\n".join(paragraphs(tied))
    assert ("Pasangan yang paling sering muncul bersama, masing-masing pada 1 bagian teks, adalah Produktivitas "
            "dengan Beban Kerja yang Wajar dan Responsivitas dengan Kepemimpinan yang Efektif.") in text
    en = "\n".join(paragraphs(tied, "en"))
    assert "The pairs that occur together most often, in 1 passage each, are " in en
    assert "koding" not in text


def test_review_summary_counts_segments(tied):
    text = "\n".join(paragraphs(tied))
    assert "Dari 4 segmen, 1 disetujui" in text
    assert "Persentase disetujui dihitung dari segmen yang sudah ditelaah, bukan dari seluruh segmen." in text
    assert "Dari 4 kutipan" not in text


def test_english_report_dates_and_headings_in_english(tied):
    en = paragraphs(tied, "en")
    quotes = [t for t in en if t.startswith("\u201c")]
    assert quotes and all("11 March 2024" in q and "Maret" not in q for q in quotes)
    assert "Informants" in en and "Coders" in en
    assert "11 Maret 2024" in "\n".join(paragraphs(tied))


def test_review_report_per_code_sentence_has_a_predicate(project, tmp_path):
    from qda.reports.review import write_review_report

    def under(path, heading):
        paras = [q.text for q in Document(str(path)).paragraphs]
        return paras[[k for k, t in enumerate(paras) if t == heading][-1] + 1]

    out = write_review_report(project, tmp_path / "t.docx", agreement_unit=None)
    assert under(out, "Responsivitas") == "Dari 3 segmen pada kode ini, 1 perlu revisi dan 2 belum ditelaah."
    en = write_review_report(project, tmp_path / "t_en.docx", language="en", agreement_unit=None)
    assert under(en, "Responsiveness") == "Of the 3 segments of this code, 1 needs revision and 2 are not reviewed."


def test_a_short_text_column_is_never_narrower_than_its_longest_word(tmp_path):
    from docx.oxml.ns import qn

    from qda.reports.docx_kit import ReportDocument

    doc = ReportDocument(None, language="id")
    rows = [["Wawancara dengan Kepala Subbagian Tata Usaha, Bagian Umum", "Wawancara", "Informan 1", "2.227", "33"],
            ["Catatan Observasi Ruang Arsip (Record Center)", "Observasi", "\u2013", "1.226", "14"]] * 3
    doc.numbered_table("Daftar sumber data", ["Sumber", "Jenis", "Informan", "Kata", "Kutipan"], rows)
    table = Document(str(doc.save(tmp_path / "w.docx", toc_pages=False))).tables[0]
    grid = [int(g.get(qn("w:w"))) / 567 for g in table._tbl.find(qn("w:tblGrid"))]
    assert grid[1] >= 9 * 0.019 * 9 * 1.2 + 0.45 - 0.01  # "Wawancara" at 9 pt, measured for wide substitute fonts
    assert sum(grid) <= 14.0 + 0.01
