"""Page numbers of a finished report, taken from a LibreOffice layout of it.

Word fills a table of contents' page numbers when it updates the field; LibreOffice shows the
field's stored result as it is. So that the contents carry page numbers in both, a report whose
contents were filled in advance is laid out once with LibreOffice (``soffice --headless``, PDF),
the page of every heading is read from the PDF's outline (LibreOffice writes one entry per
heading, in document order), and the numbers are written into the contents' ``PAGEREF`` results.

Without LibreOffice the report is left as it is (Word still fills the numbers on opening).
Set ``QDA_TOC_PAGES=0`` to skip the layout pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def layout_enabled() -> bool:
    """Whether reports get their contents' page numbers from a LibreOffice layout."""
    return os.environ.get("QDA_TOC_PAGES", "1") != "0" and soffice() is not None


def to_pdf(docx: Path, out_dir: Path, timeout: int = 300) -> Path:
    """Convert ``docx`` to PDF in ``out_dir`` with LibreOffice headless; return the PDF path."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=timeout)
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"{docx}: LibreOffice wrote no PDF")
    return pdf


def outline_pages(pdf: Path) -> list[tuple[str, int]]:
    """``(title, 1-based page)`` of every outline entry of ``pdf``, in document order."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    found: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            try:
                page = reader.get_destination_page_number(item) + 1
            except Exception:  # an entry without a page  # noqa: BLE001
                continue
            found.append((" ".join(str(item.title).split()), page))

    walk(reader.outline)
    return found


def heading_pages(docx: Path, headings: list[str]) -> list[int | None]:
    """The page of each heading text (in document order) in LibreOffice's layout of ``docx``."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = to_pdf(docx, Path(tmp))
        entries = outline_pages(pdf)
    pages: list[int | None] = []
    k = 0
    for text in headings:
        want = " ".join(text.split())
        page = None
        for j in range(k, len(entries)):
            if entries[j][0] == want:
                page, k = entries[j][1], j + 1
                break
        pages.append(page)
    return pages
