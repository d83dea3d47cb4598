"""Qt's own texts (standard buttons, file dialogs) follow the interface language; counts read right in English."""

from __future__ import annotations

import pytest


@pytest.fixture
def qt_tr(qapp):
    from qda.gui.qt_translations import install_qt_translations

    return install_qt_translations()


@pytest.fixture
def lang():
    from qda.i18n import language, set_language

    before = language()
    yield set_language
    set_language(before)


def test_first_start_dialog_buttons_in_indonesian(qtbot, qt_tr, lang):
    from PySide6.QtWidgets import QDialogButtonBox

    from qda.gui.coder_dialog import CoderDialog

    lang("id")
    dialog = CoderDialog(first_start=True)
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    lang("en")
    english = CoderDialog(first_start=True)
    qtbot.addWidget(english)
    assert english.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_qt_file_dialog_labels_in_indonesian(qtbot, qt_tr, lang):
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    lang("id")
    dialog = QFileDialog(None, "Impor sumber")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    buttons = {w.text() for w in dialog.findChildren(QPushButton)}
    assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= labels
    assert "&Buka" in buttons and "Batal" in buttons
    assert not {"Look in:", "&Look in:", "File &name:", "Cancel"} & (labels | buttons)


def test_message_box_yes_no(qtbot, qt_tr, lang):
    from PySide6.QtWidgets import QMessageBox

    lang("id")
    box = QMessageBox(QMessageBox.Icon.Question, "Proyek sedang dipakai", "Buka hanya-baca?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["&Tidak", "&Ya"]


def test_singular_counts_in_english(lang):
    from qda.i18n import trn

    lang("en")
    assert trn("{n} segmen", n=1) == "1 segment" and trn("{n} segmen", n=2) == "2 segments"
    assert trn("{n} kode", n=1) + ", " + trn("{n} segmen", n=3) == "1 code, 3 segments"
    assert trn("{n} hasil", n=1) == "1 hit" and trn("{n} sumber", n=2) == "2 sources"
    lang("id")
    assert trn("{n} segmen", n=1) == "1 segmen"


def test_status_bar_counts_singular(qtbot, window, lang):
    lang("en")
    window._update_status()
    assert window.counts_label.text().startswith("1 source · ")
    assert window.counts_label.text().endswith(" · 0 segments")


def test_coder_panel_role_names(qtbot, lang, tmp_path):
    from qda.gui.panels.coder_panel import CoderPanel
    from qda.store import Project

    with Project.create(tmp_path / "peran.qda", coder="Rina", role="coder") as project:
        project.coders.set_current("Dr. Sri Wahyuni", "supervisor")
        for code, expected in (("id", {"Pengode", "Pembimbing"}), ("en", {"Coder", "Supervisor"})):
            lang(code)
            panel = CoderPanel()
            qtbot.addWidget(panel)
            panel.set_project(project)
            qtbot.waitUntil(lambda: not panel.is_counting())
            roles = {panel.tree.topLevelItem(i).text(1) for i in range(panel.tree.topLevelItemCount())}
            assert roles == expected, code
