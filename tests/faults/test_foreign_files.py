"""Files qda refuses are left exactly as they were; reading a project writes nothing."""

from __future__ import annotations

import sqlite3

import pytest

from qda.store import Project
from tests.faults.helpers import INTERVIEW, fingerprint, one_line_error, qda, sha256


@pytest.fixture
def foreign(tmp_path):
    """Another application's SQLite database in WAL-less (rollback journal) mode."""
    path = tmp_path / "aplikasi_lain.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE pegawai(nama TEXT, nip TEXT)")
    con.execute("INSERT INTO pegawai VALUES ('Rina', '1987')")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("command", [
    ["code", "{p}", "--doc", "a.txt", "--start", "0", "--end", "3", "--code", "Responsivitas"],
    ["import", "{p}", str(INTERVIEW)],
    ["sources", "{p}"],
    ["codes", "{p}", "--json"],
])
def test_foreign_sqlite_file_is_refused_unchanged(foreign, command):
    before_sha, before = sha256(foreign), fingerprint(foreign.parent)
    line = one_line_error(qda(*[c.format(p=foreign) for c in command]))
    assert str(foreign) in line and "bukan proyek qda" in line
    assert sha256(foreign) == before_sha
    assert fingerprint(foreign.parent) == before  # no journal, no lock file, nothing beside it


@pytest.mark.parametrize("command", [
    ["code", "{p}", "--doc", "a.txt", "--start", "0", "--end", "3", "--code", "Responsivitas"],
    ["import", "{p}", str(INTERVIEW)],
    ["sources", "{p}"],
])
def test_empty_qda_file_stays_empty(tmp_path, command):
    empty = tmp_path / "kosong.qda"
    empty.write_bytes(b"")
    line = one_line_error(qda(*[c.format(p=empty) for c in command]))
    assert str(empty) in line and "kosong" in line
    assert empty.stat().st_size == 0
    assert fingerprint(tmp_path) == {"kosong.qda": sha256(empty)}


def test_folder_given_as_project_is_named_a_folder(tmp_path):
    line = one_line_error(qda("sources", tmp_path))
    assert "folder" in line


@pytest.mark.parametrize("command", [["sources", "{p}"], ["codes", "{p}"], ["segments", "{p}", "--json"],
                                     ["text", "{p}", "--doc", INTERVIEW.name], ["backup", "{p}", "{d}/salinan.qda"]])
def test_reading_a_project_changes_no_file(tmp_path, command):
    path = tmp_path / "p.qda"
    with Project.create(path, coder="Rina") as p:
        p.documents.add(INTERVIEW.name, INTERVIEW.read_text(encoding="utf-8"), "interview")
    (tmp_path / "p.qda.lock").unlink()
    before = fingerprint(tmp_path)
    result = qda(*[c.format(p=path, d=tmp_path) for c in command])
    assert result.returncode == 0, result.stderr
    after = fingerprint(tmp_path)
    after.pop("salinan.qda", None)  # what `qda backup` was asked to write
    assert after == before  # same files (no -wal, -shm or lock left), same bytes


def test_refused_create_names_the_users_file(tmp_path, monkeypatch):
    from qda.errors import QdaError

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("qda.store.schema.apply", broken)
    target = tmp_path / "baru.qda"
    with pytest.raises(QdaError) as err:
        Project.create(target)
    assert str(target) in str(err.value) and ".creating" not in str(err.value)
    assert list(tmp_path.iterdir()) == []  # nothing left behind
