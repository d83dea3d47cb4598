"""File › Cadangan: the project's backups with their time and contents, restored in one step.

A rolling backup is made on a worker thread each time a project is opened
(:func:`qda.store.rolling.rolling_backup`); the dialog lists every backup beside the project
and restores the chosen one with :func:`qda.store.backups.restore`, which checks it and keeps
the current file as one more backup first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from qda.dates import format_datetime
from qda.errors import QdaError
from qda.i18n import tr


class BackupsDialog(QDialog):
    """The list of backups and the buttons to make one now or restore one."""

    def __init__(self, project_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.restore_requested: Path | None = None
        self.setWindowTitle(tr("Cadangan proyek"))
        self.resize(760, 380)
        self.note = QLabel(tr("Cadangan dibuat otomatis setiap kali proyek dibuka ({n} terakhir disimpan). "
                              "Memulihkan cadangan menyimpan berkas sekarang sebagai cadangan lebih dulu.", n=5))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("Waktu"), tr("Jenis"), tr("Sumber"), tr("Koding"), tr("Memo"),
                                              tr("Ukuran")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.make_button = QPushButton(tr("Buat cadangan sekarang"))
        self.restore_button = QPushButton(tr("Pulihkan cadangan ini…"))
        close = QPushButton(tr("Tutup"))
        row = QHBoxLayout()
        row.addWidget(self.make_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        close.clicked.connect(self.reject)
        self.make_button.clicked.connect(self.make_now)
        self.restore_button.clicked.connect(self.ask_restore)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        from qda.store.rolling import backup_summaries

        self.summaries = backup_summaries(self.project_path)
        self.table.setRowCount(len(self.summaries))
        for r, s in enumerate(self.summaries):
            cells = [format_datetime(s.info.modified), tr("otomatis") if s.rolling else tr("manual"),
                     "" if s.documents is None else str(s.documents), "" if s.codings is None else str(s.codings),
                     "" if s.memos is None else str(s.memos), f"{max(1, round(s.info.size / 1024))} KB"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(s.info.path.name)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.summaries:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.summaries[rows[0].row()].info.path if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def make_now(self) -> None:
        from qda.store.rolling import rolling_backup

        try:
            rolling_backup(self.project_path)
        except (QdaError, OSError) as exc:
            QMessageBox.warning(self, tr("Cadangan"), str(exc))
        self.refresh()

    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self, tr("Pulihkan cadangan"),
            tr("Ganti proyek dengan cadangan {name}? Berkas sekarang disimpan dulu sebagai cadangan, jadi langkah "
               "ini dapat dibalik.", name=chosen.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested = chosen
            self.accept()


class BackupsController(QObject):
    """Makes the rolling backup when a project opens and runs File › Cadangan."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.w = window
        self.job: Any = None
        self.act_backups = window._action(tr("Cadangan…"), self.show_dialog)

    def install_menu(self, menu: Any) -> None:
        menu.addAction(self.act_backups)

    def set_project(self, project: Any) -> None:
        self.act_backups.setEnabled(project is not None)
        if project is None or project.read_only:
            return
        from qda.gui.workers import start_job
        from qda.store.rolling import rolling_backup

        path = Path(project.path)
        self.job = start_job(lambda _progress: rolling_backup(path), lambda _target: None,
                             lambda message: self.w.statusBar().showMessage(
                                 tr("Cadangan otomatis gagal: {error}", error=message), 8000))

    def show_dialog(self) -> None:
        if self.w.project is None:
            return
        path = Path(self.w.project.path)
        dialog = BackupsDialog(path, self.w)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restore_requested is None:
            return
        self.restore(path, dialog.restore_requested)

    def restore(self, path: Path, backup: Path) -> None:
        from qda.gui.project_flow import open_project_path
        from qda.store.backups import restore

        self.w.close_project()
        try:
            kept = restore(path, backup)
        except QdaError as exc:
            self.w.show_error(str(exc))
            open_project_path(self.w, path)
            return
        open_project_path(self.w, path)
        if kept is not None:
            self.w.statusBar().showMessage(tr("Dipulihkan dari {backup}; berkas sebelumnya disimpan sebagai {kept}",
                                              backup=backup.name, kept=kept.name), 10000)
