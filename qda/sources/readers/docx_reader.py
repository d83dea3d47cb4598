"""Word .docx: body paragraphs and tables in reading order; headers and footers left out.

Each paragraph or table row is one line (an empty paragraph is a blank line), as in a
plain-text transcript. The archive passes :func:`qda.sources.zipguard.open_checked_zip`
(sizes, ratio, no DTD/entities) before python-docx parses it. The body's children are
walked in order: a ``w:p`` is one paragraph, a ``w:tbl`` becomes one line per row with its
cells joined by `` | `` (a merged cell counted once), a content control (``w:sdt``) is
walked through. Paragraph text includes inserted runs of tracked changes, hyperlinks,
fields' results and inline content controls; deleted text, field codes and text boxes
are left out.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import Iterator

from qda.errors import SourceRefused
from qda.i18n import tr
from qda.sources.zipguard import harden_python_docx, open_checked_zip

CELL_SEPARATOR = " | "


def read(path: str) -> tuple[str, None]:
    """Return ``(text, None)`` of a .docx file."""
    open_checked_zip(path, "word/document.xml", ".docx").close()
    harden_python_docx()
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(path)
        body = document.element.body
        lines = list(_blocks(body))
    except (PackageNotFoundError, LxmlError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError):
        raise SourceRefused(path, tr("berkas .docx rusak atau tidak dapat dibaca; buka di Word atau LibreOffice "
                                     "lalu simpan ulang sebagai .docx")) from None
    return "\n".join(lines), None


def _tag(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _blocks(container) -> Iterator[str]:
    """Text of each paragraph / table row directly in ``container``, in document order."""
    for child in container.iterchildren():
        kind = _tag(child)
        if kind == "p":
            yield _paragraph_text(child)
        elif kind == "tbl":
            yield from _table_rows(child)
        elif kind == "sdt":
            for content in child.iterchildren():
                if _tag(content) == "sdtContent":
                    yield from _blocks(content)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# deleted text (tracked changes), field codes, properties, drawings/text boxes (whose text
# Word stores twice, as mc:Choice and mc:Fallback) are not part of the reading text
_SKIP = frozenset(
    _W + name for name in ("del", "delText", "instrText", "rPr", "pPr", "drawing", "pict", "object", "moveFrom")
) | {_MC + "AlternateContent"}


def _paragraph_text(p) -> str:
    """Visible text of a ``w:p``, including inserted (tracked) runs, hyperlinks, fields, inline controls."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _TEXT:
            parts.append(_TEXT[tag] or child.text or "")
        else:
            _collect(child, parts)


def _table_rows(tbl) -> Iterator[str]:
    for tr_el in tbl.iterchildren():
        if _tag(tr_el) != "tr":
            continue
        cells = []
        for tc in _row_cells(tr_el):
            cells.append(" ".join(" ".join(_blocks(tc)).split()))
        if any(cells):
            yield CELL_SEPARATOR.join(cells)


def _row_cells(tr_el) -> Iterator:
    for child in tr_el.iterchildren():
        kind = _tag(child)
        if kind == "tc":
            yield child
        elif kind == "sdt":
            for content in child.iterchildren():
                if _tag(content) == "sdtContent":
                    yield from (c for c in content.iterchildren() if _tag(c) == "tc")
