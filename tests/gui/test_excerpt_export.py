"""File > Export excerpts writes the coded excerpts to the spreadsheet the user chose."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_export_excerpts_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    doc = window.project.documents.get("wawancara_uji.txt")
    text = window.project.documents.text(doc)
    window.project.segments.add(doc, 0, 10, "Responsivitas")
    target = tmp_path / "kutipan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    window.act_excerpts.trigger()
    out = tmp_path / "kutipan.xlsx"
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "kutipan ditulis" in window.statusBar().currentMessage(), timeout=10_000)
    from openpyxl import load_workbook

    rows = list(load_workbook(out).active.values)
    assert rows[0][:4] == ("dokumen", "jenis", "kasus", "kode")
    assert rows[1][0] == "wawancara_uji.txt" and rows[1][3] == "Responsivitas" and rows[1][11] == text[:10]
