"""Backup copies of a project file and restoring one safely.

A backup is a whole SQLite copy made with the online backup API (consistent even
while the project is being written), named ``PROJECT.qda.bak-[LABEL-]YYYYMMDD-HHMMSS``
beside the project; an existing backup is never overwritten. :func:`restore` puts a
backup in the project's place only after SQLite's ``integrity_check`` passed on it,
under the project's write lock, with the project's journal folded in or set aside
first and the current file kept as one more backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from qda.errors import NotAProject, ProjectDamaged, ProjectError
from qda.i18n import tr
from qda.store import faults, schema
from qda.store.lock import acquire_project_lock, release_project_lock

_NOT_BACKUPS = (".tmp", "-wal", "-shm", "-journal", ".lock", ".restoring")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a project: where, when it was written, how big."""

    path: Path
    modified: datetime
    size: int


def backup_target(project: str | Path, label: str = "") -> Path:
    """A new, unused backup name for ``project`` (``label`` such as ``v1`` or ``sebelum-pulih``)."""
    project = Path(project)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{project.name}.bak-{label + '-' if label else ''}{stamp}"
    target = project.with_name(base)
    n = 2
    while target.exists() or Path(f"{target}.tmp").exists():
        target = project.with_name(f"{base}-{n}")
        n += 1
    return target


def list_backups(project: str | Path) -> list[BackupInfo]:
    """The backups beside ``project``, newest first."""
    project = Path(project)
    found = []
    try:
        candidates = list(project.parent.glob(f"{_glob_escape(project.name)}.bak-*"))
    except OSError:
        return []
    for path in candidates:
        if path.name.endswith(_NOT_BACKUPS) or not path.is_file():
            continue
        st = path.stat()
        found.append(BackupInfo(path, datetime.fromtimestamp(st.st_mtime), st.st_size))
    return sorted(found, key=lambda b: (b.modified, b.path.name), reverse=True)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def copy_database(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of the database behind ``conn`` to ``target`` (replacing it whole).

    The copy is written beside the target first and renamed into place; on any failure
    (full disk, I/O error) the partial copy and its journal are removed.
    """
    tmp = target.with_name(target.name + ".tmp")
    faults.remove_with_journals(tmp)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException as exc:
        _failed_replacing(exc, tmp, target)
    return target


def _failed_replacing(exc: BaseException, tmp: Path, target: Path) -> NoReturn:
    """Writing ``tmp`` to replace ``target`` failed: remove ``tmp`` and its journals, and raise the
    failure as the user's one-line error where it is one (a full disk, a read-only folder)."""
    faults.remove_with_journals(tmp)
    fault = faults.user_error(exc, target)
    if fault is not None and fault is not exc:
        raise fault from None
    raise exc


def verify_backup(backup: str | Path) -> None:
    """Refuse ``backup`` unless it is a qda project this version reads that passes ``integrity_check``."""
    backup = Path(backup)
    faults.identify(backup, schema.APPLICATION_ID, schema.schema_version())
    has_journal = Path(f"{backup}-wal").exists()
    uri = backup.resolve().as_uri() + ("?mode=ro" if has_journal else "?immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        result = "error"
    if result != "ok":
        raise ProjectDamaged(tr("{path}: cadangan ini rusak (pemeriksaan integritas gagal); pilih cadangan lain",
                                path=backup), path=backup)


def restore(project: str | Path, backup: str | Path, *, wait: float | None = None) -> Path | None:
    """Put ``backup`` in the place of ``project``; returns where the replaced project was kept.

    The backup is checked first (a qda project passing ``integrity_check``); then, holding the
    project's write lock, the project's ``-wal`` is folded into it (or kept beside the kept copy
    when the file cannot be read), the current file is kept as a backup, and the verified copy is
    renamed into place with no journal left that could be replayed into it.
    """
    project, backup = Path(project), Path(backup)
    if not backup.is_file():
        raise NotAProject(tr("{path}: cadangan tidak ditemukan", path=backup))
    if project.exists() and project.resolve() == backup.resolve():
        raise ProjectError(tr("{path}: cadangan dan proyek adalah berkas yang sama", path=backup))
    if not project.parent.is_dir():
        raise NotAProject(tr("{path}: folder tujuan tidak ada", path=project))
    verify_backup(backup)
    lock = acquire_project_lock(project, wait)
    tmp = project.with_name(project.name + ".restoring")
    kept: Path | None = None
    try:
        if project.exists():
            kept = backup_target(project, "sebelum-pulih")
            _fold_journal(project)
            shutil.copyfile(project, kept)
            _fsync(kept)
            wal = Path(f"{project}-wal")
            if wal.exists() and wal.stat().st_size:  # the journal could not be folded in: keep it with its file
                shutil.copyfile(wal, f"{kept}-wal")
        faults.remove_with_journals(tmp)
        shutil.copyfile(backup, tmp)
        _fsync(tmp)
        for journal in faults.journal_files(project):
            journal.unlink(missing_ok=True)
        os.replace(tmp, project)
        _fsync_dir(project.parent)
    except BaseException as exc:
        _failed_replacing(exc, tmp, project)
    finally:
        release_project_lock(lock)
    return kept


def _fold_journal(project: Path) -> None:
    """Checkpoint the project's write-ahead log into the file, if the file can be read at all."""
    if not Path(f"{project}-wal").exists():
        return
    try:
        conn = sqlite3.connect(str(project))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _fsync(path: str | Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
