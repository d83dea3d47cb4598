"""Readers: one small module per file format, each turning a file into plain text.

:func:`read_source` is the single entry point: it checks the path (exists, is a file,
readable, within :data:`~qda.sources.limits.MAX_FILE_BYTES`), picks the reader by the
file extension, normalises the text (:mod:`qda.sources.normalise`) and returns a
:class:`SourceText`. Every problem is raised as :class:`~qda.errors.SourceRefused`
naming the file and the reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from qda.errors import SourceRefused, os_reason
from qda.i18n import tr
from qda.sources import limits
from qda.sources.normalise import normalise

#: extension -> (module under qda.sources.readers, format name)
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("plain", "txt"),
    ".text": ("plain", "txt"),
    ".md": ("plain", "md"),
    ".markdown": ("plain", "md"),
    ".docx": ("docx_reader", "docx"),
    ".odt": ("odt_reader", "odt"),
    ".rtf": ("rtf_reader", "rtf"),
    ".pdf": ("pdf_reader", "pdf"),
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(READERS)
#: a file of at least this size giving less than one character of text per NEAR_EMPTY_RATIO bytes
#: is reported, not imported as an almost empty source
NEAR_EMPTY_BYTES = 64 * 1024
NEAR_EMPTY_RATIO = 500


@dataclass(frozen=True)
class SourceText:
    """A file's normalised plain text and the facts of how it was read."""

    path: str
    text: str
    fmt: str
    encoding: str | None
    #: the text encoded as UTF-8 (made once while normalising; hashing and counting words reuse it)
    utf8: bytes | None = field(default=None, repr=False, compare=False)


def fault_reason(exc: BaseException) -> str:
    """Why a parser library failed on a file, in the interface language (never the library's English)."""
    import zipfile
    import zlib

    if isinstance(exc, UnicodeError):
        return tr("teks berisi karakter yang tidak sah")
    if isinstance(exc, OverflowError):
        return tr("berisi angka di luar jangkauan")
    if isinstance(exc, RecursionError):
        return tr("strukturnya bersarang terlalu dalam")
    if isinstance(exc, MemoryError):
        return tr("terlalu besar untuk dibaca")
    if isinstance(exc, (zlib.error, EOFError, zipfile.BadZipFile)):
        return tr("data terkompresi rusak atau terpotong")
    return tr("strukturnya rusak")


def is_supported(path: str | os.PathLike[str]) -> bool:
    """True if the file's extension has a reader."""
    return Path(path).suffix.lower() in READERS


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """Read and normalise one file; raise SourceRefused with the reason if it cannot be used."""
    name = str(path)
    suffix = Path(name).suffix.lower()
    _check_path(name)
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise SourceRefused(
            name, tr("jenis berkas {ext} tidak didukung (didukung: {known})", ext=suffix or "-", known=known)
        )
    module_name, fmt = READERS[suffix]
    module = import_module(f"qda.sources.readers.{module_name}")
    read = module.read(name)  # (text, encoding) or, from a decoder that kept them, (text, encoding, UTF-8 bytes)
    text, utf8 = normalise(read[0], name, read[2] if len(read) > 2 else None)
    encoding = read[1]
    size = os.path.getsize(name)
    if size >= NEAR_EMPTY_BYTES and len(text) * NEAR_EMPTY_RATIO < size:
        raise SourceRefused(name, tr("hanya {n} karakter teks terbaca dari berkas {kb} KB; isinya mungkin gambar "
                                     "atau hasil pindaian, atau teksnya tersimpan di tempat yang tidak dibaca",
                                     n=len(text), kb=size // 1024))
    return SourceText(name, text, fmt, encoding, utf8)


def _check_path(path: str) -> None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SourceRefused(path, tr("berkas tidak ditemukan")) from None
    except OSError as exc:
        raise SourceRefused(path, tr("berkas tidak dapat dibaca ({detail})", detail=os_reason(exc))) from None
    if os.path.isdir(path):
        raise SourceRefused(path, tr("ini sebuah folder, bukan berkas"))
    if not os.path.isfile(path):
        raise SourceRefused(path, tr("bukan berkas biasa"))
    if info.st_size == 0:
        raise SourceRefused(path, tr("berkas kosong atau hanya berisi spasi"))
    if info.st_size > limits.MAX_FILE_BYTES:
        raise SourceRefused(
            path,
            tr(
                "berkas {size} MB melebihi batas {limit} MB",
                size=info.st_size // (1024 * 1024),
                limit=limits.MAX_FILE_BYTES // (1024 * 1024),
            ),
        )
    if not os.access(path, os.R_OK):
        raise SourceRefused(path, tr("berkas tidak dapat dibaca (izin ditolak)"))


def read_bytes(path: str) -> bytes:
    """The file's bytes (size already checked), with read errors turned into SourceRefused."""
    try:
        with open(path, "rb") as handle:
            # read(n) allocates n bytes up front: ask for the file's own size, not the limit
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(min(size, limits.MAX_FILE_BYTES) + 1)
    except OSError as exc:
        raise SourceRefused(path, tr("berkas tidak dapat dibaca ({detail})", detail=os_reason(exc))) from None
    if len(data) > limits.MAX_FILE_BYTES:
        raise SourceRefused(
            path,
            tr(
                "berkas {size} MB melebihi batas {limit} MB",
                size=len(data) // (1024 * 1024),
                limit=limits.MAX_FILE_BYTES // (1024 * 1024),
            ),
        )
    return data
