"""OpenDocument .odt: ``content.xml`` parsed with defusedxml, body text in reading order.

Each paragraph or heading is one line (an empty paragraph is a blank line); lists are
walked item by item; a table becomes one line per row with its cells joined by `` | ``;
``text:s`` / ``text:tab`` / ``text:line-break`` become spaces, tabs and newlines; footnote
bodies are left out.
"""

from __future__ import annotations

from typing import Iterator

from qda.errors import SourceRefused
from qda.i18n import tr
from qda.sources.zipguard import open_checked_zip

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
CELL_SEPARATOR = " | "


def read(path: str) -> tuple[str, None]:
    """Return ``(text, None)`` of an .odt file."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    with open_checked_zip(path, "content.xml", ".odt") as archive:
        data = archive.read("content.xml")
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException) as exc:
        where = getattr(exc, "position", None)
        raise SourceRefused(path, tr("berkas .odt rusak (content.xml baris {line}, kolom {column}); buka di "
                                     "LibreOffice lalu simpan ulang", line=where[0], column=where[1]) if where
                            else tr("berkas .odt rusak atau tidak dapat dibaca; buka di LibreOffice lalu simpan "
                                    "ulang")) from None
    body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    if body is None:
        raise SourceRefused(path, tr("berkas .odt tidak berisi dokumen teks"))
    return "\n".join(_blocks(body)), None


def _blocks(container) -> Iterator[str]:
    for child in container:
        tag = child.tag
        if tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            yield "".join(_inline(child))
        elif tag == f"{{{TABLE}}}table":
            yield from _table_rows(child)
        elif tag in (f"{{{TEXT}}}list", f"{{{TEXT}}}list-item", f"{{{TEXT}}}list-header", f"{{{TEXT}}}section"):
            yield from _blocks(child)
        elif tag in (f"{{{TABLE}}}table-header-rows", f"{{{TABLE}}}table-rows"):
            yield from _blocks(child)


def _inline(element) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        tag = child.tag
        if tag == f"{{{TEXT}}}s":
            yield " " * _count(child.get(f"{{{TEXT}}}c"))
        elif tag == f"{{{TEXT}}}tab":
            yield "\t"
        elif tag == f"{{{TEXT}}}line-break":
            yield "\n"
        elif tag not in (f"{{{TEXT}}}note", f"{{{OFFICE}}}annotation"):
            yield from _inline(child)
        if child.tail:
            yield child.tail


def _count(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 100)
    except ValueError:
        return 1


def _table_rows(table) -> Iterator[str]:
    for row in table.iter(f"{{{TABLE}}}table-row"):
        cells = []
        for cell in row:
            if cell.tag != f"{{{TABLE}}}table-cell":
                continue
            cells.append(" ".join(" ".join(_blocks(cell)).split()))
        if any(cells):
            yield CELL_SEPARATOR.join(cells)
