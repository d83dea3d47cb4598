"""Text-based PDF through pypdf: pages joined by a blank line; scans without text are refused."""

from __future__ import annotations

import logging

from qda.errors import SourceRefused
from qda.i18n import tr


def read(path: str) -> tuple[str, None]:
    """Return ``(text, None)`` of a .pdf file with a text layer."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # damaged-file warnings become the one refusal message
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceRefused(path, tr("PDF terkunci dengan kata sandi"))
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise SourceRefused(path, tr("berkas PDF rusak atau tidak dapat dibaca; buka di pembaca PDF lalu simpan "
                                     "atau cetak ulang sebagai PDF")) from None
    finally:
        logger.setLevel(level)
    if not any(page.strip() for page in pages):
        raise SourceRefused(
            path, tr("PDF tidak memiliki lapisan teks (hasil pindaian?); jalankan OCR lebih dulu")
        )
    return "\n\n".join(page.strip("\n") for page in pages), None
