"""The review report read back with python-docx."""

from __future__ import annotations

from docx import Document

from qda.reports import write_review_report


def texts(path):
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def test_excerpts_grouped_by_code_with_status_and_history(built, project, tmp_path):
    out = write_review_report(project, tmp_path / "r.docx")
    paras = texts(out)
    flat = [t for _s, t in paras]
    assert ("Heading 1", "Kutipan menurut Kode") in paras
    assert ("Heading 2", "Produktivitas") in paras
    i = flat.index("Produktivitas", flat.index("Kutipan menurut Kode"))
    assert flat[i + 2].startswith("“Pelayanan KTP sekarang lebih cepat")
    info = flat[i + 3]
    assert "Pengode: Rina" in info and "Status: Disetujui" in info and "Pembimbing: Dr. Sari" in info
    assert "Komentar: Sudah jelas" in info
    history = flat[i + 4]
    assert history.startswith("Riwayat telaah: ") and "Perlu revisi (Dr. Sari): “Perjelas konteks”" in history
    assert "Disetujui (Dr. Sari): “Sudah jelas”" in history
    unreviewed = [t for t in flat if t.startswith("Pengode: ") and "Status: Belum ditelaah" in t]
    assert len(unreviewed) == 4  # jaringan_resp, lurah, lurah_resp, koordinasi


def _table(doc, first_header):
    return [t for t in doc.tables if t.rows[0].cells[0].text == first_header][0]


def test_summary_per_coder_counts(built, project, tmp_path):
    doc = Document(str(write_review_report(project, tmp_path / "r.docx")))
    table = _table(doc, "Pengode")
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Pengode", "Disetujui", "Perlu revisi", "Ditolak", "Belum ditelaah", "Jumlah", "% Disetujui dari yang Ditelaah"]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    # Rina: cepat (approved), jaringan (approved), lurah, lurah_resp, koordinasi (none), antrean (needs revision)
    # "% Disetujui" is of the reviewed excerpts: Rina 2 of 3, Budi 1 of 2, all 3 of 5
    assert rows["Rina"] == ["2", "1", "0", "3", "6", "66,7%"]
    # Budi: jaringan_resp (none), pelatihan (rejected), arsip (approved)
    assert rows["Budi"] == ["1", "0", "1", "1", "3", "50,0%"]
    assert rows["Jumlah"] == ["3", "1", "1", "4", "9", "60,0%"]


def test_reviewer_filter_uses_only_their_reviews(project, tmp_path):
    doc = Document(str(write_review_report(project, tmp_path / "r.docx", reviewer="Rina")))
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in _table(doc, "Pengode").rows[1:]}
    assert rows["Jumlah"][:4] == ["1", "0", "0", "8"]  # Rina approved "antrean" only


def test_english_review_report(project, tmp_path):
    paras = texts(write_review_report(project, tmp_path / "en.docx", language="en"))
    assert ("Heading 1", "Excerpts by code") in paras
    assert any("Status: Not reviewed" in t for _s, t in paras)


def test_english_review_wording_is_complete(project, tmp_path, missing_english):
    assert missing_english(lambda: write_review_report(project, tmp_path / "en.docx", language="en")) == set()


def test_agreement_section_matches_the_core(built, project, tmp_path):
    from qda.review.agreement import compute_agreement

    doc = Document(str(write_review_report(project, tmp_path / "r.docx")))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Kesepakatan Antarpengode" in heads
    table = [t for t in doc.tables if t.rows[0].cells[0].text == "Kode" and len(t.rows[0].cells) == 5][0]
    assert [c.text for c in table.rows[0].cells] == ["Kode", "% Sepakat", "Kappa Cohen", "Alpha Krippendorff",
                                                    "Tidak Sepakat"]
    ref = compute_agreement(project, ["Rina", "Budi"], unit="sentence")
    last = [c.text for c in table.rows[-1].cells]
    assert last[0] == "Semua kode"
    assert last[1] == f"{ref.overall.percent_agreement:.1f}%".replace(".", ",")
    assert last[4] == str(int(ref.overall.items - ref.overall.agreements))
    en = Document(str(write_review_report(project, tmp_path / "en.docx", language="en")))
    assert "Inter-coder Agreement" in [p.text for p in en.paragraphs]
    without = Document(str(write_review_report(project, tmp_path / "n.docx", agreement_unit=None)))
    assert "Kesepakatan Antarpengode" not in [p.text for p in without.paragraphs]
