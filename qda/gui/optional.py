"""Parts of the window that live in their own modules, imported when the window is built.

Each loader returns the class, or None when the module cannot be imported; the window
then shows a short notice in its place instead of failing to start.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

log = logging.getLogger(__name__)


def load(module: str, name: str) -> Any | None:
    """``module.name`` or None (the import error is logged)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        log.warning("%s.%s is not available: %s", module, name, exc)
        return None


def code_tree_panel() -> Any | None:
    return load("qda.gui.panels.code_tree", "CodeTreePanel")


def quick_code_dialog() -> Any | None:
    return load("qda.gui.panels.quick_code", "QuickCodeDialog")


def memo_panel() -> Any | None:
    return load("qda.gui.panels.memo_panel", "MemoPanel")


def search_panel() -> Any | None:
    return load("qda.gui.panels.search_panel", "SearchPanel")


def coder_panel() -> Any | None:
    return load("qda.gui.panels.coder_panel", "CoderPanel")


def preferences_dialog() -> Any | None:
    return load("qda.gui.panels.preferences", "PreferencesDialog")


def survey_tab() -> Any | None:
    return load("qda.gui.survey", "SurveyTab")


def report_dialog() -> Any | None:
    return load("qda.gui.report_dialog", "ReportDialog")
