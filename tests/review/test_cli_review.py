"""``qda review``, ``qda agreement`` and ``qda merge`` run as real processes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from qda.store import Project

TEXT = "Satu. Dua! Tiga? Empat.\nLima enam."


def qda(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, encoding="utf-8")
    if ok:
        assert run.returncode == 0, run.stderr
    return run


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, codebook=False, coder="Ani") as p:
        p.documents.add("d1.txt", TEXT)
        p.codes.add("A")
        p.codes.add("B")
        p.coders.set_current("Budi")
        p.segments.add("d1.txt", 0, 5, "A", coder="Ani")
        p.segments.add("d1.txt", 11, 16, "A", coder="Ani")
        p.segments.add("d1.txt", 24, 34, "B", coder="Ani")
        p.segments.add("d1.txt", 0, 10, "A", coder="Budi")
        p.segments.add("d1.txt", 24, 30, "B", coder="Budi")
    return str(path)


def test_agreement_json_contract(proj, tmp_path):
    out = tmp_path / "agr.json"
    qda("agreement", proj, "--coders", "Ani,Budi", "--unit", "sentence", "--json", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["percent_agreement"] == pytest.approx(80.0)
    assert data["per_code"]["A"]["percent_agreement"] == pytest.approx(60.0)
    assert data["per_code"]["A"]["cohen_kappa"] == pytest.approx(1 / 6)
    assert data["per_code"]["B"]["krippendorff_alpha"] == pytest.approx(1.0)
    assert [d["text"] for d in data["disagreements"]] == ["Dua!", "Tiga?"]
    text = qda("agreement", proj, "--coders", "Ani,Budi", "--codes", "A", "--unit", "char").stdout
    assert "70,6%" in text  # 24 of 34 characters (decimal comma in Indonesian)
    bad = qda("agreement", proj, "--coders", "Ani", ok=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_review_cycle_from_the_command_line(proj):
    rows = json.loads(qda("review", "queue", proj, "--json").stdout)
    assert len(rows) == 5 and {r["status"] for r in rows} == {"pending"}
    first = rows[0]
    assert first["text"] == "Satu." and first["line"] == 1 and "after" in first
    qda("review", proj, "--segment", first["segment"], "--status", "needs_revision", "--comment", "perluas",
        "--coder", "Dosen")
    qda("review", proj, "--doc", "d1.txt", "--start", "24", "--end", "30", "--code", "B", "--status", "approved",
        "--coder", "Dosen")
    todo = json.loads(qda("review", "todo", proj, "--coder", first["coder"], "--json").stdout)
    assert [(t["segment"], t["comment"]) for t in todo] == [(first["segment"], "perluas")]
    assert len(json.loads(qda("review", "queue", proj, "--json").stdout)) == 3
    qda("review", "revised", proj, "--segment", first["segment"], "--coder", first["coder"])
    again = json.loads(qda("review", "queue", proj, "--json", "--status", "revised").stdout)
    assert [r["segment"] for r in again] == [first["segment"]]
    summary = {r["coder"]: r for r in json.loads(qda("review", "summary", proj, "--json").stdout)}
    assert summary["Budi"]["approved"] == 1 and summary[first["coder"]]["revised"] == 1
    history = json.loads(qda("review", "history", proj, "--segment", first["segment"], "--json").stdout)
    assert [h["action"] for h in history][-2:] == ["review.add", "review.revised"]
    assert "Telaah" not in qda("review", "queue", proj, "--code", "B", "--all").stderr
    bad = qda("review", "queue", proj, "--status", "nope", ok=False)
    assert bad.returncode == 2 and "nope" in bad.stderr


def test_blind_switch(proj):
    refused = qda("review", "blind", proj, "on", "--coder", "Ani", ok=False)
    assert refused.returncode == 2
    with Project.open(proj) as p:
        p.coders.set_current("Dosen", "supervisor")
    qda("review", "blind", proj, "on", "--coder", "Dosen")
    assert "aktif" in qda("review", "blind", proj).stdout
    with Project.open(proj, read_only=True) as p:
        assert p.supervision.blind()


def test_merge_command(proj, tmp_path):
    other = tmp_path / "other.qda"
    shutil.copy(proj, other)
    with Project.open(other, coder="Citra") as p:
        p.segments.add("d1.txt", 6, 10, "B")
    preview = json.loads(qda("merge", proj, str(other), "--dry-run", "--json").stdout)
    assert preview["new"]["codings"] == 1 and preview["applied"] is False
    qda("merge", proj, str(other))
    again = json.loads(qda("merge", proj, str(other), "--json").stdout)
    assert again["new"]["codings"] == 0 and again["applied"] is True
    # "same" names its kinds as "new" does
    assert again["same"] == {"coders": 3, "documents": 1, "codes": 2, "codings": 6}
    with Project.open(proj, read_only=True) as p:
        assert len(p.segments.all()) == 6
    missing = qda("merge", proj, str(tmp_path / "nope.qda"), ok=False)
    assert missing.returncode == 2 and "nope.qda" in missing.stderr


def test_segment_given_as_the_id_the_queue_prints(proj):
    """The queue's table shows a segment's first 8 UUID characters: that short id names it in the other commands."""
    table = qda("review", "queue", proj).stdout
    rows = json.loads(qda("review", "queue", proj, "--json").stdout)
    short = rows[0]["segment"][:8]
    assert short in table
    qda("review", proj, "--segment", short, "--status", "needs_revision", "--comment", "perluas", "--coder", "Dosen")
    todo = json.loads(qda("review", "todo", proj, "--coder", rows[0]["coder"], "--json").stdout)
    assert [t["segment"] for t in todo] == [rows[0]["segment"]]
    qda("review", "revised", proj, "--segment", short.upper(), "--coder", rows[0]["coder"])
    history = json.loads(qda("review", "history", proj, "--segment", short, "--json").stdout)
    assert [h["action"] for h in history][-2:] == ["review.add", "review.revised"]
    with Project.open(proj) as p:  # two codings sharing the start of their UUIDs: too short to tell apart
        p._conn.execute("UPDATE segment SET uuid = 'abcdef00' || substr(uuid, 9) WHERE id IN (1, 2)")
        p._conn.commit()
    ambiguous = qda("review", proj, "--segment", "abcdef", "--status", "approved", "--coder", "Dosen", ok=False)
    assert ambiguous.returncode == 2 and "abcdef" in ambiguous.stderr and "Traceback" not in ambiguous.stderr
    missing = qda("review", proj, "--segment", "0123456789", "--status", "approved", "--coder", "Dosen", ok=False)
    assert missing.returncode == 2 and "0123456789" in missing.stderr
