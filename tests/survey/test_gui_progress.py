"""While the survey analysis runs, the tab shows which step it is on and how far it has come."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from tests.survey.conftest import SAKO_CSV  # noqa: E402

pytestmark = pytest.mark.gui


def test_progress_bar_shows_the_steps_and_hides_when_done(qtbot, monkeypatch):
    from qda.gui.survey import SurveyTab
    from qda.gui.survey import tab as tab_module

    monkeypatch.setattr(tab_module, "warn", lambda parent, title, text: None)
    tab = SurveyTab(project=None)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    assert tab.open_file(SAKO_CSV)
    seen_visible: list[bool] = []
    with qtbot.waitSignal(tab.analysis_finished, timeout=60000):
        tab.run_analysis()
        seen_visible.append(tab.progress_bar.isVisible())  # shown as soon as the run starts
    assert seen_visible == [True]
    assert tab.progress_steps[:2] == ["Membaca jawaban", "Validitas dan reliabilitas"]
    assert len(tab.progress_steps) >= 3
    assert not tab.progress_bar.isVisible()  # gone once the result is shown
