"""The one background-job wrapper: success, failures told in the interface language, cancel, progress."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from qda.errors import Cancelled, NotFound
from qda.gui.workers import run_with_progress, start_job, wait_for_jobs
from qda.i18n import set_language


class Outcome:
    def __init__(self) -> None:
        self.done: list = []
        self.errors: list[str] = []
        self.cancels = 0
        self.steps: list[tuple[int, int, str]] = []

    def cancel(self) -> None:
        self.cancels += 1

    def finished(self) -> bool:
        return bool(self.done or self.errors or self.cancels)


def _start(fn, outcome: Outcome, **kw):
    return start_job(fn, outcome.done.append, outcome.errors.append, on_cancel=outcome.cancel,
                     on_progress=lambda *a: outcome.steps.append(a), **kw)


def _run(qtbot, fn) -> Outcome:
    """Start ``fn`` and wait for its outcome."""
    outcome = Outcome()
    _start(fn, outcome)
    qtbot.waitUntil(outcome.finished, timeout=10000)
    return outcome


def _raise(exc: BaseException):
    def work(_progress):
        raise exc
    return work


def test_success_hands_back_the_result_on_the_gui_thread(qtbot):
    outcome = Outcome()
    main = threading.get_ident()
    seen_threads = []

    def work(progress):
        seen_threads.append(threading.get_ident())
        progress.start(3, "menghitung")
        for _ in range(3):
            progress.step()
        return 6 * 7

    def done(value):
        seen_threads.append(threading.get_ident())
        outcome.done.append(value)

    start_job(work, done, outcome.errors.append, on_progress=lambda *a: outcome.steps.append(a))
    qtbot.waitUntil(outcome.finished, timeout=10000)
    assert outcome.done == [42] and outcome.errors == []
    assert seen_threads[0] != main and seen_threads[1] == main
    qtbot.waitUntil(lambda: len(outcome.steps) == 4, timeout=5000)
    assert outcome.steps == [(0, 3, "menghitung"), (1, 3, "menghitung"), (2, 3, "menghitung"),
                             (3, 3, "menghitung")]


def test_a_qda_error_is_reported_with_its_own_message(qtbot):
    outcome = _run(qtbot, _raise(NotFound("dokumen tidak ditemukan: x.txt")))
    assert outcome.errors == ["dokumen tidak ditemukan: x.txt"] and outcome.done == [] and outcome.cancels == 0


@pytest.mark.parametrize(("lang", "start"), [("id", "Terjadi kesalahan tak terduga: "),
                                             ("en", "An unexpected error occurred: ")])
def test_a_bug_is_reported_in_the_interface_language(qtbot, lang, start, caplog):
    set_language(lang)
    try:
        outcome = _run(qtbot, lambda _progress: {}["tidak ada"])
    finally:
        set_language("id")
    assert outcome.errors == [start + "KeyError: 'tidak ada'"]
    assert "Traceback" in caplog.text  # the details go to the log for the bug report


def test_an_os_error_names_the_file_and_the_reason_in_the_users_words(qtbot, tmp_path):
    missing = tmp_path / "hilang.txt"
    outcome = _run(qtbot, lambda _progress: missing.read_text())
    assert outcome.errors == [f"{missing}: berkas atau folder tidak ada"]


def test_without_an_error_callback_the_failure_is_shown_in_a_box(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list = []

    def work(_progress):
        raise NotFound("kode tidak ditemukan: Inovasi")

    start_job(work, done.append, parent=parent)  # no on_error: the wrapper tells the user itself

    def box_shown():
        return [b for b in parent.findChildren(QMessageBox) if b.isVisible()]

    qtbot.waitUntil(lambda: bool(box_shown()), timeout=10000)
    assert box_shown()[0].text() == "kode tidak ditemukan: Inovasi" and done == []


def test_cancel_stops_the_job_and_is_not_a_failure(qtbot):
    outcome = Outcome()
    started, gate = threading.Event(), threading.Event()

    def work(progress):
        progress.start(2)
        started.set()
        gate.wait(5)
        progress.step()  # raises Cancelled once cancel was asked
        return "selesai"

    job = _start(work, outcome)
    assert started.wait(5)
    job.cancel()
    gate.set()
    qtbot.waitUntil(outcome.finished, timeout=10000)
    assert outcome.cancels == 1 and outcome.errors == [] and outcome.done == []


def test_the_core_raising_cancelled_reports_a_cancel(qtbot):
    outcome = _run(qtbot, _raise(Cancelled("dibatalkan")))
    assert outcome.cancels == 1 and outcome.errors == []


def test_progress_dialog_cancel_button_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    outcome = Outcome()
    started, gate = threading.Event(), threading.Event()

    def work(progress):
        progress.start(2, "mengimpor")
        started.set()
        gate.wait(5)
        progress.step()
        return "selesai"

    run_with_progress(parent, "Mengimpor sumber", work, outcome.done.append, outcome.errors.append,
                      on_cancel=outcome.cancel)
    assert started.wait(5)
    dialog = parent.findChildren(QProgressDialog)[0]
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # shown after its minimum duration
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(outcome.finished, timeout=10000)
    assert outcome.cancels == 1 and outcome.errors == [] and outcome.done == []
    qtbot.waitUntil(lambda: not parent.findChildren(QProgressDialog), timeout=5000)  # closed and deleted


def test_progress_dialog_failure_is_reported_and_the_dialog_goes(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome = Outcome()

    def work(_progress):
        raise NotFound("sumber tidak ditemukan: a.txt")

    run_with_progress(parent, "Mengimpor sumber", work, outcome.done.append, outcome.errors.append)
    qtbot.waitUntil(outcome.finished, timeout=10000)
    assert outcome.errors == ["sumber tidak ditemukan: a.txt"]
    qtbot.waitUntil(lambda: not parent.findChildren(QProgressDialog), timeout=5000)
    assert wait_for_jobs(5000)
