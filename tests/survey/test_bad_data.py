"""Each kind of bad input yields a DataError naming the file, the row and the column."""

from __future__ import annotations

import pandas as pd
import pytest

from qda.cli import main
from qda.errors import DataError
from qda.survey.analysis import analyse_columns
from qda.survey.instrument import load_template
from qda.survey.loading import load_data
from qda.survey.scoring import SurveyDataError
from tests.survey.conftest import SAKO_CSV, X_COLS, Y_COLS


def _broken(tmp_path, edits: dict[tuple[int, str], str], name="rusak.csv"):
    frame = pd.read_csv(SAKO_CSV, dtype=str)
    for (i, col), value in edits.items():
        frame.loc[i, col] = value
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


def _problems(path, **kw):
    with pytest.raises(SurveyDataError) as info:
        analyse_columns(load_data(path), X_COLS, Y_COLS, **kw)
    return info.value


@pytest.mark.parametrize("value, reason", [
    ("7", "di luar rentang 1–5"),
    ("0", "di luar rentang 1–5"),
    ("3,5", "bukan bilangan bulat (skor Likert 1–5)"),
    ("Lumayan", "label jawaban tidak dikenal"),
    ("3/4", "bukan angka"),
])
def test_bad_cell_names_file_row_column(tmp_path, value, reason):
    err = _problems(_broken(tmp_path, {(3, "X3"): value}))  # frame row 3 = spreadsheet row 5
    assert isinstance(err, DataError)
    (p,) = err.problems
    assert (p.file, p.row, p.column, p.value, p.reason) == ("rusak.csv", 5, "X3", value, reason)
    assert "rusak.csv" in str(err) and "baris 5" in str(err) and "kolom X3" in str(err)


def test_duplicate_respondent_id(tmp_path):
    err = _problems(_broken(tmp_path, {(9, "responden"): "R02"}))
    (p,) = err.problems
    assert (p.row, p.column, p.value) == (11, "responden", "R02")
    assert "baris 3" in p.reason  # R02 was first seen on row 3


def test_every_problem_is_listed(tmp_path):
    err = _problems(_broken(tmp_path, {(0, "Y1"): "8", (4, "X10"): "Baik sekali", (29, "Y9"): "x"}))
    assert [(p.row, p.column) for p in err.problems] == [(2, "Y1"), (6, "X10"), (31, "Y9")]


def test_labels_match_case_and_space_insensitively(tmp_path):
    path = _broken(tmp_path, {(0, "X1"): "  sangat   BAIK ", (1, "X4"): "Tepat waktu", (2, "Y1"): "cukup terbuka"})
    result = analyse_columns(load_data(path), X_COLS, Y_COLS)
    x1 = next(s for s in result.x.item_summaries if s.item == "X1")
    assert x1.rows[0].count == 3  # two "5" in the data plus the label


def test_declared_missing_code_is_not_out_of_range(tmp_path):
    from qda.survey.result import Settings

    path = _broken(tmp_path, {(0, "X1"): "99", (5, "Y2"): "9"})
    result = analyse_columns(load_data(path), X_COLS, Y_COLS, Settings(missing_codes=[9, 99]))
    assert result.x.validity.n == 29 and result.return_table.usable == 28
    err = _problems(path)
    assert {(p.row, p.column) for p in err.problems} == {(2, "X1"), (7, "Y2")}


def test_cli_reports_one_line(tmp_path, capsys):
    path = _broken(tmp_path, {(3, "X3"): "7"})
    assert main(["survey", str(path), "--x", ",".join(X_COLS), "--y", ",".join(Y_COLS)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "rusak.csv" in err and "baris 5, kolom X3" in err


def test_unreadable_and_empty_files(tmp_path):
    empty = tmp_path / "kosong.csv"
    empty.write_text("responden,X1,Y1\n", encoding="utf-8")
    with pytest.raises(DataError, match="kosong.csv"):
        load_data(empty)
    odd = tmp_path / "data.pdf"
    odd.write_bytes(b"%PDF-1.4")
    with pytest.raises(DataError, match="data.pdf"):
        load_data(odd)
    dup = tmp_path / "ganda.csv"
    dup.write_text("X1,X1,Y1\n1,2,3\n", encoding="utf-8")
    with pytest.raises(DataError, match="ganda.csv.*X1"):
        load_data(dup)


def test_numbered_labels_and_id_column_by_name(tmp_path):
    frame = pd.read_csv(SAKO_CSV, dtype=str).rename(columns={"responden": "No. Responden"})
    frame.loc[0, "X1"] = "4 - Baik"
    frame.loc[1, "X1"] = "Baik (4)"
    path = tmp_path / "bernomor.csv"
    frame.to_csv(path, index=False)
    reference = analyse_columns(load_data(SAKO_CSV), X_COLS, Y_COLS)
    sako = load_template("sako")  # a renamed id column: the Sako wording only when asked for
    assert analyse_columns(load_data(path), X_COLS, Y_COLS, base=sako).x.item_summaries[0] == reference.x.item_summaries[0]
    frame.loc[2, "X1"] = "5 - Baik"  # the number and the label disagree
    frame.loc[3, "No. Responden"] = "R01"
    frame.to_csv(path, index=False)
    err = _problems(path)
    assert [(p.row, p.column) for p in err.problems] == [(4, "X1"), (5, "No. Responden")]
