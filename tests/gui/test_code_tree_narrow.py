"""At a 1366 px window the code tree keeps similar names apart (elided in the middle, not to one prefix)."""

from __future__ import annotations

import pytest


def _shown(tree, index) -> str:
    """The text the view paints for ``index``: the style's text rectangle, elided as the view elides."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.initFrom(tree)
    opt.rect = tree.visualRect(index)
    tree.itemDelegateForIndex(index).initStyleOption(opt, index)
    opt.textElideMode = tree.textElideMode()
    style = tree.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, tree)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    return opt.fontMetrics.elidedText(opt.text, opt.textElideMode, rect.width() - 2 * margin)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_similar_code_names_stay_distinguishable(qtbot, settings, project_file, lang):
    from qda.i18n import set_language

    set_language(lang)
    try:
        _check(qtbot, settings, project_file)
    finally:
        set_language("id")


def _check(qtbot, settings, project_file):
    from qda.gui.app import make_app
    from tests.gui.window_support import open_window

    from PySide6.QtCore import QCoreApplication, QEvent

    # Earlier tests' windows are closed but may wait for deletion: delete them before the style changes.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    make_app()  # the application font and style the program runs with
    window = open_window(qtbot, settings, project_file)
    dock = window.codes_dock
    dock.setFloating(True)
    dock.resize(200, 600)  # a little narrower than the code dock in a 1366 px window
    qtbot.wait(50)
    tree = window.code_tree.tree
    tree.expandAll()
    qtbot.wait(20)
    model = tree.model()
    found = {}
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        idx = stack.pop()
        found[idx.data()] = idx
        stack.extend(model.index(r, 0, idx) for r in range(model.rowCount(idx)))
    resp = [idx for name, idx in found.items() if name and name.startswith("Respons")]
    assert len(resp) == 2
    a, b = (_shown(tree, idx) for idx in resp)
    assert a != b, (a, b)
