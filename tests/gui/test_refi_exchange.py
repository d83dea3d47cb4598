"""File > Export / Import REFI-QDA on real widgets: the project leaves as .qdpx/.qdc and comes back."""

from __future__ import annotations

import zipfile

import pytest

pytestmark = pytest.mark.gui


def test_export_project_and_codebook_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    doc = window.project.documents.get("wawancara_uji.txt")
    window.project.segments.add(doc, 0, 10, "Responsivitas")
    target = tmp_path / "keluar"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.act_refi_export.trigger()
    out = tmp_path / "keluar.qdpx"
    qtbot.waitUntil(lambda: "1 segmen" in window.statusBar().currentMessage(), timeout=10_000)
    assert zipfile.is_zipfile(out)
    window.act_refi_codebook.trigger()
    qtbot.waitUntil(lambda: (tmp_path / "keluar.qdc").exists(), timeout=10_000)


def test_import_into_the_open_project_shows_a_report(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from qda.exchange import export_qdpx
    from qda.store import Project

    other = Project.create(tmp_path / "lain.qda", codebook=False, coder="Dewi")
    other.codes.add("Koordinasi internal", color="#123456")
    d = other.documents.add("catatan_lain.txt", "Rapat koordinasi setiap Senin pagi.")
    other.segments.add(d, 0, 5, "Koordinasi internal")
    export_qdpx(other, tmp_path / "lain.qdpx")
    other.close()
    before = window.project.stats()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "lain.qdpx"), ""))
    window.act_refi_import.trigger()
    qtbot.waitUntil(lambda: getattr(window, "exchange_report_box", None) is not None, timeout=10_000)
    box = window.exchange_report_box
    assert "lain.qdpx" in box.text() and "ditambahkan" in box.text()
    stats = window.project.stats()
    assert stats["documents"] == before["documents"] + 1 and stats["segments"] == before["segments"] + 1
    assert "catatan_lain.txt" in [window.project.documents.get(i).name for i in window.sources.document_ids()]
    window.project.codes.get("Koordinasi internal")
    box.close()


def test_import_without_a_project_makes_a_new_one(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from qda.exchange import export_qdc

    export_qdc(window.project, tmp_path / "kode.qdc")
    n = len(window.project.codes.all())
    window.close_project()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "kode.qdc"), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "dari_qdc"), ""))
    window.act_refi_import.trigger()
    qtbot.waitUntil(lambda: window.project is not None, timeout=10_000)
    assert window.project.path.name == "dari_qdc.qda" and len(window.project.codes.all()) == n
    qtbot.waitUntil(lambda: getattr(window, "exchange_report_box", None) is not None, timeout=10_000)
    window.exchange_report_box.close()


def test_import_summary_lists_what_was_left_out_per_kind(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tests.exchange.test_streaming_and_media import MIXED, PDF_TEXT, guid

    path = tmp_path / "campuran.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", MIXED)
        zf.writestr(f"sources/{guid(5)}.txt", PDF_TEXT)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.act_refi_import.trigger()
    qtbot.waitUntil(lambda: getattr(window, "exchange_report_box", None) is not None, timeout=10_000)
    text = window.exchange_report_box.text()
    for line in ("2 × wilayah halaman PDF (PDFSelection)", "1 × sumber gambar (PictureSource)",
                 "2 × segmen pada wilayah gambar", "1 × rentang waktu audio (AudioSelection)",
                 "2 × rentang waktu video (VideoSelection)"):
        assert line.replace("  ", "&nbsp;&nbsp;") in text
    assert window.project.documents.get("sop.pdf") is not None
    window.exchange_report_box.close()
