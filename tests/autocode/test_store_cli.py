"""Suggestions in a project: stored, accepted into codings, rejected for good; the CLI."""

from __future__ import annotations

import json

import pytest

import qda.autocode as autocode
from qda.cli import main
from qda.errors import InvalidValue
from qda.store.project import Project

TEXT = """Judul: Wawancara uji
Pewawancara: Rina Kusumawati

P: Bagaimana pelatihan pegawai di sini?
I: Pelatihn jarang sekali. Kami tdk puas dengan pelayanan prima yang dijanjikan.
P: Lalu soal lembur?
I: Kami lembur sampai pulang malam.
"""


@pytest.fixture
def project(tmp_path):
    from qda.sources.header import parse_header
    from qda.sources.turns import find_turns

    path = tmp_path / "uji.qda"
    p = Project.create(path, coder="Rina")
    turns = [(t.speaker, t.timestamp, t.start, t.end) for t in find_turns(TEXT, parse_header(TEXT).end)]
    p.documents.add("uji.txt", TEXT, "interview", turns=turns)
    yield p
    p.close()


def _texts(p, **kw):
    return [(r["code"], r["text"]) for r in p.suggestions.rows(**kw)]


def test_run_stores_pending_suggestions_with_score_and_terms(project):
    assert autocode.run(project) == 3
    rows = project.suggestions.rows()
    assert [(r["code"], r["text"], r["terms"]) for r in rows] == [
        # "P: …": a term of the question the answer responds to
        ("Kompetensi dan Pelatihan", "Pelatihn jarang sekali.", ["pelatihan", "P: pelatihan"]),
        ("Kualitas Layanan", "Kami tdk puas dengan pelayanan prima yang dijanjikan.", ["tidak puas", "pelayanan prima"]),
        ("Beban Kerja yang Wajar", "Kami lembur sampai pulang malam.", ["lembur", "pulang malam", "P: lembur"]),
    ]
    by = {(r["code"], r["text"]): r for r in rows}
    quality = by[("Kualitas Layanan", "Kami tdk puas dengan pelayanan prima yang dijanjikan.")]
    # two phrases (0.8 each, "tdk" informal x 0.95), of a code the question (about training) did not ask about (x 0.75)
    assert quality["terms"] == ["tidak puas", "pelayanan prima"]
    assert quality["score"] == pytest.approx(1 - (1 - 0.8 * 0.95 * 0.75) * (1 - 0.8 * 0.75))
    assert quality["coder"] == "Rina" and quality["status"] == "pending"
    assert project.segments.all() == []  # nothing coded without a decision
    assert [e.action for e in project.events.all()][-1] == "suggestion.run"


def test_accept_creates_a_coding_by_that_coder_marked_as_from_a_suggestion(project):
    autocode.run(project)
    first = project.suggestions.all(code="Kompetensi dan Pelatihan")[0]
    project.coders.set_current("Budi")
    (seg_id,) = project.suggestions.accept([first.id])
    seg = project.segments.get(seg_id)
    assert (seg.start, seg.end, seg.code_id) == (first.start, first.end, first.code_id)
    assert project.coders.get(seg.coder_id).name == "Budi"
    assert project.suggestions.from_suggestion(seg_id).id == first.id
    assert project.suggestions.get(first.id).status == "accepted"
    with pytest.raises(InvalidValue):
        project.suggestions.reject([first.id])
    # an accepted passage is coded now: a new run does not suggest it again
    autocode.run(project)
    assert ("Kompetensi dan Pelatihan", "Pelatihn jarang sekali.") not in _texts(project)


def test_rejected_is_never_suggested_again(project):
    autocode.run(project)
    pending = project.suggestions.all(code="Beban Kerja yang Wajar")
    assert project.suggestions.reject([s.id for s in pending]) == len(pending) == 1
    assert autocode.run(project) == 2
    assert autocode.run(project, unit="turn") == 2
    assert not any(code == "Beban Kerja yang Wajar" for code, _t in _texts(project))
    assert project.suggestions.counts()["rejected"] == 1


def test_cli_autocode_json_accept_reject(project, tmp_path, capsys):
    path = str(project.path)
    project.close()
    out = tmp_path / "saran.json"
    assert main(["autocode", path, "--json", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert {"document", "start", "end", "code", "coder", "text", "score"} <= set(rows[0])
    assert all(isinstance(r["score"], float) for r in rows)
    assert rows[0]["text"] == TEXT[rows[0]["start"]:rows[0]["end"]]
    capsys.readouterr()
    assert main(["autocode", path, "--accept", str(rows[0]["id"]), "--coder", "Budi"]) == 0
    assert "1 saran diterima" in capsys.readouterr().err
    assert main(["autocode", path, "--reject", "--code", "Beban Kerja yang Wajar"]) == 0
    assert main(["autocode", path, "--accept", "x"]) == 2
    assert "bilangan bulat" in capsys.readouterr().err
    assert main(["autocode", path, "--codes", "Tidak Ada"]) == 2
    with Project.open(path, read_only=True) as p:
        assert p.suggestions.counts()["accepted"] == 1 and p.suggestions.counts()["rejected"] == 1
        assert len(p.segments.all()) == 1
    assert main(["autocode", path, "--list", "--json", "-"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert all(r["status"] == "pending" for r in listed)


def test_decisions_undo_and_redo(project):
    from qda.autocode.commands import DecideSuggestions
    from qda.undo import UndoStack

    autocode.run(project)
    stack = UndoStack(project)
    ids = [s.id for s in project.suggestions.all()]
    stack.push(DecideSuggestions(ids[:2], accept=True))
    stack.push(DecideSuggestions(ids[2:], accept=False))
    assert len(project.segments.all()) == 2 and project.suggestions.counts() == {"pending": 0, "accepted": 2,
                                                                             "rejected": 1}
    stack.undo()
    stack.undo()
    assert project.segments.all() == [] and project.suggestions.counts()["pending"] == 3
    stack.redo()
    assert len(project.segments.all()) == 2 and project.suggestions.counts()["accepted"] == 2


def test_redo_of_accept_restores_the_same_coding(project):
    from qda.autocode.commands import DecideSuggestions
    from qda.undo import UndoStack

    autocode.run(project)
    stack = UndoStack(project)
    ids = [s.id for s in project.suggestions.all()]
    stack.push(DecideSuggestions(ids[:2], accept=True))
    stack.push(DecideSuggestions(ids[2:], accept=False))
    before = {s.id: (s.status, s.segment_id, s.decided_by, s.decided) for s in project.suggestions.all(status=None)}
    codings = [(g.id, g.uuid, g.start, g.end, g.code_id, g.coder_id, g.created) for g in project.segments.all()]
    assert len(codings) == 2
    stack.undo()
    stack.undo()
    assert project.segments.all() == []
    stack.redo()
    stack.redo()
    after = {s.id: (s.status, s.segment_id, s.decided_by, s.decided) for s in project.suggestions.all(status=None)}
    assert after == before
    assert [(g.id, g.uuid, g.start, g.end, g.code_id, g.coder_id, g.created) for g in project.segments.all()] == codings
    for seg_id, *_rest in codings:
        assert project.suggestions.from_suggestion(seg_id).id in ids[:2]
    # a second round trip still gives the same coding
    stack.undo()
    stack.undo()
    stack.redo()
    stack.redo()
    assert [(g.id, g.uuid) for g in project.segments.all()] == [(c[0], c[1]) for c in codings]
    assert [e.action for e in project.events.all()][-1] == "suggestion.redo"


def test_a_run_for_one_code_suggests_what_a_run_for_all_suggests_of_it(project):
    autocode.run(project)
    everything = {(r["code"], r["text"], r["score"], tuple(r["terms"])) for r in project.suggestions.rows()}
    quality = {row for row in everything if row[0] == "Kualitas Layanan"}
    # the other codes' terms are still matched (the question asked about training, not service quality)
    assert autocode.run(project, codes=["Kualitas Layanan"]) == 1
    assert {(r["code"], r["text"], r["score"], tuple(r["terms"]))
            for r in project.suggestions.rows(code="Kualitas Layanan")} == quality
    # and the other codes' pending suggestions are left as they were
    assert {(r["code"], r["text"], r["score"], tuple(r["terms"])) for r in project.suggestions.rows()} == everything
