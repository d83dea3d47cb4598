"""The lock that keeps a project to one writing program at a time."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from qda.errors import ProjectInUse
from qda.i18n import tr


def acquire_project_lock(path: str | Path) -> FileLock:
    """Take the write lock of the project at ``path`` now, or raise :class:`ProjectInUse`."""
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise ProjectInUse(tr("{path}: proyek sedang dibuka oleh program lain; buka hanya-baca "
                              "atau tutup program itu dulu", path=path)) from None
    return lock


def release_project_lock(lock: FileLock) -> None:
    """Give the lock back and remove its file."""
    lock.release()
    Path(lock.lock_file).unlink(missing_ok=True)
