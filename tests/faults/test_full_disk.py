"""A full disk (a file-size limit, or a small tmpfs where it can be mounted) ends in one line, nothing half-written."""

from __future__ import annotations

import resource
import shutil
import sqlite3
import subprocess

import pytest

from qda.store import Project
from tests.faults.helpers import INTERVIEW, SAMPLES, fingerprint, one_line_error, qda, sha256


def _limit(size: int):
    """Run the child with a file-size limit of ``size`` bytes (writes beyond it fail with EFBIG)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def _project(tmp_path, name="p.qda"):
    path = tmp_path / name
    with Project.create(path, coder="Rina") as p:
        p.documents.add(INTERVIEW.name, INTERVIEW.read_text(encoding="utf-8"), "interview")
    return path


def test_new_on_a_full_disk_leaves_nothing(tmp_path):
    line = one_line_error(qda("new", tmp_path / "baru.qda", preexec_fn=_limit(20_000)))
    assert str(tmp_path / "baru.qda") in line and ".creating" not in line
    assert "ruang" in line  # says what to do
    assert list(tmp_path.iterdir()) == []


def test_import_on_a_full_disk_keeps_the_project_whole(tmp_path):
    path = _project(tmp_path)
    # no file may grow past 64 KB: the write-ahead log of the import's first batch of sources cannot be written
    result = qda("import", path, SAMPLES, preexec_fn=_limit(64_000))
    line = one_line_error(result) if result.returncode == 2 else result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in line
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        assert INTERVIEW.name in [d.name for d in p.documents.all()]
        assert len(p.events.all()) >= 1


def test_backup_on_a_full_disk_leaves_no_partial_copy(tmp_path):
    path = _project(tmp_path)
    before = fingerprint(tmp_path)
    line = one_line_error(qda("backup", path, tmp_path / "salinan.qda", preexec_fn=_limit(20_000)))
    assert "salinan.qda" in line
    assert fingerprint(tmp_path) == before  # no salinan.qda, .tmp or journal left


def test_full_disk_during_the_backup_before_an_upgrade(tmp_path):
    path = _project(tmp_path)
    con = sqlite3.connect(path)  # an older file: migration 0002 still to run
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_unique_codings'")
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()
    Project.open(path, read_only=True).close()
    before = sha256(path)
    line = one_line_error(qda("code", path, "--doc", INTERVIEW.name, "--start", "0", "--end", "5",
                              "--code", "Responsivitas", preexec_fn=_limit(path.stat().st_size // 2)))
    assert "ruang" in line
    assert not [p for p in tmp_path.iterdir() if ".bak-" in p.name]  # no partial backup
    assert sha256(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    con.close()


def _can_mount_tmpfs() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="mounting a small tmpfs needs root and unshare")
def test_real_full_tmpfs(tmp_path):
    """On a real full file system SQLite reports 'disk full': the message says to free space."""
    import sys

    path = _project(tmp_path)
    script = (f"mount -t tmpfs -o size=600k tmpfs /mnt && cp {path} /mnt/p.qda && "
              f"{sys.executable} -m qda import /mnt/p.qda {SAMPLES} ; echo rc=$? ; "
              f"{sys.executable} -c \"from qda.store import Project; p = Project.open('/mnt/p.qda'); "
              f"print('check', p.integrity_check(), len(p.documents.all()))\"")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300,
                            env={"QDA_LANG": "id", "PATH": "/usr/bin:/bin"}, cwd=str(SAMPLES.parent))
    assert "Traceback" not in result.stderr, result.stderr
    assert "rc=2" in result.stdout or "rc=1" in result.stdout, result.stdout + result.stderr
    assert "disk penuh" in result.stderr
    assert "check ok" in result.stdout
