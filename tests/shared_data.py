"""Where the shared study data lives: the Sako data set and the REFI-QDA files.

It sits beside the checkout (``../shared``); ``QDA_SHARED_DIR`` overrides that. The Sako
data set and its published tables are also kept in ``tests/data/sako`` (a copy), so the
acceptance tests run from a lone checkout too. Other tests that need the shared folder
skip with a clear reason without it, except under CI (``CI=true``), where its absence is
an error rather than a silent skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("QDA_SHARED_DIR") or REPO.parent / "shared")
SAKO_DIR = SHARED_DIR / "sako" if (SHARED_DIR / "sako").is_dir() else REPO / "tests" / "data" / "sako"
SAKO_CSV = SAKO_DIR / "sako_kuesioner.csv"


def require(path: Path) -> Path:
    """Return ``path``; skip (or, under CI, fail) when the shared data is not there."""
    if path.exists():
        return path
    message = f"shared study data not found at {path} (set QDA_SHARED_DIR)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
