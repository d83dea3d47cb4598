"""The scripting commands for the rest of the core API: codebook, documents, cases, memos, uncode, review."""

from __future__ import annotations

import json

import pytest

from qda.cli import main
from qda.store import Project


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, coder="Rina") as p:
        p.add_document("w1.txt", "P: Apa kabar layanan?\nI: Cepat dan ramah sekali.\n", "interview")
    return str(path)


def test_codebook_actions(proj, tmp_path, capsys):
    assert main(["codebook", proj, "add", "Inovasi", "--color", "#112233", "--definition", "hal baru"]) == 0
    assert main(["codebook", proj, "add", "Digital", "--parent", "Inovasi"]) == 0
    assert main(["codebook", proj, "rename", "Digital", "Digitalisasi"]) == 0
    assert main(["codebook", proj, "recolor", "Digitalisasi", "#ABCDEF"]) == 0
    assert main(["code", proj, "--doc", "w1.txt", "--start", "0", "--end", "5", "--code", "Digitalisasi"]) == 0
    assert main(["codebook", proj, "move", "Digitalisasi"]) == 0
    assert main(["codebook", proj, "delete", "Digitalisasi"]) == 2  # has a segment: must be explicit
    assert main(["codebook", proj, "merge", "Digitalisasi", "Inovasi"]) == 0
    assert main(["codebook", proj, "export", str(tmp_path / "cb.json")]) == 0
    with Project.open(proj, read_only=True) as p:
        code = p.code("Inovasi")
        assert code.definition_id == "hal baru" and code.color == "#112233"
        assert len(p.segments(code="Inovasi")) == 1
        assert "Digitalisasi" not in {c.name for c in p.codes()}
    book = json.loads((tmp_path / "cb.json").read_text(encoding="utf-8"))
    assert "Inovasi" in {c["name"] for c in book["codes"]}
    assert main(["codebook", proj, "delete", "Inovasi", "--with-segments"]) == 0
    with Project.open(proj, read_only=True) as p:
        assert p.segments() == []


def test_documents_cases_memos(proj, capsys):
    assert main(["case", proj, "add", "Informan 1", "Jabatan=Kasubag TU", "Usia=51"]) == 0
    assert main(["case", proj, "assign", "w1.txt", "Informan 1"]) == 0
    assert main(["case", proj, "attr", "Informan 1", "Usia"]) == 0
    assert main(["document", proj, "attr", "w1.txt", "Tanggal", "12 Maret 2024"]) == 0
    assert main(["document", proj, "kind", "w1.txt", "observation"]) == 0
    assert main(["document", proj, "rename", "w1.txt", "wawancara_1.txt"]) == 0
    assert main(["memo", proj, "--set", "pertanyaan penelitian"]) == 0
    assert main(["memo", proj, "--doc", "wawancara_1.txt", "--set", "catatan dokumen"]) == 0
    assert main(["case", proj, "add", "Salah", "tanpa-sama-dengan"]) == 2
    capsys.readouterr()
    assert main(["memo", proj]) == 0
    assert capsys.readouterr().out.strip() == "pertanyaan penelitian"
    assert main(["sources", proj, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["name"] == "wawancara_1.txt" and row["kind"] == "observation"
    assert row["attributes"] == {"Jabatan": "Kasubag TU", "Tanggal": "12 Maret 2024"}
    assert main(["document", proj, "delete", "wawancara_1.txt"]) == 0
    with Project.open(proj, read_only=True) as p:
        assert p.documents() == [] and [m.target_kind for m in p.memos()] == ["project"]


def test_uncode_review_and_segment_memo(proj, capsys):
    start = "P: Apa kabar layanan?\nI: ".__len__()
    seg = ["--doc", "w1.txt", "--start", str(start), "--end", str(start + 5), "--code", "Responsivitas"]
    assert main(["code", proj, *seg]) == 0
    assert main(["memo", proj, *seg, "--set", "jawaban singkat"]) == 0
    assert main(["review", proj, *seg, "--coder", "Dr. Sri", "--status", "needs_revision", "--comment", "perluas"]) == 0
    with Project.open(proj, read_only=True) as p:
        [s] = p.segments()
        assert p.segment_text(s) == "Cepat"
        review = p.latest_review(s)
        assert review.status == "needs_revision" and p.coder_by(review.reviewer_id).role == "supervisor"
        assert p.memo(s) == "jawaban singkat"
    assert main(["uncode", proj, *seg]) == 0
    assert main(["uncode", proj, *seg]) == 2
    with Project.open(proj, read_only=True) as p:
        assert p.segments() == [] and p.reviews() == []
