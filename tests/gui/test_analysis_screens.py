"""The analysis tab on the demo project at the two screen sizes people use (screenshots).

Screenshots go to a scratch folder; ``QDA_SCREENSHOTS=docs/screenshots`` refreshes the
published ones.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests.gui.window_support import open_window

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SCREENSHOTS = Path(os.environ.get("QDA_SCREENSHOTS") or Path(tempfile.gettempdir()) / "qda-screenshots")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from qda.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo"))


def _save(widget, name):
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000)])
def test_analysis_views_on_the_demo(qtbot, settings, demo, size):
    w = open_window(qtbot, settings, demo, size)
    tag = f"{size[0]}x{size[1]}"
    w.act_matrix.trigger()
    page = w.analysis.matrix
    m = page.matrix
    assert m.kind == "dimension-factor" and m.total > 0
    hot = max(((i, j) for i in range(len(m.rows)) for j in range(len(m.cols))), key=lambda ij: m.counts[ij[0]][ij[1]])
    page.table.setCurrentCell(*hot)
    assert page.cell_list.visible_rows()
    # the analysis tab never widens the window: its rows wrap and its tables scroll
    assert w.analysis.minimumSizeHint().width() <= 700
    _save(w, f"analysis_matrix_{tag}")
    w.act_query.trigger()
    w.analysis.query.edit.setText("Responsivitas OR Akuntabilitas")
    assert w.analysis.query.run()
    _save(w, f"analysis_query_{tag}")
    w.act_words.trigger()
    w.analysis.words.run()
    qtbot.waitUntil(lambda: w.analysis.words.table.rowCount() > 0, timeout=120000)
    _save(w, f"analysis_words_{tag}")
    w.analysis.words.table.cellDoubleClicked.emit(1, 0)
    assert w.analysis.kwic.table.rowCount() > 0
    _save(w, f"analysis_kwic_{tag}")
    w.tabs.setCurrentWidget(w.pane)
    w.show_code_excerpts(w.project.codes.get("Responsivitas").id)
    assert w.excerpts.visible_rows()
    _save(w, f"excerpt_list_{tag}")
    w.close()
