"""Run core work off the GUI thread: the one background-job wrapper of the interface.

:func:`start_job` runs ``fn(progress)`` on the global ``QThreadPool``. The worker never
touches a widget: it only emits signals, queued to the GUI thread, where the callbacks run.
:func:`run_with_progress` adds a window-modal progress dialog whose Cancel button cancels.

One failure contract for every job:

- success: ``on_done(result)``;
- failure: ``on_error(message)`` with a message **in the interface language**
  (:func:`failure_message`: a :class:`~qda.errors.QdaError`'s own text, an operating-system
  error's reason, or "unexpected error" naming the exception, whose traceback is logged).
  Without ``on_error`` the job shows the message in a warning box itself, so a failure is
  never silent;
- cancel (``job.cancel()``, the core raised :class:`~qda.errors.Cancelled`): ``on_cancel()``
  when given; a cancel is the user's choice, not a failure;
- progress: ``on_progress(done, total, message)`` when given (the core's
  :class:`~qda.progress.Progress` steps).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from qda.errors import Cancelled, QdaError, os_reason
from qda.i18n import tr
from qda.progress import Progress

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[str], None]
Cancel = Callable[[], None]
Progressed = Callable[[int, int, str], None]


def failure_message(exc: BaseException) -> str:
    """What to tell the user about ``exc``, in the interface language."""
    if isinstance(exc, QdaError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = os_reason(exc)
        return f"{exc.filename}: {reason}" if exc.filename else reason
    return tr("Terjadi kesalahan tak terduga: {error}", error=f"{type(exc).__name__}: {exc}")


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)  # the message for the user (failure_message)
    cancelled = Signal()
    finished = Signal()  # after any of the three outcomes


class Job(QRunnable):
    """One background call of ``fn(progress)``, reporting through queued Qt signals."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (in _running) until it has finished
        self.fn = fn
        self.signals = _Signals()
        self.progress = Progress(callback=self.signals.progressed.emit)
        self.error: BaseException | None = None  # the exception of a failed job

    def cancel(self) -> None:
        """Ask the job to stop at the core's next progress step."""
        self.progress.cancel()

    def run(self) -> None:  # runs on the worker thread
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # every failure reaches the GUI thread as a message
            self.error = exc
            if not isinstance(exc, QdaError):
                log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(failure_message(exc))
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


_running: set[Job] = set()


def show_failure(parent: QWidget | None, message: str) -> None:
    """The default report of a failed job: a warning box (non-blocking) with the message."""
    box = QMessageBox(QMessageBox.Icon.Warning, "qda", message, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def start_job(
    fn: Callable[[Progress], Any],
    on_done: Done,
    on_error: Failed | None = None,
    *,
    on_cancel: Cancel | None = None,
    on_progress: Progressed | None = None,
    parent: QWidget | None = None,
) -> Job:
    """Start ``fn(progress)`` on the thread pool; the callbacks run on the GUI thread.

    Without ``on_error`` a failure is shown in a warning box over ``parent``.
    """
    job = Job(fn)
    queued = Qt.ConnectionType.QueuedConnection
    _running.add(job)
    job.signals.succeeded.connect(on_done, queued)
    job.signals.failed.connect(on_error or (lambda message: show_failure(parent, message)), queued)
    if on_cancel is not None:
        job.signals.cancelled.connect(on_cancel, queued)
    if on_progress is not None:
        job.signals.progressed.connect(on_progress, queued)
    job.signals.finished.connect(lambda: _running.discard(job), queued)
    QThreadPool.globalInstance().start(job)
    return job


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_done: Done,
    on_error: Failed | None = None,
    *,
    on_cancel: Cancel | None = None,
    cancel_text: str = "",
) -> Job:
    """Like :func:`start_job`, showing a window-modal progress dialog whose Cancel cancels the job."""
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

    def closing(then: Callable[..., None] | None) -> Callable[..., None]:
        def close(*args: Any) -> None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            if then is not None:
                then(*args)
        return close

    job = start_job(fn, closing(on_done), closing(on_error or (lambda message: show_failure(parent, message))),
                    on_cancel=closing(on_cancel), on_progress=progressed, parent=parent)
    dialog.canceled.connect(job.cancel)
    dialog.job = job  # type: ignore[attr-defined]
    return job


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
