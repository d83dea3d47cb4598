"""Every interface text of the panels has an English translation, and English is shown when chosen."""

from __future__ import annotations

from qda.domain import ROLE_LABELS
from qda.gui.panels import memo_panel
from qda.i18n import missing_translations, set_language

def test_panel_label_tables_are_translated():
    """Texts kept in tables (not literal ``tr`` calls, which tests/test_i18n.py checks) are translated too."""
    texts = list(memo_panel._KIND_LABELS.values()) + list(ROLE_LABELS.values())
    assert missing_translations(texts) == []


def test_panels_speak_english_when_chosen(qtbot, fx):
    from qda.gui.panels.code_tree import CodeTreePanel
    from qda.gui.panels.search_panel import SearchPanel

    set_language("en")
    tree = CodeTreePanel()
    qtbot.addWidget(tree)
    tree.set_project(fx.project, fx.stack)
    assert [tree.proxy.index(r, 0).data() for r in range(3)] == [
        "Performance dimensions (Dwiyanto)", "Driving factors", "Own codes",
    ]
    first = tree.proxy.index(0, 0, tree.proxy.index(0, 0)).data()
    assert first == fx.project.codes.get("Produktivitas").name_en
    assert tree.act_new.text() == "New code…"
    assert tree.act_new.iconText() == "+ New"
    search = SearchPanel()
    qtbot.addWidget(search)
    assert search.search_button.text() == "Search"
    assert search.mode_combo.itemText(1) == "Similar (fuzzy)"
