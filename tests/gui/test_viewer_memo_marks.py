"""A coding with a memo carries a note mark beside its stripe (and says so in the tooltip)."""

from __future__ import annotations

import pytest
from workbench_support import END, START

pytestmark = pytest.mark.gui


def test_memo_mark_beside_the_stripe_of_a_coding_with_a_memo(window, qtbot):
    code = window.project.codes.get("Akuntabilitas").id
    with_memo = window.coding.apply_span(window.view.document_id, START, END, code)
    without = window.coding.apply_span(window.view.document_id, 0, 5, window.project.codes.get("Produktivitas").id)
    window.memo_for_segment(with_memo)
    window.memo.editor.setPlainText("Dibandingkan dengan observasi loket.")
    assert window.memo.save()  # saved through the undo stack: the viewer refreshes by itself
    assert window.view.has_memo(with_memo) and not window.view.has_memo(without)
    assert "ada memo" in window.view.segment_tooltip(with_memo)
    assert "ada memo" not in window.view.segment_tooltip(without)
