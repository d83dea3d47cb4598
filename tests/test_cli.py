"""The command line contracts of DESIGN §5: output shapes, exit codes, one-line errors."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qda.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_transcripts"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def proj(tmp_path) -> Path:
    path = tmp_path / "p.qda"
    assert main(["new", str(path), "--coder", "Rina"]) == 0
    assert main(["import", str(path), str(SAMPLES / "wawancara_01_kasubag_tu.txt"),
                 str(SAMPLES / "observasi_01_meja_layanan.txt")]) == 0
    return path


def test_sources_json_contract(proj, capsys):
    capsys.readouterr()
    assert main(["sources", str(proj), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["wawancara_01_kasubag_tu.txt", "observasi_01_meja_layanan.txt"]
    for r in rows:
        assert set(r) == {"name", "kind", "words", "turns", "attributes"}
        assert isinstance(r["words"], int) and isinstance(r["turns"], int)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in r["attributes"].items())
    interview, observation = rows
    assert interview["kind"] == "interview" and interview["turns"] > 10
    assert observation["kind"] == "observation" and observation["turns"] == 0
    assert interview["attributes"]["Tanggal"]


def test_text_prints_stored_text(proj, capsys):
    capsys.readouterr()
    assert main(["text", str(proj), "--doc", "observasi_01_meja_layanan.txt"]) == 0
    out = capsys.readouterr().out
    original = (SAMPLES / "observasi_01_meja_layanan.txt").read_text(encoding="utf-8")
    assert out.strip() == original.replace("\r\n", "\n").strip()


def test_code_then_segments_and_codes_json(proj, capsys):
    doc = "wawancara_01_kasubag_tu.txt"
    capsys.readouterr()
    main(["text", str(proj), "--doc", doc])
    text = capsys.readouterr().out
    start = text.index("Jabatan")
    assert main(["code", str(proj), "--doc", doc, "--start", str(start), "--end", str(start + 7),
                 "--code", "Akuntabilitas", "--coder", "Agus"]) == 0
    capsys.readouterr()
    assert main(["segments", str(proj), "--json"]) == 0
    segs = json.loads(capsys.readouterr().out)
    assert segs == [{"document": doc, "start": start, "end": start + 7, "code": "Akuntabilitas", "coder": "Agus",
                     "text": "Jabatan"}]
    assert main(["codes", str(proj), "--json"]) == 0
    codes = json.loads(capsys.readouterr().out)
    assert len(codes) == 15
    for c in codes:
        assert set(c) == {"name", "group", "parent", "color", "segments"}
    assert {c["name"]: c["segments"] for c in codes}["Akuntabilitas"] == 1
    assert sum(c["group"] == "dimension" for c in codes) == 5


def test_excerpts_csv_and_xlsx(proj, tmp_path):
    doc = "wawancara_01_kasubag_tu.txt"
    assert main(["code", str(proj), "--doc", doc, "--start", "0", "--end", "5", "--code", "Produktivitas"]) == 0
    assert main(["excerpts", str(proj), "-o", str(tmp_path / "k.csv")]) == 0
    with open(tmp_path / "k.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["kode"] == "Produktivitas" and rows[0]["baris awal"] == "1" and rows[0]["dokumen"] == doc
    assert rows[0]["jenis"] == "wawancara" and rows[0]["kelompok"] == "Dimensi Kinerja (Dwiyanto)"
    assert main(["excerpts", str(proj), "-o", str(tmp_path / "k.xlsx")]) == 0
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "k.xlsx").active
    assert [c.value for c in ws[2]][3] == "Produktivitas"


@pytest.mark.parametrize("args,needle", [
    (["text", "{p}", "--doc", "tidak_ada.txt"], "tidak_ada.txt"),
    (["code", "{p}", "--doc", "wawancara_01_kasubag_tu.txt", "--start", "5", "--end", "999999", "--code",
      "Responsivitas"], "999999"),
    (["code", "{p}", "--doc", "wawancara_01_kasubag_tu.txt", "--start", "5", "--end", "9", "--code", "Tak Ada"],
     "Tak Ada"),
    (["sources", "{missing}"], "tidak ditemukan"),
    (["new", "{p}"], "sudah ada"),
    (["excerpts", "{p}", "-o", "{dir}/k.pdf"], ".pdf"),
])
def test_errors_are_one_line_without_traceback(proj, tmp_path, args, needle):
    args = [a.format(p=proj, missing=tmp_path / "nope.qda", dir=tmp_path) for a in args]
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("qda: ") and needle in lines[0]


def test_writes_while_another_process_has_it_open(proj):
    from qda.store import Project

    with Project.open(proj):
        result = run("code", str(proj), "--doc", "wawancara_01_kasubag_tu.txt", "--start", "0", "--end", "4",
                      "--code", "Responsivitas")
        assert result.returncode == 2 and "sedang dibuka" in result.stderr
        readonly = run("segments", str(proj), "--json")
        assert readonly.returncode == 0 and json.loads(readonly.stdout) == []


def test_help_and_python_m(tmp_path):
    result = run("--help")
    assert result.returncode == 0 and "sources" in result.stdout and "demo" in result.stdout
    english = run("--lang", "en", "new", str(tmp_path / "x.qda"))
    assert english.returncode == 0


def test_a_project_file_alone_opens_the_gui(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("qda.cli.demo_cmd.open_gui", lambda path: opened.append(path) or 0)
    assert main([str(tmp_path / "studi.qda")]) == 0
    assert opened == [str(tmp_path / "studi.qda")]


def test_io_error_reads_as_cannot_open_not_as_not_a_project(tmp_path):
    import sqlite3

    from qda.store.base import _open_error

    err = _open_error(tmp_path / "p.qda", sqlite3.OperationalError("disk I/O error"))
    assert "kesalahan baca/tulis" in str(err) and "bukan berkas proyek" not in str(err) and "rusak" not in str(err)
    # the header said "qda project" (checked before SQLite opens it), so SQLite's refusal means damage
    err = _open_error(tmp_path / "p.qda", sqlite3.DatabaseError("file is not a database"))
    assert "rusak" in str(err)


def test_argparse_speaks_the_interface_language(capsys):
    with pytest.raises(SystemExit):
        main(["code", "x.qda"])
    assert "galat: argumen berikut wajib diisi: --doc" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "code", "x.qda"])
    assert "error: the following arguments are required: --doc" in capsys.readouterr().err
