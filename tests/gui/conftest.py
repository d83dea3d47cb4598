"""GUI tests: offscreen Qt, a throw-away config directory, small projects with known text."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _gui_config(tmp_path_factory, monkeypatch):
    """Never touch the user's real settings: QDA_CONFIG_DIR points at a fresh folder."""
    folder = tmp_path_factory.mktemp("qda-config")
    monkeypatch.setenv("QDA_CONFIG_DIR", str(folder))
    yield folder


@pytest.fixture
def settings(_gui_config):
    from qda.gui.settings import Settings

    s = Settings()
    s.coder_name = "Dewi Anggraini"
    s.coder_role = "coder"
    return s
