"""Double-clicking a recent project on the welcome page opens it exactly once, without errors."""

from __future__ import annotations

import pytest


def _double_click_recent(qtbot, window):
    from PySide6.QtCore import Qt

    lst = window.welcome.recent_list
    rect = lst.visualItemRect(lst.item(0))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(100)


@pytest.fixture
def welcome_window(qtbot, settings, project_file):
    from qda.gui.main_window import MainWindow

    settings.add_recent_project(project_file)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    opened: list[object] = []
    original = w.set_project
    w.set_project = lambda project: (opened.append(project), original(project))  # type: ignore[method-assign]
    w.opened = opened
    yield w
    w.close()


def test_double_click_opens_recent_project_once(qtbot, welcome_window, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(welcome_window, "show_error", lambda text: errors.append(text))
    _double_click_recent(qtbot, welcome_window)
    assert len(welcome_window.opened) == 1 and not errors
    assert welcome_window.project is not None and not welcome_window.project.read_only
    assert welcome_window.stacked.currentWidget() is welcome_window.tabs


def test_double_click_project_in_use_asks_once_and_opens_read_only(qtbot, welcome_window, project_file,
                                                                   monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from qda.gui import project_flow
    from qda.store import Project

    questions: list[str] = []
    errors: list[str] = []

    def answer(*args, **kwargs):
        questions.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(project_flow.QMessageBox, "question", answer)
    monkeypatch.setattr(welcome_window, "show_error", lambda text: errors.append(text))
    with Project.open(project_file, coder="Rina"):  # another writer holds the project
        _double_click_recent(qtbot, welcome_window)
        assert len(questions) == 1 and len(welcome_window.opened) == 1 and not errors
        assert welcome_window.project.read_only
        welcome_window.close_project()


def test_missing_recent_project_can_be_removed_from_the_list(qtbot, settings, project_file, tmp_path):
    from PySide6.QtCore import Qt

    from qda.gui.main_window import MainWindow

    gone = tmp_path / "hilang.qda"
    settings.add_recent_project(project_file)
    settings.add_recent_project(gone)  # newest first: the missing file heads the list
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    lst = w.welcome.recent_list
    assert lst.count() == 2 and "berkas tidak ditemukan" in lst.item(0).text()
    menu = w.welcome.recent_menu(lst.item(0))
    acts = {a.text(): a for a in menu.actions()}
    assert not acts["Buka"].isEnabled()  # a missing file cannot be opened
    acts["Hapus dari daftar"].trigger()
    assert settings.recent_projects == [str(project_file)]
    assert lst.count() == 1 and "berkas tidak ditemukan" not in lst.item(0).text()
    # the Delete key does the same for the selected entry (the file itself stays)
    lst.setCurrentRow(0)
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Delete)
    assert settings.recent_projects == [] and project_file.exists()
    w.close()
