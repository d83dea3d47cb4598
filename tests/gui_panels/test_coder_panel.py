"""The coder panel lists coders with role and counts and hides/shows their segments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qda.gui.panels.coder_panel import CoderPanel

from .helpers import save_screenshot, shown


@pytest.fixture
def coded(fx):
    p = fx.project
    budi = p.coders.set_current("Budi Santoso", "coder")
    sri = p.coders.set_current("Dr. Sri Hartati", "supervisor")
    rina = p.coders.set_current("Rina Wulandari", "coder")
    fx.code_phrase(fx.interview, "petugas langsung menanggapi", "Responsivitas")
    fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Kompetensi dan Pelatihan")
    fx.code_phrase(fx.observation, "Ruang tunggu panas", "Sumber Daya dan Sarana Prasarana")
    fx.code_phrase(fx.interview, "petugas langsung menanggapi", "Responsivitas", coder="Budi Santoso")
    fx.code_phrase(fx.observation, "antrean di loket pelayanan", "Produktivitas", coder="Budi Santoso")
    return {"rina": rina.id, "budi": budi.id, "sri": sri.id}


@pytest.fixture
def panel(qtbot, fx, coded):
    widget = shown(qtbot, CoderPanel(), (380, 260), fx.project)
    qtbot.waitUntil(lambda: not widget.is_counting())
    return widget


def rows(panel):
    return [
        tuple(panel.tree.topLevelItem(i).text(c) for c in range(3))
        for i in range(panel.tree.topLevelItemCount())
    ]


def test_lists_coders_with_role_and_counts_all_visible(panel, coded):
    assert rows(panel) == [
        ("Budi Santoso", "Pengode", "2"),
        ("Dr. Sri Hartati", "Pembimbing", "0"),
        ("Rina Wulandari (Anda)", "Pengode", "3"),
    ]
    assert panel.visible_coder_ids() == set(coded.values())
    assert panel.summary.text() == "Semua segmen ditampilkan (5)."
    assert not panel.show_all_button.isEnabled()


def test_unchecking_a_coder_hides_and_says_how_many(panel, coded, qtbot):
    budi = panel.tree.topLevelItem(0)
    with qtbot.waitSignal(panel.visibilityChanged) as blocker:
        budi.setCheckState(0, Qt.CheckState.Unchecked)
    assert blocker.args == [{coded["rina"], coded["sri"]}]
    assert panel.visible_coder_ids() == {coded["rina"], coded["sri"]}
    assert panel.hidden_segment_count() == 2
    assert panel.summary.text() == "2 dari 5 segmen disembunyikan (1 pengode tidak dicentang)."
    with qtbot.waitSignal(panel.visibilityChanged) as blocker:
        qtbot.mouseClick(panel.show_all_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [set(coded.values())]
    assert budi.checkState(0) == Qt.CheckState.Checked
    assert panel.summary.text() == "Semua segmen ditampilkan (5)."


def test_only_me_and_refresh_keeps_hidden_coders(panel, fx, coded, qtbot):
    with qtbot.waitSignal(panel.visibilityChanged) as blocker:
        panel.only_me()
    assert blocker.args == [{coded["rina"]}]
    assert panel.hidden_segment_count() == 2
    fx.code_phrase(fx.interview, "Pak Lurah selalu memantau antrean", "Akuntabilitas", coder="Budi Santoso")
    panel.refresh()
    assert panel.summary.text() == "Segmen dari 2 pengode disembunyikan (menghitung jumlahnya…)."
    qtbot.waitUntil(lambda: not panel.is_counting())
    assert panel.visible_coder_ids() == {coded["rina"]}
    assert panel.hidden_segment_count() == 3
    assert "3 dari 6 segmen disembunyikan (2 pengode tidak dicentang)." == panel.summary.text()


def test_screenshot(panel):
    panel.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    save_screenshot(panel, "panel_coders")
