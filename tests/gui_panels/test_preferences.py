"""The preferences dialog reads and writes language, coder name and role."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from qda.gui.panels.preferences import PreferencesDialog

from .helpers import save_screenshot


@dataclass
class StandIn:
    language: str = "id"
    coder_name: str = "Rina Wulandari"
    coder_role: str = "coder"


@pytest.fixture
def make(qtbot):
    def build(settings):
        dialog = PreferencesDialog(settings)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return build


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_starts_from_the_settings(make):
    dialog = make(StandIn("en", "Budi Santoso", "supervisor"))
    assert dialog.language_combo.currentData() == "en"
    assert dialog.language_combo.currentText() == "English"
    assert dialog.name_edit.text() == "Budi Santoso"
    assert dialog.role_combo.currentData() == "supervisor"


def test_ok_writes_the_choices(make, qtbot):
    settings = StandIn()
    dialog = make(settings)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "  Dr. Sri Hartati ")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("supervisor"))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert settings == StandIn("en", "Dr. Sri Hartati", "supervisor")
    assert dialog.language_changed


def test_cancel_writes_nothing(make):
    settings = StandIn()
    dialog = make(settings)
    dialog.name_edit.setText("Orang Lain")
    dialog.role_combo.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert settings == StandIn()


def test_empty_name_is_refused(make):
    settings = StandIn()
    dialog = make(settings)
    dialog.name_edit.setText("   ")
    assert not ok_button(dialog).isEnabled()
    assert dialog.problem.text() == "Nama pengode wajib diisi."
    dialog.accept()
    assert settings.coder_name == "Rina Wulandari"


def test_works_with_the_real_settings_object(make, tmp_path):
    from qda.gui.settings import Settings

    settings = Settings(tmp_path / "qda.ini")
    dialog = make(settings)
    dialog.name_edit.setText("Dewi Anggraini")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    ok_button(dialog).click()
    again = Settings(tmp_path / "qda.ini")
    assert (again.language, again.coder_name, again.coder_role) == ("en", "Dewi Anggraini", "coder")


def test_screenshot(make):
    save_screenshot(make(StandIn()), "panel_preferences")


def test_roles_are_the_domain_roles_with_their_names(make):
    from qda.domain import ROLES, role_label

    dialog = make(StandIn())
    combo = dialog.role_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(ROLES)
    assert [combo.itemText(i) for i in range(combo.count())] == [role_label(r) for r in ROLES]
