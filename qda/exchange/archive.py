"""Reading a .qdpx archive (or a bare .qde / .qdc file) as untrusted input.

Nothing is ever extracted to disk: the project XML is parsed as a stream straight out of
its zip entry (:meth:`QdpxArchive.project_events`, every chunk checked as it is read) and
each source's plain text is read into memory, entry by entry, through bounded reads.
Refused with one clear message:

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
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from lxml import etree

from qda.errors import QdaError
from qda.i18n import tr

MAX_ENTRIES = 20000
MAX_ENTRY_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024
_FORBIDDEN = tuple(word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
                   for codec in ("ascii", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 16


class ExchangeRefused(QdaError):
    """A REFI-QDA file that cannot be read safely or at all; the message names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class SourceMissing(QdaError):
    """A source's text file named by the project XML is absent or unusable."""


def _refuse_dtd(path: str | Path, part: str) -> ExchangeRefused:
    return ExchangeRefused(path, tr("{part} memuat deklarasi DOCTYPE/ENTITY (XML tidak aman); ditolak", part=part))


class _Guarded:
    """A read-only stream of untrusted XML: refuses DOCTYPE/ENTITY declarations (in UTF-8 or
    UTF-16) and more bytes than declared, and turns read errors of a damaged zip into a refusal."""

    def __init__(self, stream: IO[bytes], limit: int, path: str | Path, part: str) -> None:
        self._stream = stream
        self._limit = limit
        self._path = path
        self._part = part
        self._tail = b""
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read(size if size and size > 0 else _CHUNK)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise ExchangeRefused(self._path, tr("entri {name} rusak ({detail})", name=self._part,
                                                 detail=exc)) from None
        self.consumed += len(data)
        if self.consumed > self._limit:
            raise ExchangeRefused(self._path, tr("entri {name} lebih besar daripada yang dinyatakan; ditolak",
                                                 name=self._part))
        window = self._tail + data
        if (b"<!" in window or b"<\x00!" in window or b"\x00<\x00!" in window) \
                and any(marker in window for marker in _FORBIDDEN):  # a cheap look first: "<!" is rare
            raise _refuse_dtd(self._path, self._part)
        self._tail = window[-24:]
        return data


def xml_events(stream: _Guarded, path: str | Path, part: str, *, events: tuple[str, ...] = ("start", "end"),
               tag: list[str] | None = None) -> Iterator[tuple[str, etree._Element]]:
    """Parse events of untrusted XML (of the elements named by ``tag``, all when None), parsed incrementally
    by a hardened parser (no DTD, no entities, no network, no huge trees); one-line
    :class:`ExchangeRefused` on failure."""
    parsed = etree.iterparse(stream, events=events, tag=tag, resolve_entities=False, no_network=True,
                             load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    first = True
    try:
        for event, el in parsed:
            if first:
                first = False
                if el.getroottree().docinfo.internalDTD is not None:  # e.g. a DTD the byte scan cannot see
                    raise _refuse_dtd(path, part)
            yield event, el
    except etree.XMLSyntaxError as exc:
        if "limit exceeded" in str(exc).lower():  # huge_tree is off: libxml2's caps on one text node, depth …
            raise ExchangeRefused(path, tr("{part} melampaui batas aman parser XML (teks lebih dari 10 MB dalam satu "
                                           "elemen atau susunan terlalu dalam); ditolak", part=part)) from None
        raise ExchangeRefused(path, tr("{part} bukan XML yang sah ({detail})", part=part, detail=exc)) from None


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
    @contextmanager
    def project_events(self, *, events: tuple[str, ...] = ("start", "end"), tag: list[str] | None = None
                       ) -> Iterator[tuple[Iterator[tuple[str, etree._Element]], _Guarded]]:
        """The project (.qde) or codebook (.qdc) XML as incremental parse events (see :func:`xml_events`),
        and the guarded stream they come from (its ``consumed`` bytes measure progress)."""
        if self._zip is None:
            raw: IO[bytes] = open(self.path, "rb")
            limit = MAX_ENTRY_BYTES
        else:
            info = self._entries[self.project_part]
            try:
                raw = self._zip.open(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
                raise ExchangeRefused(self.path, tr("entri {name} rusak ({detail})", name=self.project_part,
                                                    detail=exc)) from None
            limit = info.file_size
        with raw:
            guarded = _Guarded(raw, limit, self.path, self.project_part)
            yield xml_events(guarded, self.path, self.project_part, events=events, tag=tag), guarded

    @property
    def project_size(self) -> int:
        """Bytes of the project XML (for progress)."""
        if self._zip is None:
            return self.path.stat().st_size
        return self._entries[self.project_part].file_size

    def root_tag(self) -> str:
        """The local name of the project XML's root element (refused if the XML is unsafe or broken)."""
        with self.project_events(events=("start",)) as (events, _stream):
            for _event, el in events:
                tag = el.tag
                return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        return ""

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
