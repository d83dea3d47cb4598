"""Fixtures of the panel tests: offscreen Qt, a private config dir, a real project with known text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from qda.i18n import set_language  # noqa: E402
from qda.store import Project  # noqa: E402
from qda.undo import UndoStack  # noqa: E402

from .helpers import INTERVIEW, OBSERVATION, Fixture  # noqa: E402


@pytest.fixture(autouse=True)
def _private_config(tmp_path, monkeypatch):
    monkeypatch.setenv("QDA_CONFIG_DIR", str(tmp_path / "config"))
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def fx(tmp_path) -> Fixture:
    project = Project.create(tmp_path / "penelitian_kelurahan.qda", coder="Rina Wulandari", role="coder")
    interview = project.documents.add("wawancara_01_warga.txt", INTERVIEW, "interview")
    observation = project.documents.add("observasi_01_loket.txt", OBSERVATION, "observation")
    yield Fixture(project, UndoStack(project), interview, observation)
    project.close()


