"""``qda query``, ``matrix``, ``words``, ``kwic``, ``stopwords`` in a subprocess, on the hand-counted project."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.analysis.small_project import A, K, R, S, build


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    target = tmp_path_factory.mktemp("cli") / "small.qda"
    build(target).close()
    return str(target)


def test_query_json_contract_and_filters(path):
    out = run("query", path, f"{R} AND ({K} OR {S})", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["document"], r["start"], r["end"]) for r in rows] == [("a.txt", 10, 20), ("a.txt", 25, 30)]
    assert {"document", "start", "end", "code", "coder", "text"} <= set(rows[0])
    assert rows[0]["code"] == f"{R}; {K}" and rows[0]["coder"] == "Budi; Dewi"
    staf = json.loads(run("query", path, K, "--attr", "Jabatan=Staf", "--json").stdout)
    assert [r["text"] for r in staf] == ["Pegawai ramah", "Pimpinan memberi arahan"]
    approved = json.loads(run("query", path, A, "--status", "disetujui", "--json").stdout)
    assert [(r["start"], r["end"]) for r in approved] == [(300, 320)]
    assert json.loads(run("query", path, R, "--coder", "Budi", "--kind", "wawancara", "--json").stdout)[0]["end"] == 30


def test_query_error_shows_position_without_traceback(path):
    out = run("query", path, f"{R} AND (Kepemimpinn OR {S})")
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.splitlines()
    assert lines[0].startswith("qda: kueri salah pada posisi 20: kode tidak dikenal: «Kepemimpinn»")
    assert lines[2] == " " * 19 + "^" * len("Kepemimpinn")
    assert "Traceback" not in out.stderr
    bad = run("query", path, f"{R} AND")
    assert bad.returncode == 2 and "posisi" in bad.stderr


def test_saved_query_round_trip_and_export(path, tmp_path):
    assert run("query", path, K, "--attr", "Jabatan=Staf", "--save", "staf").returncode == 0
    listed = json.loads(run("query", path, "--list-saved", "--json").stdout)
    assert listed == [{"name": "staf", "query": K, "filters": {"attributes": {"Jabatan": ["Staf"]}}}]
    again = json.loads(run("query", path, "--saved", "staf", "--json").stdout)
    assert len(again) == 2
    out = tmp_path / "hasil.xlsx"
    assert run("query", path, "--saved", "staf", "--export", str(out)).returncode == 0
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    assert ws["A1"].value == "dokumen" and ws.max_row == 3
    csv_out = tmp_path / "hasil.csv"
    assert run("query", path, R, "--export", str(csv_out)).returncode == 0
    assert csv_out.read_text(encoding="utf-8-sig").count("\n") == 4
    assert run("query", path, "--delete-saved", "staf").returncode == 0
    assert json.loads(run("query", path, "--list-saved", "--json").stdout) == []


def test_matrix_json_xlsx_png(path, tmp_path):
    out = run("matrix", path, "--json", "--xlsx", str(tmp_path / "m.xlsx"), "--png", str(tmp_path / "m.png"))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["kind"] == "dimension-factor" and data["rows"] == [R, A] and data["columns"] == [K, S]
    assert data["counts"] == [[2, 0], [1, 1]] and data["row_percent"] == [[100.0, 0.0], [50.0, 50.0]]
    assert (tmp_path / "m.xlsx").stat().st_size > 0 and (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    src = json.loads(run("matrix", path, "code-source", "--json").stdout)
    assert src["counts"] == [[3, 1, 0], [2, 0, 0], [4, 2, 0], [3, 0, 0]]
    attr = json.loads(run("matrix", path, "code-attribute", "--attribute", "Jabatan", "--measure", "passages",
                          "--json").stdout)
    assert attr["columns"] == ["Kasubag", "Staf"] and attr["counts"][0] == [2, 1]
    turn = json.loads(run("matrix", path, "--unit", "turn", "--json").stdout)
    assert turn["counts"] == [[1, 0], [0, 0]]
    text = run("matrix", path, "--percent", "row")
    assert "50,0%" in text.stdout and "dihitung sekali" in text.stderr
    missing = run("matrix", path, "code-attribute")
    assert missing.returncode == 2 and "--attribute" in missing.stderr


def test_words_and_kwic(path):
    words = json.loads(run("words", path, "--doc", "c.txt", "--json").stdout)
    assert words[:2] == [{"word": "cepat", "count": 2, "documents": 1}, {"word": "surat", "count": 2, "documents": 1}]
    lemmas = json.loads(run("words", path, "--doc", "c.txt", "--lemma", "--json").stdout)
    assert {"word": "layan", "count": 2, "documents": 1} in lemmas
    bigrams = json.loads(run("words", path, "--doc", "c.txt", "--ngram", "2", "--json").stdout)
    assert {"word": "surat cepat", "count": 1, "documents": 1} in bigrams
    kw = json.loads(run("kwic", path, "cepat", "--json").stdout)
    assert [(k["document"], k["start"], k["end"], k["match"]) for k in kw] == [
        ("b.txt", 33, 38, "cepat"), ("c.txt", 16, 21, "cepat"), ("c.txt", 67, 72, "cepat")]
    assert set(kw[0]) >= {"document", "start", "end", "left", "match", "right"}
    assert kw[0]["left"].endswith("Layanan ")


def test_stop_words_cli(path):
    assert run("stopwords", path, "--add", "surat,cepat").returncode == 0
    words = json.loads(run("words", path, "--doc", "c.txt", "--json").stdout)
    assert "surat" not in [w["word"] for w in words]
    assert run("stopwords", path, "--remove", "surat,cepat").returncode == 0
    assert json.loads(run("stopwords", path, "--json").stdout)["own"] == []
