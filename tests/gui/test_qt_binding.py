"""The installed Qt binding keeps Python's reference counts straight (PySide6 6.12.0 on CPython 3.11 did not)."""

from __future__ import annotations

import sys


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setWindowTitle("qda")
    assert sys.getrefcount(None) - before > -50  # a broken binding loses one per call
