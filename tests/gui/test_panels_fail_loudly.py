"""A panel that cannot be imported is a bug: the window fails with the import error, never a placeholder."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

PANELS = ["qda.gui.panels.code_tree", "qda.gui.panels.memo_panel", "qda.gui.panels.search_panel",
          "qda.gui.panels.coder_panel", "qda.gui.survey"]


@pytest.mark.parametrize("module", PANELS)
def test_window_refuses_to_start_without_a_panel(qtbot, settings, monkeypatch, module):
    from qda.gui.main_window import MainWindow

    monkeypatch.setitem(sys.modules, module, None)  # the next import of it raises ImportError
    with pytest.raises(ImportError, match=module.replace(".", r"\.")):
        MainWindow(settings)


def test_every_dock_holds_its_real_panel(window):
    from qda.gui.panels.code_tree import CodeTreePanel
    from qda.gui.panels.coder_panel import CoderPanel
    from qda.gui.panels.memo_panel import MemoPanel
    from qda.gui.panels.search_panel import SearchPanel
    from qda.gui.survey import SurveyTab

    assert isinstance(window.codes_dock.widget(), CodeTreePanel)
    assert isinstance(window.memo_dock.widget(), MemoPanel)
    assert isinstance(window.search_dock.widget(), SearchPanel)
    assert isinstance(window.coders_dock.widget(), CoderPanel)
    assert isinstance(window.survey, SurveyTab)
    notices = [w.text() for w in window.findChildren(QLabel) if "tidak tersedia" in w.text()]
    assert notices == []


@pytest.mark.parametrize(("module", "open_it"), [
    ("qda.gui.panels.preferences", lambda w: w.open_preferences()),
    ("qda.gui.report_dialog", lambda w: w.export_report()),
    ("qda.gui.panels.quick_code", lambda w: w._pick_code([])),
])
def test_a_dialog_that_cannot_be_imported_raises(window, monkeypatch, module, open_it):
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=module.replace(".", r"\.")):
        open_it(window)


def test_the_error_hook_tells_the_user(window, monkeypatch):
    """An import error raised from a menu action reaches the user as a message, not silence."""
    from qda.gui.app import install_error_hook

    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(window)
    monkeypatch.setitem(sys.modules, "qda.gui.panels.preferences", None)
    try:
        window.open_preferences()
    except ImportError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    assert shown[0].startswith("Terjadi kesalahan tak terduga: ModuleNotFoundError")
    assert "qda.gui.panels.preferences" in shown[0]
