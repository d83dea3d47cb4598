"""The survey chapter on the Sako data, read back with python-docx."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from qda.reports.survey_chapter import write_survey_chapter

from tests.shared_data import SAKO_CSV as SAKO


@pytest.fixture(scope="module")
def sako_result():
    from qda.survey.analysis import analyse_columns
    from qda.survey.instrument import load_template
    from qda.survey.loading import load_data
    from qda.survey.result import Settings

    cols = lambda v: [f"{v}{i}" for i in range(1, 11)]  # noqa: E731
    return analyse_columns(load_data(SAKO), cols("X"), cols("Y"), Settings(), base=load_template("sako"))


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def chapter_id(sako_result, tmp_path_factory):
    out = write_survey_chapter(sako_result, tmp_path_factory.mktemp("s") / "bab4.docx", year=2024)
    return Document(str(out))


def test_sako_numbers_appear(chapter_id):
    text = all_text(chapter_id)
    for needle in ("0,660", "0,435", "0,415", "1,674", "4,643", "71,93%", "78,00%", "0,821", "1.079", "H0 ditolak",
                   "17,209", "0,389", "0,361", "2,048", "4,196", "43,5%", "56,5%", "Cukup Baik"):
        assert needle in text, needle
    assert "21,55" in text and ("21,550" in text or "21,555" in text)
    assert "Sumber: data primer diolah, 2024" in text
    assert "Y5 dan Y10" in text  # the invalid items are named


def test_captions_numbered_consecutively(chapter_id):
    caps = [p.text for p in chapter_id.paragraphs if p.style.name == "Caption"]
    tables = [int(m.group(1)) for c in caps if (m := re.match(r"Tabel 4\.(\d+) ", c))]
    figures = [int(m.group(1)) for c in caps if (m := re.match(r"Gambar 4\.(\d+) ", c))]
    assert tables == list(range(1, len(tables) + 1)) and len(tables) >= 30
    assert figures == [1, 2, 3]
    assert len(chapter_id.inline_shapes) == 3


def test_tables_match_the_result(chapter_id, sako_result):
    by_caption = {}
    body = chapter_id.element.body
    caption = None
    from docx.table import Table

    for el in body.iterchildren():
        if el.tag.endswith("}p"):
            text = "".join(el.itertext())
            if re.match(r"Tabel 4\.\d+ ", text):
                caption = text
        elif el.tag.endswith("}tbl") and caption:
            by_caption[caption] = Table(el, chapter_id._body)
            caption = None
    model = next(t for c, t in by_caption.items() if c.endswith("Model Summary"))
    assert [c.text for c in model.rows[0].cells] == ["Model", "R", "R Square", "Adjusted R Square",
                                                     "Std. Error of the Estimate"]
    assert [c.text for c in model.rows[1].cells] == ["1", "0,660", "0,435", "0,415", "1,674"]
    coef = next(t for c, t in by_caption.items() if c.endswith("Coefficients"))
    slope = [c.text for c in coef.rows[-1].cells]
    assert slope[2:] == ["0,389", "0,084", "0,660", "4,643", "0,000"]
    x1 = next(t for c, t in by_caption.items() if "butir X1:" in c)
    counts = [row.cells[3].text for row in x1.rows[1:6]]
    expected = [str(r.count) for r in sako_result.x.item_summaries[0].rows]
    assert counts == expected == ["2", "19", "9", "0", "0"]
    validity_y = next(t for c, t in by_caption.items() if "validitas variabel Pelayanan" in c)
    verdict = {row.cells[1].text: row.cells[4].text for row in validity_y.rows[1:]}
    assert verdict["Y5"] == verdict["Y10"] == "Tidak Valid" and verdict["Y1"] == "Valid"
    gender = next(t for c, t in by_caption.items() if "jenis kelamin" in c)
    g = {row.cells[1].text: (row.cells[2].text, row.cells[3].text) for row in gender.rows[1:]}
    profile = next(p for p in sako_result.profiles if p.column == "jenis_kelamin")
    for row in profile.rows:
        assert g[row.label][0] == str(row.count)


def test_profile_narrative_states_the_largest_group(chapter_id, sako_result):
    profile = next(p for p in sako_result.profiles if p.column == "jenis_kelamin")
    top = max(profile.rows, key=lambda r: r.count)
    paras = [p.text for p in chapter_id.paragraphs]
    pct = f"{top.percent:.1f}".replace(".", ",") + "%"
    assert any(top.label in t and f"{top.count} orang" in t and pct in t for t in paras)
    starts = {t.split(" ")[0] for t in paras if "responden" in t and t.startswith(("Berdasarkan", "Tabel", "Dari",
                                                                                   "Tanggapan"))}
    assert len(starts) >= 3  # sentence patterns vary


def test_english_chapter_uses_decimal_points(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "ch4.docx", language="en", year=2024)))
    text = all_text(doc)
    for needle in ("0.660", "0.435", "4.643", "71.93%", "0.821", "1,079", "H0 is rejected", "Table 4.1 "):
        assert needle in text, needle
    assert "0,660" not in text and "Tabel 4." not in text


def test_chapter_number_is_configurable(sako_result, tmp_path):
    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "b5.docx", chapter=5)))
    caps = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert caps[0].startswith("Tabel 5.1 ") and doc.paragraphs[0].text.startswith("BAB V")


def test_small_awkward_data_still_writes_a_chapter(tmp_path):
    """Random answers, a constant item and missing cells: the chapter is written and says what it could not do."""
    import random

    from qda.survey.analysis import analyse_columns
    from qda.survey.instrument import load_template
    from qda.survey.loading import load_data
    from qda.survey.result import Settings

    rng = random.Random(5)
    lines = ["jenis_kelamin,A1,A2,A3,B1,B2,B3"]
    for i in range(12):
        cells = [rng.choice(["Laki-laki", "Perempuan"]), str(rng.randint(1, 5)), "4", str(rng.randint(2, 5)),
                 str(rng.randint(1, 5)), "" if i == 3 else str(rng.randint(1, 5)), str(rng.randint(3, 5))]
        lines.append(",".join(cells))
    data_file = tmp_path / "kecil.csv"
    data_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = analyse_columns(load_data(data_file), ["A1", "A2", "A3"], ["B1", "B2", "B3"], Settings(),
                             base=load_template("sako"))
    for lang in ("id", "en"):
        doc = Document(str(write_survey_chapter(result, tmp_path / f"kecil_{lang}.docx", language=lang)))
        caps = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
        word = "Table" if lang == "en" else "Tabel"
        numbers = [int(m.group(1)) for c in caps if (m := re.match(rf"{word} 4\.(\d+) ", c))]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 10
    assert result.x.item_summaries[1].n_answered == 12


def test_english_wording_is_complete(sako_result, tmp_path, missing_english):
    assert missing_english(lambda: write_survey_chapter(sako_result, tmp_path / "en.docx", language="en")) == set()


def _band_tables(doc):
    return [t for t in doc.tables if len(t.columns) == 2 and t.rows[0].cells[1].text in ("Rentang skor", "Score range")]


def test_score_bands_have_no_zero_width_range(chapter_id, sako_result):
    tables = _band_tables(chapter_id)
    assert len(tables) == 2
    cells = [r.cells[1].text for t in tables for r in t.rows[1:]]
    assert not [c for c in cells if re.fullmatch(r"([\d.]+) – \1", c)], cells
    x_top = tables[0].rows[-1].cells
    assert (x_top[0].text, x_top[1].text) == ("Sangat Baik", "1.500")  # Sugiyono's top point 5 × 10 × 30
    assert tables[0].rows[-2].cells[1].text == "1.200 – 1.500"


def test_english_chapter_names_categories_and_profiles_in_english(sako_result, tmp_path):
    from qda.survey.continuum import CATEGORIES

    doc = Document(str(write_survey_chapter(sako_result, tmp_path / "en.docx", language="en", year=2024)))
    text = all_text(doc)
    bands = _band_tables(doc)
    assert [r.cells[0].text for r in bands[0].rows[1:]] == ["Very Poor", "Poor", "Fair", "Good", "Very Good"]
    # answer options stay as the questionnaire printed them; the continuum's categories are translated
    scores = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Category")
    assert [r.cells[-1].text for r in scores.rows[1:]] == ["Fair", "Fair"]  # 1079 in [900, 1200), 936 in [720, 960)
    continuum = [r.cells[0].text for t in bands for r in t.rows[1:]]
    continuum += [p.text for p in doc.paragraphs if "category" in p.text]
    assert not [c for c in CATEGORIES for t in continuum if c in t], continuum
    titles = [p.text for p in doc.paragraphs if p.style.name in ("Caption", "Heading 3")]
    profile = [t for t in titles if "Respondents by" in t]
    assert any(t.endswith("Respondents by respondent group / position") for t in profile), profile
    assert any(t.endswith("by gender") for t in profile) and any(t.endswith("by age") for t in profile)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 3" and "Respondents by" in p.text]
    assert any(t.endswith("Respondents by Respondent Group / Position") for t in headings), headings  # title case
    for raw in ("kelompok / jabatan", "jenis kelamin", "usia", "Jenis Kelamin", "Usia"):
        assert not [t for t in profile if raw in t], (raw, profile)
    assert not re.search(r"\((very )?(strong|weak|moderate) \(interval", text)
    sentence = next(p.text for p in doc.paragraphs if p.text.startswith("R = "))
    assert sentence.count("strong") == 1, sentence
    x, y = sako_result.x, sako_result.y
    assert x.name_en and x.name_en != x.name
    assert f"between {x.name_en} and {y.name_en}" in sentence and f"explained by {x.name_en}" in sentence
    after_title = [p.text for p in doc.paragraphs if "questionnaire of the study" not in p.text]
    assert not [t for t in after_title if x.name in t or y.name in t]


def test_failed_chapter_write_keeps_the_previous_file(tmp_path):
    """``qda survey … --docx`` under a file-size limit (a full disk): old chapter kept, one line, no traceback."""
    import os
    import resource
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "bab.docx"
    items = lambda v: ",".join(f"{v}{i}" for i in range(1, 11))  # noqa: E731
    args = [sys.executable, "-m", "qda", "survey", str(SAKO), "--x", items("X"), "--y", items("Y"), "--docx", str(out)]
    env = dict(os.environ, QDA_LANG="id", PYTHONPATH=str(root))

    def run(limit: int) -> subprocess.CompletedProcess:
        return subprocess.run(args, capture_output=True, text=True, env=env, cwd=str(root), timeout=180,
                              preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))

    assert run(1 << 30).returncode == 0
    before = out.read_bytes()
    bad = run(60_000)
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr and "Exception ignored" not in bad.stderr, bad.stderr
    errors = [ln for ln in bad.stderr.splitlines() if ln.startswith("qda: ")]
    assert len(errors) == 1 and "bab.docx" in errors[0], bad.stderr
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["bab.docx"]
