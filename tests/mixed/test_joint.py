"""Mixed methods on a small constructed study whose answers are computed by hand.

Questionnaire (4 respondents; X indicators "Cepat" = A1, A2 and "Ramah" = A3; Y indicator "Puas" = B1, B2):

    R1: A1 5, A2 4, A3 3, B1 4, B2 4
    R2: A1 3, A2 3, A3 2, B1 2, B2 3
    R3: A1 4, A2 -, A3 5, B1 5, B2 5   (A2 blank: left out of "Cepat" only)
    R4: A1 2, A2 2, A3 4, B1 3, B2 2

Cepat: 9 + 6 + 4 = 19 over 3 complete questionnaires, min 6, max 30, 63,33 %; Sugiyono's points
6, 12, 18, 24, 30 put 19 in "Cukup Baik". Ramah: 14 of 20 (70 %, points 4 … 20: "Cukup Baik").
Puas: 28 of 40 (70 %, points 8, 16, 24, 32, 40: 24 <= 28 < 32, "Cukup Baik").
"""

from __future__ import annotations

import json

import pytest

from qda.errors import DataError, InvalidValue
from qda.mixed.joint import auto_link, excerpts_by_answer, informants_by_answer, joint_display
from qda.store import Project

SURVEY = "Survei layanan"
INSTRUMENT = {
    "name": "uji", "title": "Uji", "scale": {"min": 1, "max": 5}, "id_column": "responden",
    "label_sets": {"baik": ["Sangat Baik", "Baik", "Cukup Baik", "Tidak Baik", "Sangat Tidak Baik"]},
    "variables": [
        {"key": "X", "name": "Kinerja", "indicators": [
            {"name": "Cepat", "items": [{"id": "A1"}, {"id": "A2"}]},
            {"name": "Ramah", "items": [{"id": "A3"}]}]},
        {"key": "Y", "name": "Pelayanan", "indicators": [
            {"name": "Puas", "items": [{"id": "B1"}, {"id": "B2"}]}]}],
    "demographics": [{"column": "jenis_kelamin", "title": "Jenis Kelamin"}],
}
ROWS = [["R1", "Laki-laki", "5", "4", "3", "4", "4"], ["R2", "Perempuan", "3", "3", "2", "2", "3"],
        ["R3", "Laki-laki", "4", "", "5", "5", "5"], ["R4", "Laki-laki", "2", "2", "4", "3", "2"]]
TEXT1 = "Antrean cepat sekali. Petugasnya ramah dan sopan.\n"
TEXT2 = "Antrean panjang kalau pagi.\n"
OBS = "Petugas tersenyum pada warga.\n"


def build(path):
    import pandas as pd

    from qda.survey.instrument import Instrument
    from qda.survey.loading import DataSet

    p = Project.create(path, codebook=False, coder="Rina")
    p.coders.set_current("Budi")
    p.coders.set_current("Rina")
    p.cases.add("Informan 1", {"Jenis Kelamin": "Perempuan"})
    p.cases.add("Informan 2", {"Jenis Kelamin": "Perempuan"})
    d1 = p.documents.add("w1.txt", TEXT1, "interview", case="Informan 1")
    d2 = p.documents.add("w2.txt", TEXT2, "interview", case="Informan 2")
    d3 = p.documents.add("o1.txt", OBS, "observation")
    p.codes.add("Kecepatan", group="own")
    p.codes.add("Antrean", group="own", parent="Kecepatan")
    p.codes.add("Keramahan", group="own")
    s_fast = p.segments.add(d1, 0, 21, "Kecepatan", coder="Rina")
    p.segments.add(d1, 0, 21, "Kecepatan", coder="Budi")  # the same passage by a second coder
    s_queue = p.segments.add(d2, 0, 27, "Antrean", coder="Rina")
    p.segments.add(d1, 22, 49, "Keramahan", coder="Rina")
    p.segments.add(d3, 0, 29, "Keramahan", coder="Rina")
    p.reviews.add(s_fast, "approved")
    p.reviews.add(s_queue, "approved")  # the most recent approval
    data = DataSet(frame=pd.DataFrame(ROWS, columns=["responden", "jenis_kelamin", "A1", "A2", "A3", "B1", "B2"],
                                      dtype=object), path="layanan.csv")
    p.surveys.save(SURVEY, data.to_json(), Instrument.from_dict(INSTRUMENT).to_json(), json.dumps({"scheme": "sugiyono"}))
    p.links.link(SURVEY, "X", "Cepat", "Kecepatan")
    p.links.link(SURVEY, "X", "Ramah", "Keramahan")
    p.links.link_respondent("Informan 1", SURVEY, "R2")
    p.links.link_respondent("Informan 2", SURVEY, "R4")
    return p


@pytest.fixture
def project(tmp_path):
    p = build(tmp_path / "campuran.qda")
    yield p
    p.close()


def rows(jd):
    return {r.key.indicator: r for r in jd.rows}


def test_indicator_scores_and_categories(project):
    r = rows(joint_display(project))
    cepat, ramah, puas = r["Cepat"], r["Ramah"], r["Puas"]
    assert (cepat.n, cepat.score, cepat.minimum, cepat.maximum) == (3, 19, 6, 30)
    assert cepat.pct == pytest.approx(100 * 19 / 30) and cepat.category == "Cukup Baik"
    assert (ramah.n, ramah.score, ramah.maximum, ramah.pct, ramah.category) == (4, 14, 20, 70.0, "Cukup Baik")
    assert (puas.n, puas.score, puas.maximum, puas.pct, puas.category) == (4, 28, 40, 70.0, "Cukup Baik")
    assert [s.item for s in cepat.item_summaries] == ["A1", "A2"]
    assert [f.count for f in cepat.item_summaries[1].rows] == [0, 1, 1, 1, 0]  # A2: 4, 3, 2 (one blank)


def test_excerpts_informants_and_quotes(project):
    r = rows(joint_display(project))
    cepat = r["Cepat"]
    assert cepat.codes == ["Kecepatan"]  # the subcode Antrean counts for it
    assert cepat.excerpts == 2  # two passages: w1 0-21 (two coders) and w2 0-27
    assert cepat.informants == ["Informan 1", "Informan 2"]
    assert [q.text for q in cepat.quotes] == [TEXT2[:27], TEXT1[:21]]  # most recent approval first
    assert not any(q.chosen for q in cepat.quotes)
    assert r["Ramah"].excerpts == 2 and r["Ramah"].informants == ["Informan 1"] and r["Ramah"].quotes == []
    assert r["Puas"].codes == [] and r["Puas"].excerpts == 0


def test_chosen_quotes_and_note_are_stored(project, tmp_path):
    seg = next(s for s in project.segments.all() if s.document_id == project.documents.get("w1.txt").id
               and s.start == 0)
    project.links.set_quotes(SURVEY, "X", "Cepat", [seg.id])
    project.links.set_note(SURVEY, "X", "Cepat", "Konvergen: skor cukup, informan mengeluhkan antrean pagi.")
    with pytest.raises(InvalidValue):
        project.links.set_quotes(SURVEY, "X", "Cepat", [s.id for s in project.segments.all()][:3])
    path = project.path
    project.close()
    with Project.open(path, read_only=True) as again:
        cepat = rows(joint_display(again))["Cepat"]
        assert [(q.text, q.chosen) for q in cepat.quotes] == [(TEXT1[:21], True)]
        assert cepat.note.startswith("Konvergen")
        actions = [e["action"] for e in again._rows("SELECT action FROM event")]
        assert "joint.quotes" in actions and "joint.note" in actions and "link.add" in actions


def test_respondents_profile_and_answer_filter(project):
    jd = joint_display(project)
    assert jd.respondents == {"Informan 1": "R2", "Informan 2": "R4"}
    assert len(jd.disagreements) == 1 and "Informan 2" in jd.disagreements[0]  # Perempuan vs Laki-laki
    assert informants_by_answer(project, "A1<=3") == ["Informan 1", "Informan 2"]
    assert informants_by_answer(project, "Cepat>=3") == ["Informan 1"]  # R2 mean 3, R4 mean 2
    segs = excerpts_by_answer(project, "Cepat>=3")
    assert {project.documents.get(s.document_id).name for s in segs} == {"w1.txt"}
    with pytest.raises(DataError):
        informants_by_answer(project, "Z9<2")
    with pytest.raises(DataError):
        informants_by_answer(project, "A1 kira-kira 3")


def test_respondent_ids_matching_and_validated_links(project):
    from qda.mixed.joint import link_respondents, matching_respondents, respondent_ids

    assert respondent_ids(project) == ["R1", "R2", "R3", "R4"]
    project.cases.add("R3")  # named by the respondent id
    project.cases.add("Informan 9", {"No. Responden": "r1"})  # an attribute holds it (case ignored)
    assert matching_respondents(project) == {"R3": "R3", "Informan 9": "R1"}
    events = len(project._rows("SELECT id FROM event"))
    with pytest.raises(DataError, match="R7"):
        link_respondents(project, SURVEY, {"R3": "R3", "Informan 9": "R7"})  # R7 is not in the data
    assert len(project._rows("SELECT id FROM event")) == events  # refused before anything was written
    assert joint_display(project).respondents == {"Informan 1": "R2", "Informan 2": "R4"}
    # one change, one unlink, one unchanged
    assert link_respondents(project, SURVEY, {"R3": "R3", "Informan 2": None, "Informan 1": "R2"}) == 2
    assert joint_display(project).respondents == {"Informan 1": "R2", "R3": "R3"}


def test_cli_lists_and_matches_respondents(project, capsys):
    from qda.cli import main

    project.cases.add("R1")
    path = str(project.path)
    project.close()
    assert main(["joint", path, "respondents", "--json"]) == 0
    listed = {r["case"]: r["respondent"] for r in json.loads(capsys.readouterr().out)}
    assert listed == {"Informan 1": "R2", "Informan 2": "R4", "R1": None}
    assert main(["joint", path, "respondents", "--match", "--json"]) == 0
    captured = capsys.readouterr()
    assert {r["case"]: r["respondent"] for r in json.loads(captured.out)}["R1"] == "R1"
    assert "1 kasus ditautkan" in captured.err
    assert main(["joint", path, "respondent", "--case", "Informan 1", "--id", "R9"]) != 0  # not in the data
    assert "R9" in capsys.readouterr().err
    assert main(["joint", path, "respondent", "--case", "Informan l", "--id", "R1"]) != 0  # mistyped case
    assert "Informan 1" in capsys.readouterr().err  # the nearest name is offered
    with Project.open(path, read_only=True) as again:
        assert joint_display(again).respondents == {"Informan 1": "R2", "Informan 2": "R4", "R1": "R1"}


def test_unlink_and_auto_link(project):
    project.links.unlink(SURVEY, "X", "Ramah", "Keramahan")
    assert rows(joint_display(project))["Ramah"].codes == []
    project.codes.add("Puas", group="own")
    assert auto_link(project) == 1  # Puas <-> Puas; Cepat and Ramah have no code of their name
    assert rows(joint_display(project))["Puas"].codes == ["Puas"]
    project.codes.delete("Puas")  # deleting a code removes its links
    assert rows(joint_display(project))["Puas"].codes == []


def test_cli_show_link_note_and_excerpts(project, capsys):
    from qda.cli import main

    path = str(project.path)
    project.close()
    assert main(["joint", path, "note", "--indicator", "X:Ramah", "--text", "Divergen"]) == 0
    assert main(["joint", path, "link", "--indicator", "Y:Puas", "--code", "Keramahan"]) == 0
    assert main(["joint", path, "quotes", "--indicator", "X:Cepat", "--excerpt", "w2.txt:0-27"]) == 0
    capsys.readouterr()
    assert main(["joint", path, "show", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    by = {r["indicator"]: r for r in out["rows"]}
    assert by["Ramah"]["note"] == "Divergen" and by["Puas"]["codes"] == ["Keramahan"]
    assert by["Cepat"]["score"] == 19 and by["Cepat"]["category"] == "Cukup Baik"
    assert by["Cepat"]["quotes"][0]["chosen"] is True and by["Cepat"]["quotes"][0]["text"] == TEXT2[:27]
    assert main(["joint", path, "excerpts", "--where", "Cepat>=3", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {e["document"] for e in found} == {"w1.txt"}
    assert main(["joint", path, "link", "--indicator", "Cepat", "--code", "Keramahan"]) != 0  # no VAR:
    capsys.readouterr()
    assert main(["joint", path]) == 0  # no action: the display, as a table
    assert "Ramah" in capsys.readouterr().out


def test_word_report_has_a_numbered_joint_display_table(project, tmp_path):
    from docx import Document

    from qda.reports.qualitative import write_qualitative_report

    project.links.set_note(SURVEY, "X", "Cepat", "Konvergen.")
    doc = Document(str(write_qualitative_report(project, tmp_path / "r.docx")))
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    caption = next(c for c in captions if "Tampilan gabungan" in c)
    assert caption.startswith("Tabel ")
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Indikator Kuesioner")
    body = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    cepat = body["Kinerja (X): Cepat"]
    assert cepat[1] == "19 / 30\n63,33%\nCukup Baik"
    assert cepat[2].startswith("2 kutipan; Kecepatan") and "Informan 1, Informan 2" in cepat[2]
    assert cepat[4] == "Konvergen."


def test_codebook_templates_in_both_languages(tmp_path):
    from qda.cli import main
    from qda.codebook import CODEBOOK_TEMPLATES, codebook_template_path, load_codebook

    sako = load_codebook(codebook_template_path("sako"))
    names = [c.name for c in sako.codes]
    for indicator in ("Kuantitas kerja (X)", "Kualitas kerja (X)", "Ketepatan waktu (X)", "Kemampuan kerja (X)",
                      "Motivasi kerja (X)", "Sikap mental (X)", "Transparansi (Y)", "Akuntabilitas (Y)",
                      "Kondisional (Y)", "Partisipatif (Y)", "Kesamaan hak (Y)",
                      "Keseimbangan hak dan kewajiban (Y)"):
        assert indicator in names
    for c in sako.codes:
        assert c.definition_id and c.definition_en and c.name_en
    assert load_codebook(codebook_template_path("kosong")).codes == ()
    assert set(CODEBOOK_TEMPLATES) == {"dwiyanto", "sako", "kosong"}
    assert main(["new", str(tmp_path / "s.qda"), "--codebook", "sako"]) == 0
    with Project.open(tmp_path / "s.qda", read_only=True) as p:
        assert len(p.codes.all()) == 14
    assert main(["new", str(tmp_path / "k.qda"), "--codebook", "kosong"]) == 0
    with Project.open(tmp_path / "k.qda", read_only=True) as p:
        assert p.codes.all() == []
    assert main(["codebook", str(tmp_path / "k.qda"), "import", "sako"]) == 0
    with Project.open(tmp_path / "k.qda", read_only=True) as p:
        assert len(p.codes.all()) == 14


def test_sako_codes_link_to_the_sako_instrument(tmp_path):
    """The Sako template's codes link to the Sako questionnaire's indicators by name."""
    from qda.store.codebook_loader import add_bundled_codebook
    from qda.survey.instrument import load_template
    from qda.survey.loading import load_data

    from tests.shared_data import SAKO_CSV

    with Project.create(tmp_path / "sako.qda", codebook=False) as p:
        add_bundled_codebook(p, "sako")
        p.surveys.save("Sako", load_data(SAKO_CSV).to_json(), load_template("sako").to_json(), "{}")
        assert auto_link(p, "Sako") == 11  # 5 X and 6 Y indicators
        jd = joint_display(p, "Sako")
        assert {r.key.indicator: r.codes for r in jd.rows}["Transparansi"] == ["Transparansi (Y)"]


def test_demo_shows_a_joint_display(tmp_path):
    from qda.demo import build_demo

    with Project.open(build_demo(tmp_path / "demo"), read_only=True) as p:
        jd = joint_display(p)
        assert len(jd.rows) == 10 and all(r.codes for r in jd.rows)
        assert jd.respondents == {"Informan 6": "R03", "Informan 7": "R01"} and jd.disagreements == []
        assert any(r.note for r in jd.rows) and any(r.quotes for r in jd.rows)
