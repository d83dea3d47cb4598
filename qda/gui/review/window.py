"""The main window's part of supervision: the queue and agreement tabs, review mode, blind coding, File > Merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from qda.errors import NotFound, QdaError
from qda.i18n import tr


class SupervisionMixin:
    """Part of :class:`~qda.gui.main_window.MainWindow` (needs its project, tabs, pane, status bar)."""

    project: Any

    # -- construction ----------------------------------------------------------------------
    def _build_supervision(self) -> None:
        from qda.gui.review.agreement_view import AgreementView
        from qda.gui.review.queue_view import ReviewQueueView

        self.queue = ReviewQueueView()
        self.agreement = AgreementView()
        self.tabs.addTab(self.queue, tr("Telaah"))
        self.tabs.addTab(self.agreement, tr("Kesepakatan"))
        self.queue.openRequested.connect(self.open_coding)
        self.agreement.openRequested.connect(self.open_coding)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.mode_label = QLabel()
        self.mode_label.setStyleSheet("color: #ffffff; background: #8e24aa; border-radius: 3px; padding: 1px 6px;")
        self.mode_label.hide()
        self.review_mode = False

    def _build_supervision_actions(self) -> None:
        self.segment_info.revisedRequested.connect(self.mark_revised)
        self.act_open_review = self._action(tr("Buka untuk telaah (koding terkunci)…"), self.ask_open_for_review)
        self.act_merge = self._action(tr("Gabungkan proyek pengode lain…"), self.ask_merge)
        self.act_blind = QAction(tr("Koding buta (setiap pengode hanya melihat segmennya)"), self)
        self.act_blind.setCheckable(True)
        self.act_blind.triggered.connect(self.toggle_blind)
        self.act_queue = self._action(tr("Antrean telaah"), lambda: self.show_tab(self.queue), "Ctrl+Shift+R")
        self.act_agreement = self._action(tr("Kesepakatan antarpengode"), lambda: self.show_tab(self.agreement))

    def _supervision_menu(self) -> None:
        m = self.menuBar().addMenu(tr("Te&laah"))
        for a in (self.act_queue, self.act_agreement, None, self.act_blind, None, self.act_open_review,
                  self.act_merge):
            m.addSeparator() if a is None else m.addAction(a)

    # -- project -----------------------------------------------------------------------------
    def _supervision_set_project(self, project: Any) -> None:
        self.review_mode = False
        self.queue.set_project(project, self.push)
        self.agreement.set_project(project)
        self.apply_supervision_state()

    def apply_supervision_state(self) -> None:
        """Tab titles, blind coding, the mode badge and which actions are allowed, after any change of coder."""
        p = self.project
        has = p is not None
        writable = has and not p.read_only
        supervisor = has and p.coders.current.role == "supervisor"
        blind = has and p.supervision.blind()
        self.tabs.setTabText(self.tabs.indexOf(self.queue), tr("Telaah") if supervisor or not has
                             else tr("Perlu direvisi"))
        self.act_blind.setEnabled(writable and supervisor and not self.review_mode)
        self.act_blind.setChecked(blind)
        self.act_merge.setEnabled(writable and not self.review_mode)
        self.act_agreement.setEnabled(has and not (blind and not supervisor))
        self.tabs.setTabEnabled(self.tabs.indexOf(self.agreement), has and not (blind and not supervisor))
        if has:
            self.queue.set_project(p, self.push)
        if has and blind and not supervisor:  # a coder sees only their own codings
            self.set_visible_coders({p.coders.current.id})
            self._blind_forced = True
            self.coders.setEnabled(False)
        else:
            if has and getattr(self, "_blind_forced", False):  # comparison switched on: show everyone again
                self.set_visible_coders({c.id for c in p.coders.all()})
            self._blind_forced = False
            self.coders.setEnabled(True)
        if has:  # blind coding changes whose codings the counts hold
            self.code_tree.refresh_counts()
        badges = []
        if self.review_mode:
            badges.append(tr("MODE TELAAH: koding terkunci, hanya telaah dan memo"))
        if blind:
            badges.append(tr("KODING BUTA aktif") if supervisor else tr("KODING BUTA: hanya segmen Anda yang tampil"))
        self.mode_label.setText(" · ".join(badges))
        self.mode_label.setVisible(bool(badges))
        if self.review_mode:
            for act in (self.act_import, self.act_quick, self.act_invivo):
                act.setEnabled(False)

    def _tab_changed(self, index: int) -> None:
        if self.project is not None and self.tabs.widget(index) is self.queue:
            self.queue.reload()

    def mark_revised(self, segment_id: int) -> None:
        """The coder has reworked an excerpt asked to be revised: back to the supervisor's queue."""
        from qda.commands import MarkRevised

        self.push(MarkRevised(segment_id))

    def show_tab(self, widget: Any) -> None:
        if self.project is not None and self.tabs.isTabEnabled(self.tabs.indexOf(widget)):
            self.tabs.setCurrentWidget(widget)

    def open_coding(self, doc_id: int, start: int, end: int, segment_id: int) -> None:
        """Show a coding (from the queue or a disagreement) in its document."""
        if self.project is None:
            return
        try:
            self.show_document(doc_id)
        except NotFound:
            return
        self.view.select_cp(start, end, center=True)
        if segment_id:
            self.show_segments([segment_id])
        self.view.setFocus()

    # -- review mode ------------------------------------------------------------------------
    def ask_open_for_review(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Buka proyek untuk telaah"), "", tr("Proyek qda (*.qda)"))
        if path:
            self.open_for_review(path)

    def open_for_review(self, path: str | Path) -> bool:
        """Open ``path`` so that codings cannot be changed; only reviews and memos are written."""
        from qda.gui import project_flow

        if not project_flow.open_project_path(self, path):
            return False
        if self.project.read_only:
            return True
        self.project.supervision.enter_review_mode()
        self.review_mode = True
        self._update_ui()
        self.apply_supervision_state()
        self.show_tab(self.queue)
        return True

    def refuse_in_review_mode(self, exc: Exception) -> bool:
        """Turn the review-mode guard's refusal into a message; False if ``exc`` is something else."""
        from qda.errors import InReviewMode

        if isinstance(exc, InReviewMode):
            self.show_error(str(exc))
            return True
        return False

    # -- blind coding --------------------------------------------------------------------------
    def toggle_blind(self, on: bool) -> None:
        if self.project is None:
            return
        try:
            self.project.supervision.set_blind(bool(on))
        except QdaError as exc:
            self.show_error(str(exc))
        self.apply_supervision_state()
        self.statusBar().showMessage(tr("Koding buta diaktifkan.") if on else
                                     tr("Koding buta dimatikan: para pengode dapat membandingkan segmen."), 6000)

    # -- merge ------------------------------------------------------------------------------------
    def ask_merge(self) -> None:
        if self.project is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, tr("Gabungkan proyek pengode lain"),
                                              str(Path(self.project.path).parent), tr("Proyek qda (*.qda)"))
        if path:
            self.merge_from(path)

    def merge_from(self, path: str | Path, *, ask: bool = True) -> Any:
        """Preview the merge of ``path`` into the open project, then (if accepted) merge it."""
        from qda.gui.review.merge_dialog import MergePreviewDialog
        from qda.review.merge import merge_projects

        try:
            plan = merge_projects(self.project, path, dry_run=True)
        except QdaError as exc:
            self.show_error(str(exc))
            return None
        dialog = MergePreviewDialog(plan, path, self.project.path, self)
        self.merge_dialog = dialog
        if ask and not dialog.exec():
            return None
        try:
            done = merge_projects(self.project, path, resolutions=dialog.resolutions())
        except QdaError as exc:
            self.show_error(str(exc))
            return None
        self.reload_project()
        new = done.new_counts()
        QMessageBox.information(self, tr("Gabungkan proyek"), tr(
            "Digabung: {d} sumber, {c} kode, {s} segmen, {m} memo dan {r} telaah baru.", d=new["documents"],
            c=new["codes"], s=new["codings"], m=new["memos"], r=new["reviews"])) if ask else None
        return done

    def reload_project(self) -> None:
        """Show everything again after the file changed underneath (a merge): panels re-read the store."""
        p = self.project
        if p is None:
            return
        self.stack.clear() if hasattr(self.stack, "clear") else None
        self.sources.set_project(p)
        self.code_tree.set_project(p, self.stack)
        self.coders.set_project(p)
        self.segment_info.set_project(p)
        self._supervision_set_project(p)
        ids = self.sources.document_ids()
        if ids:
            self.show_document(self.pane.document_id if self.pane.document_id in ids else ids[0])
        self._update_status()
