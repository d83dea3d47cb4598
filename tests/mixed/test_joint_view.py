"""The joint display tab on real widgets (offscreen): rows, excerpts, item frequencies, notes, quotes, links, filter."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.gui

from tests.mixed.test_joint import SURVEY, TEXT1, TEXT2, build  # noqa: E402


@pytest.fixture
def view(qtbot, tmp_path):
    from qda.gui.mixed.joint_view import JointDisplayView

    project = build(tmp_path / "campuran.qda")
    w = JointDisplayView()
    qtbot.addWidget(w)
    w.set_project(project)
    w.resize(1366, 700)
    w.show()
    yield w
    project.close()


def _row(view, indicator):
    return next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text().endswith(indicator))


def test_rows_show_scores_categories_and_evidence(view):
    t = view.table
    assert t.rowCount() == 3
    r = _row(view, "Cepat")
    assert t.item(r, 1).text() == "19 / 30 (63,33%)" and t.item(r, 2).text() == "Cukup Baik"
    assert t.item(r, 3).text() == "2 · Kecepatan" and t.item(r, 4).text() == "Informan 1, Informan 2"
    assert TEXT2[:27] in t.item(r, 5).text()


def test_selecting_a_row_lists_its_excerpts_and_item_frequencies(view, qtbot):
    view.table.selectRow(_row(view, "Cepat"))
    excerpts = view.excerpts.items()
    assert {e.text for e in excerpts} == {TEXT1[:21], TEXT2[:27]} and len(excerpts) == 3  # two coders on one
    assert view.items.rowCount() == 10  # two items x five answers
    opened = []
    view.openRequested.connect(lambda *a: opened.append(a))
    view.excerpts.select_row(0)
    view._open(view.excerpts.current_item())
    assert opened and opened[0][1:3] in ((0, 21), (0, 27))


def test_note_quotes_and_links_are_saved(view):
    r = _row(view, "Ramah")
    view.table.item(r, 6).setText("Divergen: skor 70%, tetapi warga menyebut petugas ketus.")
    assert view.project.links.note(SURVEY, "X", "Ramah").note.startswith("Divergen")
    view.table.selectRow(_row(view, "Cepat"))
    view.excerpts.select_row(next(i for i, e in enumerate(view.excerpts.items()) if e.text == TEXT1[:21]))
    view.choose_quotes()
    r = _row(view, "Cepat")
    assert view.display.rows[r].quotes[0].chosen and view.display.rows[r].quotes[0].text == TEXT1[:21]
    view.project.codes.add("Puas", group="own")
    view.auto_link()
    assert view.table.item(_row(view, "Puas"), 3).text() == "0 · Puas"


def test_filter_by_answer(view):
    view.condition.setText("Cepat>=3")
    view.filter_by_answer()
    assert "Informan 1" in view.filter_note.text() and "Informan 2" not in view.filter_note.text()
    assert {e.document for e in view.filtered.items()} == {"w1.txt"}
    view.condition.setText("Z9<2")
    view.filter_by_answer()
    assert "Z9" in view.filter_note.text() and view.filtered.items() == []


def test_project_without_survey_says_what_to_do(qtbot, tmp_path):
    from qda.gui.mixed.joint_view import JointDisplayView
    from qda.store import Project

    with Project.create(tmp_path / "kosong.qda") as p:
        w = JointDisplayView()
        qtbot.addWidget(w)
        w.set_project(p)
        assert "belum menyimpan data kuesioner" in w.status.text() and not w.link_button.isEnabled()


def test_main_window_has_the_joint_display_tab(qtbot, tmp_path):
    from qda.demo import build_demo
    from qda.gui.main_window import MainWindow
    from qda.store import Project

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_project(Project.open(build_demo(tmp_path / "demo")))
    window.tabs.setCurrentWidget(window.joint)
    assert window.joint.table.rowCount() == 10
    window.close_project()


def test_informants_are_linked_to_respondents_in_a_dialog(view, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from qda.gui.mixed.joint_view import RespondentDialog

    view.project.cases.add("R3")
    seen = {}

    def answer(dialog):
        seen["cases"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        seen["start"] = {name: box.currentData() for name, box in dialog.boxes.items()}
        seen["matched"] = dialog.match_same_ids()  # "R3" is a respondent id
        dialog.boxes["Informan 2"].setCurrentIndex(0)  # unlink
        dialog.boxes["Informan 1"].setCurrentIndex(dialog.boxes["Informan 1"].findData("R1"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RespondentDialog, "exec", answer)
    view.edit_respondents()
    assert seen["cases"] == ["Informan 1", "Informan 2", "R3"]
    assert seen["start"] == {"Informan 1": "R2", "Informan 2": "R4", "R3": None}
    assert seen["matched"] == 1
    assert view.display.respondents == {"Informan 1": "R1", "R3": "R3"}
    assert "3 tautan kasus–responden" in view.status.text()


def test_cancelled_respondent_dialog_changes_nothing(view, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from qda.gui.mixed.joint_view import RespondentDialog

    def answer(dialog):
        dialog.boxes["Informan 1"].setCurrentIndex(0)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RespondentDialog, "exec", answer)
    view.edit_respondents()
    assert view.display.respondents == {"Informan 1": "R2", "Informan 2": "R4"}
