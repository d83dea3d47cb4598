"""Reports a supervisor accepts as they are: each fix read back from the .docx (and the PDF where LibreOffice exists).

The numbered sections follow the points of the report-quality issue: someone else's study in a
user's chapter (1), widths (2), the normality rule (3), confidentiality (4), counts (5), contents
and captions (6), thesis style (7), the labels respondents saw (8), the heat map (9), narrative
details (10) and quotes for a thesis (11).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest
from docx import Document
from docx.oxml.ns import qn

from qda.reports.qualitative import write_qualitative_report
from qda.reports.survey_chapter import write_survey_chapter
from qda.store import Project
from qda.survey.analysis import analyse_columns
from qda.survey.loading import load_data

from tests.shared_data import SAKO_CSV

HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
TEXT_WIDTH_DXA = int(14.0 * 567)  # A4 with 4-3-3-3 cm margins: a 14 cm text block


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def body_text(path) -> str:
    """Every text node of the document body (fields' shown results included)."""
    doc = Document(str(path))
    return "".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))


# -- constructed survey data (a user's own study, not Sako) -------------------------------------

AGREE = ["Sangat Tidak Setuju", "Tidak Setuju", "Ragu-ragu", "Setuju", "Sangat Setuju"]


def user_csv(tmp_path, n: int = 28, blank: bool = True):
    rng = np.random.default_rng(11)
    lines = ["id,jenis_kelamin,P1,P2,P3,P4,Q1,Q2,Q3,Q4"]
    for i in range(n):
        base = int(rng.integers(2, 6))
        p = [int(np.clip(base + rng.integers(-1, 2), 1, 5)) for _ in range(4)]
        q = [AGREE[int(np.clip(base + rng.integers(-1, 2), 1, 5)) - 1] for _ in range(4)]
        cells = [f"U{i + 1}", "Laki-laki" if i % 2 else "Perempuan", *map(str, p), *q]
        if blank and i == 3:
            cells[3] = ""
        lines.append(",".join(cells))
    path = tmp_path / "kuesioner_saya.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def user_result(tmp_path):
    return analyse_columns(load_data(user_csv(tmp_path)), ["P1", "P2", "P3", "P4"], ["Q1", "Q2", "Q3", "Q4"],
                           x_name="Disiplin Kerja", y_name="Kepuasan Warga")


@pytest.fixture(scope="module")
def sako_result():
    return analyse_columns(load_data(SAKO_CSV), [f"X{i}" for i in range(1, 11)], [f"Y{i}" for i in range(1, 11)])


# 1. someone else's study ----------------------------------------------------------------------

def test_users_data_gets_neutral_wording_and_their_names(user_result, tmp_path):
    text = all_text(Document(str(write_survey_chapter(user_result, tmp_path / "bab.docx"))))
    for foreign in ("Sako", "Kinerja Pegawai", "Pelayanan Publik", "butir P1: P1", "Sangat Baik (5)"):
        assert foreign not in text
    assert "Disiplin Kerja" in text and "Kepuasan Warga" in text
    assert "Tanggapan responden terhadap butir P1\n" in text or "Tanggapan responden terhadap butir P1" in text
    assert "butir disebut dengan nama kolomnya dalam data" in text  # says which instrument it used


def test_sako_data_gets_the_sako_instrument_and_says_so(sako_result, tmp_path):
    assert sako_result.instrument == "sako" and sako_result.x.name == "Kinerja Pegawai"
    text = all_text(Document(str(write_survey_chapter(sako_result, tmp_path / "sako.docx"))))
    assert "mengikuti instrumen studi Kelurahan Sako" in text and "direkonstruksi" in text


def test_cli_title_and_variable_names(tmp_path, capsys):
    from qda.cli import main

    data = user_csv(tmp_path)
    out = tmp_path / "bab3.docx"
    assert main(["survey", str(data), "--x", "P1,P2,P3,P4", "--y", "Q1,Q2,Q3,Q4", "--title", "Disiplin dan Kepuasan",
                 "--x-name", "Disiplin Kerja", "--y-name", "Kepuasan Warga", "--chapter", "3", "--docx", str(out)]) == 0
    doc = Document(str(out))
    text = all_text(doc)
    assert "\u201cDisiplin dan Kepuasan\u201d" in text and "BAB III" in text and "Sako" not in text
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Tabel 3.1 ")


# 2. widths ---------------------------------------------------------------------------------------

def _widths_fit(path) -> None:
    doc = Document(str(path))
    for tbl in doc.element.body.iter(qn("w:tbl")):
        w = tbl.find(qn("w:tblPr") + "/" + qn("w:tblW"))
        if w.get(qn("w:type")) == "dxa":
            assert int(w.get(qn("w:w"))) <= TEXT_WIDTH_DXA + 2
        grid = sum(int(g.get(qn("w:w")) or 0) for g in tbl.find(qn("w:tblGrid")))
        assert grid <= TEXT_WIDTH_DXA + 10
    for shape in doc.inline_shapes:
        assert shape.width <= int(14.0 * 360000) + 1000


def test_tables_and_figures_fit_the_text_block(sako_result, project, tmp_path):
    _widths_fit(write_survey_chapter(sako_result, tmp_path / "s.docx"))
    _widths_fit(write_qualitative_report(project, tmp_path / "q.docx"))


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_rendered_pages_keep_text_inside_the_margins(sako_result, tmp_path):
    from qda.reports.layout import to_pdf

    pdf = to_pdf(write_survey_chapter(sako_result, tmp_path / "s.docx"), tmp_path)
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page_w = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    assert abs(page_w - 595.3) < 1  # A4
    right_edge = page_w - 3.0 / 2.54 * 72  # 3 cm right margin
    left_edge = 4.0 / 2.54 * 72
    xs = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
    assert xs and all(x1 <= right_edge + 2 and x0 >= left_edge - 2 for x0, x1 in xs)


# 3. normality ------------------------------------------------------------------------------------

SKEWED = [39, 28, 21, 20, 44, 47, 38, 42, 36, 48, 44, 20, 46, 21, 42, 25, 46, 36, 29, 33, 21, 24, 40, 39, 38, 32,
          50, 49, 41, 40]  # K-S Sig. 0,081 but Shapiro-Wilk Sig. 0,024 (n = 30)


def test_one_normality_rule_for_table_text_and_json():
    from qda.survey.prerequisites import normality

    t = normality(np.asarray(SKEWED, dtype=float), "X", 0.05)
    assert t.ks_p > 0.05 and t.sw_p < 0.05
    assert t.rule == "shapiro-wilk" and t.normal is False
    big = normality(np.concatenate([SKEWED] * 2).astype(float), "X", 0.05)
    assert big.rule == "kolmogorov-smirnov" and big.normal == (big.ks_p > 0.05)


def test_chapter_table_and_narrative_follow_the_rule(user_result, tmp_path):
    from dataclasses import replace

    from qda.survey.contract import to_contract
    from qda.survey.prerequisites import normality

    t = normality(np.asarray(SKEWED, dtype=float), "X", 0.05)
    result = replace(user_result, normality=[user_result.normality[0], t, user_result.normality[2]])
    doc = Document(str(write_survey_chapter(result, tmp_path / "n.docx")))
    table = next(tb for tb in doc.tables if tb.rows[0].cells[0].text == "Data")
    row = next(r for r in table.rows if r.cells[0].text.startswith("Disiplin Kerja"))
    assert row.cells[-1].text == "Tidak Normal"
    text = all_text(doc)
    assert "Shapiro–Wilk bila n ≤ 50" in text and "Sig. Shapiro–Wilk 0,024 ≤ 0,05" in text
    assert "asumsi normalitas regresi berlaku bagi residualnya" in text
    assert to_contract(result, "id")["details"]["normality"][1]["normal"] is False


# 4. confidentiality ---------------------------------------------------------------------------------

CONFIDENTIAL = ("P: Siapa yang membantu?\n"
                "I: Bu Tari selalu membantu, kadang Pak Bambang juga turun tangan.\n"
                "I: Mas Yoga yang memperbaiki printer, kata \"cuma tambal sulam\" itu dari dia.\n"
                "I: Mbak Nisa juga ikut memindai surat.\n")


@pytest.fixture
def named_project(tmp_path):
    p = Project.create(tmp_path / "rahasia.qda", codebook=True, coder="Rina")
    p.cases.add("Informan 1", {"Nama": "Bambang Sutrisno, S.Sos.", "Jabatan": "Kasubag TU"})
    p.cases.add("Informan 2", {"Nama": "Sri Lestari", "Jabatan": "Staf Persuratan"})
    p.cases.add("Informan 5", {"Nama": "Yoga Pratama, S.Kom.", "Jabatan": "Operator SRIKANDI"})
    doc = p.documents.add("wawancara_bambang.txt", CONFIDENTIAL, "interview",
                         attributes={"Judul": "Wawancara dengan Kasubag TU", "Tanggal": "2024-03-11"},
                         case="Informan 1")
    obs = p.documents.add("observasi.txt", "Bu Tari menata amplop. Dokumen berjudul \"SOP\" dibaca.\n", "observation",
                         attributes={"Judul": "Observasi Meja Layanan"})
    lines = CONFIDENTIAL.split("\n")
    start = CONFIDENTIAL.index(lines[1])
    seg = p.segments.add(doc, start, start + len(lines[1]), "Kepemimpinan yang Efektif")
    start = CONFIDENTIAL.index(lines[2])
    p.segments.add(doc, start, start + len(lines[2]), "Sumber Daya dan Sarana Prasarana")
    start = CONFIDENTIAL.index(lines[3])
    p.segments.add(doc, start, start + len(lines[3]), "Sumber Daya dan Sarana Prasarana")
    p.segments.add(obs, 0, 25, "Sumber Daya dan Sarana Prasarana")
    p.memos.set(seg, "Pak Bambang menyebut Bu Tari dua kali.")
    p.close()
    return tmp_path / "rahasia.qda"


def test_every_case_name_is_replaced_by_its_code(named_project, tmp_path):
    warnings: list[str] = []
    with Project.open(named_project, read_only=True) as p:
        out = write_qualitative_report(p, tmp_path / "r.docx", warnings=warnings)
    text = body_text(out)
    for name in ("Bambang", "Sutrisno", "Sri Lestari", "Lestari", "Bu Tari", "Yoga", "Pratama", "wawancara_bambang"):
        assert name not in text, name
    assert "Informan 2 selalu membantu, kadang Informan 1 juga turun tangan." in text
    assert "Informan 1 menyebut Informan 2 dua kali." in text
    assert warnings and "Mbak Nisa" in warnings[0] and "Bu Tari" not in warnings[0]
    assert "Kasubag TU" in text  # positions stay unless asked to hide them
    with Project.open(named_project, read_only=True) as p:
        hidden = body_text(write_qualitative_report(p, tmp_path / "h.docx", hide_positions=True))
    assert "Kasubag TU" not in hidden and "Operator SRIKANDI" not in hidden
    with Project.open(named_project, read_only=True) as p:
        named = body_text(write_qualitative_report(p, tmp_path / "n.docx", include_names=True))
    assert "Bu Tari selalu membantu" in named


def test_review_report_hides_every_case_name(named_project, tmp_path):
    from qda.reports.review import write_review_report

    with Project.open(named_project) as p:
        seg = p.segments.all()[0]
        p.reviews.add(seg, "needs_revision", "Kutipan Pak Bambang tentang Bu Tari perlu konteks.")
        p.reviews.add(seg, "approved", "Sudah jelas; Sri Lestari dan Yoga Pratama disebut dengan benar.")
    warnings: list[str] = []
    with Project.open(named_project, read_only=True) as p:
        out = write_review_report(p, tmp_path / "t.docx", warnings=warnings, agreement_unit=None)
    text = body_text(out)
    for name in ("Bambang", "Sutrisno", "Sri Lestari", "Lestari", "Tari", "Yoga", "Pratama", "wawancara_bambang"):
        assert name not in text, name
    assert "Informan 2 selalu membantu, kadang Informan 1 juga turun tangan." in text  # the quote
    assert "Informan 1 menyebut Informan 2 dua kali." in text  # the memo
    assert "Kutipan Informan 1 tentang Informan 2 perlu konteks." in text  # the review history
    assert "Sudah jelas; Informan 2 dan Informan 5 disebut dengan benar." in text  # the latest comment
    assert warnings and "Mbak Nisa" in warnings[0]
    assert "Kasubag TU" in text
    with Project.open(named_project, read_only=True) as p:
        hidden = body_text(write_review_report(p, tmp_path / "h.docx", hide_positions=True, agreement_unit=None))
        named = body_text(write_review_report(p, tmp_path / "n.docx", include_names=True, agreement_unit=None))
    assert "Kasubag TU" not in hidden and "Bambang" not in hidden
    assert "Bu Tari selalu membantu" in named and "Kutipan Pak Bambang tentang Bu Tari" in named


def test_cli_review_report_hides_names(named_project, tmp_path, capsys):
    from qda.cli import main

    out = tmp_path / "cli.docx"
    assert main(["report", str(named_project), "-o", str(out), "--kind", "review"]) == 0
    assert "Mbak Nisa" in capsys.readouterr().err
    assert "Bambang" not in body_text(out)
    assert main(["report", str(named_project), "-o", str(out), "--kind", "review", "--include-names"]) == 0
    assert "Bambang" in body_text(out)


# 5. counts ------------------------------------------------------------------------------------------

def test_quote_count_equals_the_quotes_shown(project, tmp_path):
    doc = Document(str(write_qualitative_report(project, tmp_path / "c.docx")))
    paras = doc.paragraphs
    for k, p in enumerate(paras):
        m = re.match(r"Terdapat (\d+) kutipan dari", p.text)
        if not m:
            continue
        shown = 0
        for q in paras[k + 1:]:
            if q.style.name.startswith("Heading"):
                break
            shown += q.style.name == "Quote"
        assert shown == int(m.group(1)), p.text


def test_each_analysis_states_its_n(user_result, tmp_path):
    text = all_text(Document(str(write_survey_chapter(user_result, tmp_path / "n.docx"))))
    assert user_result.return_table.usable == 27 and user_result.x.item_summaries[1].n_answered == 27
    assert "menggunakan 27 kuesioner yang lengkap" in text
    assert "dari 27 kuesioner lengkap diperoleh nilai koefisien korelasi" in text


# 6. contents and captions ----------------------------------------------------------------------------

def test_references_are_ref_fields_to_caption_bookmarks(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "ref.docx")))
    body = doc.element.body
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    refs = [t.text.strip() for t in body.iter(qn("w:instrText")) if t.text.strip().startswith("REF ")]
    assert len(refs) > 30
    assert all(r.split()[1] in marks for r in refs)
    seqs = [t.text.strip() for t in body.iter(qn("w:instrText")) if t.text.strip().startswith("SEQ ")]
    assert seqs and all("\\s 1" in s for s in seqs)  # chapter-based numbering


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_contents_carry_page_numbers(project, tmp_path, monkeypatch):
    from qda.reports.layout import outline_pages, to_pdf

    monkeypatch.setenv("QDA_TOC_PAGES", "1")
    out = write_qualitative_report(project, tmp_path / "toc.docx")
    doc = Document(str(out))
    entries = [p for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2", "TOC 3")]
    numbers = [p.text.rsplit("\t", 1)[-1] for p in entries]
    assert entries and all(n.isdigit() for n in numbers)
    pdf_pages = dict(outline_pages(to_pdf(out, tmp_path)))
    for p, n in zip(entries, numbers):
        title = " ".join(p.text.rsplit("\t", 1)[0].split())
        if title in pdf_pages:
            assert pdf_pages[title] == int(n), title


# 7. thesis style ------------------------------------------------------------------------------------------

def test_thesis_style_and_proofing_language(user_result, tmp_path):
    doc = Document(str(write_survey_chapter(user_result, tmp_path / "t.docx")))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 12
    assert normal.paragraph_format.line_spacing == 1.5
    h1 = doc.styles["Heading 1"]
    assert h1.paragraph_format.alignment == 1 and str(h1.font.color.rgb) == "000000"
    assert doc.paragraphs[0].text.startswith("BAB IV") and doc.paragraphs[0].style.name == "Heading 1"
    langs = {el.get(qn("w:val")) for el in doc.styles.element.iter(qn("w:lang"))}
    assert langs == {"id-ID"}
    en = Document(str(write_survey_chapter(user_result, tmp_path / "en.docx", language="en")))
    assert {el.get(qn("w:val")) for el in en.styles.element.iter(qn("w:lang"))} == {"en-US"}
    modern = Document(str(write_survey_chapter(user_result, tmp_path / "m.docx", look="modern")))
    assert modern.styles["Normal"].font.name == "Calibri"


def test_survey_chapter_takes_a_template(user_result, tmp_path):
    from docx.shared import Cm

    template = Document()
    template.sections[0].left_margin = Cm(3)
    template.sections[0].right_margin = Cm(2)
    template.add_paragraph("contoh isi templat")
    template.save(tmp_path / "templat.docx")
    doc = Document(str(write_survey_chapter(user_result, tmp_path / "t.docx", template=tmp_path / "templat.docx",
                                            chapter=5)))
    assert "contoh isi templat" not in all_text(doc) and doc.paragraphs[0].text.startswith("BAB V")


# 8. labels respondents saw --------------------------------------------------------------------------------

def test_agreement_answers_keep_their_labels(user_result, tmp_path):
    assert [r.label for r in user_result.y.item_summaries[0].rows] == AGREE[::-1]
    assert [r.label for r in user_result.x.item_summaries[0].rows][0] == "Skor 5"  # numbers: no invented wording
    doc = Document(str(write_survey_chapter(user_result, tmp_path / "l.docx")))
    q1 = next(t for t in doc.tables if any(c.text == "Sangat Setuju" for c in t.columns[1].cells))
    assert "Sangat Baik" not in [c.text for c in q1.columns[1].cells]


# 9. heat map -------------------------------------------------------------------------------------------------

def test_heatmap_scale_text_colours_and_ticks():
    from qda.reports.charts import heatmap_figure, text_colour

    assert text_colour((0.1, 0.0, 0.1, 1)) == "white" and text_colour((1.0, 1.0, 0.8, 1)) == "black"
    fig = heatmap_figure([[5, 6], [7, 30]], ["A", "B"], ["F1", "F2"])
    ax, bar_ax = fig.axes
    image = ax.images[0]
    assert image.norm.vmin == 0
    colours = {t.get_text(): t.get_color() for t in ax.texts}
    assert colours["5"] == "black" and colours["30"] == "white"
    fig.canvas.draw() if fig.canvas else None
    ticks = [t for t in bar_ax.get_yticks() if 0 <= t <= 30]
    assert ticks and all(float(t).is_integer() for t in ticks)
    dense = heatmap_figure(np.ones((20, 20)), [f"kode {i}" for i in range(20)], [f"F{i}" for i in range(20)])
    assert dense.get_size_inches()[0] <= 5.5 and dense.axes[0].texts[0].get_fontsize() < 8


# 10. narrative details ------------------------------------------------------------------------------------------

def test_undefined_r_notes_ties_and_alpha_items(tmp_path):
    from qda.survey.result import Settings

    rng = np.random.default_rng(4)
    lines = ["A1,A2,A3,A4,B1,B2,B3"]
    for _ in range(20):
        base = int(rng.integers(2, 5))
        a = [int(np.clip(base + rng.integers(-1, 2), 1, 5)) for _ in range(3)]
        b = [int(np.clip(base + rng.integers(-1, 2), 1, 5)) for _ in range(3)]
        lines.append(",".join(map(str, [*a, 4, *b])))  # A4 never varies: r undefined
    path = tmp_path / "konstan.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = analyse_columns(load_data(path), ["A1", "A2", "A3", "A4"], ["B1", "B2", "B3"], Settings())
    doc = Document(str(write_survey_chapter(result, tmp_path / "k.docx")))
    text = all_text(doc)
    assert "Nilai r butir A4 tidak dapat dihitung" in text
    assert "A4 memiliki r hitung lebih kecil" not in text
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Catatan:")]
    assert len(notes) == len(set(notes))


def test_ties_named_and_every_alpha_raising_item(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "t.docx")))
    text = all_text(doc)
    x_means = {s.item: round(s.mean, 2) for s in sako_result.x.item_summaries}
    low = min(x_means.values())
    lows = [k for k, v in x_means.items() if v == low]
    assert f"terendah pada butir {' dan '.join(lows) if len(lows) == 2 else lows[0]}" in text
    rel = sako_result.reliability_all_valid
    raising = [t.item for t in rel.item_total if t.alpha_if_deleted and t.alpha_if_deleted > rel.alpha]
    if raising:
        sentence = next(p.text for p in doc.paragraphs if "menaikkan alpha bila dihapus adalah" in p.text)
        assert all(item in sentence for item in raising)


def test_f_precision_sugiyono_source_and_footnotes(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "f.docx")))
    text = all_text(doc)
    assert "21,555 > 4,196" in text and "21,55 >" not in text
    paras = [p for p in doc.paragraphs]
    idx = next(k for k, p in enumerate(paras) if p.text.startswith("Tabel") and "Sugiyono" in p.text)
    assert any("Sumber: Sugiyono" in p.text for p in paras[idx:idx + 3])
    body = list(doc.element.body)
    for k, el in enumerate(body):
        texts = "".join(t.text or "" for t in el.iter(qn("w:t")))
        if texts.startswith("a. Dependent Variable"):
            following = "".join(t.text or "" for t in body[k + 1].iter(qn("w:t")))
            assert following.startswith(("b. Predictors", "Sumber: data primer"))
            assert body[k - 1].tag == qn("w:tbl")  # directly under its table


def test_decimal_answer_refused_as_not_whole(tmp_path):
    from qda.errors import DataError

    path = user_csv(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("U1,Perempuan,", "U1,Perempuan,4,5", 1)
                    .replace("4,5,", "\"4,5\",", 1), encoding="utf-8")
    with pytest.raises(DataError, match="bukan bilangan bulat"):
        analyse_columns(load_data(path), ["P1", "P2", "P3", "P4"], ["Q1", "Q2", "Q3", "Q4"])


def test_utf16_data_file_is_read_like_the_importer_reads_it(tmp_path):
    path = user_csv(tmp_path)
    utf8 = load_data(path)
    unicode_text = tmp_path / "excel_unicode.txt"
    unicode_text.write_bytes(path.read_text(encoding="utf-8").replace(",", "\t").encode("utf-16"))
    data = load_data(unicode_text)
    assert data.columns == utf8.columns and data.frame.equals(utf8.frame)


def test_english_prose_reads_as_sentences(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "en.docx", language="en")))
    for p in doc.paragraphs:
        assert not re.match(r"^Table 4\.\d+: ", p.text), p.text


def constant_item_csv(tmp_path):
    """A user's data with an item nobody varies on (A4: r undefined) and one questionnaire left incomplete."""
    rng = np.random.default_rng(4)
    lines = ["A1,A2,A3,A4,B1,B2,B3"]
    for i in range(20):
        base = int(rng.integers(2, 5))
        a = [int(np.clip(base + rng.integers(-1, 2), 1, 5)) for _ in range(3)]
        b = [int(np.clip(base + rng.integers(-1, 2), 1, 5)) for _ in range(3)]
        cells = list(map(str, [*a, 4, *b]))
        if i == 5:
            cells[5] = ""
        lines.append(",".join(cells))
    path = tmp_path / "konstan.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return analyse_columns(load_data(path), ["A1", "A2", "A3", "A4"], ["B1", "B2", "B3"])


def test_each_note_once_and_in_the_report_language(tmp_path):
    result = constant_item_csv(tmp_path)
    doc = Document(str(write_survey_chapter(result, tmp_path / "id.docx")))
    text = all_text(doc)
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Catatan:")]
    # the paragraphs already say these; a note repeating them is said twice
    assert "Nilai r butir A4 tidak dapat dihitung karena jawabannya tidak bervariasi" in text
    assert not any("A4" in n or "tidak diikutkan" in n or "listwise" in n for n in notes), notes
    assert "menggunakan 19 kuesioner yang lengkap" in text
    # the analysis keeps its notes (JSON, GUI) and they agree in number in both languages
    note = next(n for n in result.notes if n.startswith("1 dari 20"))
    assert note == ("1 dari 20 responden tidak menjawab semua butir sehingga dikeluarkan secara listwise dari korelasi, "
                    "alpha, skor dan regresi.")
    assert note.get("en") == ("1 of 20 respondents did not answer every item and is excluded listwise from "
                              "correlations, alpha, scores and regression.")
    en = Document(str(write_survey_chapter(result, tmp_path / "en.docx", language="en")))
    text = all_text(en)
    assert "The r of item A4 cannot be computed because its answers do not vary, so the item is not valid" in text
    assert "X (all items)" in text and "semua butir" not in text
    for p in en.paragraphs:
        if p.text.startswith("Note:"):
            assert not re.search(r"\b(butir|dari|tidak|responden)\b", p.text), p.text


def test_indonesian_sentences_have_a_predicate(sako_result, tmp_path):
    text = all_text(Document(str(write_survey_chapter(sako_result, tmp_path / "p.docx"))))
    assert ("variabel Kinerja Pegawai memiliki t hitung sebesar 4,643 dengan Sig. 0,000. Karena t hitung > t tabel "
            "(4,643 > 2,048 untuk df 28), koefisien regresi Kinerja Pegawai signifikan.") in text
    assert ("diketahui bahwa Sig. < α (0,000 < 0,05), t hitung > t tabel (4,643 > 2,048 untuk df 28) dan F hitung > "
            "F tabel (21,555 > 4,196 untuk df 1; 28).") in text
    assert ("Koefisien determinasi (KD = R² × 100%) sebesar 43,5%, artinya 43,5% variasi Pelayanan Publik dijelaskan "
            "oleh Kinerja Pegawai, sedangkan sisanya 56,5% dipengaruhi oleh faktor lain yang tidak diteliti.") in text
    assert "menghasilkan t hitung 4,643 (r = 0,660, n = 30), lebih besar dari t tabel 2,048, sehingga korelasi" in text
    # no clause that is only a formula or a bare adjective after a semicolon
    assert not re.search(r"; (t hitung|korelasi signifikan)", text)
    assert not re.search(r"Berdasarkan Tabel 4\.\d+, Sig\.", text)
    assert "sebesar 43,5%: " not in text


def test_english_prose_agrees_and_names_items(sako_result, tmp_path):
    text = all_text(Document(str(write_survey_chapter(sako_result, tmp_path / "e.docx", language="en"))))
    assert ("shows that the highest mean score of Employee Performance is that of item X2 (4.43) and the lowest that "
            "of items X3 and X10 (3.23).") in text
    assert "Items Y5 and Y10 have an r below the r table value and are not valid; they are left out" in text
    assert ("the highest alpha when one item is deleted is 0.826 (item X9), against 0.821 for all items. The items "
            "whose deletion raises alpha are X6 and X9.") in text
    assert ("The coefficient of determination (R² × 100%) is 43.5%: 43.5% of the variation in Public Service is "
            "explained by Employee Performance, and the remaining 56.5% is due to other factors not studied.") in text
    assert ("shows that Sig. < α (0.000 < 0.05), t value > t table (4.643 > 2.048 for df 28) and F value > F table "
            "(21.555 > 4.196 for df 1; 28).") in text
    assert "Because t value > t table (4.643 > 2.048 for df 28), the coefficient of Employee Performance is significant." in text
    assert "No respondent chose \u201cTidak Baik\u201d or \u201cSangat Tidak Baik\u201d." in text
    assert "(Sugiyono's continuum" not in text  # no parentheses inside parentheses
    assert not re.search(r"(?<![\d.,])1 (items|respondents|excerpts|passages|sources)\b", text)


def test_every_f_at_one_precision(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "f3.docx")))
    f_values = []
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        if "F" in header:
            col = header.index("F")
            f_values += [r.cells[col].text for r in table.rows[1:] if r.cells[col].text not in ("", "–")]
    text = all_text(doc)
    f_values += re.findall(r"F hitung sebesar ([\d.,]+\d)", text) + re.findall(r"F hitung > F tabel \(([\d.,]+\d) ", text)
    assert len(f_values) >= 7
    assert all(re.fullmatch(r"[\d.]+,\d{3}", v) for v in f_values), f_values


# 11. quotes for a thesis ----------------------------------------------------------------------------------------

def test_documents_cited_by_title_or_case_code():
    from qda.reports.citations import citation

    cite = citation("document", (3, 4), document_name="dok_01_sop.docx", document_attributes={"Judul": "SOP Persuratan"})
    assert cite == "(SOP Persuratan, dokumen, baris 3–4)"
    assert citation("document", (1, 1), document_name="dok_01_sop.docx", case_name="Informan 4").startswith(
        "(Informan 4, dokumen")
    assert ".docx" not in citation("other", (1, 1), document_name="catatan_lapangan.docx")


def test_quotes_cited_by_title_nested_marks_kind_order_and_no_tags(named_project, tmp_path):
    with Project.open(named_project, read_only=True) as p:
        doc = Document(str(write_qualitative_report(p, tmp_path / "q.docx", coder_tags=False)))
    quotes = [q.text for q in doc.paragraphs if q.style.name == "Quote"]
    assert not any("[pengode" in q for q in quotes)
    assert any("\u2018cuma tambal sulam\u2019" in q for q in quotes)
    assert not any(".txt" in q for q in quotes)
    paras = doc.paragraphs
    start = next(k for k, q in enumerate(paras) if q.style.name.startswith("Heading")
                 and q.text == "Sumber Daya dan Sarana Prasarana")
    section = []
    for q in paras[start + 1:]:
        if q.style.name.startswith("Heading"):
            break
        if q.style.name == "Quote":
            section.append("observasi" if "(Observasi" in q.text else "wawancara")
    assert section == ["wawancara", "wawancara", "observasi"]  # interviews before observations
    with Project.open(named_project, read_only=True) as p:
        by_source = Document(str(write_qualitative_report(p, tmp_path / "d.docx", quote_order="document")))
    assert [q.text for q in by_source.paragraphs if q.style.name == "Quote"]
