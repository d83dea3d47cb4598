"""Filtering the code tree and clearing the filter leaves the groups open or closed as the user had them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from qda.gui.panels.code_model import GroupKeyRole
from qda.gui.panels.code_tree import CodeTreePanel

from .helpers import shown

pytestmark = pytest.mark.gui


def _groups(panel) -> dict[str, bool]:
    out = {}
    for row in range(panel.proxy.rowCount(QModelIndex())):
        index = panel.proxy.index(row, 0, QModelIndex())
        out[index.data(GroupKeyRole)] = panel.tree.isExpanded(index)
    return out


def test_clearing_the_filter_restores_the_expanded_groups(qtbot, fx):
    panel = shown(qtbot, CodeTreePanel(), (360, 640), fx.project, fx.stack)
    first = panel.proxy.index(0, 0, QModelIndex())
    panel.tree.setExpanded(first, False)  # the user closed the first group, the others stay open
    before = _groups(panel)
    assert list(before.values()).count(False) >= 1 and list(before.values()).count(True) >= 1
    panel.set_filter("responsif")
    assert all(_groups(panel).values())  # while filtering, every match is shown
    panel.set_filter("responsi")  # typing on does not forget the state from before the filter
    panel.set_filter("")
    assert _groups(panel) == before
