"""Scoring a column reads each distinct answer once: labels in any case or spacing, numbers, bad cells."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from qda.survey.analysis import analyse_columns, seen_labels
from qda.survey.instrument import neutral_instrument, simple_instrument
from qda.survey.loading import DataSet
from qda.survey.scoring import SurveyDataError, score_columns

NAN = np.nan
# Each column as typed by respondents, and its score worked out by hand (NaN = blank or missing code 9).
LABELLED = {
    "A": (["Sangat Setuju", " sangat   setuju ", "SETUJU", "ragu ragu", "Tidak_Setuju", "sangat-tidak-setuju", ""],
          [5, 5, 4, 3, 2, 1, NAN]),
    "B": (["5", "4,0", " 3 ", "2.0", "1", "Setuju", "9"],
          [5, 4, 3, 2, 1, 4, NAN]),
    "C": (["Sangat Baik", "baik", "4 - Setuju", "Cukup  baik", "TIDAK BAIK", "sangat tidak baik", "3"],
          [5, 4, 4, 3, 2, 1, 3]),
}


def _data(columns: dict[str, list[str]], name: str = "campuran.csv") -> DataSet:
    return DataSet(frame=pd.DataFrame(columns, dtype=object), path=name)


def _instrument():
    return simple_instrument(["A", "B"], ["C"], base=neutral_instrument())


def _score(data: DataSet) -> np.ndarray:
    return score_columns(data, {"A": "A", "B": "B", "C": "C"}, _instrument(), missing_codes=[9])


def test_labels_in_any_case_and_spacing_score_as_worked_out_by_hand():
    by_hand = np.array([scores for _cells, scores in LABELLED.values()], dtype=float).T
    got = _score(_data({col: cells for col, (cells, _s) in LABELLED.items()}))
    np.testing.assert_array_equal(got, by_hand)
    numbers = {col: ["" if np.isnan(s) else str(int(s)) for s in scores] for col, (_c, scores) in LABELLED.items()}
    np.testing.assert_array_equal(_score(_data(numbers)), by_hand)  # the numeric path gives the same


def test_bad_cells_are_each_named_with_file_row_and_column():
    cells = {col: list(c) for col, (c, _s) in LABELLED.items()}
    cells["B"][1] = "4,5"
    cells["A"][3] = "Lumayan"
    cells["A"][5] = " Lumayan"  # the same unknown label twice: both rows are reported
    cells["C"][0] = "3/4"
    cells["C"][6] = "7"
    with pytest.raises(SurveyDataError) as info:
        _score(_data(cells))
    err = info.value
    assert [(p.file, p.row, p.column, p.value, p.reason) for p in err.problems] == [
        ("campuran.csv", 2, "C", "3/4", "bukan angka"),
        ("campuran.csv", 3, "B", "4,5", "bukan bilangan bulat (skor Likert 1–5)"),
        ("campuran.csv", 5, "A", "Lumayan", "label jawaban tidak dikenal"),
        ("campuran.csv", 7, "A", "Lumayan", "label jawaban tidak dikenal"),
        ("campuran.csv", 8, "C", "7", "di luar rentang 1–5"),
    ]
    assert str(err).startswith("campuran.csv: 5 masalah data — baris 2, kolom C: '3/4' bukan angka; "
                               "baris 3, kolom B: '4,5' bukan bilangan bulat (skor Likert 1–5)")


def test_seen_labels_count_spelling_variants_and_skip_blanks():
    data = _data({"A": ["sangat  setuju", "SETUJU", "Setuju", "", "  ", "Baik"]})
    assert seen_labels(data, "A", _instrument()) == ["Sangat Setuju", "Setuju", "Ragu-ragu", "Tidak Setuju",
                                                     "Sangat Tidak Setuju"]
    assert seen_labels(data, "missing", _instrument()) is None


def test_labelled_and_numeric_data_give_the_same_procedure():
    rng = np.random.default_rng(7)
    scores = np.clip(np.round(3 + rng.normal(size=(40, 1)) + 0.7 * rng.normal(size=(40, 6))), 1, 5).astype(int)
    words = np.array(["Sangat Tidak Setuju", "tidak setuju", "RAGU-RAGU", " setuju", "Sangat  Setuju"], dtype=object)
    cols = ["X1", "X2", "X3", "Y1", "Y2", "Y3"]
    labelled = _data({c: list(words[scores[:, j] - 1]) for j, c in enumerate(cols)}, "label.csv")
    numeric = _data({c: [str(v) for v in scores[:, j]] for j, c in enumerate(cols)}, "angka.csv")
    a, b = analyse_columns(labelled, cols[:3], cols[3:]), analyse_columns(numeric, cols[:3], cols[3:])
    assert [i.r for i in a.x.validity.items + a.y.validity.items] == \
        [i.r for i in b.x.validity.items + b.y.validity.items]
    assert a.regression is not None and b.regression is not None and a.regression.R == b.regression.R
    assert [r.count for r in a.x.item_summaries[0].rows] == [int((scores[:, 0] == s).sum()) for s in (5, 4, 3, 2, 1)]
