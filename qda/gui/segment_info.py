"""Details of the coded segments under a click: codes, coder, review, memo, actions."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qda.dates import format_datetime
from qda.domain import status_label, verdict_label
from qda.errors import NotFound
from qda.gui.flow_layout import FlowLayout
from qda.gui.review.looks import status_color
from qda.i18n import tr

EXCERPT_CHARS = 220


def review_badge(status: str | None) -> str:
    """Rich-text badge of a review status (or 'not reviewed')."""
    weight = ";font-weight:bold" if status else ""
    return (f"<span style='color:{status_color(status or 'pending')}{weight}'>"
            f"{html.escape(status_label(status))}</span>")


class SegmentCard(QFrame):
    """One segment: what it is and buttons acting on it.

    A coder sees the student's buttons (Memo…, Ganti kode…, Hapus last); a supervisor sees the
    verdicts (Setujui, Revisi…, Tolak…) and Memo…, never the coder's edit buttons.
    """

    def __init__(self, segment_id: int, body: str, color: str, parent: QWidget | None = None,
                 supervisor: bool = False) -> None:
        super().__init__(parent)
        self.segment_id = segment_id
        self.supervisor = supervisor
        self.color = color
        self.setObjectName("segcard")
        self.setStyleSheet(
            f"#segcard {{ background: white; border: 1px solid #e0e3e8; border-left: 5px solid {color};"
            " border-radius: 4px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        self.label = QLabel(body)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.installEventFilter(self)  # a click on the text also picks the card
        self.on_click: Any = None  # called with the segment id when the card is clicked
        layout.addWidget(self.label)
        row = FlowLayout(spacing=6)  # the buttons wrap in a narrow dock instead of being cut off
        self.approve_button = QPushButton(verdict_label("approved"))
        self.approve_button.setToolTip(tr("Setujui segmen ini (Ctrl+Z membatalkan)"))
        self.revise_button = QPushButton(tr("Revisi…"))
        self.revise_button.setToolTip(tr("Minta pengode memperbaiki segmen ini, dengan komentar"))
        self.reject_button = QPushButton(tr("Tolak…"))
        self.reject_button.setToolTip(tr("Tolak segmen ini, dengan komentar"))
        self.memo_button = QPushButton(tr("Memo…"))
        self.recode_button = QPushButton(tr("Ganti kode…"))
        self.revised_button = QPushButton(tr("Tandai sudah direvisi"))
        self.revised_button.setToolTip(tr("Segmen ini sudah diperbaiki: kembalikan ke antrean telaah pembimbing"))
        self.remove_button = QPushButton(tr("Hapus"))
        self.remove_button.setToolTip(tr("Hapus segmen ini tanpa bertanya; Ctrl+Z membatalkan"))
        if supervisor:
            buttons = (self.approve_button, self.revise_button, self.reject_button, self.memo_button)
            for b in (self.recode_button, self.revised_button, self.remove_button):
                b.hide()
        else:
            # the destructive action last, away from the finger's first target
            buttons = (self.memo_button, self.recode_button, self.revised_button, self.remove_button)
            for b in (self.approve_button, self.revise_button, self.reject_button):
                b.hide()
        for b in buttons:
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            row.addWidget(b)
        layout.addLayout(row)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if self.on_click is not None:
            self.on_click(self.segment_id)
        super().mousePressEvent(event)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        if watched is self.label and event.type() == QEvent.Type.MouseButtonPress and self.on_click is not None:
            self.on_click(self.segment_id)
        return False

    def shown_buttons(self) -> list[str]:
        """The texts of the buttons the card offers, in order."""
        row = self.layout().itemAt(1).layout()
        return [row.itemAt(i).widget().text() for i in range(row.count())
                if not row.itemAt(i).widget().isHidden()]

    def set_writable(self, writable: bool, reviewable: bool) -> None:
        """Disable what cannot apply (a read-only project, review mode for the coder's edits)."""
        for b in (self.recode_button, self.remove_button, self.revised_button):
            b.setEnabled(writable)
        for b in (self.approve_button, self.revise_button, self.reject_button):
            b.setEnabled(reviewable)
        self.memo_button.setEnabled(reviewable or writable)


class SegmentInfoPanel(QWidget):
    """Lists the segments last clicked in the viewer; the window carries out the actions."""

    removeRequested = Signal(int)
    recodeRequested = Signal(int)
    memoRequested = Signal(int)
    reviewRequested = Signal(int)
    verdictRequested = Signal(int, str)  # segment id, "approved" | "needs_revision" | "rejected"
    shown = Signal(int)  # how many codings the panel now shows (0: only the hint)
    cardClicked = Signal(int)  # a card was clicked: its coding comes into focus in the text
    revisedRequested = Signal(int)  # the coder marks an excerpt asked to be revised as reworked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.segment_ids: list[int] = []
        self.cards: list[SegmentCard] = []
        self.writable = True  # codings may change (not read-only, not review mode)
        self._later: list[int] | None = None  # cards to show once the events queued now are handled
        self._later_timer = QTimer(self)
        self._later_timer.setSingleShot(True)
        self._later_timer.setInterval(0)
        self._later_timer.timeout.connect(self._show_later)
        self.reviewable = True  # verdicts may be given (not read-only)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._inner = QWidget()
        self._inner.setStyleSheet("background: #f6f7f9;")
        self._list = QVBoxLayout(self._inner)
        self._list.setContentsMargins(6, 6, 6, 6)
        self._list.setSpacing(6)
        self.hint = QLabel(tr("Klik sorotan atau garis di samping teks untuk melihat segmennya."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b7a; padding: 6px;")
        self._list.addWidget(self.hint)
        self._list.addStretch(1)
        scroll.setWidget(self._inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.show_segments([])

    def show_segments_later(self, segment_ids: list[int]) -> None:
        """Show these segments once the events already queued are handled (after a coding gesture the
        new highlight is painted first, the card a moment later); :meth:`show_segments` cancels it."""
        self._later = list(segment_ids)
        self._later_timer.start()

    def pending(self) -> bool:
        """Whether cards are waiting to be shown (:meth:`show_segments_later`)."""
        return self._later is not None

    def _show_later(self) -> None:
        if self._later is not None:
            self.show_segments(self._later)

    def show_segments(self, segment_ids: list[int]) -> None:
        """Show the segments with these ids (those no longer in the project are skipped)."""
        self._later = None
        self._later_timer.stop()
        for card in self.cards:
            self._list.removeWidget(card)
            card.hide()  # gone from the panel at once, not only when Qt deletes it
            card.deleteLater()
        self.cards = []
        self.segment_ids = []
        if self.project is None:
            self.hint.show()
            self.shown.emit(0)
            return
        coders = {c.id: c for c in self.project.coders.all()}
        supervisor = self.project.coders.current.role == "supervisor"
        for sid in segment_ids:
            try:
                seg = self.project.segments.get(sid)
                code = self.project.codes.get(seg.code_id)
            except NotFound:
                continue
            card = SegmentCard(sid, self._body(seg, code, coders), code.color, supervisor=supervisor)
            card.remove_button.clicked.connect(lambda _=False, s=sid: self.removeRequested.emit(s))
            card.recode_button.clicked.connect(lambda _=False, s=sid: self.recodeRequested.emit(s))
            card.memo_button.clicked.connect(lambda _=False, s=sid: self.memoRequested.emit(s))
            card.approve_button.clicked.connect(lambda _=False, s=sid: self.verdictRequested.emit(s, "approved"))
            card.revise_button.clicked.connect(lambda _=False, s=sid: self.verdictRequested.emit(s, "needs_revision"))
            card.reject_button.clicked.connect(lambda _=False, s=sid: self.verdictRequested.emit(s, "rejected"))
            card.revised_button.clicked.connect(lambda _=False, s=sid: self.revisedRequested.emit(s))
            if not supervisor:
                card.revised_button.setVisible(seg.coder_id == self.project.coders.current.id
                                               and self.project.supervision.status(sid) == "needs_revision")
            card.set_writable(self.writable, self.reviewable)
            card.on_click = self.cardClicked.emit
            self._list.insertWidget(self._list.count() - 1, card)
            self.cards.append(card)
            self.segment_ids.append(sid)
        self.hint.setVisible(not self.cards)
        self.shown.emit(len(self.cards))

    def empty_height(self) -> int:
        """The height the panel needs for its hint alone (an empty card list collapses to it)."""
        width = max(self.width() - 24, 120)
        return self.hint.heightForWidth(width) + 2 * 6 + 14

    def set_writable(self, writable: bool, reviewable: bool) -> None:
        """Enable only the card actions that can apply now."""
        self.writable, self.reviewable = writable, reviewable
        for card in self.cards:
            card.set_writable(writable, reviewable)

    def refresh(self) -> None:
        """Redraw the shown segments (after an undo, a recode or a memo): the cards' texts are rewritten in
        place while the same codings stay (building cards anew costs more than a coding gesture may)."""
        if self._later is not None:
            return  # the cards about to be shown read the project then
        if self.project is None or not self.cards:
            self.show_segments(list(self.segment_ids))
            return
        supervisor = self.project.coders.current.role == "supervisor"
        coders = {c.id: c for c in self.project.coders.all()}
        updates = []
        for card in self.cards:
            try:
                seg = self.project.segments.get(card.segment_id)
                code = self.project.codes.get(seg.code_id)
            except NotFound:
                seg = None
            if seg is None or card.supervisor != supervisor or card.color != code.color:
                self.show_segments(list(self.segment_ids))
                return
            updates.append((card, seg, code))
        for card, seg, code in updates:
            card.label.setText(self._body(seg, code, coders))
            if not supervisor:
                card.revised_button.setVisible(seg.coder_id == self.project.coders.current.id
                                               and self.project.supervision.status(seg.id) == "needs_revision")

    def _body(self, seg: Any, code: Any, coders: dict[int, Any]) -> str:
        coder = coders.get(seg.coder_id)
        who = html.escape(coder.name) if coder else "?"
        when = html.escape(format_datetime(seg.created))
        review = self.project.reviews.latest(seg)
        review_html = review_badge(review.status if review else None)
        if review is not None:
            reviewer = coders.get(review.reviewer_id)
            if reviewer is not None:
                review_html += f" <span style='color:#5f6b7a'>({html.escape(reviewer.name)})</span>"
            if review.comment:
                review_html += f"<br><i>{html.escape(review.comment)}</i>"
            if review.status == "needs_revision" and self.project.supervision.status(seg.id) == "revised":
                review_html += f"<br><span style='color:#1565c0'>↻ {html.escape(tr('sudah direvisi'))}</span>"
        memo = self.project.memos.get(seg) or ""
        memo_html = html.escape(memo) if memo else f"<span style='color:#5f6b7a'>{html.escape(tr('Tanpa memo'))}</span>"
        text = self.project.segments.text(seg)
        if len(text) > EXCERPT_CHARS:
            text = text[:EXCERPT_CHARS].rstrip() + "…"
        return (
            f"<b>{html.escape(code.name)}</b><br>"
            f"<span style='color:#5b6573'>{html.escape(tr('oleh {coder}, {when}', coder=who, when=when))}"
            f"</span><br>{html.escape(tr('Telaah'))}: {review_html}<br>"
            f"{html.escape(tr('Memo'))}: {memo_html}"
            f"<p style='color:#3a3f47;margin-top:4px'>“{html.escape(text)}”</p>"
        )
