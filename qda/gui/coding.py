"""Applying codes to the viewer's selection, every way the window offers.

All codings go through the core undo stack (:class:`qda.commands.ApplyCode`); the
controller remembers the most recently used codes for the number keys 1–9.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from qda.commands import ApplyCode, InVivoCode, RecodeSegment, RemoveSegment
from qda.errors import AlreadyExists, InvalidSpan, QdaError
from qda.i18n import tr

MAX_RECENT = 9
IN_VIVO_MAX = 60

# "[00:12:31]", "(12:31)", "00:12:31.5" anywhere in the selection
_TIMESTAMP = re.compile(r"[\[(]?\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b[\])]?")
# a speaker label at the start of a line: "P:", "I:", "Informan 1:", "Pewawancara:", "Bu Sari (Kasi):"
_SPEAKER = re.compile(r"^[ \t]*[A-Z][\w.]*(?:[ \t]+[\w.()]+){0,2}[ \t]*:[ \t]+", re.MULTILINE)


def in_vivo_name(text: str) -> str:
    """A code name made from selected words: no timestamps or speaker labels, one line, trimmed,
    at most 60 characters cut at a word boundary."""
    text = _TIMESTAMP.sub(" ", text)
    text = _SPEAKER.sub("", "\n".join(line.strip() for line in text.splitlines()))
    name = re.sub(r"\s+", " ", text).strip().strip("\"'“”‘’.,;:!?-–—()[]").strip()
    if len(name) > IN_VIVO_MAX:
        cut = name[:IN_VIVO_MAX - 1].rsplit(" ", 1)[0]
        name = (cut or name[:IN_VIVO_MAX - 1]).rstrip(" ,;:.-–—") + "…"
    return name


def refusal(exc: QdaError, code: str = "") -> str:
    """Why a coding was refused, in words a student reads (no raw offsets)."""
    if isinstance(exc, AlreadyExists) and code:
        return tr("Teks terpilih sudah Anda kode dengan {code}.", code=code)
    if isinstance(exc, InvalidSpan):
        return tr("Pilihan tidak lagi cocok dengan teks sumber; pilih ulang teksnya.")
    return str(exc)


def touched_codings(step: tuple[Any, str] | None) -> tuple[list[int], bool] | None:
    """The codings an undo-stack step (``(command, "do" | "undo" | "redo")``) changed, and whether it
    created or deleted a code too; None when the step may have changed anything else (everything
    shown is read again then)."""
    if step is None:
        return None
    command, _how = step
    if isinstance(command, (ApplyCode, RemoveSegment, RecodeSegment)) and command.segment_id is not None:
        return [command.segment_id], False
    if isinstance(command, InVivoCode) and command.segment_id is not None:
        return [command.segment_id], True  # undoing it deletes the code with every coding of it
    return None


class CodingController(QObject):
    """Turns the user's coding gestures into undoable commands."""

    recentChanged = Signal(list)  # code ids, most recent first
    failed = Signal(str)  # a message for the user
    applied = Signal(int)  # the new segment's id

    def __init__(self, pick_code: Callable[[list[int]], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.stack: Any = None
        self.view: Any = None  # DocumentView
        self.recent: list[int] = []
        self.pick_code = pick_code  # the quick-code picker: recent code ids -> the chosen code (None: none)

    def bind(self, project: Any, stack: Any, view: Any) -> None:
        self.project, self.stack, self.view = project, stack, view
        self.recent = []
        self.recentChanged.emit([])

    # -- gestures ----------------------------------------------------------------------
    def apply_to_selection(self, code_id: int) -> int | None:
        """Apply ``code_id`` to the viewer's selection (double-click/Enter in the tree, picker)."""
        span = self.view.selection_cp() if self.view is not None else None
        if span is None or self.view.document_id is None:
            self.failed.emit(tr("Pilih dulu teks di sumber yang akan dikode."))
            return None
        return self.apply_span(self.view.document_id, span[0], span[1], code_id)

    def apply_span(self, doc_id: int, start: int, end: int, code_id: int) -> int | None:
        """Apply ``code_id`` to ``[start, end)`` of ``doc_id`` (code points); return the segment id."""
        if self.stack is None:
            return None
        try:
            cmd = self.stack.push(ApplyCode(doc_id, start, end, code_id))
        except QdaError as exc:
            self.failed.emit(refusal(exc, self._code_name(code_id)))
            return None
        self._remember(code_id)
        self.applied.emit(cmd.segment_id)
        return cmd.segment_id

    def apply_recent(self, number: int) -> int | None:
        """Apply the ``number``-th most recently used code (number keys 1–9)."""
        if not 1 <= number <= len(self.recent):
            self.failed.emit(tr("Belum ada kode terakhir nomor {n}.", n=number))
            return None
        return self.apply_to_selection(self.recent[number - 1])

    def quick_code(self) -> int | None:
        """Ask the quick-code picker for a code and apply it to the selection."""
        if self.view is None or self.view.selection_cp() is None:
            self.failed.emit(tr("Pilih dulu teks di sumber yang akan dikode."))
            return None
        code_id = self.pick_code(list(self.recent))
        if code_id is None:
            return None
        return self.apply_to_selection(code_id)

    def in_vivo(self) -> int | None:
        """Make an own code named after the selected words and apply it to them."""
        span = self.view.selection_cp() if self.view is not None else None
        if span is None or self.stack is None:
            self.failed.emit(tr("Pilih dulu teks di sumber yang akan dikode."))
            return None
        name = in_vivo_name(self.project.documents.text(self.view.document_id)[span[0]:span[1]])
        if not name:
            self.failed.emit(tr("Teks terpilih tidak berisi kata untuk nama kode."))
            return None
        existing = self.project.codes.find(name)
        if existing is None:
            try:
                cmd = self.stack.push(InVivoCode(self.view.document_id, span[0], span[1], name))
            except QdaError as exc:
                self.failed.emit(refusal(exc, name))
                return None
            self._remember(cmd.code_id)
            self.applied.emit(cmd.segment_id)
            return cmd.segment_id
        return self.apply_span(self.view.document_id, span[0], span[1], existing.id)

    def _code_name(self, code_id: int) -> str:
        try:
            return str(self.project.codes.get(code_id).name)
        except QdaError:
            return ""

    # -- recent codes -----------------------------------------------------------------------
    def _remember(self, code_id: int) -> None:
        self.recent = [code_id] + [c for c in self.recent if c != code_id]
        del self.recent[MAX_RECENT:]
        self.recentChanged.emit(list(self.recent))

    def forget_missing(self, existing: set[int]) -> None:
        """Drop recent codes that no longer exist (after a delete or merge)."""
        kept = [c for c in self.recent if c in existing]
        if kept != self.recent:
            self.recent = kept
            self.recentChanged.emit(list(self.recent))
