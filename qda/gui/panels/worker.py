"""Run one core function off the GUI thread and hear back on it through Qt signals.

:func:`run_in_thread` hands ``fn(progress)`` to the global ``QThreadPool``; the result,
a :class:`~qda.errors.QdaError` message or the progress steps come back as queued
signals on the GUI thread, so no widget is ever touched from the worker. The returned
:class:`Job` can be cancelled (through the core's :class:`~qda.progress.Progress`).
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from qda.errors import Cancelled, QdaError
from qda.progress import Progress


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int, str)


class Job:
    """One background call of ``fn(progress)`` (the pool holds it until it has run)."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        self.fn = fn
        self.signals = _Signals()
        self.progress = Progress(callback=lambda done, total, msg: self.signals.progressed.emit(done, total, msg))
        self.finished = False

    def cancel(self) -> None:
        """Ask the job to stop at its next progress step."""
        self.progress.cancel()

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.finished = True
            self.signals.cancelled.emit()
        except QdaError as exc:
            self.finished = True
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # an unexpected bug: report it rather than lose it silently
            self.finished = True
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished = True
            self.signals.done.emit(result)


def run_in_thread(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    """Start ``fn(progress)`` on a pool thread; callbacks run on the GUI thread."""
    job = Job(fn)
    job.signals.done.connect(on_done)
    if on_error is not None:
        job.signals.failed.connect(on_error)
    if on_progress is not None:
        job.signals.progressed.connect(on_progress)
    if on_cancel is not None:
        job.signals.cancelled.connect(on_cancel)
    (pool or QThreadPool.globalInstance()).start(job.run)
    return job
