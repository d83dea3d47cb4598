"""The window with its panels: search, coders, memos, preferences, reports, undo across sources."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from PySide6.QtTest import QTest

from workbench_support import END, START, TEXT, read_segments

pytestmark = pytest.mark.gui

def _code(window, name):
    return window.project.codes.get(name).id


def test_search_hit_opens_and_selects_the_span_after_astral_characters(window, qtbot):
    panel = window.search
    panel.search("arsip")
    qtbot.waitUntil(lambda: panel.hit_count() > 0, timeout=10000)
    hit = panel.hit(0)
    assert hit.start == TEXT.index("arsip")
    panel.results.setCurrentIndex(panel.model.index(0, 0))
    panel.results.activated.emit(panel.model.index(0, 0))
    assert window.view.selection_cp() == (hit.start, hit.end)
    assert window.view.textCursor().selectedText() == "arsip"


def test_coder_panel_hides_a_coder_and_the_status_bar_says_so(window, project_file):
    doc = window.view.document_id
    budi = window.project.coders.set_current("Budi Santoso", "coder")
    window.coding.apply_span(doc, 0, 5, _code(window, "Responsivitas"))
    window.project.coders.set_current("Dewi Anggraini", "coder")
    window.coding.apply_span(doc, START, END, _code(window, "Produktivitas"))
    window.coders.set_project(window.project)
    tree = window.coders.tree
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0).startswith("Budi"))
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert [s.coder_id for s in window.view.segments()] == [window.project.coders.current.id]
    assert "1 pengode disembunyikan (1 segmen di sumber ini)" == window.hidden_label.text()
    assert len(read_segments(project_file)) == 2  # hidden, not removed
    item.setCheckState(0, Qt.CheckState.Checked)
    assert len(window.view.segments()) == 2 and window.hidden_label.text() == ""
    assert budi.id in {s.coder_id for s in window.view.segments()}


def test_memo_button_of_a_segment_opens_its_memo(window):
    window.view.select_cp(START, END)
    seg_id = window.coding.apply_to_selection(_code(window, "Responsivitas"))
    window.show_segments([seg_id])
    window.segment_info.cards[0].memo_button.click()
    assert window.memo.target() == ("segment", seg_id)
    assert not window.memo_dock.isHidden()


def test_recode_from_the_details_changes_the_code_in_the_file(window, project_file, monkeypatch):
    window.view.select_cp(START, END)
    seg_id = window.coding.apply_to_selection(_code(window, "Responsivitas"))
    window.show_segments([seg_id])
    monkeypatch.setattr(window, "_pick_code", lambda recent: _code(window, "Akuntabilitas"))
    window.segment_info.cards[0].recode_button.click()
    assert read_segments(project_file) == [(START, END, "Akuntabilitas")]
    assert "Akuntabilitas" in window.segment_info.cards[0].label.text()
    assert window.undo.undo_action.text().startswith("Urungkan:")


def test_undo_of_a_coding_in_another_source_shows_that_source(window, project_file):
    first = window.view.document_id
    other = window.project.documents.add("observasi_loket.txt", "Catatan ilustratif tentang antrean loket.\n",
                                        kind="observation")
    window.sources.refresh()
    window.view.select_cp(START, END)
    window.coding.apply_to_selection(_code(window, "Responsivitas"))
    window.show_document(other.id)
    assert window.pane.document_id == other.id
    window.undo.undo_action.trigger()
    assert window.pane.document_id == first
    assert read_segments(project_file) == []
    window.undo.redo_action.trigger()
    assert [s.start for s in window.view.segments()] == [START]


def test_preferences_switch_the_language(window, monkeypatch):
    from qda.gui.panels import preferences
    from qda.i18n import language, set_language

    def choose_english(dialog):
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.accept()
        return 1

    told = []
    monkeypatch.setattr(preferences.PreferencesDialog, "exec", choose_english)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    try:
        window.act_prefs.trigger()
        assert window.settings.language == "en" and language() == "en"
        assert told and "restarted" in told[0]  # already in the chosen language
    finally:
        set_language("id")


def test_export_report_opens_the_report_dialog(window, monkeypatch):
    from qda.gui import report_dialog

    opened = []
    monkeypatch.setattr(report_dialog.ReportDialog, "exec", lambda self: opened.append(self) or 0)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
