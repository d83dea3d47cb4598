"""Every interface text of the window has an English translation, and English shows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import qda.gui

pytestmark = pytest.mark.gui

GUI = Path(qda.gui.__file__).resolve().parent
# modules with their own catalogues
OTHERS = {"panels", "survey", "report_dialog.py"}


def _window_texts() -> list[str]:
    from qda.domain import KIND_LABELS, ROLE_LABELS, STATUS_LABELS

    texts = set(KIND_LABELS.values()) | set(ROLE_LABELS.values()) | set(STATUS_LABELS.values())
    for path in GUI.rglob("*.py"):
        if OTHERS & set(path.relative_to(GUI).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                texts.add(node.args[0].value)
    return sorted(texts)


def test_every_window_text_has_an_english_translation():
    from qda.i18n import missing_translations

    texts = _window_texts()
    assert len(texts) > 80
    assert missing_translations(texts, "en") == []


def test_english_interface_when_chosen(qtbot, settings, project_file):
    from qda.gui.app import make_window
    from qda.i18n import set_language

    settings.language = "en"
    window = make_window(str(project_file))
    qtbot.addWidget(window)
    try:
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:3] == ["&File", "&Edit", "&Coding"]
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Coding", "Survey", "Needs revision",
                                                                               "Agreement", "Analysis", "Joint display"]
        n_codes = len(window.project.codes.all())
        assert window.counts_label.text() == f"1 source · {n_codes} codes · 0 segments"
        assert window.undo.undo_action.text() == "Undo"
    finally:
        window.close()
        set_language("id")
