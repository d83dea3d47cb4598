"""The main window: welcome page, sources, codes, the coded document and the survey tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QWidget)

from qda.commands import AddReview, CreateCode, RecodeSegment, RemoveSegment
from qda.domain import role_label
from qda.errors import NotFound, QdaError
from qda.gui import project_flow, workspace
from qda.gui.coding import CodingController, touched_codings
from qda.gui.document_pane import DocumentPane
from qda.gui.settings import Settings
from qda.gui.undo_actions import UndoActions
from qda.gui.backups import BackupsController
from qda.gui.viewer.editing_controller import EditingController
from qda.gui.welcome import WelcomePage
from qda.gui.window_dialogs import DialogsMixin
from qda.gui.window_docks import DocksMixin
from qda.gui.window_menus import MenusMixin
from qda.gui.review.window import SupervisionMixin
from qda.i18n import tr, trn


class MainWindow(SupervisionMixin, MenusMixin, DialogsMixin, DocksMixin, QMainWindow):
    """Everything a researcher codes with; holds the open project and its undo stack."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.project: Any = None
        self.stack: Any = None
        self.job: Any = None
        self.quick_dialog: Any = None  # the quick-code picker while it is open
        self._picker: Any = None  # built on the first Ctrl+K, reused after
        self.last_import_report: Any = None
        self.import_report_box: Any = None
        self._hidden_coders: set[int] = set()
        self._dock_visibility: dict[str, bool] | None = None
        self._workspace_docks: dict[str, bool] | None = None  # the docks as the user had them on the Koding tab
        self._sized = False
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self._build_centre()
        self._build_docks()
        # after a coding gesture the side panels follow once the new highlight is painted
        self._side_timer = QTimer(self)
        self._side_timer.setSingleShot(True)
        self._side_timer.setInterval(0)
        self._side_timer.timeout.connect(self._refresh_side_panels)
        self.undo = UndoActions(self, self.show_error)
        self.undo.stepped.connect(self._reveal)
        self.coding = CodingController(lambda recent: self._pick_code(recent), self)
        self.coding.failed.connect(lambda msg: self.statusBar().showMessage(msg, 6000))
        self.coding.recentChanged.connect(self._show_recent)
        self.coding.applied.connect(self._applied)
        self.view.snap_words = self.settings.snap_words
        self._build_actions()
        self._build_supervision_actions()
        self.editing = EditingController(self)
        self.backups = BackupsController(self)
        self._build_menus()
        self._supervision_menu()
        self._build_status()
        self._connect()
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        if self.settings.state is not None:
            self.restoreState(self.settings.state)
        self._update_ui()

    def _forget_recent(self, path: str) -> None:
        self.settings.remove_recent_project(path)
        self.welcome.set_recent(self.settings.recent_projects)

    # -- construction -----------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.welcome = WelcomePage()
        self.welcome.set_recent(self.settings.recent_projects)
        self.welcome.recentRemoved.connect(self._forget_recent)
        # the hidden welcome page must not widen the window once a project is open (1366 px laptops)
        self.welcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pane = DocumentPane()
        self.view = self.pane.view
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.pane, tr("Koding"))
        from qda.gui.survey import SurveyTab

        self.survey = SurveyTab(None, self)
        # scrolls rather than widening the window when the survey's tables are wide
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(self.survey)
        self.survey_holder: QWidget = holder
        self.tabs.addTab(holder, tr("Survei"))
        self._build_supervision()
        from qda.gui.analysis import AnalysisView

        self.analysis = AnalysisView()
        self.tabs.addTab(self.analysis, tr("Analisis"))
        self._build_joint_display()
        self.stacked = QStackedWidget()
        self.stacked.addWidget(self.welcome)
        self.stacked.addWidget(self.tabs)
        self.setCentralWidget(self.stacked)

    def _build_joint_display(self) -> None:
        """The mixed-methods tab: survey indicators beside the coded excerpts (opens excerpts in their text)."""
        from qda.gui.mixed.joint_view import JointDisplayView

        self.joint = JointDisplayView()
        self.tabs.addTab(self.joint, tr("Gabungan"))
        self.joint.openRequested.connect(self.open_coding)
        self.tabs.currentChanged.connect(
            lambda i: self.joint.reload() if self.project is not None and self.tabs.widget(i) is self.joint else None)

    def _build_status(self) -> None:
        self.coder_label = QLabel()
        self.counts_label = QLabel()
        self.hidden_label = QLabel()
        self.hidden_label.setStyleSheet("color: #955800;")
        self.statusBar().addPermanentWidget(self.mode_label)
        for w in (self.hidden_label, self.counts_label, self.coder_label):
            w.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(w)

    def _connect(self) -> None:
        w = self.welcome
        w.newRequested.connect(lambda: project_flow.ask_new(self))
        w.openRequested.connect(lambda: project_flow.ask_open(self))
        w.demoRequested.connect(lambda: project_flow.open_demo(self))
        w.recentActivated.connect(lambda path: project_flow.open_project_path(self, path))
        self.sources.documentActivated.connect(self.show_document)
        self.view.numberKeyPressed.connect(self.coding.apply_recent)
        self.view.segmentsClicked.connect(self.show_segments)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._view_menu)
        self.segment_info.removeRequested.connect(self.remove_segment)
        self.segment_info.recodeRequested.connect(self.recode_segment)
        self.segment_info.memoRequested.connect(self.memo_for_segment)
        self.segment_info.reviewRequested.connect(self.review_segment)
        self.segment_info.verdictRequested.connect(self.give_verdict)
        self.segment_info.cardClicked.connect(self.view.focus_segment)
        self.view.selectionChangedCp.connect(lambda *_: self._update_coding_actions())
        self.code_tree.codeActivated.connect(self._code_activated)
        self.code_tree.segmentsRequested.connect(self.show_code_excerpts)
        self.code_tree.selectionDroppedOnCode.connect(self.coding.apply_span)
        self.code_tree.codeSelected.connect(self._code_selected)
        self.search.hitActivated.connect(self.show_hit)
        self.memo.targetActivated.connect(self.show_memo_target)
        self.coders.visibilityChanged.connect(self.set_visible_coders)
        self.suggestions.suggestionActivated.connect(self.show_hit)
        self.suggestions.changed.connect(self._after_change)
        self.excerpts.excerptActivated.connect(lambda item: self.show_hit(item.document_id, item.start, item.end))
        self.analysis.excerptActivated.connect(self.show_hit)
        self.tabs.currentChanged.connect(lambda _i: workspace.update_workspace(self))
        self.segment_info.shown.connect(lambda _n: workspace.collapse_empty(self))

    # -- project ---------------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show ``project`` (closing the one open before)."""
        from qda.undo import UndoStack

        self.close_project()
        self.project = project
        self.stack = UndoStack(project)
        self.stack.add_listener(self._after_step)
        self.undo.bind(self.stack)
        self._hidden_coders = set()
        self.pane.set_project(project)
        self.pane.set_hidden_coders(set())
        self.coding.bind(project, self.stack, self.view)
        self.sources.set_project(project)
        self.segment_info.set_project(project)
        self.code_tree.set_project(project, self.stack)
        self.memo.set_project(project, self.stack)
        self.memo.show_target(None)
        self.search.set_project(project)
        self.coders.set_project(project)
        self.survey.set_project(project)
        self._supervision_set_project(project)
        self.suggestions.set_project(project, self.stack)
        self.editing.set_project(project)
        self.backups.set_project(project)
        self.excerpts.set_project(project)
        self.analysis.set_project(project)
        self.joint.set_project(project)
        self.settings.add_recent_project(project.path)
        self.welcome.set_recent(self.settings.recent_projects)
        self.stacked.setCurrentWidget(self.tabs)
        ids = self.sources.document_ids()
        if ids:
            self.sources.select_document(ids[0])
        self._update_ui()

    def close_project(self) -> None:
        """Close the open project (everything is already stored)."""
        if self.project is None:
            return
        project, self.project = self.project, None
        self.stack = None
        self.undo.bind(None)
        self.review_mode = False
        for panel in (self.pane, self.sources, self.segment_info, self.search, self.coders, self.survey,
                      self.agreement, self.suggestions,
                      self.excerpts, self.analysis):
            panel.set_project(None)
        self.code_tree.set_project(None, None)
        self.memo.set_project(None, None)
        self.queue.set_project(None)
        self.joint.set_project(None)
        self.coding.bind(None, None, self.view)
        self.editing.set_project(None)
        self.backups.set_project(None)
        project.close()
        self.welcome.set_recent(self.settings.recent_projects)
        self.stacked.setCurrentWidget(self.welcome)
        self._update_ui()

    def _after_step(self) -> None:
        """After a step of the undo stack. A step that changed only a few codings (applied, removed,
        recoded, an in-vivo code) repaints just their spans now and lets the side panels follow
        after the paint; any other step refreshes everything shown at once."""
        if self.project is None:
            return
        touched = touched_codings(self.stack.last_step if self.stack is not None else None)
        if touched is None:
            self._after_change()
            return
        ids, codes_changed = touched
        if codes_changed:
            self.pane.refresh_codes()
            command, how = self.stack.last_step
            if how == "undo":  # the in-vivo code went with every coding of it
                ids = ids + self.view.segment_ids_of_code(command.code_id)
        if not self.pane.codings_changed(ids):
            self._after_change()
            return
        if codes_changed:
            self.coding.forget_missing(self.view.code_ids())
        if set(ids) & set(self.segment_info.segment_ids):  # a card shows a coding that changed
            self.segment_info.refresh()
        self._update_status()
        self._side_timer.start()

    def _refresh_side_panels(self) -> None:
        """What follows a coding step once its highlight is painted: the header's count, the coders'
        counts, the suggestions, the checks and the list of a code's segments."""
        if self.project is None:
            return
        self.pane.update_header()
        self._refresh_lists()

    def _after_change(self) -> None:
        """After any undoable action: refresh only the shown document, the counts and the details."""
        if self.project is None:
            return
        self._side_timer.stop()
        self.pane.refresh_codes()
        self.pane.refresh_segments()
        self.coding.forget_missing(self.view.code_ids())
        self._refresh_panels()

    def _refresh_panels(self) -> None:
        if self.segment_info.segment_ids:
            self.segment_info.refresh()
        self._refresh_lists()
        self._update_status()

    def _refresh_lists(self) -> None:
        self.coders.refresh()  # the per-coder counts change with every coding
        self.suggestions.refresh()  # an undone decision puts a suggestion back in the list
        self.editing.after_change()
        if self.excerpts_dock.isVisible():
            self.excerpts.refresh()

    def _reveal(self, command: Any) -> None:
        """After undo/redo of a coding in another source, show that source."""
        if self.project is None or command is None:
            return
        doc_id = getattr(command, "doc_id", None)
        if doc_id is None and getattr(command, "segment_id", None) is not None:
            try:
                doc_id = self.project.segments.get(command.segment_id).document_id
            except NotFound:
                doc_id = None
        if doc_id is not None and doc_id != self.pane.document_id:
            try:
                self.show_document(doc_id)
            except NotFound:
                pass

    def after_import(self, report: Any) -> None:
        """Called when an import has finished (or failed): show the new sources."""
        self.job = None
        if self.project is None:
            return
        self.sources.refresh()
        self.search.set_project(self.project)
        if report is not None and report.imported:
            self.sources.select_document(report.imported[0].id)
        self._update_status()

    # -- documents ---------------------------------------------------------------------------------
    def show_document(self, doc_id: int) -> None:
        if self.project is None:
            return
        if self.pane.document_id != doc_id:
            self.pane.show_document(doc_id)
            self.segment_info.show_segments([])
        self.sources.select_document(doc_id)
        self.tabs.setCurrentWidget(self.pane)
        self.search.set_current_document(doc_id)
        self.memo.show_target(self.project.documents.get(doc_id))
        self._update_status()

    def _code_activated(self, code_id: int) -> None:
        """Double-click / Enter on a code: apply it to the selected text, or list its codings when none is selected."""
        if self.view.selection_cp() is not None and self.view.document_id is not None:
            self.coding.apply_to_selection(code_id)
        else:
            self.show_code_excerpts(code_id)

    def show_code_excerpts(self, code_id: int) -> None:
        """Open the list of every coding of a code ("Tampilkan segmen")."""
        if self.project is None:
            return
        if self.tabs.currentWidget() is self.analysis:
            self.tabs.setCurrentWidget(self.pane)
        self.excerpts.show_code(code_id)
        first = self.excerpts_dock.isHidden()
        self.excerpts_dock.show()
        self.excerpts_dock.raise_()
        if first:
            self.resizeDocks([self.excerpts_dock], [max(200, self.height() // 3)], Qt.Orientation.Vertical)

    def show_analysis(self, page: str) -> None:
        """Bring the analysis tab forward at ``page`` (query, matrix, words, kwic)."""
        if self.project is None:
            return
        self.tabs.setCurrentWidget(self.analysis)
        self.analysis.show_page(page)

    def show_hit(self, doc_id: int, start: int, end: int) -> None:
        """Open a search hit: show its document and select the span."""
        self.show_document(doc_id)
        self.view.select_cp(start, end, center=True)
        self.view.setFocus()

    def show_memo_target(self, kind: str, ident: int) -> None:
        """Go to what a memo in the memo list is about."""
        if self.project is None:
            return
        try:
            if kind == "document":
                self.show_document(ident)
            elif kind == "segment":
                seg = self.project.segments.get(ident)
                self.show_document(seg.document_id)
                self.view.select_cp(seg.start, seg.end, center=True)
                self.segment_info.show_segments([seg.id])
            elif kind == "code":
                self.code_tree.select_code(ident)
        except NotFound:
            self.statusBar().showMessage(tr("Sasaran memo ini sudah tidak ada."), 6000)

    def step_document(self, delta: int) -> None:
        doc_id = self.sources.step(delta)
        if doc_id is not None:
            self.show_document(doc_id)

    # -- coding -------------------------------------------------------------------------------------
    def push(self, command: Any) -> Any:
        """Run an undoable command, reporting a refusal to the user."""
        if self.stack is None:
            return None
        try:
            return self.stack.push(command)
        except QdaError as exc:
            self.show_error(str(exc))
            return None
        except Exception as exc:  # the review-mode guard refuses changes to codings
            if self.refuse_in_review_mode(exc):
                return None
            raise

    def _pick_code(self, recent: list[int]) -> int | None:
        from qda.gui.panels.quick_code import QuickCodeDialog

        if self.project is None:
            return None
        dialog = self._picker
        if dialog is None:
            dialog = self._picker = QuickCodeDialog(self.project, recent, self)
            dialog.embed(self)  # a panel over the window, not a window of its own
        else:
            dialog.prepare(self.project, recent)  # the codes as they are now
        if self.view.isVisible():  # just below the selection, like a completion popup
            rect = self.view.cursorRect(self.view.textCursor())
            dialog.place(self.view.viewport().mapTo(self, rect.bottomLeft() + QPoint(24, 12)), rect.height() + 24)
        self.quick_dialog = dialog
        accepted = dialog.choose()
        self.quick_dialog = None
        if not accepted:
            return None
        new_name = getattr(dialog, "new_code_name", None)
        if dialog.chosen_code_id is None and new_name:
            cmd = self.push(CreateCode(new_name, group="own"))
            return cmd.code_id if cmd is not None else None
        return dialog.chosen_code_id

    def coding_quick(self) -> None:
        self.coding.quick_code()

    def coding_in_vivo(self) -> None:
        self.coding.in_vivo()

    def _show_recent(self, ids: list[int]) -> None:
        looks = [self.pane.view.code_look(i) for i in ids]
        self.pane.set_recent_codes(looks)

    def show_segments(self, ids: list[int]) -> None:
        """The codings under a click: their cards, the first one outlined in the text with its stripe emphasised."""
        self.view.focus_segment(ids[0] if ids else None)
        self.segment_info.show_segments(ids)
        self.segment_dock.show()
        self.segment_dock.raise_()
        if ids and self.project is not None:
            try:
                self.memo.show_target(self.project.segments.get(ids[0]))
            except NotFound:
                pass

    def recode_segment(self, segment_id: int) -> None:
        code_id = self._pick_code(list(self.coding.recent))
        if code_id is not None:
            self.push(RecodeSegment(segment_id, code_id))

    def review_segment(self, segment_id: int, status: str | None = None) -> None:
        """The supervisor's verdict on a segment with a comment (undoable like every other action).

        The dialog names the coder and the earlier verdict; it preselects only the verdict the
        supervisor already chose on the card (``status``)."""
        from qda.gui.review_dialog import ReviewDialog
        from qda.gui.review.looks import status_text

        seg = self.project.segments.get(segment_id)
        coders = {c.id: c.name for c in self.project.coders.all()}
        earlier = ""
        review = self.project.reviews.latest(seg)
        if review is not None:
            earlier = status_text(review.status)
            if review.reviewer_id in coders:
                earlier += f" ({coders[review.reviewer_id]})"
            if review.comment:
                earlier += f": {review.comment}"
        dialog = ReviewDialog(self.project.codes.get(seg.code_id).name, self.project.segments.text(seg), self,
                              coder=coders.get(seg.coder_id, ""), earlier=earlier, status=status)
        if dialog.exec() and dialog.status is not None:
            if self.push(AddReview(segment_id, dialog.status, dialog.comment)) is not None:
                self._undo_hint(status_text(dialog.status))

    def give_verdict(self, segment_id: int, status: str) -> None:
        """The card's Setujui (at once) / Revisi… / Tolak… (with a comment)."""
        from qda.gui.review.looks import status_text

        if status == "approved":
            if self.push(AddReview(segment_id, status, "")) is not None:
                self._undo_hint(status_text(status))
        else:
            self.review_segment(segment_id, status)

    def remove_segment(self, segment_id: int) -> None:
        """Remove a coding without asking; the status bar says how to undo it."""
        try:
            name = self.project.codes.get(self.project.segments.get(segment_id).code_id).name
        except NotFound:
            return
        if self.push(RemoveSegment(segment_id)) is not None:
            self._undo_hint(tr("Segmen {code} dihapus", code=name))

    def _undo_hint(self, what: str) -> None:
        """Say what was done and how to take it back."""
        key = self.undo.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) or "Ctrl+Z"
        self.statusBar().showMessage(tr("{what} — {key} untuk membatalkan", what=what, key=key), 8000)

    def _applied(self, segment_id: int) -> None:
        """After a code is applied: clear the selection so the highlight shows, show the new coding's card
        and offer undo."""
        seg = self.view.segment(segment_id)  # shown already: no need to read it back
        try:
            if seg is None:
                seg = self.project.segments.get(segment_id)
            name = self.view.code_look(seg.code_id)[0] if seg.code_id in self.view.code_ids() \
                else self.project.codes.get(seg.code_id).name
        except NotFound:
            return
        if self.view.document_id == getattr(seg, "document_id", self.view.document_id) \
                and self.view.selection_cp() is not None:
            self.view.select_cp(seg.end, seg.end)
        self.view.focus_segment(segment_id)
        self.segment_info.show_segments_later([segment_id])  # after the new highlight is painted
        self._undo_hint(tr("Kode {code} diterapkan", code=name))

    def _update_coding_actions(self) -> None:
        """Quick-code and in-vivo apply only to selected text in a writable project."""
        writable = self.project is not None and not self.project.read_only and not self.review_mode
        has_selection = self.view.selection_cp() is not None
        for act in (self.act_quick, self.act_invivo):
            act.setEnabled(writable and has_selection)

    def memo_for_segment(self, segment_id: int) -> None:
        if self.project is None:
            return
        self.memo.show_target(self.project.segments.get(segment_id))
        self.focus_memo()

    def _code_selected(self, code_id: int) -> None:
        if self.project is not None and not self.memo.hasFocus():
            try:
                self.memo.show_target(self.project.codes.get(code_id))
            except NotFound:
                pass

    def set_visible_coders(self, visible: set[int]) -> None:
        """Hide the codings of the coders not in ``visible``; coders added later stay visible."""
        if self.project is None:
            return
        self._hidden_coders = {c.id for c in self.project.coders.all()} - set(visible)
        self.pane.set_hidden_coders(self._hidden_coders)
        self._update_status()

    def focus_memo(self) -> None:
        self.memo_dock.show()
        self.memo_dock.raise_()
        self.memo.editor.setFocus()  # the cursor goes where the memo is typed

    def focus_suggestions(self) -> None:
        """Show the suggestions panel, limited to the shown source."""
        self.suggestions_dock.show()
        self.suggestions_dock.raise_()
        self.suggestions.set_document_filter(self.pane.document_id)
        if not self.segment_dock.isHidden() and self.dockWidgetArea(self.segment_dock) == \
                self.dockWidgetArea(self.suggestions_dock):
            wide = max(self.suggestions_dock.width(), int(self.width() * 0.3))  # room for the passages
            self.resizeDocks([self.suggestions_dock], [wide], Qt.Orientation.Horizontal)
            total = self.segment_dock.height() + self.suggestions_dock.height()
            self.resizeDocks([self.segment_dock, self.suggestions_dock], [total // 4, total - total // 4],
                             Qt.Orientation.Vertical)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.query_edit.setFocus()
        self.search.query_edit.selectAll()

    # -- status and title ------------------------------------------------------------------------------
    def _update_ui(self) -> None:
        has = self.project is not None
        writable = has and not self.project.read_only and not self.review_mode
        for act in (self.act_import, self.act_codebook_import):
            act.setEnabled(writable)
        self._update_coding_actions()
        self.segment_info.set_writable(bool(writable), bool(has and not self.project.read_only))
        for act in self.preset_actions.values():
            act.setEnabled(has)
        for act in (self.act_report, self.act_close, self.act_memo, self.act_search, self.act_suggest, self.act_next,
                    self.act_prev, self.act_refi_export, self.act_refi_codebook):
            act.setEnabled(has)
        self._show_docks(has)
        self.suggestions.refresh()  # nothing to decide in a read-only window or in review mode
        title = "qda"
        if has:
            title = f"{Path(self.project.path).stem} — qda"
            if self.project.read_only:
                title += " " + tr("[hanya-baca]")
            elif self.review_mode:
                title += " " + tr("[mode telaah]")
        self.setWindowTitle(title)
        self._update_status()

    def _update_status(self) -> None:
        if self.project is None:
            self.coder_label.setText(tr("Pengode: {name}", name=self.settings.coder_name or "—"))
            self.counts_label.clear()
            self.hidden_label.clear()
            return
        if self.project.read_only:  # nobody codes in a read-only window: name the user, not the file's coder
            self.coder_label.setText(tr("Pengode: {name} (hanya-baca)", name=self.settings.coder_name or "—"))
        else:
            coder = self.project.coders.current
            self.coder_label.setText(tr("Pengode: {name} ({role})", name=coder.name or "—",
                                        role=role_label(coder.role, in_text=True)))
        stats = self.project.stats()
        counts = (trn("{n} sumber", n=stats["documents"]), trn("{n} kode", n=stats["codes"]),
                  trn("{n} segmen", n=stats["segments"]))
        self.counts_label.setText(" · ".join(counts))
        hidden = self.pane.hidden_count
        if self._hidden_coders:
            self.hidden_label.setText(tr("{coders} disembunyikan ({codings} di sumber ini)",
                                         coders=trn("{n} pengode", n=len(self._hidden_coders)),
                                         codings=trn("{n} segmen", n=hidden)))
        else:
            self.hidden_label.clear()

    # -- events -------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return super().dropEvent(event)
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].endswith(".qda"):
            QTimer.singleShot(0, lambda: project_flow.open_project_path(self, paths[0]))
        else:
            QTimer.singleShot(0, lambda: project_flow.import_paths(self, paths))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        from qda.gui.workers import wait_for_jobs

        self.settings.geometry = self.saveGeometry()
        if self._sized:
            # the dock layout is saved only once docks have been shown with a project
            if self.project is None:
                self._show_docks(True)
            self.settings.state = self.saveState()
        if self.job is not None:
            self.job.cancel()
        wait_for_jobs(10000)
        self.close_project()
        super().closeEvent(event)

