"""Survey chapter wording read back from the .docx: "most" only for a majority, ties, the residual in prose."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document

from qda.demo_survey import analyse_demo_survey, write_demo_survey_csv
from qda.reports.survey_chapter import write_survey_chapter
from qda.survey.analysis import analyse_columns
from qda.survey.loading import load_data
from tests.shared_data import SAKO_CSV

MAJORITY_ID = re.compile(r"sebagian besar responden|mayoritas responden|didominasi oleh")
MAJORITY_EN = re.compile(r"most respondents|predominates")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return analyse_demo_survey(write_demo_survey_csv(tmp_path_factory.mktemp("demo") / "kuesioner_demo.csv"))


@pytest.fixture(scope="module")
def sako():
    return analyse_columns(load_data(SAKO_CSV), [f"X{i}" for i in range(1, 11)], [f"Y{i}" for i in range(1, 11)])


def paragraphs(result, path, language):
    return [p.text for p in Document(str(write_survey_chapter(result, path, language=language))).paragraphs]


def first_percent(text: str) -> float:
    return float(re.search(r"(\d+[.,]\d)%", text).group(1).replace(",", "."))


@pytest.mark.parametrize("language,pattern", [("id", MAJORITY_ID), ("en", MAJORITY_EN)])
def test_most_only_for_more_than_half(demo, sako, tmp_path, language, pattern):
    said = 0
    for name, result in (("demo", demo), ("sako", sako)):
        for text in paragraphs(result, tmp_path / f"{name}_{language}.docx", language):
            if pattern.search(text):
                said += 1
                assert first_percent(text) > 50, text
    assert said >= 5  # the majority wording is still used where it is true


def test_plurality_is_called_the_largest_group(sako, demo, tmp_path):
    text = "\n".join(paragraphs(sako, tmp_path / "s.docx", "id"))
    assert "Dengan demikian, responden terbanyak berasal dari kelompok S1." in text  # 36,7%
    assert "didominasi oleh kelompok S1" not in text
    demo_text = "\n".join(paragraphs(demo, tmp_path / "d.docx", "id"))
    assert "memperlihatkan bahwa jawaban yang paling banyak dipilih adalah \u201cTepat Waktu\u201d, yaitu 16 orang " \
           "atau 40,0%." in demo_text
    en = "\n".join(paragraphs(sako, tmp_path / "s_en.docx", "en"))
    assert "S1 is therefore the largest group of respondents." in en
    assert "by gender, most respondents are Laki-laki: 20 of 30 (66.7%)." in en


def test_ties_read_as_sentences(demo, tmp_path):
    text = "\n".join(paragraphs(demo, tmp_path / "d.docx", "id"))
    assert ("jumlah responden menurut jenis kelamin sama banyak antara Laki-laki dan Perempuan, yaitu masing-masing "
            "20 orang (50,0%).") in text
    en = "\n".join(paragraphs(demo, tmp_path / "d_en.docx", "en"))
    assert ("shows that Laki-laki and Perempuan are equally represented among the respondents by gender, with 20 "
            "respondents (50.0%) each.") in en
    assert ("shows that the respondents by education are SLTA with 11 (27.5%), Diploma with 11 (27.5%), S1 with 9 "
            "(22.5%), S2 with 8 (20.0%), and SMP with 1 (2.5%). The largest groups, with 11 respondents each, are "
            "SLTA and Diploma.") in en
    assert not re.search(r"by \w+: \w[^.]*: \d", en)  # no list of "label: n" after a colon


def test_residual_named_in_lower_case_in_the_sentence(sako, tmp_path):
    text = "\n".join(paragraphs(sako, tmp_path / "s.docx", "id"))
    assert "Berdasarkan Tabel 4.35, residual regresi memiliki Sig. Shapiro–Wilk 0,470 > 0,05" in text
    en = "\n".join(paragraphs(sako, tmp_path / "s_en.docx", "en"))
    assert "As Table 4.35 shows, the regression residual has a Shapiro–Wilk Sig. of 0.470" in en


def test_return_paragraph_claims_no_single_n_the_tables_contradict(demo, tmp_path):
    x, y = demo.variables["X"], demo.variables["Y"]
    assert (x.validity.n, y.validity.n, demo.return_table.usable) == (40, 39, 39)
    text = "\n".join(paragraphs(demo, tmp_path / "d.docx", "id"))
    assert ("uji validitas dan skor setiap variabel menggunakan kuesioner yang lengkap pada butir variabel itu (n "
            "tercantum pada tabel dan uraiannya), sedangkan reliabilitas dan regresi menggunakan 39 kuesioner yang "
            "lengkap pada semua butir.") in text
    assert "sedangkan uji validitas, reliabilitas, skor dan regresi menggunakan 39" not in text
    assert "(0,312; n = 40" in text and "(0,316; n = 39" in text  # each validity test states its own n
    en = "\n".join(paragraphs(demo, tmp_path / "d_en.docx", "en"))
    assert "reliability and the regression use the 39 questionnaires complete on every item." in en


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_normality_table_words_are_not_broken_on_the_page(sako, tmp_path):
    from qda.reports.layout import to_pdf

    pdf = to_pdf(write_survey_chapter(sako, tmp_path / "n.docx"), tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page = next(p for p in text.split("\f") if "Hasil uji normalitas" in p)
    start = page.index("Hasil uji normalitas")
    table = page[start:page.index("Sumber: data primer", start)]
    assert "Keterangan" in table
    assert re.search(r"Kinerja Pegawai \(X\)\s+30 .*Tidak Normal", table), table
