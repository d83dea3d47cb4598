"""The coding tab's centre: a header naming the source and the document view."""

from __future__ import annotations

import html
from typing import Any, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from qda.errors import NotFound
from qda.gui.sources_panel import kind_label
from qda.gui.viewer.text_view import DocumentView
from qda.i18n import tr, trn


class DocumentPane(QWidget):
    """Shows one source of the project; refreshes only what a change touched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.document_id: int | None = None
        self.hidden_coders: set[int] = set()
        self.hidden_count = 0
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setStyleSheet(
            "QLabel { background: #f4f6f9; border-bottom: 1px solid #dfe3ea; padding: 7px 12px; color: #1f3b5c; }")
        self.recent_label = QLabel()
        self.recent_label.setTextFormat(Qt.TextFormat.RichText)
        self.recent_label.setStyleSheet("QLabel { background: #fbfbfc; padding: 3px 12px; color: #5b6573; }")
        for label in (self.header, self.recent_label):
            # long names and hints are cut, never widen the window
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view = DocumentView()
        self.view.setFrameShape(DocumentView.Shape.NoFrame)
        self.placeholder = QLabel(tr("Pilih sumber di panel Sumber untuk membacanya dan mengodenya."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #5f6b7a; background: white;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.placeholder, 1)
        self._show_placeholder(True)

    def _show_placeholder(self, on: bool) -> None:
        self.placeholder.setVisible(on)
        self.view.setVisible(not on)
        self.header.setVisible(not on)

    def set_project(self, project: Any) -> None:
        self.project = project
        self.document_id = None
        self.view.clear_document()
        self._show_placeholder(True)

    # -- data for the view -------------------------------------------------------------
    def code_looks(self) -> dict[int, tuple[str, str]]:
        return {c.id: (c.name, c.color) for c in self.project.codes.all()}

    def _shown_segments(self, doc_id: int) -> list[Any]:
        segs = self.project.segments.all(document=doc_id)
        hidden = self.hidden_coders
        shown = [s for s in segs if s.coder_id not in hidden] if hidden else segs
        self.hidden_count = len(segs) - len(shown)
        return shown

    def show_document(self, doc_id: int) -> None:
        """Show source ``doc_id`` with its turns and codings."""
        p = self.project
        doc = p.documents.get(doc_id)
        self.document_id = doc.id
        coders = {c.id: c.name for c in p.coders.all()}
        self.view.show_document(doc.id, p.documents.text(doc), p.documents.turns(doc), self._shown_segments(doc.id),
                                self.code_looks(), coders)
        self.view.set_verdicts(p.supervision.document_statuses(doc.id))
        self.refresh_memos()
        self._show_placeholder(False)
        self.refresh_suggestions()
        self.update_header(doc)

    def refresh_memos(self) -> None:
        """Tell the view which codings carry a memo (a marker beside their stripe and in their tooltip)."""
        if self.project is None or self.document_id is None:
            return
        self.view.set_memo_segments(m.target_id for m in self.project.memos.all()
                                    if m.target_kind == "segment" and m.target_id is not None)

    def refresh_suggestions(self) -> None:
        """Show the shown source's pending code suggestions with a dashed highlight."""
        if self.project is None or self.document_id is None or not hasattr(self.project, "suggestions"):
            return
        self.view.set_suggestions([(s.start, s.end, s.code_id)
                                   for s in self.project.suggestions.all(document=self.document_id)])

    def update_header(self, doc: Any = None) -> None:
        if self.document_id is None:
            return
        doc = doc or self.project.documents.get(self.document_id)
        parts = [kind_label(doc.kind)]
        if doc.case_id is not None:
            try:
                parts.append(self.project.cases.get(doc.case_id).name)
            except NotFound:
                pass
        parts.append(trn("{n} kata", n=doc.words))
        parts.append(trn("{n} segmen", n=self.view.segment_count()))
        if self.hidden_count:
            parts.append(f"<span style='color:#955800'>{html.escape(tr('{n} disembunyikan', n=self.hidden_count))}"
                         "</span>")
        meta = " · ".join(p if p.startswith("<span") else html.escape(p) for p in parts)
        self.header.setText(f"<b style='font-size:12pt'>{html.escape(doc.name)}</b>"
                            f"&nbsp;&nbsp;<span style='color:#5b6573'>{meta}</span>")

    def refresh_segments(self) -> None:
        """Re-read the shown document's codings and repaint only what changed."""
        if self.project is None or self.document_id is None:
            return
        try:
            self.project.documents.get(self.document_id)
        except NotFound:  # the source was deleted
            self.set_project(self.project)
            return
        self.view.set_segments(self._shown_segments(self.document_id))
        self.view.set_verdicts(self.project.supervision.document_statuses(self.document_id))
        self.refresh_memos()
        self.refresh_suggestions()
        self.update_header()

    def codings_changed(self, segment_ids: Iterable[int]) -> bool:
        """Only these codings changed (applied, removed, recoded or put back): re-read them alone and
        repaint their spans. False when that cannot be done alone (codings of some coders hidden, the
        source gone): call :meth:`refresh_segments` then."""
        p = self.project
        if p is None or self.document_id is None or self.hidden_coders:
            return False
        visible = p.supervision.visible_coder()  # blind coding: only that coder's codings are listed
        shown, removed = [], []
        for sid in segment_ids:
            try:
                seg = p.segments.get(sid)
            except NotFound:
                removed.append(sid)
                continue
            if seg.document_id != self.document_id or (visible is not None and seg.coder_id != visible):
                removed.append(sid)
            else:
                shown.append(seg)
        self.view.update_segments(shown, removed)
        for seg in shown:  # a coding put back by undo or redo comes back with its verdict and memo
            status = p.supervision.status(seg.id)
            self.view.set_verdict(seg.id, None if status == "pending" else status)
            self.view.set_memo_mark(seg.id, p.memos.get(seg) is not None)
        for sid in removed:
            self.view.set_verdict(sid, None)
        return True

    def refresh_codes(self) -> None:
        """Pick up renamed or recoloured codes."""
        if self.project is not None and self.document_id is not None:
            self.view.set_codes(self.code_looks())

    def set_hidden_coders(self, coder_ids: set[int]) -> None:
        """Leave out the codings of these coders; the header counts what is hidden."""
        self.hidden_coders = set(coder_ids)
        self.refresh_segments()

    def set_recent_codes(self, looks: list[tuple[str, str]]) -> None:
        """Show the number-key shortcuts of the most recently used codes."""
        if not looks:
            hint = tr("Pilih teks lalu terapkan kode: klik ganda kode, seret ke kode, Ctrl+K, atau Ctrl+I (in-vivo).")
            self.recent_label.setText(f"<span style='color:#5f6b7a'>{html.escape(hint)}</span>")
            return
        items = [f"<b style='color:#1f3b5c'>{i}</b>&nbsp;<span style='background:{color}55'>"
                 f"&nbsp;{html.escape(name)}&nbsp;</span>" for i, (name, color) in enumerate(looks, 1)]
        self.recent_label.setText(html.escape(tr("Tombol angka:")) + "&nbsp; " + "&nbsp;&nbsp; ".join(items))
