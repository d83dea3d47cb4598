"""How reports reach the disk and the page: safe replacement, A4 thesis margins, fields, kept tables."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from qda.reports import write_qualitative_report, write_review_report
from qda.reports.docx_kit import ReportDocument

ROOT = Path(__file__).resolve().parents[2]


def _run_limited(args: list[str], limit_bytes: int) -> subprocess.CompletedProcess:
    """Run ``python -m qda ARGS`` with a file-size limit standing in for a full disk."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    env = dict(os.environ, QDA_LANG="id", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, env=env,
                          preexec_fn=limit, cwd=str(ROOT), timeout=120)


def test_failed_report_write_keeps_the_previous_file_and_prints_one_line(built, tmp_path):
    out = tmp_path / "r.docx"
    good = _run_limited(["report", str(built.path), "-o", str(out)], 1 << 30)
    assert good.returncode == 0, good.stderr
    before = out.read_bytes()
    assert len(before) > 20_000
    bad = _run_limited(["report", str(built.path), "-o", str(out)], 60_000)
    assert bad.returncode != 0
    lines = [ln for ln in bad.stderr.splitlines() if ln.strip() and not ln.startswith("\r")]
    errors = [ln for ln in lines if ln.startswith("qda: ")]
    assert len(errors) == 1 and "r.docx" in errors[0], bad.stderr
    assert "Traceback" not in bad.stderr and "Exception ignored" not in bad.stderr, bad.stderr
    assert out.read_bytes() == before  # the old report is untouched
    Document(str(out))  # and still opens
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".r.docx")) == []


def test_report_replaces_an_existing_file_with_ordinary_permissions(project, tmp_path):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    out = folder / "telaah.docx"
    out.write_text("laporan lama")
    old_mask = os.umask(0o022)
    try:
        write_review_report(project, out)
    finally:
        os.umask(old_mask)
    assert zipfile.is_zipfile(out)
    assert out.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in folder.iterdir()] == ["telaah.docx"]


def test_default_page_is_a4_with_thesis_margins(tmp_path):
    doc = ReportDocument()
    doc.paragraph("Isi")
    path = doc.save(tmp_path / "a4.docx")
    section = Document(str(path)).sections[0]
    assert (round(section.page_width.cm, 2), round(section.page_height.cm, 2)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == 4.0
    assert [round(m.cm, 2) for m in (section.top_margin, section.right_margin, section.bottom_margin)] == [3.0] * 3


def test_template_page_setup_wins(tmp_path):
    template = Document()
    section = template.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(33.0)  # folio
    section.left_margin = Cm(2.5)
    template.save(str(tmp_path / "templat.docx"))
    doc = ReportDocument(tmp_path / "templat.docx")
    doc.paragraph("Isi")
    out = Document(str(doc.save(tmp_path / "t.docx"))).sections[0]
    assert (round(out.page_width.cm, 2), round(out.page_height.cm, 2), round(out.left_margin.cm, 2)) == \
        (21.59, 33.0, 2.5)


def test_settings_ask_word_to_update_fields(project, tmp_path):
    out = write_qualitative_report(project, tmp_path / "lap.docx")
    settings = Document(str(out)).settings.element
    flags = settings.findall(qn("w:updateFields"))
    assert len(flags) == 1 and flags[0].get(qn("w:val")) == "true"
    # schema order: updateFields precedes compat / rsids when those are present
    tags = [c.tag for c in settings]
    for later in ("w:compat", "w:rsids"):
        if qn(later) in tags:
            assert tags.index(qn("w:updateFields")) < tags.index(qn(later))


def _keep_next(paragraph_el) -> bool:
    ppr = paragraph_el.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def _row_kept(tr) -> bool:
    return all(_keep_next(p) for p in tr.iter(qn("w:p")))


def test_table_is_kept_with_its_source_line(tmp_path):
    doc = ReportDocument(chapter=4)
    doc.numbered_table("Tabel pendek", ["A", "B"], [["1", "2"], ["3", "4"]], source="Sumber: data primer diolah")
    long_rows = [[str(i), str(i * 2)] for i in range(40)]
    doc.numbered_table("Tabel panjang", ["A", "B"], long_rows, source="Sumber: data primer diolah")
    doc.numbered_table("Tanpa sumber", ["A", "B"], [["5", "6"], ["7", "8"]])
    path = doc.save(tmp_path / "k.docx")
    d = Document(str(path))
    short, long_, bare = d.tables
    caption = [p for p in d.paragraphs if p.style.name == "Caption"]
    assert all(_keep_next(p._p) for p in caption)  # caption stays with the table
    assert all(_row_kept(tr) for tr in short._tbl.tr_lst)  # a short table moves whole with its source
    kept = [_row_kept(tr) for tr in long_._tbl.tr_lst[1:]]
    assert kept[-2:] == [True, True] and not any(kept[:-2])  # a long one keeps its last rows with it
    assert not any(_row_kept(tr) for tr in bare._tbl.tr_lst)


def test_informant_table_introduction_stays_with_the_table(project, tmp_path):
    out = Document(str(write_qualitative_report(project, tmp_path / "lap.docx")))
    intro = next(p for p in out.paragraphs if p.text.startswith("Tabel berikut memuat"))
    assert _keep_next(intro._p)
    for start in ("Sel berisi banyaknya segmen", "Tabel 6 menyajikan matriks"):
        assert _keep_next(next(p for p in out.paragraphs if p.text.startswith(start))._p), start
    following = intro._p.getnext()
    assert following.tag == qn("w:p") and "Informan dan atributnya" in "".join(following.itertext())


def test_figure_caption_is_kept_with_its_source_line(tmp_path):
    from tests.reports.test_docx_kit import _png

    doc = ReportDocument()
    doc.figure(_png(), "Grafik", "Sumber: data primer diolah", width_cm=5)
    doc.figure(_png(), "Tanpa sumber", width_cm=5)
    captions = [p for p in Document(str(doc.save(tmp_path / "f.docx"))).paragraphs if p.style.name == "Caption"]
    assert [_keep_next(p._p) for p in captions] == [True, False]
