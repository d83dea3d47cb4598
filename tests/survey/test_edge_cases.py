"""Degenerate data: an explanation in the output, no crash, and never NaN shown as a number."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from qda.survey.analysis import analyse_columns
from qda.survey.contract import to_contract
from qda.survey.summary import summary_text
from tests.survey.helpers import dataset


def _run(matrix, xs, ys):
    result = analyse_columns(dataset(matrix, xs + ys), xs, ys)
    data = to_contract(result)
    text = json.dumps(data, allow_nan=False)  # raises on NaN / inf
    summary = summary_text(result)
    assert not re.search(r"\b(nan|inf)\b", summary, re.IGNORECASE)
    return result, data, text, summary


def _random(n, k, seed=1):
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(n, 1))
    return np.clip(np.round(3 + latent + 0.7 * rng.normal(size=(n, k))), 1, 5)


def test_item_everyone_answered_alike():
    m = _random(30, 8)
    m[:, 1] = 4  # X2: zero variance
    result, data, _, summary = _run(m, ["X1", "X2", "X3", "X4"], ["Y1", "Y2", "Y3", "Y4"])
    x2 = data["variables"]["X"]["items"]["X2"]
    assert x2["r_item_total"] is None and x2["valid"] is False
    assert x2["counts"] == {"5": 0, "4": 30, "3": 0, "2": 0, "1": 0}
    assert any("X2" in n and "tidak bervariasi" in n for n in data["details"]["notes"])
    assert "X2" in summary and "—" in summary
    assert "X2" not in result.x.used_items and result.regression is not None


def test_two_respondents():
    m = np.array([[4, 3, 4, 5], [2, 3, 1, 2]], dtype=float)
    result, data, _, _ = _run(m, ["X1", "X2"], ["Y1", "Y2"])
    assert data["variables"]["X"]["r_table"] is None
    assert data["variables"]["X"]["valid_items"] == []
    assert data["regression"] is None
    assert any("minimal 3 kasus" in n for n in data["details"]["notes"])


def test_every_item_invalid():
    rng = np.random.default_rng(7)
    m = rng.integers(1, 6, size=(6, 4)).astype(float)
    m[:, 0] = [1, 2, 3, 4, 5, 1]
    m[:, 1] = [5, 4, 3, 2, 1, 5]  # X1 and X2 cancel: the total is constant
    result, data, _, summary = _run(m, ["X1", "X2"], ["Y1", "Y2"])
    assert result.x.used_items == [] and data["regression"] is None
    assert data["variables"]["X"]["alpha_valid_items"] is None
    assert data["variables"]["X"]["score"]["category"] is None
    assert any("tidak ada butir valid" in n for n in data["details"]["notes"])
    assert "Regresi tidak dihitung" in summary


def test_variable_with_one_item():
    m = _random(30, 5, seed=3)
    result, data, _, _ = _run(m, ["X1"], ["Y1", "Y2", "Y3", "Y4"])
    x = data["variables"]["X"]
    assert x["alpha_all_items"] is None and x["split_half_r_odd_even"] is None
    assert x["items"]["X1"]["r_item_total"] == pytest.approx(1.0)
    assert any("minimal 2 butir" in n for n in data["details"]["notes"])
    assert result.regression is not None and result.regression.n == 30


def test_missing_answers_are_left_out_listwise():
    m = _random(20, 6, seed=5)
    m[3, 0] = np.nan
    m[7, 4] = np.nan
    result, data, _, _ = _run(m, ["X1", "X2", "X3"], ["Y1", "Y2", "Y3"])
    assert data["variables"]["X"]["n_complete"] == 19 and data["variables"]["Y"]["n_complete"] == 19
    assert result.return_table.usable == 18
    assert sum(data["variables"]["X"]["items"]["X1"]["counts"].values()) == 19  # counts over answers given
    if result.regression is not None:
        assert result.regression.n == 18
