"""The analysis tab and the excerpt list on real widgets, with the hand-counted project."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.analysis.small_project import A, K, R, S, build

pytestmark = pytest.mark.gui


@pytest.fixture
def small(tmp_path):
    project = build(tmp_path / "small.qda")
    yield project
    project.close()


# ------------------------------------------------------------------------------ excerpt list
def test_excerpt_list_shows_every_coding_and_filters(qtbot, small):
    from qda.gui.excerpt_list import ExcerptList

    w = ExcerptList(choices=("document", "coder", "status"))
    qtbot.addWidget(w)
    w.set_project(small)
    w.show_code(small.codes.get(K).id)
    rows = w.visible_rows()
    assert [(r["document"], r["start"], r["end"], r["coder"]) for r in rows] == [
        ("a.txt", 10, 20, "Dewi"), ("a.txt", 10, 20, "Budi"), ("a.txt", 25, 50, "Dewi"), ("a.txt", 305, 310, "Budi"),
        ("b.txt", 40, 53, "Dewi"), ("b.txt", 67, 90, "Dewi")]
    assert w.count_label.text() == "6 segmen"
    w.set_choice("coder", "Budi")
    assert [(r["start"], r["end"]) for r in w.visible_rows()] == [(10, 20), (305, 310)]
    assert w.count_label.text() == "2 dari 6"
    w.set_choice("coder", None)
    w.set_choice("document", "b.txt")
    assert [r["line_start"] for r in w.visible_rows()] == [2, 4]
    w.set_choice("document", None)
    w.show_code(small.codes.get(A).id)
    w.set_choice("status", "approved")
    assert [(r["start"], r["coder"]) for r in w.visible_rows()] == [(300, "Budi")]
    status_col = w.model.columns.index("status")
    assert w.proxy.index(0, status_col).data().endswith("disetujui")
    w.set_choice("status", "pending")
    assert [r["start"] for r in w.visible_rows()] == [200]


def test_excerpt_list_enter_opens_the_row_and_shows_memo(qtbot, small):
    from qda.gui.excerpt_list import ExcerptList

    w = ExcerptList(choices=("document", "coder", "status"))
    qtbot.addWidget(w)
    w.set_project(small)
    w.show_code(small.codes.get(R).id)
    w.show()
    memo_col = w.model.columns.index("memo")
    texts = [w.proxy.index(r, memo_col).data() for r in range(w.proxy.rowCount())]
    assert "cepat tanggap" in texts
    w.table.setFocus()
    w.table.setCurrentIndex(w.proxy.index(3, 0))
    with qtbot.waitSignal(w.excerptActivated) as blocker:
        QTest.keyClick(w.table, Qt.Key.Key_Return)
    item = blocker.args[0]
    assert (item.document, item.start, item.end, item.line) == ("b.txt", 25, 38, "2")


def test_excerpt_list_export(qtbot, small, tmp_path):
    from openpyxl import load_workbook

    from qda.gui.excerpt_list import ExcerptList

    w = ExcerptList(choices=("document", "coder", "status"))
    qtbot.addWidget(w)
    w.set_project(small)
    w.show_code(small.codes.get(S).id)
    assert w.export(str(tmp_path / "s.xlsx")) == 3
    assert load_workbook(tmp_path / "s.xlsx").active.max_row == 4


# ------------------------------------------------------------------------------ analysis pages
def test_dimension_factor_matrix_with_heat_map_and_cells(qtbot, small, tmp_path):
    from qda.gui.analysis import AnalysisView

    view = AnalysisView()
    qtbot.addWidget(view)
    view.set_project(small)  # shows the dimension × factor matrix at once
    page = view.matrix
    assert page.matrix.kind == "dimension-factor"
    table = page.table
    assert [table.item(0, j).text() for j in range(3)] == ["2", "0", "2"]
    assert [table.item(1, j).text() for j in range(3)] == ["1", "1", "2"]
    hottest, zero = table.item(0, 0).background().color(), table.item(0, 1).background().color()
    assert zero.name() == "#ffffff" and hottest.name() != "#ffffff"
    page.open_cell(0, 0)
    assert [(r["start"], r["end"]) for r in page.cell_list.visible_rows()] == [(10, 20), (25, 30)]
    page.mode.setCurrentIndex(page.mode.findData("row"))
    assert table.item(1, 0).text() == "50,0%"
    page.export_xlsx(str(tmp_path / "m.xlsx"))
    assert (tmp_path / "m.xlsx").stat().st_size > 0
    assert page.chart_png()[:4] == b"\x89PNG"
    page.show_as.setCurrentIndex(page.show_as.findData("heatmap"))  # the heat map drawn, shown in the view
    assert page.stack.currentWidget() is page.chart_scroll and not page.chart.pixmap().isNull()
    page.show_as.setCurrentIndex(page.show_as.findData("bars"))
    assert not page.chart.pixmap().isNull()
    page.show_as.setCurrentIndex(page.show_as.findData("table"))
    assert page.stack.currentWidget() is page.table
    page.set_kind("code-attribute")
    page.attribute.setCurrentIndex(page.attribute.findData("Jabatan"))
    page.run()
    assert [table.horizontalHeaderItem(j).text() for j in range(3)] == ["Kasubag", "Staf", "Jumlah"]


def test_query_page_runs_shows_errors_and_saves(qtbot, small):
    from qda.gui.analysis import AnalysisView

    view = AnalysisView()
    qtbot.addWidget(view)
    view.set_project(small)
    page = view.query
    page.edit.setText(f"{R} AND ({K}")
    assert not page.run()
    assert not page.error.isHidden() and "posisi 19" in page.error.text()
    assert page.edit.selectionStart() == 18
    page.edit.setText(f"{R} AND {K}")
    assert page.run() and page.error.isHidden()
    assert [(r["start"], r["end"]) for r in page.results.visible_rows()] == [(10, 20), (25, 30)]
    page.filters.coder.setCurrentIndex(page.filters.coder.findData("Budi"))
    assert page.run() and [(r["start"], r["end"]) for r in page.results.visible_rows()] == [(10, 20)]
    page.save_query("Budi R dan K")
    assert [q.name for q in small.queries.all()] == ["Budi R dan K"]
    assert small.queries.get("Budi R dan K").filters == {"coders": ["Budi"]}
    page.edit.setText("")
    page.filters.coder.setCurrentIndex(0)
    page.saved.setCurrentIndex(page.saved.findData("Budi R dan K"))
    page.saved.activated.emit(page.saved.currentIndex())
    assert page.edit.text() == f"{R} AND {K}" and page.filters.coder.currentData() == "Budi"


def test_query_results_show_their_context_and_open_the_text(qtbot, small):
    from tests.analysis.small_project import TEXT_A

    from qda.gui.analysis import AnalysisView
    from qda.gui.analysis.query_page import CONTEXT
    from qda.gui.excerpt_list import CONTEXT_ROLE, context_html

    view = AnalysisView()
    qtbot.addWidget(view)
    view.set_project(small)
    view.resize(900, 600)
    view.show()
    page = view.query
    page.edit.setText(f"{R} AND {K}")
    assert page.run()
    model, column = page.results.proxy, page.results.model.columns.index("text")
    first = model.index(0, column)
    # the passage [10, 20) of a.txt with CONTEXT characters either side: [0, 10) before, [20, 100) after
    assert CONTEXT == 80 and first.data(Qt.ItemDataRole.ToolTipRole) == TEXT_A[0:100]
    assert first.data() == " ".join(TEXT_A[0:100].split())
    assert first.data(CONTEXT_ROLE) == (TEXT_A[0:10], TEXT_A[10:20], TEXT_A[20:100])
    html = context_html(*first.data(CONTEXT_ROLE))
    assert "<b>00 ada. Ka</b>" in html and "Kalimat ke</span>" in html and html.endswith("…</span>")
    # a narrow column keeps the passage in view: the left context is cut at a word to ``lead`` characters
    assert context_html("Kalimat ke01 ada. Kalimat ke", "02", " ada.", lead=12).startswith(
        '<span style="color:#6b6b6b">…Kalimat ke</span><b>02</b>')
    second = model.index(1, column)  # [25, 30): "ke01 " … context from 0 (25 - 80 < 0) to 110
    assert second.data(Qt.ItemDataRole.ToolTipRole) == TEXT_A[0:110]
    page.results.table.viewport().grab()  # the context delegate paints
    doc_id = small.documents.get("a.txt").id
    with qtbot.waitSignal(page.excerptActivated) as opened:
        page.results.select_row(1)
        QTest.keyClick(page.results.table, Qt.Key.Key_Return)
    assert opened.args == [doc_id, 25, 30]


def test_operator_buttons_insert_with_spaces(qtbot, small):
    from qda.gui.analysis.query_page import QueryPage

    page = QueryPage()
    qtbot.addWidget(page)
    page.set_project(small)
    page.edit.setText(R)
    page.edit.setCursorPosition(len(R))
    page.insert("AND")
    page.insert("(")
    assert page.edit.text() == f"{R} AND ("


def test_words_then_kwic(qtbot, small):
    from qda.gui.analysis import AnalysisView

    view = AnalysisView()
    qtbot.addWidget(view)
    view.set_project(small)
    page = view.words
    page.kind.setCurrentIndex(page.kind.findData("document"))
    page.run()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=60000)
    assert [page.table.item(r, 0).text() for r in range(2)] == ["cepat", "surat"]
    assert page.chart.pixmap() is not None and not page.chart.pixmap().isNull()
    page.table.cellDoubleClicked.emit(0, 0)
    assert view.tabs.currentWidget() is view.kwic
    assert view.kwic.table.rowCount() == 3
    view.kwic.sort.setCurrentIndex(view.kwic.sort.findData("left"))
    assert [view.kwic.table.item(r, 2).text().split()[-1] for r in range(3)] == ["dan", "Layanan", "surat"]
    with qtbot.waitSignal(view.excerptActivated) as blocker:
        view.kwic.table.cellDoubleClicked.emit(1, 0)
    assert blocker.args[1:] == [33, 38]


# ------------------------------------------------------------------------------ in the window
def test_code_without_selection_lists_its_codings_and_a_row_opens_the_text(window, qtbot):
    code_id = window.project.codes.get("Responsivitas").id
    window.view.select_cp(10, 20)
    seg = window.coding.apply_to_selection(code_id)
    assert seg is not None
    window.view.select_cp(0, 0)
    window.code_tree.select_code(code_id)
    window.code_tree.tree.setFocus()
    QTest.keyClick(window.code_tree.tree, Qt.Key.Key_Return)  # Enter with nothing selected
    assert not window.excerpts_dock.isHidden()
    assert [(r["start"], r["end"]) for r in window.excerpts.visible_rows()] == [(10, 20)]
    window.excerpts.table.setCurrentIndex(window.excerpts.proxy.index(0, 0))
    window.excerpts.table.doubleClicked.emit(window.excerpts.proxy.index(0, 0))
    assert window.view.selection_cp() == (10, 20)
    window.excerpts_dock.hide()
    window.code_tree.act_segments.trigger()  # "Tampilkan segmen" in the code's menu
    assert not window.excerpts_dock.isHidden()


def test_analysis_menu_opens_the_pages(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Analisis" in menus
    window.act_query.trigger()
    assert window.tabs.currentWidget() is window.analysis and window.analysis.tabs.currentWidget() is window.analysis.query
    window.act_matrix.trigger()
    assert window.analysis.tabs.currentWidget() is window.analysis.matrix
    assert window.analysis.matrix.matrix.kind == "dimension-factor"
