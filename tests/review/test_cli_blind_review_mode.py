"""The command line in blind coding (``--as NAMA``) and in review mode (``--review-mode``), as a user runs it."""

from __future__ import annotations

from functools import partial
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qda.store import Project
from tests.helpers import span as span_in

TEXT = "P: Bagaimana pelayanan?\nI: Pelayanan cepat.\nP: Kendala?\nI: Antrean panjang.\n"


span = partial(span_in, TEXT)


def qda(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "qda", *args], capture_output=True, text=True, encoding="utf-8")
    if ok:
        assert run.returncode == 0, run.stderr
    else:
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    return run


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, codebook=False, coder="Ani") as p:
        p.documents.add("w1.txt", TEXT, "interview")
        p.codes.add("Responsivitas")
        p.codes.add("Sarana")
        p.segments.add("w1.txt", *span("Pelayanan cepat."), "Responsivitas")
        p.coders.set_current("Budi")
        p.segments.add("w1.txt", *span("Antrean panjang."), "Sarana")
        p.coders.set_current("Dosen", "supervisor")
    return str(path)


def test_blind_listings_need_a_name_and_show_only_ones_own(proj):
    qda("review", "blind", proj, "on", "--coder", "Dosen")
    refused = qda("segments", proj, "--json", ok=False)
    assert "koding buta aktif" in refused.stderr and "--as" in refused.stderr
    assert json.loads(qda("segments", proj, "--json", "--as", "Ani").stdout) == [
        {"document": "w1.txt", "start": span("Pelayanan cepat.")[0], "end": span("Pelayanan cepat.")[1],
         "code": "Responsivitas", "coder": "Ani", "text": "Pelayanan cepat."}]
    assert [r["coder"] for r in json.loads(qda("--as", "Budi", "segments", proj, "--json").stdout)] == ["Budi"]
    codes = {r["name"]: r["segments"] for r in json.loads(qda("codes", proj, "--json", "--as", "Budi").stdout)}
    assert codes == {"Responsivitas": 0, "Sarana": 1}
    query = json.loads(qda("query", proj, "Responsivitas OR Sarana", "--json", "--as", "Ani").stdout)
    assert [r["coder"] for r in query] == ["Ani"]
    queue = json.loads(qda("review", "queue", proj, "--json", "--as", "Budi").stdout)
    assert [r["coder"] for r in queue] == ["Budi"]
    assert len(json.loads(qda("segments", proj, "--json", "--as", "Dosen").stdout)) == 2  # a supervisor sees all
    typo = qda("segments", proj, "--as", "Anni", ok=False)
    assert "pengode tidak ditemukan: Anni" in typo.stderr and "Ani" in typo.stderr
    assert "aktif" in qda("review", "blind", proj).stdout  # the setting itself lists no codings
    qda("review", "blind", proj, "off", "--coder", "Dosen")
    assert len(json.loads(qda("segments", proj, "--json").stdout)) == 2  # comparison on: everyone, no name needed


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_review_mode_refuses_coding_writes_and_keeps_reviews_and_memos(proj, tmp_path):
    start, end = span("Antrean panjang.")
    new_source = tmp_path / "w2.txt"
    new_source.write_text("Loket ramai sejak pagi.", encoding="utf-8")
    before = digest(proj)
    for args in (("code", proj, "--doc", "w1.txt", "--start", "0", "--end", "5", "--code", "Sarana", "--coder", "Ani"),
                 ("uncode", proj, "--doc", "w1.txt", "--start", str(start), "--end", str(end), "--code", "Sarana",
                  "--coder", "Budi"),
                 ("import", proj, str(new_source)),
                 ("codebook", proj, "add", "Baru")):
        refused = qda("--review-mode", *args, ok=False)
        assert "mode telaah" in refused.stderr, (args, refused.stderr)
    assert digest(proj) == before  # nothing written, not even a half
    refused = qda("code", proj, "--doc", "w1.txt", "--start", "0", "--end", "5", "--code", "Sarana", "--coder",
                  "Ani", "--review-mode", ok=False)  # after the subcommand too
    assert "Proyek dibuka dalam mode telaah: koding tidak dapat diubah" in refused.stderr
    qda("--review-mode", "review", proj, "--doc", "w1.txt", "--start", str(start), "--end", str(end), "--code",
        "Sarana", "--status", "approved", "--coder", "Dosen")
    qda("--review-mode", "memo", proj, "--doc", "w1.txt", "--set", "catatan pembimbing", "--coder", "Dosen")
    with Project.open(proj, read_only=True) as p:
        assert len(p.segments.all()) == 2 and [c.name for c in p.codes.all()] == ["Responsivitas", "Sarana"]
        assert p.supervision.statuses() == {p.segments.all(code="Sarana")[0].id: "approved"}
        assert p.memos.get(p.documents.get("w1.txt")) == "catatan pembimbing"
        assert not p.supervision.in_review_mode()  # the guard lived only in the command's connection
    qda("code", proj, "--doc", "w1.txt", "--start", "0", "--end", "5", "--code", "Sarana", "--coder", "Ani")
