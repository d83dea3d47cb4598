"""One check per point of the supervisor's reading, made only through the report writers and the CLI.

Each test builds a report the way a user does (survey chapter from a data file, qualitative or review
report from a project) and reads the .docx back, so the same check can be run against any version of
the writers: it fails on output that still has the fault and passes on output that is fixed.
"""

from __future__ import annotations

import re
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn

from qda.reports.qualitative import write_qualitative_report
from qda.reports.review import write_review_report
from qda.reports.survey_chapter import write_survey_chapter
from qda.store import Project
from qda.survey.analysis import analyse_columns
from qda.survey.loading import load_data
from tests.reports.test_thesis_pages import AGREE, TEXT_WIDTH_DXA, all_text, body_text, named_project, user_csv
from tests.shared_data import SAKO_CSV

__all__ = ["named_project"]  # the fixture, shared with the thesis-page tests

HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
X_COLS = [f"X{i}" for i in range(1, 11)]
Y_COLS = [f"Y{i}" for i in range(1, 11)]


@pytest.fixture(scope="module")
def sako():
    return analyse_columns(load_data(SAKO_CSV), X_COLS, Y_COLS)


@pytest.fixture
def users(tmp_path):
    """A user's own questionnaire (P1..P4 numbers, Q1..Q4 agreement labels), no names given."""
    return analyse_columns(load_data(user_csv(tmp_path)), ["P1", "P2", "P3", "P4"], ["Q1", "Q2", "Q3", "Q4"])


# 1. someone else's study -------------------------------------------------------------------------

def test_point1_users_chapter_names_no_other_study(users, tmp_path):
    text = all_text(Document(str(write_survey_chapter(users, tmp_path / "bab.docx"))))
    for foreign in ("Sako", "Kinerja Pegawai", "Pelayanan Publik", "butir P1: P1"):
        assert foreign not in text, foreign


# 2. widths ---------------------------------------------------------------------------------------

def test_point2_every_table_and_figure_fits_14_cm(sako, project, tmp_path):
    for path in (write_survey_chapter(sako, tmp_path / "s.docx"), write_qualitative_report(project, tmp_path / "q.docx")):
        doc = Document(str(path))
        for tbl in doc.element.body.iter(qn("w:tbl")):
            grid = sum(int(g.get(qn("w:w")) or 0) for g in tbl.find(qn("w:tblGrid")))
            assert grid <= TEXT_WIDTH_DXA + 10, (path.name, grid)
        for shape in doc.inline_shapes:
            assert shape.width <= int(14.0 * 360000) + 1000, (path.name, shape.width)


# 3. normality --------------------------------------------------------------------------------------

def test_point3_normality_verdict_follows_shapiro_wilk_up_to_n_50(sako, tmp_path):
    doc = Document(str(write_survey_chapter(sako, tmp_path / "n.docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Data" and "Shapiro-Wilk" in t.rows[0].cells[4].text)
    row = next(r for r in table.rows if r.cells[0].text.startswith("Kinerja Pegawai"))
    assert row.cells[5].text == "0,016"  # Shapiro-Wilk Sig., n = 30
    assert row.cells[-1].text == "Tidak Normal"


# 4. confidentiality ----------------------------------------------------------------------------------

def test_point4_no_case_name_anywhere_in_the_reports(named_project, tmp_path):
    with Project.open(named_project, read_only=True) as p:
        texts = [body_text(write_qualitative_report(p, tmp_path / "q.docx")),
                 body_text(write_review_report(p, tmp_path / "r.docx"))]
    for text in texts:
        for name in ("Bambang", "Sutrisno", "Sri Lestari", "Bu Tari", "Yoga", "Pratama"):
            assert name not in text, name


# 5. counts -------------------------------------------------------------------------------------------

def test_point5_percent_approved_is_of_the_reviewed(project, tmp_path):
    doc = Document(str(write_review_report(project, tmp_path / "r.docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kode")
    total = [c.text for c in table.rows[-1].cells]
    assert total[:6] == ["Jumlah", "3", "1", "1", "4", "9"]
    assert total[6] == "60,0%"  # 3 approved of 5 reviewed, not of all 9


@pytest.fixture
def double_coded(tmp_path):
    """One passage coded with the same code by two coders, and one coded by one."""
    text = "I: Antrean panjang setiap pagi.\nI: Printer sering macet.\n"
    p = Project.create(tmp_path / "ganda.qda", codebook=True, coder="Rina")
    doc = p.documents.add("wawancara.txt", text, "interview")
    p.segments.add(doc, 3, 31, "Responsivitas", coder="Rina")
    p.coders.set_current("Budi")
    p.segments.add(doc, 3, 31, "Responsivitas", coder="Budi")
    p.segments.add(doc, 35, 56, "Responsivitas", coder="Budi")
    p.close()
    return tmp_path / "ganda.qda"


def test_point5_quote_count_equals_the_quotes_printed(double_coded, tmp_path):
    with Project.open(double_coded, read_only=True) as p:
        doc = Document(str(write_qualitative_report(p, tmp_path / "c.docx")))
    paras = doc.paragraphs
    start = next(k for k, q in enumerate(paras) if q.style.name.startswith("Heading") and q.text == "Responsivitas")
    said = next(int(m.group(1)) for q in paras[start + 1:] if (m := re.match(r"Terdapat (\d+) kutipan", q.text)))
    shown = 0
    for q in paras[start + 1:]:
        if q.style.name.startswith("Heading"):
            break
        shown += q.style.name == "Quote"
    assert shown == 2 and said == shown


def test_point5_summary_and_codebook_count_the_quotes_printed(double_coded, tmp_path):
    with Project.open(double_coded, read_only=True) as p:
        doc = Document(str(write_qualitative_report(p, tmp_path / "s.docx")))
    printed = sum(q.style.name == "Quote" for q in doc.paragraphs)
    assert printed == 2
    summary = next(q.text for q in doc.paragraphs if q.text.startswith("Analisis ini mencakup"))
    assert "Laporan memuat 2 kutipan yang berasal dari 3 segmen." in summary
    codebook = next(t for t in doc.tables if t.rows[0].cells[-2].text == "Kutipan")
    row = next(r for r in codebook.rows if r.cells[1].text == "Responsivitas")
    assert row.cells[-2].text == "2"
    sources = next(t for t in doc.tables if t.rows[0].cells[0].text == "Sumber" and t.rows[0].cells[-1].text == "Kutipan")
    assert sources.rows[1].cells[-1].text == "2"
    coders = next(t for t in doc.tables if t.rows[0].cells[0].text == "Nama")
    assert coders.rows[0].cells[-1].text == "Segmen"
    assert {r.cells[0].text: r.cells[-1].text for r in coders.rows[1:]} == {"Rina": "1", "Budi": "2"}


# 6. contents and captions ------------------------------------------------------------------------------

def test_point6_in_text_references_are_ref_fields(sako, tmp_path):
    body = Document(str(write_survey_chapter(sako, tmp_path / "ref.docx"))).element.body
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    refs = [t.text.split()[1] for t in body.iter(qn("w:instrText")) if t.text.strip().startswith("REF ")]
    assert len(refs) > 30 and set(refs) <= marks


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_point6_contents_show_page_numbers(project, tmp_path, monkeypatch):
    monkeypatch.delenv("QDA_TOC_PAGES", raising=False)
    doc = Document(str(write_qualitative_report(project, tmp_path / "toc.docx")))
    entries = [p.text for p in doc.paragraphs if re.fullmatch(r"TOC \d", p.style.name)]
    assert len(entries) > 5
    assert all(re.search(r"\t\d+$", e) for e in entries), entries


# 7. thesis style ----------------------------------------------------------------------------------------

def test_point7_thesis_look_and_indonesian_proofing(sako, tmp_path):
    doc = Document(str(write_survey_chapter(sako, tmp_path / "t.docx")))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 12
    assert normal.paragraph_format.line_spacing == 1.5
    h1 = doc.styles["Heading 1"]
    assert h1.paragraph_format.alignment == 1 and str(h1.font.color.rgb) == "000000"
    assert {el.get(qn("w:val")) for el in doc.styles.element.iter(qn("w:lang"))} == {"id-ID"}


def test_point7_cli_survey_takes_template_and_chapter(tmp_path):
    from docx.shared import Cm

    from qda.cli import main

    template = Document()
    template.sections[0].left_margin = Cm(3)
    template.save(tmp_path / "templat.docx")
    out = tmp_path / "bab5.docx"
    code = main(["survey", str(SAKO_CSV), "--x", ",".join(X_COLS), "--y", ",".join(Y_COLS), "--docx", str(out),
                 "--template", str(tmp_path / "templat.docx"), "--chapter", "5"])
    assert code == 0
    doc = Document(str(out))
    assert doc.paragraphs[0].text.startswith("BAB V")
    assert next(p.text for p in doc.paragraphs if p.style.name == "Caption").startswith("Tabel 5.1 ")


# 8. labels respondents saw -------------------------------------------------------------------------------

def test_point8_agreement_answers_keep_their_labels(users, tmp_path):
    doc = Document(str(write_survey_chapter(users, tmp_path / "l.docx")))
    answers = [[c.text for c in t.columns[1].cells][1:-1] for t in doc.tables
               if len(t.columns) > 2 and t.rows[0].cells[1].text == "Alternatif Jawaban"]
    assert len(answers) == 8  # P1..P4 and Q1..Q4
    assert answers[4:] == [AGREE[::-1]] * 4  # Q1..Q4 keep the words respondents chose from


# 9. heat map -------------------------------------------------------------------------------------------------

def test_point9_heatmap_from_zero_readable_text_whole_ticks(monkeypatch):
    import matplotlib.figure

    from qda.reports import charts

    drawn = []
    real = matplotlib.figure.Figure.savefig

    def keep(fig, *args, **kwargs):
        drawn.append(fig)
        return real(fig, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", keep)
    charts.heatmap([[5, 6], [7, 30]], ["A", "B"], ["F1", "F2"])
    ax, bar_ax = drawn[-1].axes
    assert ax.images[0].norm.vmin == 0
    colours = {t.get_text(): t.get_color() for t in ax.texts}
    assert colours["30"] == "white" and colours["5"] == "black"
    ticks = [t for t in bar_ax.get_yticks() if 0 <= t <= 30]
    assert ticks and all(float(t).is_integer() for t in ticks)


# 10. narrative details --------------------------------------------------------------------------------------

def test_point10_ties_f_precision_and_sugiyono_source(sako, tmp_path):
    text = all_text(Document(str(write_survey_chapter(sako, tmp_path / "f.docx"))))
    assert "terendah pada butir X3 dan X10 (3,23)" in text
    assert "21,555 > 4,196" in text and "21,55 >" not in text
    assert "Sumber: Sugiyono" in text


def test_point10_decimal_answer_refused_as_not_whole(tmp_path):
    from qda.errors import QdaError

    path = tmp_path / "desimal.csv"
    path.write_text("A1,A2,B1,B2\n4,3,4,4\n\"4,5\",3,3,4\n3,3,3,3\n5,4,5,5\n", encoding="utf-8")
    with pytest.raises(QdaError, match="bukan bilangan bulat"):
        analyse_columns(load_data(path), ["A1", "A2"], ["B1", "B2"])


def test_point10_utf16_file_is_read(tmp_path):
    path = user_csv(tmp_path)
    unicode_text = tmp_path / "excel_unicode.txt"
    unicode_text.write_bytes(path.read_text(encoding="utf-8").replace(",", "\t").encode("utf-16"))
    assert load_data(unicode_text).columns == load_data(path).columns


# 11. quotes for a thesis ---------------------------------------------------------------------------------------

def test_point11_quotes_cited_by_title_nested_marks_and_kind_order(named_project, tmp_path):
    with Project.open(named_project, read_only=True) as p:
        doc = Document(str(write_qualitative_report(p, tmp_path / "q.docx")))
    quotes = [q.text for q in doc.paragraphs if q.style.name == "Quote"]
    assert not any(".txt" in q for q in quotes)
    assert any("\u2018cuma tambal sulam\u2019" in q for q in quotes)
    paras = doc.paragraphs
    start = next(k for k, q in enumerate(paras) if q.style.name.startswith("Heading")
                 and q.text == "Sumber Daya dan Sarana Prasarana")
    kinds = []
    for q in paras[start + 1:]:
        if q.style.name.startswith("Heading"):
            break
        if q.style.name == "Quote":
            kinds.append("observasi" if "(Observasi" in q.text else "wawancara")
    assert kinds == ["wawancara", "wawancara", "observasi"]


def test_point11_coder_tags_can_be_left_out(named_project, tmp_path):
    from qda.cli import main

    out = tmp_path / "tanpa_tag.docx"
    assert main(["report", str(named_project), "-o", str(out), "--no-coder-tags"]) == 0
    assert "[pengode" not in body_text(out)

