"""``qda demo``: the demo project holds every sample source and the whole demo coding."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from qda.demo import build_demo, load_demo_coding, sample_files
from qda.demo_survey import SURVEY_NAME
from qda.store import Project


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo"))


def test_demo_build_leaves_no_scratch_files(demo_path):
    leftovers = sorted(p.name for p in demo_path.parent.iterdir() if ".building" in p.name)
    assert leftovers == []


def test_demo_project_holds_sources_and_coding(demo_path):
    coding = load_demo_coding()
    with Project.open(demo_path, read_only=True) as p:
        assert len(p.documents.all()) == len(sample_files()) >= 10
        assert {d.kind for d in p.documents.all()} == {"interview", "observation", "document"}
        rows = p.segments.rows()
        assert len(rows) == len(coding["segments"])
        expected = sorted((s["document"], s["quote"], s["code"], s["coder"]) for s in coding["segments"])
        assert sorted((r["document"], r["text"], r["code"], r["coder"]) for r in rows) == expected
        assert len(p.reviews.all()) == len(coding["reviews"])
        assert len(p.memos.all()) == len(coding["memos"])
        assert {c.name for c in p.coders.all()} == {c["name"] for c in coding["coders"]}
        assert p.coders.get("Dr. Sri Wahyuni").role == "supervisor"
        assert p.integrity_check() == "ok"
        assert p.surveys.names() == [SURVEY_NAME]
        stored = p.surveys.load(SURVEY_NAME)
    from qda.survey.analysis import analyse
    from qda.survey.instrument import Instrument
    from qda.survey.loading import DataSet

    result = analyse(DataSet.from_json(stored["data_json"]), Instrument.from_json(stored["instrument_json"]),
                     json.loads(stored["settings_json"])["mapping"])
    assert result.n_rows == 40
    assert result.variables["Y"].validity.invalid_items == ["Y10"]  # the weak item is caught
    assert result.regression.R > 0.5 and result.regression.row("Regression").p < 0.05


def test_demo_rebuild_replaces_the_project(demo_path):
    again = build_demo(demo_path.parent)
    assert again == demo_path
    with Project.open(again, read_only=True) as p:
        assert len(p.segments.all()) == len(load_demo_coding()["segments"])


def test_search_cli_on_demo(demo_path):
    out = subprocess.run([sys.executable, "-m", "qda", "search", str(demo_path), "kordinasi", "--fuzzy", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert sum(h["match"].lower() == "koordinasi" for h in hits) >= 5
    assert all(h["score"] >= 80 and "oordinasi" in h["match"].lower() for h in hits)
    with Project.open(demo_path, read_only=True) as p:
        for h in hits[:5]:
            assert p.documents.text(h["document_name"])[h["start"]:h["end"]] == h["match"]


def test_demo_without_display_writes_reports(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([sys.executable, "-m", "qda", "demo", str(tmp_path)], capture_output=True, text=True,
                         timeout=600, env=env)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "demo.qda").is_file()
    from docx import Document

    report = Document(str(tmp_path / "laporan_kualitatif.docx"))
    text = "\n".join(par.text for par in report.paragraphs)
    assert "Responsivitas" in text and "Kepemimpinan yang Efektif" in text
    assert (tmp_path / "laporan_telaah.docx").is_file()
    chapter = "\n".join(par.text for par in Document(str(tmp_path / "bab_survei.docx")).paragraphs)
    assert "Tabel 4.1" in chapter and "H0 ditolak" in chapter


HOLD = """
import sys, time
from qda.store import Project
p = Project.open(sys.argv[1], coder="Penguji")
doc = p.documents.all()[0]
for i in range(int(sys.argv[2])):
    p.segments.add(doc, i, i + 5, "Responsivitas")
print("ready", flush=True)
time.sleep(120)
"""


def _hold(path, n):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(n)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_rebuilding_a_demo_in_use_is_refused_and_harmless(tmp_path):
    from qda.errors import ProjectInUse

    path = build_demo(tmp_path)
    proc = _hold(path, 10)
    try:
        with pytest.raises(ProjectInUse):
            build_demo(tmp_path)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        assert len(p.segments.all()) == len(load_demo_coding()["segments"]) + 10


def test_rebuilding_after_a_killed_session_keeps_its_work_in_a_backup(tmp_path):
    path = build_demo(tmp_path)
    proc = _hold(path, 50)
    proc.kill()  # leaves demo.qda-wal behind, holding the 50 codings
    proc.wait()
    proc.stdout.close()
    assert build_demo(tmp_path) == path
    n_demo = len(load_demo_coding()["segments"])
    with Project.open(path) as p:
        assert p.integrity_check() == "ok" and len(p.segments.all()) == n_demo
    with Project.open(tmp_path / "demo.qda.bak") as old:
        assert old.integrity_check() == "ok" and len(old.segments.all()) == n_demo + 50


def test_new_project_ignores_the_journal_of_a_deleted_one(tmp_path):
    path = tmp_path / "x.qda"
    Project.create(path).close()
    proc = _hold_doc(path)
    proc.kill()
    proc.wait()
    proc.stdout.close()
    assert (tmp_path / "x.qda-wal").exists()
    path.unlink()
    with Project.create(path) as fresh:
        assert fresh.documents.all() == [] and fresh.segments.all() == [] and fresh.integrity_check() == "ok"


def _hold_doc(path):
    script = ("import sys, time\nfrom qda.store import Project\np = Project.open(sys.argv[1])\n"
              "d = p.documents.add('lama.txt', 'teks lama ' * 50, 'document')\n"
              "[p.segments.add(d, i, i + 3, 'Responsivitas') for i in range(50)]\nprint('ready', flush=True)\n"
              "time.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_demo_writes_reports_when_qt_cannot_start(tmp_path, monkeypatch, capsys):
    """A display but no usable Qt (a missing system library): the reports instead, and the install hint."""
    from qda.cli import demo_cmd, main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setitem(sys.modules, "PySide6.QtWidgets", None)  # importing it now fails like a missing libGL
    from qda.gui.platform_check import gui_unavailable

    reason = gui_unavailable()
    assert reason and "apt install" in reason
    monkeypatch.setattr(demo_cmd, "has_display", lambda: True)
    monkeypatch.setattr(demo_cmd, "open_gui", lambda path: pytest.fail("the GUI must not be started"))
    assert main(["demo", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "apt install" in err and "laporan_kualitatif.docx" in err
    assert (tmp_path / "laporan_kualitatif.docx").is_file() and (tmp_path / "bab_survei.docx").is_file()
