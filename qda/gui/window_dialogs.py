"""The main window's dialogs: coder, preferences, report, excerpt export, about, error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from qda.errors import QdaError
from qda.gui.coder_dialog import CoderDialog
from qda.i18n import set_language, tr


class DialogsMixin:
    """Part of :class:`~qda.gui.main_window.MainWindow`: what it asks and tells the user."""

    settings: Any
    project: Any
    coders: Any
    view: Any

    def ask_coder(self, first_start: bool = False) -> bool:
        """Ask the coder's name and role; store them in the settings (and the project)."""
        dialog = CoderDialog(self.settings.coder_name, self.settings.coder_role, self, first_start=first_start)
        if not dialog.exec():
            return False
        self.settings.coder_name = dialog.name
        self.settings.coder_role = dialog.role
        self._apply_coder()
        return True

    def change_coder(self) -> None:
        self.ask_coder()

    def _apply_coder(self) -> None:
        if self.project is not None and self.project.read_only and self.settings.coder_name:
            try:  # nothing is written, but blind coding still needs to know who is looking
                self.project.coders.act_as(self.settings.coder_name)
            except QdaError:
                pass
        if self.project is not None and not self.project.read_only and self.settings.coder_name:
            try:
                self.project.coders.set_current(self.settings.coder_name, self.settings.coder_role)
            except QdaError as exc:
                self.show_error(str(exc))
            self.coders.set_project(self.project)
            self.view.set_coders({c.id: c.name for c in self.project.coders.all()})
            self.apply_supervision_state()  # the queue turns into the coder's list and back; blind coding
        self._update_status()

    def open_preferences(self) -> None:
        from qda.gui.panels.preferences import PreferencesDialog

        before = (self.settings.language, self.settings.coder_name, self.settings.coder_role)
        PreferencesDialog(self.settings, self).exec()
        self.view.snap_words = self.settings.snap_words
        if self.settings.language != before[0]:
            set_language(self.settings.language)
            QMessageBox.information(self, tr("Bahasa"), tr(
                "Bahasa antarmuka akan berganti sepenuhnya setelah qda dibuka ulang."))
        if (self.settings.coder_name, self.settings.coder_role) != before[1:]:
            self._apply_coder()

    def export_report(self) -> None:
        if self.project is None:
            self.show_error(tr("Buka proyek dulu sebelum mengekspor laporan."))
            return
        from qda.gui.report_dialog import ReportDialog

        ReportDialog(self.project, self).exec()

    def export_excerpts(self) -> None:
        """Write every coded excerpt to an .xlsx or .csv file chosen by the user (on a worker)."""
        if self.project is None:
            self.show_error(tr("Buka proyek dulu sebelum mengekspor kutipan."))
            return
        start = str(Path(self.project.path).with_name("kutipan.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor kutipan"), start,
                                              tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        from qda.excerpts import export_excerpts
        from qda.gui.workers import run_with_progress

        project = self.project
        self.excerpt_job = run_with_progress(
            self, tr("Mengekspor kutipan…"), lambda progress: export_excerpts(project, path),
            lambda n: self.statusBar().showMessage(tr("{n} kutipan ditulis ke {path}", n=n, path=path), 10000),
            self.show_error)

    def about(self) -> None:
        from qda import __version__

        QMessageBox.about(self, tr("Tentang qda"), tr(
            "qda {version}\nAnalisis data kualitatif dan campuran untuk penelitian kinerja pelayanan publik.",
            version=__version__))

    def show_error(self, message: str) -> None:
        """Tell the user what went wrong (non-blocking; also on the status bar)."""
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "qda", message, QMessageBox.StandardButton.Ok, self)
        self.error_box = box
        box.open()

