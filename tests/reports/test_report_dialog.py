"""The report dialog driven offscreen with pytest-qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from docx import Document  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from qda.gui.report_dialog import ReportDialog, checked_values  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet_boxes(monkeypatch):
    calls = {"question": [], "warning": [], "opened": []}

    def question(*args, **kwargs):
        calls["question"].append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: calls["warning"].append(a[2])))
    monkeypatch.setattr("qda.gui.report_dialog.QDesktopServices.openUrl",
                        staticmethod(lambda url: calls["opened"].append(url.toLocalFile())))
    return calls


def _uncheck(widget, label):
    for i in range(widget.count()):
        if widget.item(i).text().strip() == label:
            widget.item(i).setCheckState(Qt.CheckState.Unchecked)


def test_qualitative_report_with_filters(qtbot, project, tmp_path, quiet_boxes):
    dialog = ReportDialog(project)
    qtbot.addWidget(dialog)
    out = tmp_path / "dari_dialog.docx"
    dialog.output.setText(str(out))
    for i in range(dialog.coders.count()):
        if dialog.coders.item(i).text() != "Budi":
            dialog.coders.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert checked_values(dialog.codes) is None
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_path is not None or bool(quiet_boxes["warning"]), timeout=20000)
    assert not quiet_boxes["warning"]
    assert dialog.result_path == out and out.is_file()
    quotes = [p for p in Document(str(out)).paragraphs if p.style.name == "Quote"]
    assert len(quotes) == 3  # Budi's three segments
    assert quiet_boxes["opened"] == [str(out)]
    assert dialog.run_button.isEnabled() and dialog.cancel_button.text() == "Tutup"


def test_review_report_in_english(qtbot, project, tmp_path, quiet_boxes):
    dialog = ReportDialog(project)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)
    assert not dialog.filters.isEnabled() and dialog.reviewer.isEnabled()
    dialog.lang.setCurrentIndex(1)
    out = tmp_path / "telaah.docx"
    dialog.output.setText(str(out))
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20000)
    assert "Excerpts by code" in [p.text for p in Document(str(out)).paragraphs]


def test_nothing_checked_is_refused_without_running(qtbot, project, tmp_path, quiet_boxes):
    dialog = ReportDialog(project)
    qtbot.addWidget(dialog)
    for i in range(dialog.codes.count()):
        dialog.codes.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.output.setText(str(tmp_path / "x.docx"))
    dialog.run_button.click()
    assert dialog.job is None and "kode" in dialog.status.text()
    assert not (tmp_path / "x.docx").exists()


def test_bad_template_reports_failure(qtbot, project, tmp_path, quiet_boxes):
    bad = tmp_path / "rusak.docx"
    bad.write_text("bukan dokumen")
    dialog = ReportDialog(project)
    qtbot.addWidget(dialog)
    dialog.template.setText(str(bad))
    dialog.output.setText(str(tmp_path / "y.docx"))
    dialog.run_button.click()
    qtbot.waitUntil(lambda: bool(quiet_boxes["warning"]), timeout=20000)
    assert "rusak.docx" in quiet_boxes["warning"][0]
    assert dialog.run_button.isEnabled()


def test_cancel_stops_the_job(qtbot, project, tmp_path, quiet_boxes, monkeypatch):
    import threading

    gate = threading.Event()
    import qda.reports.qualitative as q

    real = q.write_qualitative_report

    def slow(project, out_path, progress=None, **kw):
        progress.start(10, "")
        gate.wait(5)
        progress.step()  # raises Cancelled once cancel was asked
        return real(project, out_path, progress=None, **kw)

    monkeypatch.setattr(q, "write_qualitative_report", slow)
    dialog = ReportDialog(project)
    qtbot.addWidget(dialog)
    out = tmp_path / "batal.docx"
    dialog.output.setText(str(out))
    dialog.run_button.click()
    assert dialog.cancel_button.text() == "Batal"
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "dibatalkan" in dialog.status.text()
    assert not out.exists() and not quiet_boxes["warning"]
