"""The viewer's gutter numbers paragraphs as citations and search do (blank lines unnumbered)."""

from __future__ import annotations

import pytest

from qda.sources.lines import LineIndex

pytestmark = pytest.mark.gui


def test_gutter_numbers_non_empty_paragraphs_consecutively(qtbot):
    from qda.gui.viewer.text_view import DocumentView

    paragraphs = [f"P{i}: kalimat ke-{i} dalam transkrip." for i in range(1, 9)]
    blank_separated = "\n\n".join(paragraphs)  # as a .txt transcript is stored
    consecutive = "\n".join(paragraphs)  # as a .docx transcript is stored
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    for text in (blank_separated, consecutive):
        view.show_document(1, text, [], [], {})
        qtbot.wait(10)
        shown = [n for n, _top in view.gutter.visible_numbers()]
        assert shown == list(range(1, 9))  # not 1, 3, 5, … for the blank-separated text
        cp = text.index("kalimat ke-6")
        assert view.baris_of(cp) == 6 == LineIndex(text).line_of(cp)
