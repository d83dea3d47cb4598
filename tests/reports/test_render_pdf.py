"""The reports open in LibreOffice and convert to PDF (skipped when soffice is absent)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from qda.reports import write_qualitative_report

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                 reason="LibreOffice (soffice) is not installed; the PDF conversion cannot run")]


def _render_module():
    spec = importlib.util.spec_from_file_location("render_reports", ROOT / "docs" / "render_reports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_qualitative_report_converts_to_pdf(project, tmp_path):
    from pypdf import PdfReader

    docx = write_qualitative_report(project, tmp_path / "laporan.docx")
    pdf = _render_module().to_pdf(docx, tmp_path)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 4
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Laporan Analisis Kualitatif" in text
    assert "Tabel 1" in text and "Pelayanan KTP sekarang lebih cepat" in text
