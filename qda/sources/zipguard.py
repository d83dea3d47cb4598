"""Checks on a .docx/.odt zip archive before any of it is extracted or parsed.

Refused: a file that is not a zip or is truncated, an archive without the document part, too
many members, declared uncompressed XML above :data:`~qda.sources.limits.MAX_XML_BYTES` or
all members above :data:`~qda.sources.limits.MAX_ARCHIVE_BYTES` (python-docx loads every
part, images included), any member expanding more than
:data:`~qda.sources.limits.MAX_COMPRESSION_RATIO` times (zip bomb), and any XML part holding
a DOCTYPE or ENTITY declaration (external entities, billion laughs) in any of the encodings
XML allows (UTF-8, UTF-16 and UTF-32 in either byte order, recognised by the BOM or the
first bytes, as the parser will decode it), and any XML part in another encoding.
``zipfile`` never reads more than a member's declared size, so the declared sizes bound the
memory used afterwards. The parts are then parsed with entity resolution, DTD loading and
network access switched off explicitly (:func:`harden_python_docx`, defusedxml for .odt).
"""

from __future__ import annotations

import zipfile
import zlib

from qda.errors import SourceRefused
from qda.i18n import tr
from qda.sources import limits

_CHUNK = 1 << 20
_MARKERS = ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_FORBIDDEN = tuple({m.encode(enc) for m in _MARKERS for enc in _ENCODINGS})
_TAIL = max(len(m) for m in _FORBIDDEN)
#: how an XML part may begin (BOM, or "<" / whitespace in one of the encodings above)
_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"<", b"\x00<", b"<\x00",
           b"\x00\x00\x00<", b"<\x00\x00\x00", b" ", b"\t", b"\r", b"\n", b"\x00 ", b" \x00", b"\x00\n", b"\n\x00")


def _fault_reason(exc: BaseException) -> str:
    from qda.sources.readers import fault_reason

    return fault_reason(exc)


def harden_python_docx() -> None:
    """Make python-docx parse every part with entities, DTDs and the network off (explicitly)."""
    from docx.opc import oxml as opc_oxml
    from docx.oxml import parser as oxml_parser
    from lxml import etree

    for module in (oxml_parser, opc_oxml):
        parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False,
                                 dtd_validation=False, huge_tree=False)
        parser.set_element_class_lookup(module.element_class_lookup)
        module.oxml_parser = parser  # type: ignore[attr-defined]


def open_checked_zip(path: str, required: str, fmt: str) -> zipfile.ZipFile:
    """Open ``path`` as a zip that passed every check; the caller closes it."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise SourceRefused(
            path, tr("bukan berkas {fmt} yang sah (bukan arsip zip, atau terpotong)", fmt=fmt)
        ) from None
    try:
        _check(archive, path, required, fmt)
    except BaseException:
        archive.close()
        raise
    return archive


def _check(archive: zipfile.ZipFile, path: str, required: str, fmt: str) -> None:
    infos = archive.infolist()
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise SourceRefused(path, tr("arsip {fmt} berisi terlalu banyak bagian ({n})", fmt=fmt, n=len(infos)))
    names = {info.filename for info in infos}
    if required not in names:
        raise SourceRefused(path, tr("bukan berkas {fmt} yang sah: bagian {part} tidak ada", fmt=fmt, part=required))
    xml_total = total = 0
    for info in infos:
        total += info.file_size
        if _is_xml(info.filename):
            xml_total += info.file_size
        if info.file_size > limits.RATIO_FLOOR_BYTES and (
            info.file_size > limits.MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            raise SourceRefused(
                path,
                tr(
                    "bagian {part} akan mengembang {ratio} kali saat dibuka (bom zip); ditolak",
                    part=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                ),
            )
    if xml_total > limits.MAX_XML_BYTES:
        raise SourceRefused(
            path,
            tr(
                "isi XML {size} MB melebihi batas {limit} MB",
                size=xml_total // (1024 * 1024),
                limit=limits.MAX_XML_BYTES // (1024 * 1024),
            ),
        )
    if total > limits.MAX_ARCHIVE_BYTES:
        raise SourceRefused(
            path,
            tr(
                "isi arsip {size} MB melebihi batas {limit} MB",
                size=total // (1024 * 1024),
                limit=limits.MAX_ARCHIVE_BYTES // (1024 * 1024),
            ),
        )
    for info in infos:
        if _is_xml(info.filename):
            _scan_declarations(archive, info, path)


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _scan_declarations(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> None:
    """Refuse a part declaring a DTD or entities; streams the part in bounded chunks."""
    tail = b""
    first = True
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                if first and chunk and not chunk.startswith(_STARTS):
                    raise SourceRefused(path, tr("bagian {part} memakai penyandian XML yang tidak didukung; ditolak",
                                                 part=info.filename))
                first = False
                window = tail + chunk
                if any(marker in window for marker in _FORBIDDEN):
                    raise SourceRefused(
                        path,
                        tr(
                            "bagian {part} memuat deklarasi DOCTYPE/ENTITY (XML tidak aman); ditolak",
                            part=info.filename,
                        ),
                    )
                tail = window[-_TAIL:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        raise SourceRefused(
            path, tr("bagian {part} rusak atau terpotong ({detail})", part=info.filename,
                     detail=_fault_reason(exc))
        ) from None
