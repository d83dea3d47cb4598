from __future__ import annotations

import pytest

from tests.analysis.small_project import build


@pytest.fixture
def small(tmp_path):
    """The hand-counted project of :mod:`tests.analysis.small_project`."""
    project = build(tmp_path / "small.qda")
    yield project
    project.close()
