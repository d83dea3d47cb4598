"""The command line as scripts and newcomers use it: real entry point, run in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shared_data import SAKO_CSV

LINE = "P: Bagaimana pelayanan di kantor ini?\nI: Pelayanan cepat – kami responsif… kata “warga”.\n"


def qda(*args: str, cwd: Path | None = None, env_lang: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QDA_LANG", None)
    if env_lang:
        env["QDA_LANG"] = env_lang
    return subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "w1.txt").write_text(LINE * 3, encoding="utf-8")
    (folder / "panjang.txt").write_text("I: " + "kalimat panjang pelayanan publik. " * 6000 + "\n", encoding="utf-8")
    path = folder / "studi.qda"
    assert qda("new", str(path)).returncode == 0
    done = qda("import", str(path), str(folder / "w1.txt"), str(folder / "panjang.txt"), "--kind", "wawancara")
    assert done.returncode == 0, done.stderr
    return path


def test_a_closed_pipe_ends_quietly(project):
    run = subprocess.run(["bash", "-o", "pipefail", "-c",
                          f"{sys.executable} -m qda text {project} --doc panjang.txt | head -c 10 >/dev/null"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stderr == ""


def test_text_offsets_are_the_positions_code_uses(project):
    run = qda("text", str(project), "--doc", "w1.txt", "--offsets", "--json")
    lines = json.loads(run.stdout)
    text = LINE * 3
    assert [line["line"] for line in lines] == list(range(1, 7))
    assert all(text[line["start"]:line["end"]] == line["text"] for line in lines)
    table = qda("text", str(project), "--doc", "w1.txt", "--offsets").stdout.splitlines()
    assert table[1].split()[:2] == ["2", f"{len(LINE.splitlines()[0]) + 1}–{len(LINE) - 1}"]


def test_code_by_finding_the_nth_occurrence(project, tmp_path):
    copy = tmp_path / "salinan.qda"
    copy.write_bytes(project.read_bytes())
    run = qda("code", str(copy), "--doc", "w1.txt", "--find", "responsif", "--nth", "2", "--code", "responsivitas")
    assert run.returncode == 0 and run.stdout == ""
    assert "Responsivitas" in run.stderr  # the stored name, not the typed one
    [row] = json.loads(qda("segments", str(copy), "--json").stdout)
    second = (LINE * 3).find("responsif", (LINE * 3).find("responsif") + 1)
    assert (row["start"], row["end"], row["text"]) == (second, second + len("responsif"), "responsif")
    missing = qda("code", str(copy), "--doc", "w1.txt", "--find", "responsif", "--nth", "9", "--code", "Responsivitas")
    assert missing.returncode == 2 and "3" in missing.stderr and "Traceback" not in missing.stderr


def test_search_shows_start_and_end_and_keeps_stdout_for_results(project):
    run = qda("search", str(project), "responsif")
    header = run.stdout.splitlines()[0].split()
    assert header[:4] == ["dokumen", "baris", "awal", "akhir"]
    first = run.stdout.splitlines()[2].split()
    start, end = int(first[2]), int(first[3])
    assert (LINE * 3)[start:end] == "responsif"
    assert "temuan" in run.stderr and "temuan" not in run.stdout


def test_language_option_after_the_subcommand(project):
    run = qda("sources", str(project), "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[:2] == ["name", "kind"] and "interview" in run.stdout
    indonesian = qda("sources", str(project))
    assert "wawancara" in indonesian.stdout


def test_filters_repeat_or_take_commas(project, tmp_path):
    copy = tmp_path / "f.qda"
    copy.write_bytes(project.read_bytes())
    for code in ("Responsivitas", "Akuntabilitas"):
        assert qda("code", str(copy), "--doc", "w1.txt", "--find", "Pelayanan", "--code", code).returncode == 0
    both = json.loads(qda("segments", str(copy), "--code", "Responsivitas", "--code", "Akuntabilitas",
                          "--json").stdout)
    commas = json.loads(qda("segments", str(copy), "--code", "Responsivitas,Akuntabilitas", "--json").stdout)
    assert both == commas and sorted(r["code"] for r in both) == ["Akuntabilitas", "Responsivitas"]
    one = json.loads(qda("segments", str(copy), "--code", "Akuntabilitas", "--json").stdout)
    assert [r["code"] for r in one] == ["Akuntabilitas"]


def test_survey_accepts_ranges_and_decimal_commas(tmp_path):
    ranged = qda("survey", str(SAKO_CSV), "--x", "X1-X10", "--y", "Y1–Y10", "--alpha", "0,05", "--json", "-")
    listed = qda("survey", str(SAKO_CSV), "--x", ",".join(f"X{i}" for i in range(1, 11)),
                 "--y", ",".join(f"Y{i}" for i in range(1, 11)), "--alpha", "0.05", "--json", "-")
    assert ranged.returncode == 0, ranged.stderr
    assert json.loads(ranged.stdout) == json.loads(listed.stdout)


def test_errors_name_the_next_step(project, tmp_path):
    folder = qda(str(tmp_path))
    assert folder.returncode == 2 and "folder" in folder.stderr
    named = qda("proyek-tak-ada")
    assert named.returncode == 2 and "qda new proyek-tak-ada.qda" in named.stderr
    instrument = qda("survey", str(SAKO_CSV), "--x", "X1-X10", "--y", "Y1-Y10", "--instrument", "tidakada")
    assert instrument.returncode == 2 and "sako" in instrument.stderr
    missing = qda("import", str(project), str(tmp_path / "hilang.txt"))
    assert "No such file" not in missing.stderr and "Traceback" not in missing.stderr


def test_a_bare_project_name_finds_its_file(tmp_path, project):
    (tmp_path / "studi.qda").write_bytes(project.read_bytes())
    run = qda("studi", cwd=tmp_path)
    # no display in tests: it gets as far as opening the GUI and says there is no screen
    assert run.returncode == 2 and "layar" in run.stderr


def test_unknown_names_suggest_the_nearest_and_the_listing(project):
    typo = qda("segments", str(project), "--code", "Responsivtas")
    assert typo.returncode == 2
    assert "«Responsivitas»" in typo.stderr and f"qda codes {project.name}" in typo.stderr
    group = qda("segments", str(project), "--code", "Faktor Pendorong")
    assert group.returncode == 2 and "kelompok" in group.stderr and "Kepemimpinan yang Efektif" in group.stderr
    doc = qda("text", str(project), "--doc", "w1")
    assert doc.returncode == 2 and "«w1.txt»" in doc.stderr and f"qda sources {project.name}" in doc.stderr
    english = qda("segments", str(project), "--code", "Responsivtas", "--lang", "en")
    assert "code not found: Responsivtas; did you mean “Responsivitas”" in english.stderr


def test_language_option_is_the_interface_language_unless_the_command_is_report():
    from qda.cli import _subcommand, _take_language
    from qda.i18n import set_language

    try:
        assert _take_language(["sources", "report", "--lang", "en"]) == ["sources", "report"]
        assert _take_language(["report", "p.qda", "--lang", "en"]) == ["report", "p.qda", "--lang", "en"]
        assert _subcommand(["--lang", "en", "--wait", "5", "report"]) == "report"
    finally:
        set_language("id")
