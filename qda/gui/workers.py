"""Run core work off the GUI thread and watch its :class:`~qda.progress.Progress`.

A :class:`Job` runs ``fn(progress)`` on the global ``QThreadPool``; the worker only
emits signals (queued to the GUI thread), it never touches a widget. :func:`run_with_progress`
adds a modal progress dialog whose Cancel button calls ``progress.cancel()``.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from qda.errors import Cancelled, QdaError
from qda.i18n import tr
from qda.progress import Progress


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()


class Job(QRunnable):
    """``fn(progress)`` on a pool thread, reporting through Qt signals."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()
        self.progress = Progress(callback=self._report)

    def _report(self, done: int, total: int, message: str) -> None:
        self.signals.progressed.emit(done, total, message)

    def run(self) -> None:  # runs on the worker thread
        try:
            result = self.fn(self.progress)
        except Exception as exc:  # reported to the GUI thread, shown there
            if not isinstance(exc, QdaError):
                exc.formatted = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


_running: set[Job] = set()


def start_job(
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> Job:
    """Start ``fn(progress)`` on the thread pool; callbacks run on the GUI thread."""
    job = Job(fn)
    _running.add(job)
    job.signals.succeeded.connect(on_success, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(on_failure, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(lambda: _running.discard(job), Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    return job


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    cancel_text: str = "",
) -> Job:
    """Like :func:`start_job`, showing a window-modal progress dialog with Cancel."""
    dialog = QProgressDialog(title, cancel_text or tr("Batal"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if message:
            dialog.setLabelText(message)

    def close() -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def succeeded(result: Any) -> None:
        close()
        on_success(result)

    def failed(exc: BaseException) -> None:
        close()
        on_failure(exc)

    job = start_job(fn, succeeded, failed)
    job.signals.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(job.progress.cancel)
    dialog.job = job  # type: ignore[attr-defined]
    return job


def is_cancel(exc: BaseException) -> bool:
    """True when ``exc`` reports a cancelled job."""
    return isinstance(exc, Cancelled)


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
