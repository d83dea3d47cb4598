"""The workbench on a 1366×768 laptop: empty panels collapse, presets, adaptive stripes, full-width survey (issue 17.3)."""

from __future__ import annotations

import pytest

from workbench_support import TEXT

pytestmark = pytest.mark.gui


@pytest.fixture
def laptop(window, qtbot):
    window.resize(1366, 768)
    qtbot.wait(80)
    return window


def _settle(qtbot, ms=60):
    qtbot.wait(ms)


def _code_many(window, n=5):
    """Overlapping codings so the stripe margin has several columns."""
    doc = window.view.document_id
    names = ["Responsivitas", "Akuntabilitas", "Produktivitas", "Kualitas Layanan", "Responsibilitas"]
    start = TEXT.index("Jujur")
    for i, name in enumerate(names[:n]):
        window.coding.apply_span(doc, start + i, len(TEXT) - 2 - i, window.project.codes.get(name).id)


def test_the_stripe_margin_gives_the_text_room_on_a_laptop(laptop, qtbot):
    _code_many(laptop)
    view = laptop.view
    margin = view.margin
    margin.adaptive = False  # the fixed margin as it was
    view._update_margins()
    _settle(qtbot)
    before = view.viewport().width()
    fixed_margin = margin.width()
    margin.adaptive = True
    view._update_margins()
    _settle(qtbot)
    after = view.viewport().width()
    assert margin.width() < fixed_margin
    assert after >= before + 40, (before, after)
    # on a wide screen the names get their full column again
    laptop.resize(1900, 1000)
    _settle(qtbot, 120)
    assert margin.label_width() > 150 or view.width() * 0.13 < 175


def test_an_empty_details_card_collapses_and_the_memo_gets_the_room(laptop, qtbot):
    laptop.show_segments([])
    _settle(qtbot)
    assert laptop.segment_info.height() <= laptop.segment_info.empty_height()
    assert laptop.memo_dock.height() > 3 * laptop.segment_dock.height()
    doc = laptop.view.document_id
    seg = laptop.coding.apply_span(doc, 0, 5, laptop.project.codes.get("Responsivitas").id)
    collapsed = laptop.segment_info.empty_height()
    qtbot.waitUntil(lambda: bool(laptop.segment_info.cards), timeout=5000)  # the card follows the highlight's paint
    assert laptop.segment_info.maximumHeight() > 10000  # no longer held to the hint's height
    # the card gets room back, sharing the column with the memo
    qtbot.waitUntil(lambda: laptop.segment_info.height() > collapsed, timeout=5000)
    assert laptop.segment_info.cards
    assert laptop.segment_info.segment_ids == [seg]


def test_an_empty_definition_pane_collapses(laptop, qtbot):
    tree = laptop.code_tree
    tree.tree.setCurrentIndex(tree.tree.model().index(-1, -1))
    tree._show_details(None)
    _settle(qtbot)
    assert tree.details.isHidden()
    tree.select_code(laptop.project.codes.get("Responsivitas").id)
    _settle(qtbot)
    assert not tree.details.isHidden()
    assert tree.details.height() <= 0.5 * tree.splitter.height()


def test_layout_presets_in_the_view_menu(laptop, qtbot):
    texts = [a.text() for a in laptop.menu_view.actions()]
    assert {"Koding", "Telaah", "Survei"} <= set(texts)
    from PySide6.QtCore import Qt

    laptop.splitDockWidget(laptop.sources_dock, laptop.codes_dock, Qt.Orientation.Vertical)  # stacked, as on a wide screen
    _settle(qtbot, 120)
    tree_rows_before = laptop.code_tree.tree.viewport().height()
    laptop.preset_actions["koding"].trigger()
    _settle(qtbot, 120)
    # sources and codes share one tabbed column; the code tree gets the column's height
    assert laptop.codes_dock in laptop.tabifiedDockWidgets(laptop.sources_dock)
    assert not laptop.codes_dock.visibleRegion().isEmpty()
    assert laptop.code_tree.tree.viewport().height() > tree_rows_before
    assert laptop.tabs.currentWidget() is laptop.pane
    assert (laptop.width(), laptop.height()) == (1366, 768)  # rearranging never makes the window outgrow the screen
    laptop.preset_actions["telaah"].trigger()
    _settle(qtbot)
    assert laptop.tabs.currentWidget() is laptop.queue
    laptop.preset_actions["survei"].trigger()
    _settle(qtbot)
    assert laptop.tabs.currentWidget() is laptop.survey_holder
    assert all(d.isHidden() for d in laptop.docks)


def test_the_survey_tab_is_a_full_width_workspace(laptop, qtbot):
    shown = {d.objectName() for d in laptop.docks if not d.isHidden()}
    assert "codes" in shown and "segment" in shown
    laptop.tabs.setCurrentWidget(laptop.survey_holder)
    _settle(qtbot)
    assert all(d.isHidden() for d in laptop.docks)
    assert laptop.tabs.width() >= laptop.width() - 20
    laptop.tabs.setCurrentWidget(laptop.pane)
    _settle(qtbot)
    assert {d.objectName() for d in laptop.docks if not d.isHidden()} == shown  # back as they were


def test_the_excerpt_list_stays_with_the_coding_tab(laptop, qtbot):
    laptop.show_code_excerpts(laptop.project.codes.get("Responsivitas").id)
    assert not laptop.excerpts_dock.isHidden()
    laptop.tabs.setCurrentWidget(laptop.joint)
    _settle(qtbot)
    assert laptop.excerpts_dock.isHidden()
    laptop.tabs.setCurrentWidget(laptop.pane)
    _settle(qtbot)
    assert not laptop.excerpts_dock.isHidden()


def test_long_survey_headers_wrap_instead_of_being_cut(qtbot):
    from qda.gui.survey.tables import table

    long = "Rata-rata skala jika butir dihapus"
    w = table(["Butir", long], [["X1", "41,20"], ["X2", "40,95"]])
    qtbot.addWidget(w)
    w.resize(400, 200)
    w.show()
    text = w.horizontalHeaderItem(1).text()
    assert text.replace("\n", " ") == long and "\n" in text
    assert w.horizontalHeaderItem(1).toolTip() == long
    metrics = w.horizontalHeader().fontMetrics()
    widest_line = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    assert w.columnWidth(1) >= widest_line  # every line readable
    assert w.columnWidth(1) < metrics.horizontalAdvance(long)  # and the column no wider than it needs
