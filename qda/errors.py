"""Exceptions named after the condition they report.

Every message is meant for the user: it names the file or object and the problem,
so the CLI and the GUI can show it as it is, without a traceback.
"""

from __future__ import annotations


class QdaError(Exception):
    """Base class of every error qda reports to the user."""


class ProjectError(QdaError):
    """A project file cannot be used as asked."""


class ProjectExists(ProjectError):
    """A new project was asked for at a path that already holds a file."""


class NotAProject(ProjectError):
    """The file is not a qda project (or is damaged)."""


class ProjectInUse(ProjectError):
    """Another process has the project open for writing (``waited`` seconds were waited for it)."""

    def __init__(self, message: str, *, path: object = None, waited: float = 0.0) -> None:
        super().__init__(message)
        self.path = path
        self.waited = waited


class ProjectTooNew(ProjectError):
    """The project was written by a newer version of qda."""


class ReadOnlyProject(ProjectError):
    """A write was attempted on a project opened read-only."""


class ReadOnlyMedia(ProjectError):
    """The project lies on a medium or in a folder that cannot be written (it can still be read)."""


class DiskFull(ProjectError):
    """The disk (or the file-size limit) is full; nothing half-written was kept."""


class FileFault(ProjectError):
    """The project file could not be read or written (an I/O error of the medium)."""


class ProjectDamaged(NotAProject):
    """The project file fails SQLite's check; ``backups`` lists copies it can be restored from."""

    def __init__(self, message: str, *, path: object = None, backups: list | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backups = list(backups or [])


class ForeignSchema(ProjectError):
    """The project file holds triggers, views, tables or indexes that qda did not create."""

    def __init__(self, message: str, *, path: object = None, objects: list | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.objects = list(objects or [])


class InReviewMode(ProjectError):
    """A write the review mode forbids (codings, codes and sources stay as they are)."""


class UndoFailed(QdaError):
    """An undo or redo could not be carried out; the command stays where it was."""


class InvalidValue(QdaError, ValueError):
    """A name, colour, kind, status or other value that cannot be used as given."""


class NotFound(QdaError):
    """A named document, code, case, coder or segment does not exist."""


class AlreadyExists(QdaError):
    """An object with that name already exists."""


class InvalidSpan(QdaError):
    """A segment's start/end do not fit the document's text."""


class CodeHasSegments(QdaError):
    """Deleting a code that still has segments needs an explicit choice."""


class SourceRefused(QdaError):
    """A file could not be imported; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DataError(QdaError):
    """Survey data that cannot be analysed (the message names row and column)."""


class Cancelled(QdaError):
    """A long operation was cancelled by the user."""


def os_reason(exc: OSError) -> str:
    """The reason of an operating-system error in the interface language, with what to do.

    Library and OS texts ("No such file or directory") are English; this names the common
    conditions in the user's words and falls back to the system's text for rare ones.
    """
    import errno

    from qda.i18n import tr

    reasons = {
        errno.ENOENT: lambda: tr("berkas atau folder tidak ada"),
        errno.EACCES: lambda: tr("tidak ada izin; periksa hak akses berkas atau salin ke folder Anda"),
        errno.EPERM: lambda: tr("tidak ada izin; periksa hak akses berkas atau salin ke folder Anda"),
        errno.EISDIR: lambda: tr("ini sebuah folder, bukan berkas"),
        errno.ENOTDIR: lambda: tr("bagian jalurnya bukan folder"),
        errno.ENOSPC: lambda: tr("disk penuh; kosongkan ruang lalu coba lagi"),
        errno.EROFS: lambda: tr("media hanya-baca; salin berkas ke folder yang dapat ditulis"),
        errno.EEXIST: lambda: tr("berkas sudah ada"),
        errno.ENAMETOOLONG: lambda: tr("nama berkas terlalu panjang"),
        errno.EFBIG: lambda: tr("berkas terlalu besar untuk media ini"),
        errno.EIO: lambda: tr("kesalahan masukan/keluaran pada media; periksa disk atau salin berkas ke tempat lain"),
    }
    found = reasons.get(exc.errno or -1)
    return found() if found else (exc.strerror or str(exc))
