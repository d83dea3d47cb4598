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


def test_demo_project_holds_sources_and_coding(demo_path):
    coding = load_demo_coding()
    with Project.open(demo_path, read_only=True) as p:
        assert len(p.documents()) == len(sample_files()) >= 10
        assert {d.kind for d in p.documents()} == {"interview", "observation", "document"}
        rows = p.segment_rows()
        assert len(rows) == len(coding["segments"])
        expected = sorted((s["document"], s["quote"], s["code"], s["coder"]) for s in coding["segments"])
        assert sorted((r["document"], r["text"], r["code"], r["coder"]) for r in rows) == expected
        assert len(p.reviews()) == len(coding["reviews"])
        assert len(p.memos()) == len(coding["memos"])
        assert {c.name for c in p.coders()} == {c["name"] for c in coding["coders"]}
        assert p.coder_by("Dr. Sri Wahyuni").role == "supervisor"
        assert p.integrity_check() == "ok"
        assert p.surveys() == [SURVEY_NAME]
        stored = p.load_survey(SURVEY_NAME)
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
        assert len(p.segments()) == len(load_demo_coding()["segments"])


def test_search_cli_on_demo(demo_path):
    from qda.cli import main

    out = subprocess.run([sys.executable, "-m", "qda", "search", str(demo_path), "kordinasi", "--fuzzy", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert sum(h["match"].lower() == "koordinasi" for h in hits) >= 5
    assert all(h["score"] >= 80 and "oordinasi" in h["match"].lower() for h in hits)
    with Project.open(demo_path, read_only=True) as p:
        for h in hits[:5]:
            assert p.document_text(h["document_name"])[h["start"]:h["end"]] == h["match"]


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
    assert (tmp_path / "laporan_tinjauan.docx").is_file()
    chapter = "\n".join(par.text for par in Document(str(tmp_path / "bab_survei.docx")).paragraphs)
    assert "Tabel 4.1" in chapter and "H0 ditolak" in chapter
