"""On the common student laptop (1366×768) the window fits the screen and code names can be read."""

from __future__ import annotations


def test_the_window_fits_1366_wide_with_every_tab(window, qtbot):
    window.resize(1366, 768)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() == 1366
    # each page of the central tabs fits beside the docks
    for i in range(window.tabs.count()):
        assert window.tabs.widget(i).minimumSizeHint().width() <= 700, window.tabs.tabText(i)


def test_code_names_are_cut_at_their_end_not_their_middle(window):
    from PySide6.QtCore import Qt

    assert window.code_tree.tree.textElideMode() == Qt.TextElideMode.ElideRight
