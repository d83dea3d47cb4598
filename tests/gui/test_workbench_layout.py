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

    # stacked, as on a wide screen (a first start on a laptop has them tabbed already)
    laptop.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, laptop.codes_dock)
    laptop.splitDockWidget(laptop.sources_dock, laptop.codes_dock, Qt.Orientation.Vertical)
    _settle(qtbot, 120)
    assert laptop.codes_dock not in laptop.tabifiedDockWidgets(laptop.sources_dock)
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


def _memo_on_a_long_passage(window):
    doc = window.view.document_id
    code = window.project.codes.get("Responsivitas").id
    seg = window.coding.apply_span(doc, TEXT.index("Jujur"), len(TEXT) - 1, code)
    window.memo.show_target(window.project.segments.get(seg))
    return seg


def test_the_memo_heading_stays_one_line_and_the_editor_keeps_its_height(laptop, qtbot):
    laptop.preset_actions["koding"].trigger()
    _settle(qtbot, 120)
    _memo_on_a_long_passage(laptop)
    laptop.focus_memo()
    _settle(qtbot, 120)
    heading = laptop.memo.heading
    title = heading.text()
    assert title.startswith("Memo segmen: «Jujur saja")
    assert heading.height() < 2 * heading.fontMetrics().lineSpacing()  # one line, not a paragraph
    assert heading.shown_text().endswith("…") and heading.shown_text() != title  # cut at its end …
    assert heading.toolTip() == title  # … and whole in the tooltip
    # once the new coding's card has taken its share of the column (the memo dock keeps 9/20 of it)
    qtbot.waitUntil(lambda: laptop.segment_info.height() > laptop.segment_info.empty_height(), timeout=5000)
    _settle(qtbot, 200)
    editor = laptop.memo.editor
    assert editor.height() >= 6 * editor.fontMetrics().lineSpacing(), editor.height()  # was 3 lines


def test_the_search_list_shows_several_hits_on_a_laptop(laptop, qtbot):
    paragraph = ("Menurut saya pelayanan surat di bagian umum sudah lebih cepat daripada tahun lalu, "
                 "walaupun arsip masih sering terlambat karena pegawai yang menangani terbatas.\n\n")
    for i in range(3):
        laptop.project.documents.add(f"wawancara_informan_kunci_{i + 1:02d}.txt", paragraph * 4, kind="interview")
    laptop.preset_actions["koding"].trigger()
    _settle(qtbot, 120)
    laptop.focus_search()
    laptop.search.search("pelayanan")
    qtbot.waitUntil(lambda: not laptop.search.is_busy() and laptop.search.hit_count() > 0, timeout=10000)
    _settle(qtbot, 120)
    assert laptop.search.hit_count() == 2 + 3 * 4  # two in the interview, four in each new source
    results = laptop.search.results
    shown = sum(1 for row in range(results.model().rowCount())
                if results.visualRect(results.model().index(row, 0)).bottom() <= results.viewport().height())
    assert shown >= 4, shown
    # the options take two short rows (the threshold only appears for Mirip)
    assert laptop.search.threshold_spin.isHidden() and not laptop.search.whole_word.isHidden()


def test_long_code_names_wrap_onto_a_second_line_instead_of_being_cut(laptop, qtbot):
    laptop.preset_actions["koding"].trigger()
    _settle(qtbot, 120)
    panel = laptop.code_tree
    tree = panel.tree
    tree.expandAll()
    _settle(qtbot)
    delegate = panel.name_delegate
    model = tree.model()
    names = {}
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        idx = stack.pop()
        names[idx.data()] = idx
        stack.extend(model.index(r, 0, idx) for r in range(model.rowCount(idx)))
    long = names["Sumber Daya dan Sarana Prasarana"]
    short = names["Produktivitas"]
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.initFrom(tree)
    assert delegate.lines(opt, short) == 1
    assert delegate.lines(opt, long) == 2
    assert tree.visualRect(long).height() > 1.6 * tree.visualRect(short).height()
    # the two lines hold the whole name at this width: the tree has room for it below its rows
    width = delegate.text_width(opt, long)
    assert opt.fontMetrics.horizontalAdvance("Sumber Daya dan Sarana Prasarana") < 2 * width - 40
    last = names[max(names, key=lambda n: tree.visualRect(names[n]).bottom())]
    assert tree.visualRect(last).bottom() < tree.viewport().height()  # every code of the codebook in sight


def test_an_emptied_details_card_shows_its_hint_at_once(laptop, qtbot):
    doc = laptop.view.document_id
    seg = laptop.coding.apply_span(doc, 0, 5, laptop.project.codes.get("Responsivitas").id)
    laptop.show_segments([seg])
    card = laptop.segment_info.cards[0]
    laptop.show_segments([])
    assert card.isHidden() and laptop.segment_info.hint.isVisibleTo(laptop.segment_info)


def test_switching_presets_leaves_no_horizontal_scroll_bar_on_the_text(laptop, qtbot):
    _code_many(laptop)
    laptop.preset_actions["koding"].trigger()
    _settle(qtbot, 120)
    laptop.preset_actions["telaah"].trigger()
    _settle(qtbot, 120)
    laptop.preset_actions["koding"].trigger()
    _settle(qtbot, 200)
    view = laptop.view
    assert view.horizontalScrollBar().maximum() == 0
    assert view.margin.geometry().left() == view.viewport().geometry().right() + 1


def test_the_telaah_preset_keeps_the_side_column_wide_enough_for_its_tabs(laptop, qtbot):
    laptop.preset_actions["telaah"].trigger()
    _settle(qtbot, 200)
    assert laptop.tabs.currentWidget() is laptop.queue
    assert laptop.memo_dock.width() >= 280, laptop.memo_dock.width()
    from PySide6.QtWidgets import QTabBar

    bars = [b for b in laptop.findChildren(QTabBar) if b.parent() is laptop and b.isVisible()
            and any(b.tabText(i) == "Memo" for i in range(b.count()))]
    assert bars
    bar = bars[0]
    for i in range(bar.count()):
        needed = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
        assert bar.tabRect(i).width() > needed, bar.tabText(i)


def test_the_side_column_tabs_fit_in_english_too(qtbot, settings, project_file):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QTabBar

    from qda.gui.app import make_app
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.i18n import set_language

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    make_app()  # the application style sheet the program runs with
    set_language("en")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        assert open_project_path(window, project_file)
        window.preset_actions["koding"].trigger()
        # the preset gives the side column its share of the width (once the moved docks are laid out)
        qtbot.waitUntil(lambda: window.memo_dock.width() >= 0.2 * 1366, timeout=5000)
        _settle(qtbot, 100)
        bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()
                and any(b.tabText(i) == "Search" for i in range(b.count()))]
        assert bars
        bar = bars[0]
        # every title whole: the tabs' natural widths fit the column (else Qt cuts them to "Sea…", "C…")
        assert sum(bar.tabSizeHint(i).width() for i in range(bar.count())) <= bar.width(), \
            [bar.tabSizeHint(i).width() for i in range(bar.count())]
        window.close()
    finally:
        set_language("id")


def test_one_source_is_named_by_its_kind_and_a_group_in_the_plural_in_english():
    from qda.gui.sources_panel import kind_group_label, kind_label
    from qda.i18n import set_language

    set_language("en")
    try:
        # the document header and the details card name one source; the sources tree heads a group
        assert (kind_label("interview"), kind_group_label("interview")) == ("Interview", "Interviews")
        assert kind_label("observation") == "Observation"
    finally:
        set_language("id")
    assert kind_label("interview") == kind_group_label("interview") == "Wawancara"


def test_first_start_opens_a_project_without_the_empty_segment_list(qtbot, settings, project_file):
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path

    assert settings.state is None  # a first start: no saved window layout
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert open_project_path(window, project_file)
    _settle(qtbot, 50)
    # the list of a code's segments opens when asked for, not as an empty block under the text
    assert not window.excerpts_dock.isVisible()
    assert window.memo_dock.isVisible() and window.codes_dock.isVisible()
    window.close()
