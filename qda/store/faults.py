"""Faults of the project file, told as the user's problem: what happened and what to do.

* :func:`identify` reads the first 100 bytes of a file itself (no SQLite connection),
  so a file qda refuses (empty, another program's database, not a database) is
  never touched: no journal mode switched, no header written, no lock file beside it.
* :func:`media_writable` says whether a project's folder and file can be written;
  on read-only media a project is opened in SQLite's immutable mode.
* :func:`user_error` turns a SQLite or OS error into one :class:`~qda.errors.QdaError`
  naming the user's file (full disk, read-only media, I/O error, damaged file, a rule
  of the file refusing a change). The CLI prints it as one ``qda:`` line, the GUI in a dialog.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from qda.errors import (DiskFull, FileFault, NotAProject, ProjectDamaged, ProjectError, ProjectInUse,
                        ProjectTooNew, QdaError, ReadOnlyMedia)
from qda.i18n import tr

SQLITE_MAGIC = b"SQLite format 3\x00"

# SQLite primary result codes (https://sqlite.org/rescode.html)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _CONSTRAINT, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 19, 26

_DISK_FULL_ERRNO = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNO = {errno.EROFS, errno.EACCES, errno.EPERM}


def journal_files(path: str | Path) -> list[Path]:
    """The journal files SQLite may keep beside ``path`` (``-wal``, ``-shm``, ``-journal``)."""
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


def remove_with_journals(path: str | Path) -> None:
    """Remove ``path`` and any journal files beside it (clean-up after a failed write)."""
    for p in [Path(path), *journal_files(path)]:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def identify(path: Path, application_id: int, known_version: int) -> None:
    """Refuse ``path`` unless its header says it is a qda project this version can read.

    Only reads bytes; the file and its folder are left exactly as they were.
    """
    if path.is_dir():
        raise NotAProject(tr("{path}: ini folder, bukan berkas proyek; sebutkan berkas .qda di dalamnya",
                             path=path))
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise NotAProject(tr("{path}: proyek tidak ditemukan", path=path)) from None
    except OSError as exc:
        raise (user_error(exc, path) or exc) from None
    if not header:
        raise NotAProject(tr("{path}: berkas kosong, bukan proyek qda; berkasnya tidak diubah", path=path))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAProject(tr("{path}: bukan berkas proyek qda; berkasnya tidak diubah", path=path))
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    if app_id != application_id:
        raise NotAProject(tr("{path}: basis data program lain, bukan proyek qda; berkasnya tidak diubah",
                             path=path))
    if version > known_version:
        raise too_new(path, version)


def too_new(path: Path, version: int) -> ProjectTooNew:
    """The error for a project written by a newer qda."""
    return ProjectTooNew(tr("{path}: proyek dibuat oleh versi qda yang lebih baru (skema {v}); perbarui qda",
                            path=path, v=version))


def media_writable(path: Path) -> bool:
    """Whether the project at ``path`` and its folder can be written (False on read-only media)."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except (AttributeError, OSError):
        pass
    return os.access(folder, os.W_OK | os.X_OK) and os.access(path, os.W_OK)


def damaged(path: Path) -> ProjectDamaged:
    """The error for a project file that fails SQLite's check, offering its backups."""
    from qda.store.backups import list_backups

    backups = [b.path for b in list_backups(path)]
    if backups:
        message = tr("{path}: berkas proyek rusak; pulihkan dari cadangan terbaru dengan: qda restore {path} "
                     "{backup} (daftar cadangan: qda restore {path})", path=path, backup=backups[0])
    else:
        message = tr("{path}: berkas proyek rusak dan tidak ada cadangan di foldernya; jangan menimpa berkas ini, "
                     "salin dulu ke tempat aman lalu cari cadangan (mis. di flashdisk atau surel)", path=path)
    return ProjectDamaged(message, path=path, backups=backups)


def user_error(exc: BaseException, path: str | Path) -> QdaError | None:
    """``exc`` as one user-facing error naming ``path``, or None if it is not a file fault."""
    path = Path(path)
    if isinstance(exc, QdaError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(exc).lower()
        if code == _FULL or "disk is full" in text:
            return disk_full(path)
        if code == _READONLY or "readonly database" in text:
            return ReadOnlyMedia(_read_only(path))
        if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
            return damaged(path)
        if code == _IOERR or "i/o error" in text:
            return FileFault(tr("{path}: kesalahan baca/tulis pada disk; pastikan disk atau flashdisk masih "
                                "terpasang dan ruangnya cukup, lalu ulangi (tindakan yang sudah selesai tetap "
                                "utuh)", path=path))
        if code == _CANTOPEN or "unable to open" in text:
            if path.exists() and not media_writable(path):
                return ReadOnlyMedia(_read_only(path))
            return FileFault(tr("{path}: berkas proyek tidak dapat dibuka; periksa izin folder dan ruang disk, "
                                "lalu ulangi", path=path))
        if code in (_BUSY, _LOCKED) or "database is locked" in text:
            return ProjectInUse(tr("{path}: proyek sedang sibuk ditulis program lain; ulangi sebentar lagi",
                                   path=path), path=path)
        if code == _CONSTRAINT and "raise" not in text:
            return None  # a constraint qda checks itself reports its own message
        if code == _CONSTRAINT:
            return ProjectError(tr("{path}: aturan di dalam berkas proyek menolak perubahan ini; tidak ada yang "
                                   "diubah", path=path))
        return None
    if isinstance(exc, OSError):
        if exc.errno in _DISK_FULL_ERRNO:
            return disk_full(path)
        if exc.errno in _READ_ONLY_ERRNO:
            return ReadOnlyMedia(_read_only(path))
        if exc.errno == errno.EIO:
            return FileFault(tr("{path}: kesalahan baca/tulis pada disk; pastikan disk atau flashdisk masih "
                                "terpasang dan ruangnya cukup, lalu ulangi (tindakan yang sudah selesai tetap "
                                "utuh)", path=path))
    return None


def disk_full(path: Path) -> DiskFull:
    """The error for a write that did not fit on the disk."""
    return DiskFull(tr("{path}: disk penuh, perubahan ini tidak disimpan; kosongkan ruang disk (atau pindahkan "
                       "proyek ke disk lain) lalu ulangi; tindakan sebelumnya tetap utuh", path=path))


def _read_only(path: Path) -> str:
    from qda.store.lock import read_only_media_message

    return read_only_media_message(path)
