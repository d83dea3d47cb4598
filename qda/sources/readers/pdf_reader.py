"""Text-based PDF through pypdf: lines joined into paragraphs, pages joined by a blank line.

A PDF stores visual lines, so a sentence is split wherever the page ran out of width. The
lines of a page are joined into paragraphs as the docx/odt readers give them (one
paragraph per line): a line runs on into the next one unless it is clearly shorter than
the page's full lines (the end of a paragraph or a heading), is blank, or the next line
starts a speaker turn, a list item or a timestamp. A word split with a hyphen at a line
end is joined (``pela-`` + ``yanan`` → ``pelayanan``), except a reduplication
(``kura-`` + ``kura`` stays ``kura-kura``). Scans without a text layer are refused.
"""

from __future__ import annotations

import logging
import re

from qda.errors import SourceRefused
from qda.i18n import tr

_FULL = 0.8  # a line at least this share of the page's full line width runs on into the next
_STARTS_BLOCK = re.compile(r"^\s*(?:[-•*–]\s|\d{1,3}[.)]\s|[\[(]?\d{1,2}[:.]\d{2}|[^\W\d][\w.'’ -]{0,30}:\s)")
_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")


def paragraphs(page: str) -> str:
    """The lines of one page joined into paragraphs (see the module doc)."""
    lines = [line.rstrip() for line in page.split("\n")]
    widths = sorted(len(line) for line in lines if line.strip())
    if len(widths) < 2:
        return "\n".join(lines)
    full = widths[min(len(widths) - 1, int(len(widths) * 0.9))]
    out: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line.strip():
            if current:
                out.append(current)
                current = ""
            out.append("")
            continue
        if current:
            hyphen = _HYPHEN_END.search(current)
            nxt = _WORD_START.match(line.lstrip())
            if hyphen and nxt and nxt.group(1)[:1].islower():
                reduplicated = nxt.group(1).lower() == hyphen.group(1).lower()
                current = (current if reduplicated else current[:-1]) + line.lstrip()
            else:
                current = current + " " + line.lstrip()
        else:
            current = line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if len(line) < _FULL * full or not following.strip() or _STARTS_BLOCK.match(following):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n".join(out)


def read(path: str) -> tuple[str, None]:
    """Return ``(text, None)`` of a .pdf file with a text layer."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # damaged-file warnings become the one refusal message
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))  # AES needs `cryptography`, a declared dependency
            except DependencyError:
                opened = False
            if not opened:
                raise SourceRefused(path, tr("PDF terkunci dengan kata sandi"))
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        raise SourceRefused(path, tr("berkas PDF rusak atau tidak dapat dibaca; buka di pembaca PDF lalu simpan "
                                     "atau cetak ulang sebagai PDF")) from None
    finally:
        logger.setLevel(level)
    if not any(page.strip() for page in pages):
        raise SourceRefused(
            path, tr("PDF tidak memiliki lapisan teks (hasil pindaian?); jalankan OCR lebih dulu")
        )
    return "\n\n".join(paragraphs(page.strip("\n")) for page in pages), None
