"""Bantuan lists every shortcut and a short guide in both languages; the application has an icon."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_application_and_window_icon(qtbot, settings):
    from qda.gui.app import make_app
    from qda.gui.main_window import MainWindow

    app = make_app()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()[0].width() >= 128
    w = MainWindow(settings)
    qtbot.addWidget(w)
    assert not w.windowIcon().isNull()  # windows inherit the application's icon
    w.close()


def test_help_menu_lists_shortcuts_and_a_guide(window, qtbot):
    from qda.gui.help_dialog import GuideDialog, ShortcutsDialog, shortcut_rows

    titles = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert titles == ["Panduan singkat", "Pintasan papan ketik", "Tentang qda"]
    rows = dict(shortcut_rows(window))
    assert rows["Kode cepat…"] == "Ctrl+K" and rows["Koding in-vivo"] == "Ctrl+I" and "Memo" in rows
    assert rows["Pintasan papan ketik"] == "Ctrl+/"
    window.act_shortcuts.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.table.rowCount() == len(shortcut_rows(window))
    dialog.close()
    window.act_guide.trigger()
    assert isinstance(window.help_dialog, GuideDialog)
    assert "Panduan singkat qda" in window.help_dialog.browser.toPlainText()
    window.help_dialog.close()


def test_guide_and_shortcuts_in_english():
    from qda.gui.help_dialog import guide_html
    from qda.i18n import language, set_language

    before = language()
    set_language("en")
    try:
        text = guide_html()
    finally:
        set_language(before)
    assert "A short guide to qda" in text and "<h3>Coding</h3>" in text and "Pilih teks" not in text
