"""The read-only document view with line numbers, coding highlights and stripes.

The view is given plain data (text, turns, segments, code looks) and converts every
position at its edge: the core's code-point offsets become UTF-16 offsets once, in a
:class:`~qda.gui.viewer.positions.PositionMap`, and back when the user selects text.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from typing import Iterable, Iterator

from PySide6.QtCore import QMimeData, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QDrag, QFocusEvent, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen,
                           QResizeEvent, QTextCursor)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from qda.gui.viewer.highlighter import CodingHighlighter
from qda.gui.viewer.layout import (Bar, Span, free_column, highlight_pieces, repiece, repiece_range, span_order,
                                   stripe_columns)
from qda.gui.viewer.margins import CodingMargin, LineNumberArea
from qda.gui.viewer.positions import PositionMap
from qda.gui.viewer.shown import ShownSegment, turn_labels
from qda.i18n import tr
from qda.sources.lines import LineIndex

SELECTION_MIME = "application/x-qda-selection"


INCREMENTAL = 40  # at most this many changed codings are laid out one by one, more by a full sweep


def _x_of(line: object, pos: int) -> float:
    x = line.cursorToX(pos)  # type: ignore[attr-defined]
    return float(x[0] if isinstance(x, tuple) else x)


def _bar_order(bar: Bar) -> tuple[int, int, int]:
    return span_order(bar.span)


class DocumentView(QPlainTextEdit):
    """Shows one document; emits what the user asks for, changes nothing itself."""

    segmentsClicked = Signal(list)  # segment ids under a click (highlight or stripe)
    numberKeyPressed = Signal(int)  # 1..9 pressed with a selection
    selectionChangedCp = Signal(int, int)  # code-point span of the selection (start == end: none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(10)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fde"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        self.setPalette(pal)
        self.document_id: int | None = None
        self.positions = PositionMap("")
        self._segments: dict[int, ShownSegment] = {}
        self._codes: dict[int, tuple[str, str]] = {}
        self._coders: dict[int, str] = {}
        self._spans: list[Span] = []
        self._span_starts: list[int] = []  # the starts of _spans, for bisecting
        self._span_by_id: dict[int, Span] = {}
        self._bars: list[Bar] = []
        self._bar_starts: list[int] = []
        self._max_bar_len = 0
        self._columns = 0
        self._verdicts: dict[int, str] = {}
        self._verdicts_stale = False  # a reviewed coding moved: its underline must be drawn again
        self._drag_origin: QPoint | None = None
        self.snap_words = True  # a mouse selection widens to whole words (a preference)
        self._focused: int | None = None  # the coding last clicked: its span outlined, its stripe emphasised
        self._memo_segments: set[int] = set()
        self._text_generation = 0  # counts the texts shown (highlighting changes the document's revision, not this)
        self._lines: tuple[tuple[int, int], LineIndex] | None = None  # (text shown, its length), its baris numbers
        self.highlighter = CodingHighlighter(self.document())
        self.gutter = LineNumberArea(self)
        self.margin = CodingMargin(self)
        self.margin.barClicked.connect(lambda sid: self.segmentsClicked.emit([sid]))
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._on_update_request)
        self.selectionChanged.connect(self._emit_selection)
        self._update_margins()

    # -- content ------------------------------------------------------------------------
    def show_document(
        self,
        document_id: int,
        text: str,
        turns: Iterable[object],
        segments: Iterable[ShownSegment],
        codes: dict[int, tuple[str, str]],
        coders: dict[int, str] | None = None,
    ) -> None:
        """Show ``text`` with its turn labels and coded segments."""
        self.document_id = document_id
        self.positions = PositionMap(text)
        self._text_generation += 1
        self._codes = dict(codes)
        self._coders = dict(coders or {})
        self._segments = {s.id: s for s in segments}
        to16 = self.positions.to_utf16
        self.highlighter.set_colors({cid: look[1] for cid, look in self._codes.items()})
        self.highlighter.set_labels([(to16(a), to16(b), k, n) for a, b, k, n in turn_labels(text, turns)])
        self.highlighter.set_suggestions([])
        self._relayout()
        # the highlighter paints every block once as the text goes in
        self.setPlainText(text)
        self._verdicts = {}
        self.setExtraSelections([])
        self._update_margins()

    def clear_document(self) -> None:
        """Show nothing."""
        self.show_document(-1, "", (), (), {})
        self.document_id = None

    def set_codes(self, codes: dict[int, tuple[str, str]]) -> None:
        """New code names/colours (after a rename or recolour): repaint everything."""
        if codes == self._codes:
            return
        shown = {s.code_id for s in self._span_by_id.values()}
        # only a code that still exists and changed colour needs a repaint: a removed code's codings
        # (an undone in-vivo coding) go with the next set_segments, which repaints just their range
        recolor = any(c in codes and c in self._codes and codes[c][1] != self._codes[c][1] for c in shown)
        self._codes = dict(codes)
        self.highlighter.set_colors({cid: look[1] for cid, look in self._codes.items()})
        if recolor:
            self.highlighter.rehighlight()
        self.margin.update()

    def set_suggestions(self, spans: Iterable[tuple[int, int, int]]) -> None:
        """Show pending suggestions ``(start, end, code id)`` (code points) with a dashed highlight."""
        to16 = self.positions.to_utf16
        new = [(to16(a), to16(b), c) for a, b, c in spans]
        old = self.highlighter.suggestions()
        if sorted(new) == old:
            return
        self.highlighter.set_suggestions(new)
        touched = old + new
        if not touched:
            return
        doc = self.document()
        block = doc.findBlock(min(s for s, _e, _c in touched))
        last = doc.findBlock(max(max(e for _s, e, _c in touched) - 1, 0))
        while block.isValid():
            self.highlighter.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def set_coders(self, coders: dict[int, str]) -> None:
        self._coders = dict(coders)

    def set_segments(self, segments: Iterable[ShownSegment]) -> None:
        """Replace the shown segments, recomputing and re-highlighting only where codings changed.

        ``segments`` may be any records with ``id, code_id, start, end, coder_id``
        (the store's :class:`~qda.store.Segment` will do).
        """
        new = {s.id: s for s in segments}
        old = self._segments
        changed = [s for i, s in old.items() if new.get(i) != s]
        changed += [s for i, s in new.items() if old.get(i) != s]
        if not changed:
            return
        self._segments = new
        self._segments_changed(changed)

    def update_segments(self, shown: Iterable[ShownSegment] = (), removed: Iterable[int] = ()) -> None:
        """A few codings changed: add or replace ``shown``, take away the ``removed`` ids.

        The same result as :meth:`set_segments` with the whole new list, without reading or
        comparing the codings that stayed as they were (one new coding costs the same on a
        densely coded transcript as on an empty one).
        """
        changed: list[ShownSegment] = []
        for seg in shown:
            previous = self._segments.get(seg.id)
            if previous != seg:
                if previous is not None:
                    changed.append(previous)
                changed.append(seg)
                self._segments[seg.id] = seg
        for sid in removed:
            previous = self._segments.pop(sid, None)
            if previous is not None:
                changed.append(previous)
        if changed:
            self._segments_changed(changed)

    def _segments_changed(self, changed: list[ShownSegment]) -> None:
        """Lay out and re-highlight the codings in ``changed`` (old and new versions; ``_segments`` holds
        what is shown now): their stripes and the blocks they cover, nothing else."""
        to16 = self.positions.to_utf16
        gone: list[Span] = []
        added: list[Span] = []
        for sid in dict.fromkeys(s.id for s in changed):
            if sid == self._focused:
                self._update_outline(sid)  # the outline drawn around its old span goes
            previous = self._span_by_id.pop(sid, None)
            if previous is not None:
                gone.append(previous)
            seg = self._segments.get(sid)
            if seg is not None:
                span = Span(seg.id, seg.code_id, to16(seg.start), to16(seg.end), seg.coder_id)
                self._span_by_id[sid] = span
                added.append(span)
        if any(s.id in self._verdicts for s in changed):
            self._verdicts_stale = True
        lo = min(to16(s.start) for s in changed)
        hi = max(to16(s.end) for s in changed)
        if len(gone) + len(added) <= INCREMENTAL:
            self._update_layout(gone, added)
            h = self.highlighter
            h.replace_pieces(*repiece_range(h.pieces(), h.piece_starts(), self._spans, self._span_starts, lo, hi,
                                            self._max_bar_len))
        else:
            old_pieces = self.highlighter.pieces()
            self._relayout(rebuild=False)
            self.highlighter.set_pieces(repiece(old_pieces, self._spans, lo, hi, self._max_bar_len))
        doc = self.document()
        block = doc.findBlock(lo)
        last = doc.findBlock(max(hi - 1, lo))
        while block.isValid():
            self.highlighter.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()
        if self._focused in self._span_by_id and any(s.id == self._focused for s in changed):
            self._update_outline(self._focused)
        self._margins_follow()
        self.margin.update()

    def set_verdicts(self, verdicts: dict[int, str]) -> None:
        """Review statuses of shown codings: a mark beside the stripe and a line under the text."""
        from qda.gui.review.marks import verdict_selections

        shown = {sid: st for sid, st in verdicts.items() if sid in self._segments}
        if shown == self._verdicts and not self._verdicts_stale:
            return  # a coding applied or removed without a verdict: nothing to redraw
        self._verdicts = shown
        self._verdicts_stale = False
        self.setExtraSelections(verdict_selections(self, self._verdicts))
        self.margin.update()

    def set_verdict(self, segment_id: int, status: str | None) -> None:
        """The review status of one shown coding (None: not reviewed); the others keep theirs."""
        verdicts = dict(self._verdicts)
        if status:
            verdicts[segment_id] = status
        else:
            verdicts.pop(segment_id, None)
        self.set_verdicts(verdicts)

    def verdict(self, segment_id: int) -> str | None:
        """The review status of a shown coding (``None``: not reviewed)."""
        return self._verdicts.get(segment_id)

    def segment_count(self) -> int:
        """How many segments are shown."""
        return len(self._segments)

    def segment(self, segment_id: int) -> ShownSegment | None:
        """A shown segment by id (positions in code points)."""
        return self._segments.get(segment_id)

    def segment_ids_of_code(self, code_id: int) -> list[int]:
        """The shown codings of one code."""
        return [s.id for s in self._segments.values() if s.code_id == code_id]

    def segments(self) -> list[ShownSegment]:
        """The segments shown, ordered by start."""
        return sorted(self._segments.values(), key=lambda s: (s.start, s.end, s.id))

    def _update_layout(self, gone: list[Span], added: list[Span]) -> None:
        """A few codings changed: take their bars out and put the new ones in the lowest free column,
        leaving every other stripe where it is (a full layout sorts and sweeps all codings)."""
        for span in gone:
            key = span_order(span)
            i = bisect_left(self._spans, key, key=span_order)
            if i < len(self._spans) and self._spans[i] == span:
                del self._spans[i]
                del self._span_starts[i]
            j = bisect_left(self._bars, key, key=_bar_order)
            if j < len(self._bars) and self._bars[j].span == span:
                del self._bars[j]
                del self._bar_starts[j]
        for span in added:
            i = bisect_left(self._spans, span_order(span), key=span_order)
            self._spans.insert(i, span)
            self._span_starts.insert(i, span.start)
        for span in added:
            self._max_bar_len = max(self._max_bar_len, span.end - span.start)
            bar = Bar(span, free_column(self._bars, self._bar_starts, self._max_bar_len, span))
            j = bisect_left(self._bars, span_order(span), key=_bar_order)
            self._bars.insert(j, bar)
            self._bar_starts.insert(j, span.start)
            self._columns = max(self._columns, bar.column + 1)

    def _relayout(self, rebuild: bool = True) -> None:
        """Recompute stripes (and, with ``rebuild``, every span and highlight piece)."""
        if rebuild:
            to16 = self.positions.to_utf16
            self._span_by_id = {s.id: Span(s.id, s.code_id, to16(s.start), to16(s.end), s.coder_id)
                                for s in self._segments.values()}
        spans = sorted(self._span_by_id.values(), key=span_order)
        self._spans = spans
        self._span_starts = [s.start for s in spans]
        if rebuild:
            self.highlighter.set_pieces(highlight_pieces(spans))
        self._bars, self._columns = stripe_columns(spans, presorted=True)
        self._bar_starts = [b.span.start for b in self._bars]
        self._max_bar_len = max((b.span.end - b.span.start for b in self._bars), default=0)

    def line_index(self) -> LineIndex:
        """The baris numbering of the text shown (rebuilt only after the text changed)."""
        shown = (self._text_generation, self.document().characterCount())
        if self._lines is None or self._lines[0] != shown:
            self._lines = (shown, LineIndex(self.toPlainText()))
        return self._lines[1]

    def baris_of(self, cp: int) -> int:
        """The baris (paragraph number, as citations give it) of code point ``cp``."""
        return self.line_index().line_of(cp)

    # -- looks used by the margin ------------------------------------------------------------
    def stripe_column_count(self) -> int:
        return self._columns

    def bars(self) -> list[Bar]:
        """The stripe layout (bars in UTF-16 units, ordered by start)."""
        return list(self._bars)

    def code_ids(self) -> set[int]:
        """Ids of the codes the view knows (the project's codes when it was last told)."""
        return set(self._codes)

    def coder_names(self) -> dict[int, str]:
        """Coder id → name, for labelling whose coding a stripe is."""
        return self._coders

    def code_look(self, code_id: int) -> tuple[str, str]:
        return self._codes.get(code_id, ("?", "#999999"))

    def segment_tooltip(self, segment_id: int) -> str:
        """Code, coder, review status and whether a memo is attached."""
        seg = self._segments.get(segment_id)
        if seg is None:
            return ""
        name = self.code_look(seg.code_id)[0]
        coder = self._coders.get(seg.coder_id or -1, "")
        tip = tr("{code} — oleh {coder}", code=name, coder=coder) if coder else name
        status = self._verdicts.get(segment_id)
        if status:
            from qda.gui.review.looks import status_text

            tip += f" · {status_text(status)}"
        else:
            tip += f" · {tr('belum ditelaah')}"
        if segment_id in self._memo_segments:
            tip += f" · ✎ {tr('ada memo')}"
        return tip

    # -- the coding in focus -------------------------------------------------------------------
    def set_memo_segments(self, segment_ids: Iterable[int]) -> None:
        """The codings that carry a memo (a ✎ beside their stripe and in their tooltip)."""
        ids = set(segment_ids)
        if ids != self._memo_segments:
            self._memo_segments = ids
            self.margin.update()

    def set_memo_mark(self, segment_id: int, on: bool) -> None:
        """Whether one coding carries a memo; the others keep their marks."""
        if (segment_id in self._memo_segments) != on:
            self.set_memo_segments(self._memo_segments ^ {segment_id})

    def has_memo(self, segment_id: int) -> bool:
        return segment_id in self._memo_segments

    def focus_segment(self, segment_id: int | None) -> None:
        """Outline this coding's span and emphasise its stripe (None: no coding in focus)."""
        if segment_id is not None and segment_id not in self._segments:
            segment_id = None
        if segment_id != self._focused:
            previous, self._focused = self._focused, segment_id
            for sid in (previous, segment_id):
                self._update_outline(sid)
            self.margin.update()

    def _update_outline(self, segment_id: int | None) -> None:
        """Repaint where the outline of this coding's span is drawn (the whole text if it is not known)."""
        if segment_id is None:
            return
        if segment_id not in self._span_by_id:
            self.viewport().update()
            return
        for rect in self.span_rects(segment_id):
            self.viewport().update(rect.toAlignedRect().adjusted(-4, -3, 4, 3))

    def focused_segment(self) -> int | None:
        return self._focused if self._focused in self._segments else None

    def span_rects(self, segment_id: int) -> list[QRectF]:
        """Viewport rectangles of the visible lines of a shown coding's span."""
        span = self._span_by_id.get(segment_id)
        if span is None:
            return []
        start, end = span.start, span.end
        rects: list[QRectF] = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > height:
                break
            layout = block.layout()
            if geo.bottom() >= 0 and block.isVisible() and layout is not None:
                base = block.position()
                origin = geo.topLeft() + layout.position()
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    a = max(start, base + line.textStart())
                    b = min(end, base + line.textStart() + line.textLength())
                    if a >= b:
                        continue
                    x0, x1 = _x_of(line, a - base), _x_of(line, b - base)
                    rects.append(QRectF(origin.x() + x0, origin.y() + line.y(), max(2.0, x1 - x0), line.height()))
            block = block.next()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        focused = self.focused_segment()
        if focused is None:
            return
        rects = self.span_rects(focused)
        if not rects:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.code_look(self._segments[focused].code_id)[1]).darker(150)
        painter.setPen(QPen(color, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in rects:
            painter.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 3, 3)
        painter.end()

    def visible_bars(self, height: int) -> Iterator[tuple[Bar, float, float]]:
        """Bars overlapping the visible text, with their top and bottom in viewport pixels."""
        if not self._bars:
            return
        first = self.firstVisibleBlock()
        offset = self.contentOffset()
        block, top = first, self.blockBoundingGeometry(first).translated(offset).top()
        last = first
        while block.isValid() and top <= height:
            last = block
            top += self.blockBoundingRect(block).height()
            block = block.next()
        lo, hi = first.position(), last.position() + last.length()
        i = bisect_left(self._bar_starts, lo - self._max_bar_len)
        while i < len(self._bars) and self._bar_starts[i] < hi:
            bar = self._bars[i]
            i += 1
            if bar.span.end <= lo:
                continue
            y0 = self._y_at(bar.span.start, False) if bar.span.start >= lo else -2.0
            y1 = self._y_at(bar.span.end - 1, True) if bar.span.end <= hi else height + 2.0
            yield bar, y0, y1

    def _y_at(self, pos: int, bottom: bool) -> float:
        block = self.document().findBlock(pos)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        layout = block.layout()
        line = layout.lineForTextPosition(max(0, pos - block.position())) if layout else None
        if line is None or not line.isValid():
            return top + (self.blockBoundingRect(block).height() if bottom else 0.0)
        y = top + layout.position().y() + line.y()
        return y + line.height() if bottom else y

    # -- selection in code points -----------------------------------------------------------------
    def selection_cp(self) -> tuple[int, int] | None:
        """The selected span in code points, or None."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        a = self.positions.to_codepoint(c.selectionStart())
        b = self.positions.to_codepoint(c.selectionEnd())
        if b > a and c.selectionEnd() > 0 and self.positions.to_utf16(b) < c.selectionEnd():
            b += 1  # a selection ending inside a surrogate pair keeps the whole character
        return (a, b) if b > a else None

    def select_cp(self, start: int, end: int, center: bool = False) -> None:
        """Select ``[start, end)`` (code points) and scroll it into view (to the middle with ``center``)."""
        c = QTextCursor(self.document())
        c.setPosition(self.positions.to_utf16(start))
        c.setPosition(self.positions.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        if center:
            self.centerCursor()
        else:
            self.ensureCursorVisible()

    def snap_selection_to_words(self) -> None:
        """Widen the selection to whole words and drop the spaces at its edges (keeps its direction)."""
        from qda.gui.viewer.words import snap_to_words

        c = self.textCursor()
        if not c.hasSelection():
            return
        lo16 = max(0, c.selectionStart() - 80)
        hi16 = min(self.document().characterCount() - 1, c.selectionEnd() + 80)
        probe = QTextCursor(self.document())
        probe.setPosition(lo16)
        probe.setPosition(hi16, QTextCursor.MoveMode.KeepAnchor)
        window = probe.selectedText().replace("\u2029", "\n")
        base = self.positions.to_codepoint(lo16)
        span = self.selection_cp()
        if span is None:
            return
        a, b = snap_to_words(window, span[0] - base, span[1] - base)
        a, b = a + base, b + base
        if (a, b) == span:
            return
        forward = c.position() >= c.anchor()
        snapped = QTextCursor(self.document())
        first, second = (a, b) if forward else (b, a)
        snapped.setPosition(self.positions.to_utf16(first))
        snapped.setPosition(self.positions.to_utf16(second), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(snapped)

    def segments_at(self, cp: int) -> list[int]:
        """Ids of the shown segments covering code point ``cp``."""
        covering = [s for s in self._segments.values() if s.start <= cp < s.end]
        return [s.id for s in sorted(covering, key=lambda s: (s.start, -s.end, s.id))]

    def _emit_selection(self) -> None:
        span = self.selection_cp()
        self.selectionChangedCp.emit(*(span or (0, 0)))

    def selection_mime(self) -> QMimeData | None:
        """Mime data describing the selection (dragged onto a code to apply it)."""
        span = self.selection_cp()
        if span is None or self.document_id is None:
            return None
        mime = QMimeData()
        mime.setText(self.textCursor().selectedText().replace("\u2029", "\n"))
        payload = {"document_id": self.document_id, "start": span[0], "end": span[1]}
        mime.setData(SELECTION_MIME, json.dumps(payload).encode("utf-8"))
        return mime

    # -- events -----------------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        # a popup over the text (the quick-code picker, a context menu) leaves the text as it is: the
        # selection stays drawn and the whole text is not repainted when the popup opens and closes
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and mods == Qt.KeyboardModifier.NoModifier:
            if self.textCursor().hasSelection():
                self.numberKeyPressed.emit(int(key) - int(Qt.Key.Key_0))
                event.accept()
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        c = self.textCursor()
        if event.button() == Qt.MouseButton.LeftButton and c.hasSelection():
            pos = self.cursorForPosition(event.position().toPoint()).position()
            if c.selectionStart() <= pos < c.selectionEnd():
                self._drag_origin = event.position().toPoint()
                event.accept()
                return
        self._drag_origin = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_origin is not None:
            if (event.position().toPoint() - self._drag_origin).manhattanLength() >= \
                    QApplication.startDragDistance():
                self._drag_origin = None
                mime = self.selection_mime()
                if mime is not None:
                    drag = QDrag(self)
                    drag.setMimeData(mime)
                    drag.exec(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_origin is not None:  # a click inside the selection: place the cursor there
            self._drag_origin = None
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.snap_words and self.textCursor().hasSelection():
            self.snap_selection_to_words()
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            pos = self.cursorForPosition(event.position().toPoint()).position()
            ids = self.segments_at(self.positions.to_codepoint(pos))
            if ids:
                self.segmentsClicked.emit(ids)

    # -- side areas ---------------------------------------------------------------------------------
    def _margins_follow(self) -> None:
        """Resize the side areas only when the numbers or the stripe columns need another width."""
        margins = self.viewportMargins()
        if (margins.left(), margins.right()) != (self.gutter.width_hint(), self.margin.width_hint()):
            self._update_margins()

    def _update_margins(self, *_: object) -> None:
        gw, mw = self.gutter.width_hint(), self.margin.width_hint()
        old = self.viewportMargins()
        self.setViewportMargins(gw, 0, mw, 0)
        if (old.left(), old.right()) != (gw, mw):
            # the text is laid out again for the viewport's new width (else a wider margin leaves the lines
            # laid out for the old width, with a horizontal scroll bar)
            super().resizeEvent(QResizeEvent(self.size(), self.size()))
        self._place_side_areas()

    def _place_side_areas(self) -> None:
        cr = self.contentsRect()
        gw, mw = self.gutter.width_hint(), self.margin.width_hint()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), gw, cr.height()))
        vp = self.viewport().geometry()
        self.margin.setGeometry(QRect(vp.right() + 1, cr.top(), mw, cr.height()))
        self.margin.setVisible(mw > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.margin.width_hint() != self.viewportMargins().right():
            self._update_margins()  # the stripe margin's width follows the window's width
        else:
            self._place_side_areas()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        self.margin.update()
