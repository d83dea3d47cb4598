"""Shared fixtures: every test runs with a throw-away config dir and Indonesian messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.shared_data import SHARED_DIR, require


TESTS_DIR = Path(__file__).resolve().parent


def _is_gui_path(path: Path) -> bool:
    """Tests under ``tests/gui*/`` drive real Qt widgets."""
    try:
        parts = Path(path).resolve().relative_to(TESTS_DIR).parts
    except ValueError:
        return False
    return bool(parts) and parts[0].startswith("gui")


def pytest_ignore_collect(collection_path, config):
    """With ``-m "not gui"`` the GUI test folders are not even imported (so Qt need not be installed)."""
    if "not gui" in (config.getoption("markexpr") or "") and _is_gui_path(collection_path):
        return True
    return None


def pytest_collection_modifyitems(config, items):
    """Mark every test under ``tests/gui*/``, and every test that uses ``qtbot``, as ``gui``."""
    for item in items:
        if _is_gui_path(item.path) or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory, monkeypatch):
    """Keep tests away from the user's real configuration and language choice."""
    monkeypatch.setenv("QDA_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    # reports skip the LibreOffice layout pass that writes the contents' page numbers
    # (tests/reports/test_thesis_pages.py turns it on where it checks those numbers)
    monkeypatch.setenv("QDA_TOC_PAGES", "0")
    from qda import i18n

    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def shared_dir() -> Path:
    """The read-only shared folder with the Sako data and the REFI-QDA files."""
    return require(SHARED_DIR)
