"""Reading a .qdpx archive (or a bare .qde / .qdc file) as untrusted input.

Nothing is ever extracted to disk: the project XML and each source's plain text are read
into memory, entry by entry, through bounded reads. Refused with one clear message:

- a file that is not a zip (and not an XML .qde/.qdc file);
- an entry whose name would land outside the archive's folder (absolute, ``..``, drive
  letters) — the whole archive is refused, since the writer is not to be trusted;
- too many entries, an entry above :data:`MAX_ENTRY_BYTES`, entries together above
  :data:`MAX_TOTAL_BYTES`, or an entry expanding more than :data:`MAX_RATIO` times (zip bomb);
- XML holding a DOCTYPE or ENTITY declaration (entity expansion, external entities); the
  parser itself resolves no entities and opens no network or file.

A source path (``internal://x.txt``, ``x.txt``, ``sources/x.txt`` …) that does not name an
entry in ``sources/`` or ``Sources/``, or that tries to climb out of it, is *skipped* by the
importer with its reason; :meth:`QdpxArchive.read_source` raises :class:`SourceMissing`.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from qda.errors import QdaError
from qda.i18n import tr

MAX_ENTRIES = 20000
MAX_ENTRY_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


class ExchangeRefused(QdaError):
    """A REFI-QDA file that cannot be read safely or at all; the message names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class SourceMissing(QdaError):
    """A source's text file named by the project XML is absent or unusable."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=True, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, path: str | Path, part: str) -> etree._Element:
    """Parse untrusted XML bytes: no DTD, no entities, no network; one-line error on failure."""
    if any(marker in data for marker in _FORBIDDEN):
        raise ExchangeRefused(path, tr("{part} memuat deklarasi DOCTYPE/ENTITY (XML tidak aman); ditolak",
                                       part=part))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ExchangeRefused(path, tr("{part} bukan XML yang sah ({detail})", part=part, detail=exc)) from None
    if root.getroottree().docinfo.internalDTD is not None:  # e.g. a DTD in UTF-16 the byte scan cannot see
        raise ExchangeRefused(path, tr("{part} memuat deklarasi DOCTYPE/ENTITY (XML tidak aman); ditolak",
                                       part=part))
    return root


def _safe_name(name: str) -> bool:
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        return False
    return ".." not in norm.split("/")


class QdpxArchive:
    """An opened .qdpx (zip) or a bare XML file, checked before anything is read."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._entries: dict[str, zipfile.ZipInfo] = {}
        self.project_part = ""
        if not self.path.is_file():
            raise ExchangeRefused(self.path, tr("berkas tidak ditemukan"))
        with open(self.path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
            self._open_zip()
        elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            if self.path.stat().st_size > MAX_ENTRY_BYTES:
                raise ExchangeRefused(self.path, tr("berkas XML terlalu besar"))
            self.project_part = self.path.name
        else:
            raise ExchangeRefused(self.path, tr("bukan berkas REFI-QDA (.qdpx harus arsip zip, .qde/.qdc berkas XML)"))

    # ------------------------------------------------------------------ zip checks
    def _open_zip(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, OSError):
            raise ExchangeRefused(self.path, tr("arsip zip rusak atau terpotong")) from None
        if len(infos) > MAX_ENTRIES:
            raise ExchangeRefused(self.path, tr("arsip berisi terlalu banyak entri ({n})", n=len(infos)))
        total = 0
        for info in infos:
            if not _safe_name(info.filename):
                raise ExchangeRefused(self.path, tr("entri {name} akan tertulis di luar folder proyek; arsip ditolak",
                                                    name=info.filename))
            if info.file_size > MAX_ENTRY_BYTES:
                raise ExchangeRefused(self.path, tr("entri {name} terlalu besar ({mb} MB)", name=info.filename,
                                                    mb=info.file_size // (1024 * 1024)))
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ExchangeRefused(self.path, tr("entri {name} mengembang {ratio} kali saat dibuka (bom zip); "
                                                    "ditolak", name=info.filename,
                                                    ratio=info.file_size // max(info.compress_size, 1)))
            total += info.file_size
            if not info.is_dir():
                self._entries[info.filename.replace("\\", "/")] = info
        if total > MAX_TOTAL_BYTES:
            raise ExchangeRefused(self.path, tr("isi arsip melebihi batas {gb} GB", gb=MAX_TOTAL_BYTES >> 30))
        top = sorted(n for n in self._entries if "/" not in n and n.lower().endswith((".qde", ".qdc")))
        if not top:
            top = sorted(n for n in self._entries if n.lower().endswith(".qde"))
        if not top:
            raise ExchangeRefused(self.path, tr("arsip tidak memuat berkas proyek .qde"))
        self.project_part = top[0]

    def _read_entry(self, name: str) -> bytes:
        assert self._zip is not None
        info = self._entries[name]
        try:
            with self._zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise ExchangeRefused(self.path, tr("entri {name} rusak ({detail})", name=name, detail=exc)) from None
        if len(data) > info.file_size:
            raise ExchangeRefused(self.path, tr("entri {name} lebih besar daripada yang dinyatakan; ditolak", name=name))
        return data

    # ------------------------------------------------------------------ reading
    def project_xml(self) -> etree._Element:
        """The parsed project (.qde) or codebook (.qdc) XML."""
        if self._zip is None:
            data = self.path.read_bytes()
        else:
            data = self._read_entry(self.project_part)
        return parse_xml(data, self.path, self.project_part)

    def resolve(self, reference: str) -> str:
        """The archive entry a source path refers to; :class:`SourceMissing` with the reason otherwise."""
        if self._zip is None:
            raise SourceMissing(tr("{ref}: berkas sumber tidak disertakan (hanya XML proyek)", ref=reference))
        ref = reference.strip()
        if ref.lower().startswith("internal://"):
            ref = ref[len("internal://"):]
        elif "://" in ref:
            raise SourceMissing(tr("{ref}: sumber di luar arsip tidak dibaca", ref=reference))
        ref = ref.replace("\\", "/")
        if not ref or not _safe_name(ref) or posixpath.normpath(ref).startswith(".."):
            raise SourceMissing(tr("{ref}: jalur di luar arsip; dilewati", ref=reference))
        wanted = [f"sources/{ref}", ref] if not ref.lower().startswith("sources/") else [ref, ref[8:]]
        lower = {n.lower(): n for n in self._entries}
        for candidate in wanted:
            if candidate in self._entries:
                return candidate
            if candidate.lower() in lower:
                return lower[candidate.lower()]
        raise SourceMissing(tr("{ref}: tidak ada di folder sources/ arsip", ref=reference))

    def read_source(self, reference: str) -> bytes:
        """The bytes of a source file named by the project XML."""
        return self._read_entry(self.resolve(reference))

    def close(self) -> None:
        """Close the zip, if any."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> QdpxArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
