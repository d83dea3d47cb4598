"""The survey tab on the Sako data: open, map, run on the worker, read the tables (offscreen)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from tests.survey.conftest import SAKO_CSV, X_COLS, Y_COLS  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(qtbot, monkeypatch):
    from qda.gui.survey import SurveyTab
    from qda.gui.survey import tab as tab_module

    shown: list[str] = []
    monkeypatch.setattr(tab_module, "warn", lambda parent, title, text: shown.append(text))
    widget = SurveyTab(project=None)
    widget.warnings = shown
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def _run(qtbot, tab):
    with qtbot.waitSignal(tab.analysis_finished, timeout=30000) as blocker:
        tab.run_analysis()
    return blocker.args[0]


def test_open_map_run_shows_r_in_indonesian(qtbot, tab):
    assert tab.open_file(SAKO_CSV)
    assert tab.model.rowCount() == 30 and tab.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Vertical) == "2"
    dialog = tab.mapping_dialog()
    assert dialog.mapping() == {c: c for c in X_COLS + Y_COLS}
    dialog.set_column("X1", None)  # the user unmaps an item ...
    assert "X1" not in dialog.mapping()
    dialog.auto_match()  # ... and asks for the automatic match again
    assert dialog.mapping()["X1"] == "X1"
    tab.apply_mapping(dialog.mapping(), dialog.instrument)
    result = _run(qtbot, tab)
    summary = tab.find_table("regressionSummaryTable")
    headers = [summary.horizontalHeaderItem(c).text() for c in range(summary.columnCount())]
    assert summary.item(0, headers.index("R")).text() == "0,660"
    assert summary.item(0, headers.index("R Square")).text() == "0,435"
    coef = tab.find_table("regressionCoefficientsTable")
    assert coef.item(1, 4).text() == "4,643"
    assert result.y.validity.invalid_items == ["Y5", "Y10"]
    assert tab.find_table("scoreTableX").item(0, 3).text() == "71,93%"
    assert tab.export_btn.isEnabled() and not tab.warnings


def test_english_mode_uses_decimal_point(qtbot, tab):
    from qda.i18n import set_language

    set_language("en")
    tab.open_file(SAKO_CSV)
    _run(qtbot, tab)
    assert tab.find_table("regressionSummaryTable").item(0, 1).text() == "0.660"


def test_override_keeps_an_invalid_item(qtbot, tab):
    tab.open_file(SAKO_CSV)
    tab.distributed.setValue(40)
    first = _run(qtbot, tab)
    assert (first.return_table.distributed, first.return_table.returned) == (40, 30)
    assert tab.find_table("returnTable").item(1, 2).text() == "75,0%"  # as the Word chapter prints it (one formatter)
    tab.keep_items = ["Y10"]
    result = _run(qtbot, tab)
    assert "Y10" in result.y.used_items and result.y.score.max == 9 * 5 * 30


def test_bad_file_gives_message_not_traceback(qtbot, tab, tmp_path):
    bad = tmp_path / "rusak.csv"
    bad.write_text(SAKO_CSV.read_text(encoding="utf-8").replace("R03,Pegawai,Staf,Laki-laki,36,SLTA,4",
                                                                 "R03,Pegawai,Staf,Laki-laki,36,SLTA,7"),
                   encoding="utf-8")
    tab.open_file(bad)
    with qtbot.waitSignal(tab.analysis_failed, timeout=30000) as blocker:
        tab.run_analysis()
    assert "rusak.csv" in blocker.args[0] and "baris 4, kolom X1" in blocker.args[0]
    assert tab.warnings and tab.result is None


def test_store_and_reopen_in_project(qtbot, tab, tmp_path, monkeypatch):
    store = pytest.importorskip("qda.store")
    from qda.gui.survey import SurveyTab

    with store.Project.create(tmp_path / "p.qda", codebook=False, coder="Peneliti") as project:
        tab.set_project(project)
        tab.open_file(SAKO_CSV)
        tab.survey_name = "Sako"
        tab.alpha.setValue(0.01)
        tab.save_to_project()
        assert project.surveys.names() == ["Sako"]
        other = SurveyTab(project)
        qtbot.addWidget(other)
        assert other.data.frame.shape == (30, 26) and abs(other.alpha.value() - 0.01) < 1e-9
        assert other.mapping == tab.mapping
        tab.survey_name = ""
        monkeypatch.setattr("qda.gui.survey.tab.QInputDialog.getText", lambda *a, **k: ("Sako kedua", True))
        tab.alpha.setValue(0.05)
        tab.save_to_project()
        assert project.surveys.names() == ["Sako", "Sako kedua"]
        assert [tab.stored.itemText(i) for i in range(tab.stored.count())] == ["Sako", "Sako kedua"]
        other.set_project(project)
        other.load_stored("Sako kedua")
        assert abs(other.alpha.value() - 0.05) < 1e-9


def test_export_chapter(qtbot, tab, tmp_path):
    pytest.importorskip("qda.reports.survey_chapter")
    tab.open_file(SAKO_CSV)
    _run(qtbot, tab)
    out = tab.export_chapter(str(tmp_path / "bab4.docx"))
    assert out is not None and out.stat().st_size > 10000


def test_new_file_starts_a_new_survey_with_its_own_instrument(qtbot, tab, tmp_path, monkeypatch):
    """Opening another data file never keeps the previous survey's questionnaire, name or settings."""
    store = pytest.importorskip("qda.store")
    from qda.demo_survey import write_demo_survey_csv
    from qda.survey.instrument import load_template

    demo_csv = write_demo_survey_csv(tmp_path / "kuesioner_demo.csv")
    asked: list[str] = []
    monkeypatch.setattr("qda.gui.survey.tab.QInputDialog.getText",
                        lambda *a, **k: (asked.append(k.get("text", "")) or "Sako", True))
    with store.Project.create(tmp_path / "p.qda", codebook=False, coder="Peneliti") as project:
        tab.set_project(project)
        assert tab.open_file(demo_csv)
        assert tab.instrument.name == "bagian_umum"  # the demo's columns include "kelompok"
        tab.survey_name = "Survei demo"
        tab.alpha.setValue(0.01)
        tab.save_to_project()
        assert tab.stored.currentText() == "Survei demo"

        assert tab.open_file(SAKO_CSV)
        sako = load_template("sako")
        assert tab.instrument.name == "sako" and tab.instrument.title == sako.title
        assert tab.instrument.item("X1").text == sako.item("X1").text
        assert tab.instrument.labels_of(tab.instrument.item("X2")) == sako.labels_of(sako.item("X2"))
        assert [d.column for d in tab.instrument.demographics][0] == "jabatan"
        assert tab.survey_name == "" and tab.stored.currentText() == ""
        assert abs(tab.alpha.value() - 0.05) < 1e-9
        assert sako.title in tab.status.text()
        result = _run(qtbot, tab)
        assert result.title == sako.title
        assert result.profiles[0].column == "jabatan" and len(result.profiles[0].rows) == 11
        assert sako.title in tab.status.text()
        tab.save_to_project()  # a new survey: the name is asked for, the demo survey is left alone
        assert asked == ["sako_kuesioner"]
        assert project.surveys.names() == ["Sako", "Survei demo"]


def test_file_without_known_items_gets_a_plain_instrument(qtbot, tab, tmp_path):
    data = tmp_path / "angket.csv"
    data.write_text("no,p1,p2\n1,4,5\n2,3,4\n3,5,5\n", encoding="utf-8")
    tab.open_file(SAKO_CSV)
    assert tab.instrument.name == "sako"
    assert tab.open_file(data)
    assert tab.instrument.title == "" and tab.mapping == {}
    assert all(not v.items for v in tab.instrument.variables)
    assert "sederhana" in tab.status.text() and not tab.run_btn.isEnabled()


def test_plain_instrument_from_item_columns():
    from qda.gui.survey.instrument_choice import plain_instrument
    from qda.survey.instrument import load_template

    inst = plain_instrument(["resp", "X2", "X10", "X1", "y1", "jenis_kelamin"], [load_template("sako")])
    assert [it.id for it in inst.variables[0].items] == ["X1", "X2", "X10"]
    assert [it.id for it in inst.variables[1].items] == ["y1"]
    assert all(not it.text for v in inst.variables for it in v.items)
    assert [d.column for d in inst.demographics] == ["jenis_kelamin"]


def test_users_own_data_named_like_sako_gets_neutral_wording_and_the_tabs_names(qtbot, tab, tmp_path):
    """Columns X1…/Y1… without Sako's respondent and profile columns are not the Sako study."""
    from docx import Document

    lines = ["X1,X2,X3,Y1,Y2,Y3"] + [",".join(str(1 + (i * k + k) % 5) for k in range(1, 7)) for i in range(12)]
    data = tmp_path / "data_saya.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert tab.open_file(data)
    assert not tab.instrument.title and not any(it.text for v in tab.instrument.variables for it in v.items)
    tab.study_title.setText("Disiplin dan Kepuasan Warga")
    tab.x_name.setText("Disiplin Kerja")
    tab.y_name.setText("Kepuasan Warga")
    tab.chapter.setValue(3)
    result = _run(qtbot, tab)
    assert result.x.name == "Disiplin Kerja" and result.title == "Disiplin dan Kepuasan Warga"
    out = tab.export_chapter(str(tmp_path / "bab3.docx"))
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "BAB III" in text and "Disiplin Kerja" in text and "Sako" not in text and "Kinerja Pegawai" not in text
