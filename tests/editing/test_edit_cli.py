"""``qda edit``, ``qda anonymise``, ``qda checks``/``check``, ``qda versions`` and a kill during an edit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qda.cli import main
from qda.store import Project

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
DOC = "wawancara_03_petugas_arsip.txt"
DELETED = "Saya masuk tahun 2005, Mbak, awalnya di bagian persuratan, jadi tukang ketik."


@pytest.fixture
def proj(tmp_path) -> Path:
    path = tmp_path / "p.qda"
    assert main(["new", str(path), "--coder", "Rina"]) == 0
    assert main(["import", str(path), str(SAMPLES / DOC)]) == 0
    with Project.open(path) as p:
        text = p.documents.text(DOC)
        for quote, code in ((DELETED, "Kompetensi dan Pelatihan"),
                            ("Adem karena AC-nya nyala terus", "Sumber Daya dan Sarana Prasarana")):
            start = text.index(quote)
            p.segments.add(DOC, start, start + len(quote), code)
    return path


def corrected(path: Path, tmp_path: Path) -> Path:
    with Project.open(path, read_only=True) as p:
        text = p.documents.text(DOC)
    out = tmp_path / "koreksi.txt"
    out.write_text(text.replace(DELETED + " ", "").replace("lumayan adem", "cukup sejuk"), encoding="utf-8")
    return out


def test_edit_reports_and_flags_in_json(proj, tmp_path, capsys):
    source = corrected(proj, tmp_path)
    capsys.readouterr()
    assert main(["edit", str(proj), "--doc", DOC, "--from", str(source), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"] == {"exact": 1, "adjusted": 0, "moved": 0, "flagged": 1} and out["version"] == 1
    flagged = [s for s in out["segments"] if s["flagged"]]
    assert flagged[0]["old_text"] == DELETED and flagged[0]["code"] == "Kompetensi dan Pelatihan"
    assert main(["segments", str(proj), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r.get("flagged", False) for r in rows] == [True, False] or \
        sorted(r.get("flagged", False) for r in rows) == [False, True]
    assert main(["checks", str(proj), "--json"]) == 0
    checks = json.loads(capsys.readouterr().out)
    assert len(checks) == 1 and checks[0]["old_text"] == DELETED
    assert main(["check", str(proj), str(checks[0]["id"]), "--remove"]) == 0
    assert main(["checks", str(proj), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["versions", str(proj), "--doc", DOC, "--text", "1"]) == 0
    assert DELETED in capsys.readouterr().out
    # the list of versions gives its times as every listing does (5 Des 2026, 18.07; local time)
    assert main(["versions", str(proj), "--doc", DOC]) == 0
    listing = capsys.readouterr().out
    import re

    from qda.dates import SHORT_MONTHS

    months = "|".join(SHORT_MONTHS["id"])
    assert re.search(rf"\b\d{{1,2}} (?:{months}) \d{{4}}, \d{{2}}\.\d{{2}}\b", listing), listing
    assert "UTC" not in listing


def test_edit_text_output_and_dry_run(proj, tmp_path, capsys):
    source = corrected(proj, tmp_path)
    capsys.readouterr()
    assert main(["edit", str(proj), "--doc", DOC, "--from", str(source), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "uji coba" in captured.err and "1 perlu dicek" in captured.err and DELETED[:30] in captured.out
    with Project.open(proj, read_only=True) as p:
        assert DELETED in p.documents.text(DOC)


def test_anonymise_cli(proj, capsys):
    capsys.readouterr()
    assert main(["anonymise", str(proj), "--name", "Ratna Dewi Kusumawati", "--name", "Ratna", "--code", "INF-03"]) == 0
    assert "kemunculan nama diganti" in capsys.readouterr().err
    with Project.open(proj, read_only=True) as p:
        assert "Ratna" not in p.documents.text(DOC)
        assert all("Ratna" not in v for v in p.documents.attributes(DOC).values())


def test_bad_input_is_one_clear_line(proj, tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_text("  \n", encoding="utf-8")
    for args in (["edit", str(proj), "--doc", DOC, "--from", str(empty)],
                 ["edit", str(proj), "--doc", "tidak_ada.txt", "--from", str(empty)],
                 ["anonymise", str(proj), "--name", " ", "--code", "X"]):
        result = subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_kill_during_edits_leaves_old_or_new_text_with_consistent_codings(proj, tmp_path):
    with Project.open(proj) as p:
        a = p.documents.text(DOC)
    b = a.replace(DELETED + " ", "").replace("lumayan adem", "cukup sejuk")
    script = tmp_path / "loop.py"
    script.write_text(
        "import sys\nfrom qda.editing import apply_edit\nfrom qda.store import Project\n"
        f"p = Project.open({str(proj)!r})\ntexts = [{b!r}, {a!r}]\n"
        "print('ready', flush=True)\n"
        "for i in range(10000):\n"
        f"    apply_edit(p, {DOC!r}, texts[i % 2])\n", encoding="utf-8")
    for delay in (0.3, 0.7, 1.1):
        proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        with Project.open(proj) as p:
            text = p.documents.text(DOC)
            assert text in (a, b)
            excerpts = {p.segments.text(s) for s in p.segments.all()}
            assert "Adem karena AC-nya nyala terus" in excerpts
            assert p.integrity_check() == "ok"
            last = p.versions.versions()
            if last:
                assert p.versions.text_before(last[-1].id) != text
