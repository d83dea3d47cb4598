"""Shared fixtures of the survey tests: the Sako data set and the study's published tables."""

from __future__ import annotations

import json

import pytest

from tests.shared_data import SAKO_CSV, SAKO_DIR, require
X_COLS = [f"X{i}" for i in range(1, 11)]
Y_COLS = [f"Y{i}" for i in range(1, 11)]


@pytest.fixture(autouse=True)
def indonesian():
    """Every test starts in Indonesian (the default) and leaves it so."""
    from qda.i18n import language, set_language

    before = language()
    set_language("id")
    yield
    set_language(before)


@pytest.fixture(scope="session")
def paper() -> dict:
    """paper_tables.json with every float kept as its printed text ("0.660")."""
    return json.loads(require(SAKO_DIR / "paper_tables.json").read_text(encoding="utf-8"), parse_float=str)


@pytest.fixture(scope="session")
def sako_result():
    """The Sako procedure on sako_kuesioner.csv with X1..X10 and Y1..Y10."""
    from qda.survey.analysis import analyse_columns
    from qda.survey.loading import load_data

    return analyse_columns(load_data(SAKO_CSV), X_COLS, Y_COLS)


def printed(value: str | int, actual: float) -> bool:
    """True when ``actual`` shows as ``value`` at the number of decimals ``value`` is printed with."""
    text = str(value)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return round(float(actual), decimals) == round(float(text), decimals)
