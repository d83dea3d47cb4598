"""The lock that keeps a project to one writing program at a time.

The lock is an OS file lock (``flock``) on ``PROJECT.qda.lock`` beside the project.
The lock file is never removed: every waiter must lock the same inode, or two
writers could each hold "the" lock at once. The kernel drops the lock when its
process ends, however it ends, so the lock of a killed program never blocks.

Writers may wait a bounded time for the lock (:func:`set_write_wait` sets the
default for :meth:`Project.open`; the CLI's ``--wait``), then get
:class:`~qda.errors.ProjectInUse`.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from qda.errors import ProjectInUse, ReadOnlyMedia
from qda.i18n import tr

_default_wait: float = 0.0
_on_wait: Callable[[Path, float], None] | None = None


def set_write_wait(seconds: float, on_wait: Callable[[Path, float], None] | None = None) -> None:
    """Default number of seconds a writer waits for another program's lock (0: do not wait).

    ``on_wait(path, seconds)`` is called once when a wait starts (e.g. to say so on stderr).
    """
    global _default_wait, _on_wait
    _default_wait = max(0.0, float(seconds))
    _on_wait = on_wait


def write_wait() -> float:
    """The current default wait for the write lock, in seconds."""
    return _default_wait


def lock_path(path: str | Path) -> Path:
    """The lock file of the project at ``path``."""
    return Path(str(path) + ".lock")


def acquire_project_lock(path: str | Path, wait: float | None = None) -> FileLock:
    """Take the write lock of the project at ``path``, waiting up to ``wait`` seconds.

    Raises :class:`ProjectInUse` when another program keeps it longer, and
    :class:`ReadOnlyMedia` when the project's folder cannot be written at all.
    """
    seconds = _default_wait if wait is None else max(0.0, float(wait))
    lock = FileLock(str(lock_path(path)))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if seconds <= 0:
                raise
            if _on_wait is not None:
                _on_wait(Path(path), seconds)
            lock.acquire(timeout=seconds)
    except Timeout:
        raise ProjectInUse(tr("{path}: proyek sedang dibuka untuk menulis oleh program lain; tutup proyek di "
                              "program itu lalu ulangi, atau buka hanya-baca", path=path),
                           path=Path(path), waited=seconds) from None
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise ReadOnlyMedia(read_only_media_message(path)) from None
        raise
    return lock


def read_only_media_message(path: str | Path) -> str:
    """What to say when a project's folder or medium cannot be written."""
    return tr("{path}: proyek berada di folder atau media hanya-baca (CD, flashdisk terkunci, folder tanpa izin "
              "tulis); proyek dapat dibaca, tetapi untuk mengubahnya salin dulu ke folder yang dapat ditulisi",
              path=path)


def release_project_lock(lock: FileLock) -> None:
    """Give the lock back (its file stays, so the next writer locks the same file)."""
    lock.release()
