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


from workbench_support import TEXT  # noqa: E402


@pytest.fixture
def project_file(tmp_path):
    """A project with the bundled codebook and one interview (``TEXT``); closed again."""
    from qda.store import Project

    path = tmp_path / "uji.qda"
    with Project.create(path, coder="Dewi Anggraini") as p:
        start_p = TEXT.index("[00:00:05]")
        start_i = TEXT.index("[00:00:12]")
        p.documents.add("wawancara_uji.txt", TEXT, kind="interview",
                       turns=[("P", "00:00:05", start_p, start_i - 2), ("I", "00:00:12", start_i, len(TEXT) - 1)])
    return path


@pytest.fixture
def window(qtbot, settings, project_file):
    """The main window with ``project_file`` open and its interview shown."""
    from tests.gui.window_support import open_window

    w = open_window(qtbot, settings, project_file, (1400, 900), document="wawancara_uji.txt")
    yield w
    w.close()

