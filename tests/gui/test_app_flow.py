"""Starting, opening, importing and remembering: the window's flows around coding."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from PySide6.QtTest import QTest

from workbench_support import read_segments

pytestmark = pytest.mark.gui

INTERVIEW = (
    "Judul: Wawancara dengan Staf Persuratan\n"
    "Informan: Informan 9\n"
    "Jabatan: Staf Persuratan\n"
    "Keterangan: Data ilustratif; nama rekaan.\n"
    "\n"
    "[00:00:10] P: Bagaimana alur surat masuk di sini, Bu?\n"
    "\n"
    "[00:00:16] I: Surat masuk kami catat dulu di agenda, lalu diteruskan ke pimpinan untuk didisposisi.\n"
)


def _write_sources(folder: Path) -> list[str]:
    good = folder / "wawancara_staf_persuratan.txt"
    good.write_text(INTERVIEW, encoding="utf-8")
    empty = folder / "kosong.txt"
    empty.write_text("", encoding="utf-8")
    strange = folder / "rekaman.xyz"
    strange.write_bytes(b"\x00\x01\x02")
    return [str(good), str(empty), str(strange)]


def test_first_start_asks_for_the_coder_and_remembers_it(qtbot, monkeypatch, project_file):
    from qda.gui.app import make_window
    from qda.gui.coder_dialog import CoderDialog
    from qda.gui.settings import Settings

    def answer(dialog):
        dialog.name_edit.setText("Sri Wahyuni")
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("supervisor"))
        return 1

    monkeypatch.setattr(CoderDialog, "exec", answer)
    assert Settings().coder_name == ""
    window = make_window(str(project_file))
    qtbot.addWidget(window)
    assert (Settings().coder_name, Settings().coder_role) == ("Sri Wahyuni", "supervisor")
    assert (window.project.coders.current.name, window.project.coders.current.role) == ("Sri Wahyuni", "supervisor")
    assert "Sri Wahyuni" in window.coder_label.text()
    window.close()


def test_run_gui_opens_the_project_given(qtbot, monkeypatch, settings, project_file):
    from qda.gui import app as app_module
    from qda.gui.main_window import MainWindow

    seen = {}

    def fake_exec(self):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = window.windowTitle()
        seen["status"] = window.counts_label.text()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_gui(str(project_file)) == 0
    assert seen["title"].startswith("uji")
    assert seen["status"].startswith("1 sumber")


def test_import_from_the_menu_reports_refused_files(window, tmp_path, monkeypatch, qtbot, project_file):
    paths = _write_sources(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (paths, "")))
    window.act_import.trigger()
    qtbot.waitUntil(lambda: window.last_import_report is not None, timeout=10000)
    report = window.last_import_report
    assert [d.name for d in report.imported] == ["wawancara_staf_persuratan.txt"]
    refused = {Path(p).name for p, _ in report.refused}
    assert refused == {"kosong.txt", "rekaman.xyz"}
    box = window.import_report_box
    assert box is not None and "kosong.txt" in box.text() and "rekaman.xyz" in box.text()
    box.close()
    assert "wawancara_staf_persuratan.txt" in [window.sources.tree.topLevelItem(0).child(i).text(0)
                                              for i in range(window.sources.tree.topLevelItem(0).childCount())]
    assert window.counts_label.text().startswith("2 sumber")
    # the import is in the file already
    from qda.store import Project

    with Project.open(project_file, read_only=True) as p:
        assert p.documents.get("wawancara_staf_persuratan.txt").turn_count == 2


def test_dropping_files_on_the_window_imports_them(window, tmp_path, qtbot):
    good = _write_sources(tmp_path)[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(good)])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.last_import_report is not None, timeout=10000)
    assert [d.name for d in window.last_import_report.imported] == ["wawancara_staf_persuratan.txt"]
    assert window.pane.document_id == window.last_import_report.imported[0].id


def test_sources_are_grouped_by_kind_with_informant_attributes(window):
    p = window.project
    p.documents.add("observasi_loket.txt", "Catatan observasi ilustratif di loket persuratan.", kind="observation",
                   attributes={"Lokasi": "Loket Persuratan"}, case="Informan 2")
    p.cases.set_attribute(p.cases.get("Informan 2"), "Jabatan", "Petugas Loket")
    window.sources.refresh()
    tree = window.sources.tree
    groups = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert set(groups) == {"Wawancara", "Observasi"}
    obs = groups["Observasi"].child(0)
    assert obs.text(0) == "observasi_loket.txt"
    assert "Jabatan: Petugas Loket" in obs.toolTip(0) and "Lokasi: Loket Persuratan" in obs.toolTip(0)
    tree.setCurrentItem(obs)
    assert window.pane.document_id == p.documents.get("observasi_loket.txt").id
    assert "Petugas Loket" in window.sources.details.text()
    # next / previous document shortcuts walk the list
    QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.document_id != p.documents.get("observasi_loket.txt").id


def test_project_in_use_is_offered_read_only(qtbot, settings, project_file, monkeypatch):
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.store import Project

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    with Project.open(project_file):
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert open_project_path(window, project_file)
        assert asked and "uji.qda" in asked[0]
        assert window.project.read_only
        assert "hanya-baca" in window.windowTitle()
        assert not window.act_quick.isEnabled() and not window.act_import.isEnabled()
        window.close()


def test_recent_projects_and_layout_are_remembered(qtbot, settings, project_file):
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.gui.settings import Settings

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    open_project_path(window, project_file)
    window.close()
    fresh = Settings()
    assert fresh.recent_projects == [str(Path(project_file).resolve())]
    assert fresh.geometry is not None and fresh.state is not None
    again = MainWindow(fresh)
    qtbot.addWidget(again)
    assert again.welcome.recent_list.count() == 1
    assert again.stacked.currentWidget() is again.welcome
    again.close()


def test_open_demo_builds_on_a_worker_and_opens_it(qtbot, settings, monkeypatch, tmp_path):
    """The demo flow: build_demo runs off the GUI thread with progress, then the project opens."""
    import threading

    from qda import demo
    from qda.gui.main_window import MainWindow
    from qda.store import Project

    threads = []

    def fake_build(folder, progress=None):
        threads.append(threading.current_thread() is threading.main_thread())
        progress.start(2, "contoh")
        Path(folder).mkdir(parents=True, exist_ok=True)
        path = Path(folder) / "demo.qda"
        with Project.create(path, coder="Peneliti") as p:
            progress.step()
            p.documents.add("wawancara_demo.txt", "P: Contoh ilustratif.\n", kind="interview")
        progress.step()
        return path

    monkeypatch.setattr(demo, "build_demo", fake_build)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: window.project is not None, timeout=10000)
    assert threads == [False]
    assert window.project.path.name == "demo.qda"
    assert window.sources.document_ids() == [window.project.documents.get("wawancara_demo.txt").id]
    window.close()


def test_interface_has_coding_and_survey_tabs(window):
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:2] == ["Koding", "Survei"]
    assert tabs[2:] == ["Perlu direvisi", "Kesepakatan", "Analisis", "Gabungan"]  # revise; agreement; patterns; joint


def test_cancel_in_the_progress_dialog_stops_an_import(window, tmp_path, qtbot):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from qda.gui.project_flow import import_paths

    paths = []
    for i in range(300):
        path = tmp_path / f"catatan_{i:03d}.txt"
        path.write_text(f"Catatan lapangan ilustratif nomor {i} tentang antrean loket persuratan.\n", encoding="utf-8")
        paths.append(str(path))
    import_paths(window, paths)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None
    dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: window.last_import_report is not None, timeout=20000)
    report = window.last_import_report
    assert report.cancelled
    assert 0 <= len(report.imported) < len(paths)
    assert window.counts_label.text().startswith(f"{1 + len(report.imported)} sumber")


def test_coding_a_read_only_project_is_refused_with_a_message(qtbot, settings, project_file, monkeypatch):
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.store import Project

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with Project.open(project_file):
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        assert open_project_path(window, project_file)
        window.show_document(window.project.documents.get("wawancara_uji.txt").id)
        window.view.select_cp(0, 5)
        code = window.project.codes.get("Responsivitas").id
        assert window.coding.apply_to_selection(code) is None
        assert "hanya-baca" in window.statusBar().currentMessage()
        assert read_segments(project_file) == []
        window.close()


def test_switching_coder_from_the_menu_records_later_codings_under_the_new_name(window, monkeypatch,
                                                                              project_file):
    from qda.gui.coder_dialog import CoderDialog
    from qda.store import Project

    def answer(dialog):
        assert dialog.name_edit.text() == "Dewi Anggraini"  # the current coder is offered
        dialog.name_edit.setText("Agus Prasetyo")
        return 1

    monkeypatch.setattr(CoderDialog, "exec", answer)
    window.act_coder.trigger()
    assert window.project.coders.current.name == "Agus Prasetyo"
    assert "Agus Prasetyo" in window.coder_label.text()
    window.view.select_cp(0, 5)
    seg_id = window.coding.apply_to_selection(window.project.codes.get("Responsivitas").id)
    assert "Agus Prasetyo" in window.view.segment_tooltip(seg_id)
    with Project.open(project_file, read_only=True) as p:
        assert p.coders.get(p.segments.get(seg_id).coder_id).name == "Agus Prasetyo"


def test_open_demo_from_the_menu_builds_the_real_demo(qtbot, settings):
    from qda.gui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.act_demo.trigger()
    qtbot.waitUntil(lambda: window.project is not None, timeout=30000)
    stats = window.project.stats()
    assert stats["documents"] >= 5 and stats["segments"] > 50
    assert window.windowTitle().startswith("demo")
    assert window.pane.document_id is not None and window.view.segment_count() > 0
    # it opens on a coded passage of an interview: selected in the text, its card shown
    doc = window.project.documents.get(window.pane.document_id)
    assert doc.kind == "interview"
    [card_id] = window.segment_info.segment_ids
    seg = window.project.segments.get(card_id)
    assert seg.document_id == doc.id and window.view.textCursor().hasSelection()
    window.close()


def test_an_unexpected_error_in_a_slot_is_shown_as_one_line(window, monkeypatch):
    import sys

    from qda.gui.app import install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_hook(window)
    try:
        raise ZeroDivisionError("pembagian dengan nol")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert window.error_box.text() == "Terjadi kesalahan tak terduga: ZeroDivisionError: pembagian dengan nol"
    window.error_box.close()


def test_open_demo_again_keeps_the_users_coding(qtbot, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from qda.gui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.act_demo.trigger()
    qtbot.waitUntil(lambda: window.project is not None, timeout=30000)
    n = window.project.stats()["segments"]
    window.view.select_cp(0, 5)
    window.coding.apply_to_selection(window.project.codes.get("Responsivitas").id)
    window.close_project()
    window.act_demo.trigger()  # opens the existing demo: nothing is rebuilt
    qtbot.waitUntil(lambda: window.project is not None, timeout=30000)
    assert window.project.stats()["segments"] == n + 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.act_demo_rebuild.trigger()
    qtbot.waitUntil(lambda: window.project is not None and window.project.stats()["segments"] == n, timeout=30000)
    window.close()
