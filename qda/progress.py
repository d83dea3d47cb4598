"""Progress reporting for long core operations, usable headless or watched by the GUI.

A core function takes ``progress: Progress | None``; it calls ``progress.step(...)``
as it goes and checks ``progress.cancelled`` (``step`` raises :class:`Cancelled`
when the user has asked to stop). The GUI sets a callback that emits a Qt signal;
the CLI sets one that draws a text bar.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from typing import Callable

from qda.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class Progress:
    """A counter with a total, a message, a callback and a cancel flag."""

    total: int = 0
    callback: ProgressCallback | None = None
    done: int = 0
    message: str = ""
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)

    def start(self, total: int, message: str = "") -> None:
        """Reset the counter for a job of ``total`` steps."""
        self.total, self.done, self.message = total, 0, message
        self._emit()

    def step(self, n: int = 1, message: str | None = None) -> None:
        """Advance by ``n`` steps; raise :class:`Cancelled` if cancel was asked."""
        if self._cancel.is_set():
            raise Cancelled("dibatalkan")
        self.done += n
        if message is not None:
            self.message = message
        self._emit()

    def cancel(self) -> None:
        """Ask the running job to stop at its next step (thread-safe)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` has been called."""
        return self._cancel.is_set()

    def _emit(self) -> None:
        if self.callback is not None:
            self.callback(self.done, self.total, self.message)


def text_bar(stream=None) -> ProgressCallback:
    """A callback drawing a one-line text progress bar on a terminal (used by the CLI)."""

    def draw(done: int, total: int, message: str) -> None:
        out = stream or sys.stderr
        if not out.isatty():
            return
        width = 30
        filled = int(width * done / total) if total else 0
        out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {message[:40]:40}")
        if total and done >= total:
            out.write("\n")
        out.flush()

    return draw
