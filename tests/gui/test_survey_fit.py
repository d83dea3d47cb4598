"""The survey tab fits the main window at common sizes: every action reachable, results not scrolled sideways."""

from __future__ import annotations

import pytest

from tests.shared_data import SAKO_CSV


def test_water_fill_narrows_the_widest_columns_first():
    from qda.gui.survey.tables import water_fill

    assert water_fill([60, 60, 300], 500) == [60, 60, 300]  # fits: unchanged
    assert water_fill([60, 60, 300, 200], 500) == [60, 60, 190, 190]
    assert sum(water_fill([57, 200, 333, 90], 401)) == 401
    assert water_fill([100, 100], 50, floor=48) == [48, 48]  # never below the floor


@pytest.mark.parametrize("size", [(1600, 1000), (1366, 768)])
def test_survey_tab_fits_the_window(qtbot, window, size):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QPushButton

    if not SAKO_CSV.is_file():
        pytest.skip("Sako data set not available")
    window.resize(*size)
    window.tabs.setCurrentIndex(1)
    tab = window.survey
    holder = window.tabs.widget(1)
    assert tab.open_file(SAKO_CSV)
    with qtbot.waitSignal(tab.analysis_finished, timeout=30000):
        tab.run_analysis()
    tab.tabs.setCurrentWidget(tab.pages["Regresi"])
    qtbot.wait(50)
    assert holder.horizontalScrollBar().maximum() == 0  # the tab itself is never scrolled sideways
    visible = QRect(0, 0, holder.viewport().width(), holder.viewport().height())
    for button in tab.findChildren(QPushButton):
        if button.isVisibleTo(tab):
            corner = button.mapTo(holder.viewport(), button.rect().topLeft())
            assert visible.contains(QRect(corner, button.size())), button.text()
    page = tab.pages["Regresi"]
    assert page.horizontalScrollBar().maximum() == 0
    for name in ("regressionSummaryTable", "regressionAnovaTable", "regressionCoefficientsTable"):
        table = tab.find_table(name)
        widths = [table.columnWidth(c) for c in range(table.columnCount())]
        assert widths == table.natural, name  # room enough: nothing cut
        assert widths[-1] < 0.4 * sum(widths), name  # "Sig." does not swallow the width
        assert table.width() <= page.viewport().width()
    for title, page in tab.pages.items():
        tab.tabs.setCurrentWidget(page)
        qtbot.wait(20)
        assert page.horizontalScrollBar().maximum() == 0, title
