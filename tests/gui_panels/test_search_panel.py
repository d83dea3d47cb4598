"""The search panel runs the core search on a worker thread and lists the hits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qda.gui.panels.html_delegate import HtmlRole
from qda.gui.panels.search_panel import SearchPanel
from qda.search import search_project

from .helpers import INTERVIEW, OBSERVATION, save_screenshot, shown, span


@pytest.fixture
def panel(qtbot, fx):
    return shown(qtbot, SearchPanel(), (420, 460), fx.project)


def run(panel, qtbot, query: str) -> None:
    panel.search(query)
    assert panel.is_busy() or panel.hit_count() >= 0
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10000)


def test_finds_a_known_phrase_and_activating_emits_its_span(panel, fx, qtbot):
    run(panel, qtbot, "grup WhatsApp")
    assert panel.hit_count() == 1
    hit = panel.hit(0)
    assert (hit.document_name, hit.line) == ("wawancara_01_warga.txt", 3)
    assert panel.status.text() == "1 hasil dalam 1 sumber"
    text = panel.model.item(0).text()
    assert text.startswith("wawancara_01_warga.txt · baris 3 · …")
    assert "<b" in panel.model.item(0).data(HtmlRole) and ">grup WhatsApp</b>" in panel.model.item(0).data(HtmlRole)

    start, end = span(INTERVIEW, "grup WhatsApp")
    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index(0, 0))
    with qtbot.waitSignal(panel.hitActivated) as blocker:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert blocker.args == [fx.interview.id, start, end]
    assert INTERVIEW[start:end] == "grup WhatsApp"


def test_hits_match_the_core_search_across_documents(panel, fx, qtbot):
    run(panel, qtbot, "antrean")
    expected = search_project(fx.project, "antrean")
    assert [(panel.hit(i).document_id, panel.hit(i).start) for i in range(panel.hit_count())] == [
        (h.document_id, h.start) for h in expected
    ]
    assert {panel.hit(i).document_id for i in range(panel.hit_count())} == {fx.interview.id, fx.observation.id}


def test_scope_this_document(panel, fx, qtbot):
    assert not panel.scope_combo.model().item(1).isEnabled()  # no document open yet
    panel.set_current_document(fx.observation.id)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("current"))
    run(panel, qtbot, "antrean")
    assert panel.hit_count() == 1
    hit = panel.hit(0)
    assert hit.document_id == fx.observation.id
    assert OBSERVATION[hit.start:hit.end] == "antrean"


def test_fuzzy_mode_finds_a_misspelling(panel, fx, qtbot):
    assert not panel.threshold_spin.isEnabled()
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("fuzzy"))
    assert panel.threshold_spin.isEnabled()
    panel.threshold_spin.setValue(80)
    run(panel, qtbot, "pelatiahn")
    matched = [panel.hit(i).match.lower() for i in range(panel.hit_count())]
    assert matched == ["pelatihan", "pelatihan"]
    assert all(panel.hit(i).score < 100 for i in range(panel.hit_count()))
    assert "kemiripan" in panel.model.item(0).data(HtmlRole)


def test_nothing_found_and_empty_query(panel, qtbot):
    run(panel, qtbot, "jembatan gantung")
    assert panel.hit_count() == 0
    assert panel.status.text() == "«jembatan gantung» tidak ditemukan."
    panel.search("   ")
    assert not panel.is_busy()
    assert panel.status.text() == "Ketik kata atau frasa yang dicari."


def test_a_newer_search_replaces_an_older_one(panel, fx, qtbot):
    panel.search("Pelatihan")
    panel.search("loket")
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10000)
    qtbot.wait(50)  # a late result of the first search must not show up
    assert {panel.hit(i).match.lower() for i in range(panel.hit_count())} == {"loket"}


def test_screenshot(panel, fx, qtbot):
    run(panel, qtbot, "pelayanan")
    save_screenshot(panel, "panel_search")


def test_cancel_discards_the_running_search(panel, qtbot):
    panel.search("pelayanan")
    assert panel.cancel_button.isVisible()
    panel.cancel()
    assert not panel.is_busy()
    assert panel.status.text() == "Pencarian dibatalkan."
    qtbot.wait(200)  # whatever the worker still delivers is ignored
    assert panel.hit_count() == 0
    assert panel.search_button.isVisible()
