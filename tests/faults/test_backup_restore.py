"""Backups never overwritten; restore through qda (journal first, verified backup, current file kept); damage found."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap

import pytest

from qda.errors import ProjectDamaged
from qda.store import Project, schema
from qda.store.backups import list_backups, restore
from tests.faults.helpers import INTERVIEW, one_line_error, qda

TEXT = INTERVIEW.read_text(encoding="utf-8")

# Codes in a loop until killed: leaves a -wal full of frames beside the project.
WRITER = textwrap.dedent("""
    import sys
    from qda.store import Project
    p = Project.open(sys.argv[1], coder="Penulis")
    doc = p.documents.get(sys.argv[2])
    i = 0
    while True:
        p.segments.add(doc, i % 500, i % 500 + 3 + i // 500, "Responsivitas")
        i += 1
        if i == 200:
            print("busy", flush=True)
""")


def _project(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, coder="Rina") as p:
        p.documents.add(INTERVIEW.name, TEXT, "interview")
    return path


def _kill_writer_leaving_journal(path):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), INTERVIEW.name], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "busy"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0


def test_backup_command_never_overwrites(tmp_path):
    path = _project(tmp_path)
    first = qda("backup", path)
    second = qda("backup", path)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert len(list_backups(path)) == 2
    target = tmp_path / "salinan.qda"
    target.write_bytes(b"penting")
    line = one_line_error(qda("backup", path, target))
    assert "sudah ada" in line and target.read_bytes() == b"penting"


def test_each_upgrade_attempt_keeps_its_own_backup(tmp_path, monkeypatch):
    path = _project(tmp_path)

    def m9998_broken(db):
        raise RuntimeError("migration failed")

    monkeypatch.setattr(schema.migrations, "_migrations", list(schema.migrations._migrations))
    schema.migrations(name="9998_broken")(m9998_broken)
    for _ in range(2):
        with pytest.raises(RuntimeError):
            Project.open(path)
    backups = [b.path.name for b in list_backups(path)]
    assert len(backups) == 2 and all(".bak-v" in name for name in backups)


def test_restore_folds_the_journal_verifies_and_keeps_the_current_file(tmp_path):
    path = _project(tmp_path)
    backup = qda("backup", path, tmp_path / "cadangan.qda")
    assert backup.returncode == 0, backup.stderr
    _kill_writer_leaving_journal(path)  # newer codings, some only in the -wal
    with Project.open(path, read_only=True) as p:
        newer = len(p.segments.all())
    assert newer >= 200
    result = qda("restore", path, tmp_path / "cadangan.qda")
    assert result.returncode == 0, result.stderr
    assert "disimpan sebagai" in result.stderr
    assert not path.with_name("p.qda-wal").exists() and not path.with_name("p.qda-shm").exists()
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        assert p.segments.all() == [] and [d.name for d in p.documents.all()] == [INTERVIEW.name]
    [kept] = [b.path for b in list_backups(path) if "sebelum-pulih" in b.path.name]
    with Project.open(kept, read_only=True) as p:  # nothing the user had was lost
        assert len(p.segments.all()) == newer


def test_restore_lists_backups_without_one(tmp_path):
    path = _project(tmp_path)
    qda("backup", path)
    result = qda("restore", path)
    assert result.returncode == 0 and "p.qda.bak-" in result.stdout


def test_damaged_backup_is_refused_and_the_project_untouched(tmp_path):
    path = _project(tmp_path)
    bad = tmp_path / "rusak.qda"
    shutil.copyfile(path, bad)
    data = bytearray(bad.read_bytes())
    for i in range(4096 * 3, 4096 * 6):  # overwrite table pages, keep the header
        data[i] = 0xAB
    bad.write_bytes(bytes(data))
    before = path.read_bytes()
    line = one_line_error(qda("restore", path, bad))
    assert "rusak" in line and str(bad) in line
    assert path.read_bytes() == before
    with pytest.raises(ProjectDamaged):
        restore(path, bad)


def test_backup_copied_over_a_project_with_a_leftover_journal_is_found_damaged(tmp_path):
    """The fault the issue saw: a copy over a project whose -wal stayed behind; qda must not list it."""
    path = _project(tmp_path)
    assert qda("backup", path, tmp_path / "cadangan.qda").returncode == 0
    _kill_writer_leaving_journal(path)
    shutil.copyfile(tmp_path / "cadangan.qda", path)  # by hand, not through qda restore
    result = qda("sources", path)
    if result.returncode == 0:  # SQLite replayed the old journal into a file that still checks sound
        with Project.open(path, read_only=True) as p:
            assert p.integrity_check() == "ok"
        pytest.skip("the replayed journal happened to leave a sound file")
    line = one_line_error(result)
    assert "rusak" in line  # (cadangan.qda is not named as qda names backups, so none is offered here)


def test_damaged_project_is_refused_with_its_backups_offered(tmp_path):
    path = _project(tmp_path)
    assert qda("backup", path).returncode == 0
    data = bytearray(path.read_bytes())
    for i in range(4096 * 3, 4096 * 6):
        data[i] = 0xAB
    path.write_bytes(bytes(data))
    line = one_line_error(qda("sources", path))
    assert "rusak" in line and "qda restore" in line and ".bak-" in line
    with pytest.raises(ProjectDamaged) as err:
        Project.open(path)
    assert err.value.backups and err.value.backups[0].name.startswith("p.qda.bak-")


def test_restore_in_english(tmp_path):
    path = _project(tmp_path)
    result = qda("--lang", "en", "restore", path, tmp_path / "tidak-ada.qda")
    line = one_line_error(result)
    assert "not found" in line
