"""CSV variants, a Google-Forms-like XLSX and an SPSS .sav give the Sako results; the CLI JSON contract."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from qda.cli import main
from qda.survey.analysis import analyse_columns
from qda.survey.contract import to_contract
from qda.survey.instrument import load_template
from qda.survey.loading import load_data
from tests.survey.conftest import SAKO_CSV, X_COLS, Y_COLS

ITEM_KEYS = {"counts", "r_item_total", "valid"}
VAR_KEYS = {"items", "n_complete", "r_table", "valid_items", "alpha_all_items", "alpha_valid_items",
            "split_half_r_odd_even", "spearman_brown", "score"}
REG_KEYS = {"n", "R", "r", "R2", "adj_R2", "se_est", "ss_reg", "ss_res", "ss_tot", "df_reg", "df_res",
            "ms_reg", "ms_res", "F", "F_p", "const_B", "const_se", "const_t", "const_p", "slope_B",
            "slope_se", "slope_t", "slope_p", "beta", "interpretation", "decision"}


def _sako() -> pd.DataFrame:
    return pd.read_csv(SAKO_CSV, dtype=str)


def _contract(path, **kw) -> dict:
    return to_contract(analyse_columns(load_data(path), X_COLS, Y_COLS, **kw), "id", details=False)


@pytest.fixture(scope="module")
def reference() -> dict:
    return _contract(SAKO_CSV)


def test_cli_json_matches_contract(tmp_path, paper, reference):
    out = tmp_path / "hasil.json"
    assert main(["survey", str(SAKO_CSV), "--x", ",".join(X_COLS), "--y", ",".join(Y_COLS),
                 "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) - {"details"} == {"n_rows", "variables", "reliability_all_valid", "regression"}
    assert data["n_rows"] == 30 and set(data["variables"]) == {"X", "Y"}
    for key, cols in (("X", X_COLS), ("Y", Y_COLS)):
        var = data["variables"][key]
        assert set(var) == VAR_KEYS
        assert list(var["items"]) == cols
        for col in cols:
            assert set(var["items"][col]) == ITEM_KEYS
            assert set(var["items"][col]["counts"]) == {"5", "4", "3", "2", "1"}
        assert set(var["score"]) == {"sum", "max", "min", "pct", "category"}
    assert data["variables"]["Y"]["valid_items"] == [c for c in Y_COLS if c not in paper["invalid_items"]]
    assert data["variables"]["X"]["score"] == {"sum": 1079, "max": 1500, "min": 300,
                                               "pct": pytest.approx(71.9333333), "category": "Cukup Baik"}
    assert set(data["reliability_all_valid"]) == {"items", "alpha", "n_cases"}
    assert round(data["reliability_all_valid"]["alpha"], 3) == 0.821
    reg = data["regression"]
    assert set(reg) == REG_KEYS
    assert round(reg["R"], 3) == 0.660 and round(reg["slope_t"], 3) == 4.643 and round(reg["F"], 2) == 21.55
    assert isinstance(reg["df_reg"], int) and reg["df_res"] == 28
    assert "H0 ditolak, Ha diterima" in reg["decision"]
    assert data["variables"] == reference["variables"]


def test_cli_summary_and_errors(capsys, tmp_path):
    assert main(["survey", str(SAKO_CSV), "--x", ",".join(X_COLS), "--y", ",".join(Y_COLS)]) == 0
    text = capsys.readouterr().out
    assert "R = 0,660" in text and "H0 ditolak, Ha diterima" in text and "71,93%" in text
    assert main(["survey", str(SAKO_CSV), "--x", "X1,X99", "--y", "Y1"]) == 2
    err = capsys.readouterr().err
    assert "sako_kuesioner.csv" in err and "X99" in err and len(err.strip().splitlines()) == 1


def test_semicolon_decimal_comma_cp1252(tmp_path, reference):
    frame = _sako()
    for col in X_COLS + Y_COLS:
        frame[col] = frame[col] + ",0"
    frame["catatan"] = "Pelayanan cukup — kata Bapak Andréas"  # characters cp1252 encodes differently
    path = tmp_path / "sako_excel_id.csv"
    path.write_bytes(frame.to_csv(sep=";", index=False, quoting=csv.QUOTE_MINIMAL).encode("cp1252"))
    data = load_data(path)
    assert "Andréas" in data.frame["catatan"].iat[0]
    assert _contract(path) == reference


def test_google_forms_xlsx_with_labels(tmp_path, reference):
    inst = load_template("sako")
    frame = _sako()
    out = pd.DataFrame({"Stempel waktu": pd.date_range("2024-03-04 08:00", periods=len(frame), freq="17min")})
    for var in inst.variables:
        for n, item in enumerate(var.items, start=1):
            labels = inst.labels_of(item)
            answers = [labels[5 - int(v)] for v in frame[item.id]]
            # Forms exports answers as typed in the form; vary case and spacing
            answers = [a.upper() if i % 3 == 0 else f" {a.lower()} " if i % 3 == 1 else a
                       for i, a in enumerate(answers)]
            out[f"{n}. {item.text}"] = answers
    out["Jenis kelamin"] = frame["jenis_kelamin"]
    path = tmp_path / "Kuesioner Sako (Jawaban).xlsx"
    out.to_excel(path, index=False)
    assert _contract(path) == reference


def test_spss_sav_with_value_labels_and_missing_code(tmp_path, reference):
    import pyreadstat

    frame = _sako()
    for col in X_COLS + Y_COLS:
        frame[col] = frame[col].astype(float)
    frame["usia"] = frame["usia"].astype(float)
    frame["X11"] = 9.0  # an extra item everybody skipped, coded 9
    path = tmp_path / "sako.sav"
    labels = {c: {5.0: "Sangat Baik", 4.0: "Baik", 3.0: "Cukup Baik", 2.0: "Tidak Baik", 1.0: "Sangat Tidak Baik"}
              for c in X_COLS + Y_COLS}
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels)
    assert _contract(path) == reference
    result = analyse_columns(load_data(path), X_COLS + ["X11"], Y_COLS,
                             __import__("qda.survey.result", fromlist=["Settings"]).Settings(missing_codes=[9]))
    x11 = next(s for s in result.x.item_summaries if s.item == "X11")
    assert x11.n_answered == 0 and x11.n_missing == 30
    assert result.x.validity.n == 0 and result.regression is None  # listwise: nobody answered X11
    json.dumps(to_contract(result), allow_nan=False)
