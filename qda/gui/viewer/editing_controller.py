"""Wires text editing into the main window: the viewer's edit mode, anonymisation and the "perlu dicek" dock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from qda.gui.viewer.edit_mode import AnchorChecksPanel, AnonymiseDialog, EditPanel
from qda.i18n import tr


class EditingController(QObject):
    """Owns the edit panel inside the document pane, the checks dock and their actions."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.w = window
        self.panel = EditPanel()
        self.panel.hide()
        window.pane.layout().insertWidget(3, self.panel, 1)
        self.checks = AnchorChecksPanel()
        self.dock = window._dock("checks", tr("Perlu dicek"), self.checks, Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.memo_dock, self.dock)
        window.memo_dock.raise_()
        window.docks.append(self.dock)
        self.act_edit = window._action(tr("Sunting teks sumber"), self.start_edit, "Ctrl+Shift+T")
        self.act_anonymise = window._action(tr("Samarkan nama…"), self.ask_anonymise)
        self.act_checks = window._action(tr("Segmen yang perlu dicek"), self.show_checks)
        self.panel.saveRequested.connect(self.save_edit)
        self.panel.cancelRequested.connect(self.cancel_edit)
        self.checks.showRequested.connect(self._show_span)
        self._generation = self._flags = 0

    def install_menus(self, menu: Any) -> None:
        """Add the editing actions to ``menu`` (the Edit menu)."""
        menu.addSeparator()
        for act in (self.act_edit, self.act_anonymise, self.act_checks):
            menu.addAction(act)

    # -- project ---------------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        self._leave_edit_mode()
        self._generation = project.versions.generation if project is not None else 0
        self._flags = project.versions.flag_generation if project is not None else 0
        self.checks.set_project(project, self.w.push, self._selection)
        self.update_actions()

    def update_actions(self) -> None:
        project = self.w.project
        writable = project is not None and not project.read_only
        self.act_edit.setEnabled(writable)
        self.act_anonymise.setEnabled(writable)
        self.act_checks.setEnabled(project is not None)

    def after_change(self) -> None:
        """After any undoable step: the checks list follows, and a changed text is shown again."""
        if self.w.project is None:
            return
        pane = self.w.pane
        generation = self.w.project.versions.generation
        flags = self.w.project.versions.flag_generation
        if flags != self._flags or self.checks.count():
            self._flags = flags
            self.checks.refresh()  # only edits and checks change flags (a removed coding takes its flag along)
        if generation != self._generation:
            self._generation = generation
            self.w.sources.refresh()
            if pane.document_id is not None and not self.panel.isVisible():
                pane.show_document(pane.document_id)
        self.update_actions()

    def _selection(self) -> tuple[int, int, int] | None:
        span = self.w.view.selection_cp()
        doc = self.w.pane.document_id
        return None if span is None or doc is None else (doc, span[0], span[1])

    def _show_span(self, doc_id: int, start: int, end: int) -> None:
        self.w.show_document(doc_id)
        self.w.view.select_cp(start, end, center=True)

    # -- edit mode -------------------------------------------------------------------------------
    def start_edit(self) -> None:
        p, pane = self.w.project, self.w.pane
        if p is None or p.read_only or pane.document_id is None:
            return
        doc = p.documents.get(pane.document_id)
        self.panel.start(doc.id, doc.name, p.documents.text(doc.id), len(p.segments.all(document=doc.id)))
        pane.view.hide()
        pane.recent_label.hide()
        self.w.sources_dock.setEnabled(False)  # another source opens only after saving or cancelling
        for act in (self.w.act_next, self.w.act_prev, self.act_edit):
            act.setEnabled(False)
        self.panel.show()
        self.panel.editor.setFocus()

    def _leave_edit_mode(self) -> None:
        if self.panel.isVisible():
            self.panel.hide()
            self.w.pane.view.setVisible(self.w.pane.document_id is not None)
            self.w.pane.recent_label.show()
            self.w.sources_dock.setEnabled(True)
            for act in (self.w.act_next, self.w.act_prev):
                act.setEnabled(self.w.project is not None)
            self.update_actions()

    def cancel_edit(self) -> None:
        if self.panel.modified():
            answer = QMessageBox.question(self.w, tr("Batalkan suntingan"),
                                          tr("Buang perubahan teks yang belum disimpan?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._leave_edit_mode()

    def save_edit(self, text: str) -> None:
        from qda.editing import EditText

        doc_id = self.panel.document_id
        command = self.w.push(EditText(doc_id, text))
        if command is None:
            return  # refused; the message was shown and the editor stays open
        self._leave_edit_mode()
        self.w.pane.show_document(doc_id)
        self.after_change()
        counts = command.result.plan.counts
        message = tr("Teks disimpan: {exact} segmen tepat, {adjusted} disesuaikan, {moved} dipindah, "
                     "{flagged} perlu dicek.", **counts)
        self.w.statusBar().showMessage(message, 10000)
        if counts["flagged"]:
            self.show_checks()

    # -- anonymise and checks --------------------------------------------------------------------
    def ask_anonymise(self) -> None:
        from qda.editing import Anonymise

        p = self.w.project
        if p is None or p.read_only:
            return
        doc_id = self.w.pane.document_id
        suggestion = ""
        document = p.documents.get(doc_id) if doc_id is not None else None
        if document is not None and document.case_id is not None:
            suggestion = p.cases.get(document.case_id).name
        dialog = AnonymiseDialog(document.name if document is not None else None, suggestion, self.w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        names, code, everywhere = dialog.values()
        command = self.w.push(Anonymise(names, code, None if everywhere or doc_id is None else [doc_id]))
        if command is None:
            return
        self.after_change()
        self.w.statusBar().showMessage(tr("Nama disamarkan di {n} sumber.", n=len(command.results)), 10000)

    def show_checks(self) -> None:
        self.dock.show()
        self.dock.raise_()
