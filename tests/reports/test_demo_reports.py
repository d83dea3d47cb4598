"""The demo's Word reports are written in the interface language (``qda --lang en demo``)."""

from __future__ import annotations

from docx import Document

from qda.cli.demo_cmd import write_demo_reports
from qda.demo import build_demo
from qda.i18n import language, set_language


def test_english_demo_writes_english_reports(tmp_path):
    path = build_demo(tmp_path)
    before = language()
    set_language("en")
    try:
        written = write_demo_reports(path, tmp_path)
    finally:
        set_language(before)
    heads = {p.name: [q.text for q in Document(str(p)).paragraphs if q.text.strip()][:2] for p in written}
    assert heads["laporan_kualitatif.docx"][0] == "Qualitative Analysis Report"
    assert heads["laporan_telaah.docx"][0] == "Excerpt Review Report"
    assert heads["bab_survei.docx"][0].startswith("CHAPTER IV")
    for p in written:
        text = "\n".join(q.text for q in Document(str(p)).paragraphs)
        for indonesian in ("Daftar Isi", "Disusun oleh", "Berdasarkan Tabel", "Dibuat dengan qda"):
            assert indonesian not in text, (p.name, indonesian)
