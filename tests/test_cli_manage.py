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
        p.documents.add("w1.txt", "P: Apa kabar layanan?\nI: Cepat dan ramah sekali.\n", "interview")
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
        code = p.codes.get("Inovasi")
        assert code.definition_id == "hal baru" and code.color == "#112233"
        assert len(p.segments.all(code="Inovasi")) == 1
        assert "Digitalisasi" not in {c.name for c in p.codes.all()}
    book = json.loads((tmp_path / "cb.json").read_text(encoding="utf-8"))
    assert "Inovasi" in {c["name"] for c in book["codes"]}
    assert main(["codebook", proj, "delete", "Inovasi", "--with-segments"]) == 0
    with Project.open(proj, read_only=True) as p:
        assert p.segments.all() == []


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
        assert p.documents.all() == [] and [m.target_kind for m in p.memos.all()] == ["project"]


def test_uncode_review_and_segment_memo(proj, capsys):
    start = "P: Apa kabar layanan?\nI: ".__len__()
    seg = ["--doc", "w1.txt", "--start", str(start), "--end", str(start + 5), "--code", "Responsivitas"]
    assert main(["code", proj, *seg]) == 0
    assert main(["memo", proj, *seg, "--set", "jawaban singkat"]) == 0
    assert main(["review", proj, *seg, "--coder", "Dr. Sri", "--status", "needs_revision", "--comment", "perluas"]) == 0
    with Project.open(proj, read_only=True) as p:
        [s] = p.segments.all()
        assert p.segments.text(s) == "Cepat"
        review = p.reviews.latest(s)
        assert review.status == "needs_revision" and p.coders.get(review.reviewer_id).role == "supervisor"
        assert p.memos.get(s) == "jawaban singkat"
    assert main(["uncode", proj, *seg]) == 0
    assert main(["uncode", proj, *seg]) == 2
    with Project.open(proj, read_only=True) as p:
        assert p.segments.all() == [] and p.reviews.all() == []


@pytest.mark.parametrize("args", [
    ["codebook", "{p}", "add", "Y", "--color", "merah"],
    ["codebook", "{p}", "add", ""],
    ["codebook", "{p}", "rename", "Responsivitas", ""],
    ["codebook", "{p}", "recolor", "Responsivitas", "zzz"],
    ["codebook", "{p}", "merge", "Responsivitas", "Responsivitas"],
    ["document", "{p}", "rename", "w1.txt", ""],
    ["case", "{p}", "add", ""],
    ["memo", "{p}", "--file", "{tmp}/tidak_ada.txt"],
    ["memo", "{p}", "--file", "{tmp}/gambar.txt"],
])
def test_validation_errors_are_one_line(proj, tmp_path, capsys, args):
    (tmp_path / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x81")
    code = main([a.format(p=proj, tmp=tmp_path) for a in args])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("qda: ") and len(err.strip().splitlines()) == 1


def test_case_rename_to_empty_is_refused(proj):
    assert main(["case", proj, "add", "Informan 9"]) == 0
    assert main(["case", proj, "rename", "Informan 9", "  "]) == 2
    with Project.open(proj, read_only=True) as p:
        assert [c.name for c in p.cases.all()] == ["Informan 9"]


def test_move_below_a_descendant_is_refused(proj, capsys):
    assert main(["codebook", proj, "add", "A"]) == 0
    assert main(["codebook", proj, "add", "B", "--parent", "A"]) == 0
    assert main(["codebook", proj, "move", "A", "--parent", "B"]) == 2
    assert "turunannya" in capsys.readouterr().err


def test_delete_hint_names_the_cli_option(proj, capsys):
    assert main(["code", proj, "--doc", "w1.txt", "--start", "0", "--end", "5", "--code", "Responsivitas"]) == 0
    assert main(["codebook", proj, "delete", "Responsivitas"]) == 2
    err = capsys.readouterr().err
    assert "--with-segments" in err and "delete_segments" not in err


def test_attribute_names_messages_and_new_coder_notice(proj, capsys):
    assert main(["document", proj, "attr", "w1.txt", "", "nilai"]) == 2
    assert main(["case", proj, "add", "Informan 9"]) == 0
    assert main(["case", proj, "attr", "Informan 9", " ", "x"]) == 2
    capsys.readouterr()
    assert main(["document", proj, "attr", "w1.txt", "Lokasi", "Ruang TU"]) == 0
    assert main(["document", proj, "attr", "w1.txt", "Lokasi"]) == 0
    assert "dihapus" in capsys.readouterr().err.splitlines()[-1]
    assert main(["case", proj, "assign", "w1.txt", "-"]) == 0
    assert "tidak lagi terkait" in capsys.readouterr().err
    assert main(["code", proj, "--doc", "w1.txt", "--start", "0", "--end", "3", "--code", "Responsivitas",
                 "--coder", "Rnia"]) == 0
    assert "pengode baru dicatat: Rnia" in capsys.readouterr().err
    assert main(["code", proj, "--doc", "w1.txt", "--start", "3", "--end", "6", "--code", "Responsivitas",
                 "--coder", "Rina"]) == 0
    assert "pengode baru" not in capsys.readouterr().err
    with Project.open(proj, read_only=True) as p:
        assert p.documents.attributes("w1.txt") == {} and p.cases.get("Informan 9").attributes == {}
