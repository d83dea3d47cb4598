"""File > Export / Import REFI-QDA: dialogs around :mod:`qda.exchange`, work on the worker thread."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from qda.gui.workers import run_with_progress
from qda.i18n import tr

if TYPE_CHECKING:
    from qda.gui.main_window import MainWindow

QDPX_FILTER = "REFI-QDA (*.qdpx)"
QDC_FILTER = "REFI-QDA codebook (*.qdc)"
IMPORT_FILTER = "REFI-QDA (*.qdpx *.qde *.qdc *.zip)"


def _start(window: MainWindow, suffix: str) -> str:
    if window.project is not None:
        return str(Path(window.project.path).with_suffix(suffix))
    return str(Path.home())


def ask_export(window: MainWindow, *, codebook: bool = False) -> None:
    """Ask for a target and write the project (.qdpx) or its codebook (.qdc)."""
    from qda.exchange import export_qdc, export_qdpx

    project = window.project
    if project is None:
        window.show_error(tr("Buka proyek dulu sebelum mengekspor."))
        return
    suffix = ".qdc" if codebook else ".qdpx"
    title = tr("Ekspor buku kode REFI-QDA") if codebook else tr("Ekspor proyek REFI-QDA")
    path, _ = QFileDialog.getSaveFileName(window, title, _start(window, suffix), QDC_FILTER if codebook else QDPX_FILTER)
    if not path:
        return
    if not path.lower().endswith(suffix):
        path += suffix

    def work(progress: Any) -> str:
        if codebook:
            n = export_qdc(project, path)
            return tr("{out}: {n} kode diekspor.", out=path, n=n)
        counts = export_qdpx(project, path, progress=progress)
        return tr("{out}: {sources} sumber, {codes} kode, {codings} segmen, {memos} memo diekspor.", out=path,
                  **{k: counts[k] for k in ("sources", "codes", "codings", "memos")})

    window.exchange_job = run_with_progress(window, title, work,
                                            lambda message: window.statusBar().showMessage(message, 10000),
                                            window.show_error)


def ask_import(window: MainWindow) -> None:
    """Ask for a REFI-QDA file; import it into the open project, or into a new project file."""
    path, _ = QFileDialog.getOpenFileName(window, tr("Impor REFI-QDA"), _start(window, ".qdpx"), IMPORT_FILTER)
    if path:
        import_file(window, path)


def import_file(window: MainWindow, path: str, target: str | None = None) -> None:
    """Import ``path`` (into the open project, else into ``target`` or a new project asked for)."""
    from qda.exchange import import_into, import_refi
    from qda.gui.project_flow import PROJECT_FILTER, open_project_path

    project = window.project
    if project is not None and (project.read_only or getattr(window, "review_mode", False)):
        window.show_error(tr("Proyek dibuka hanya-baca; berkas REFI-QDA tidak dapat diimpor."))
        return
    if project is None and target is None:
        suggestion = str(Path(path).with_suffix(".qda"))
        target, _ = QFileDialog.getSaveFileName(window, tr("Proyek baru untuk hasil impor"), suggestion, PROJECT_FILTER)
        if not target:
            return
        if not target.endswith(".qda"):
            target += ".qda"
    destination = str(project.path) if project is not None else str(target)

    def work(progress: Any) -> Any:
        if project is not None:
            return import_refi(project, path, progress=progress)
        return import_into(destination, path, progress=progress)

    def done(report: Any) -> None:
        window.exchange_job = None
        window.close_project()  # releases the file's lock; reopening shows everything that came in
        open_project_path(window, destination)
        show_report(window, report)

    def failed(message: str) -> None:
        window.exchange_job = None
        window.show_error(tr("Impor gagal: {error}", error=message))

    def cancelled() -> None:
        window.exchange_job = None

    window.exchange_job = run_with_progress(window, tr("Mengimpor REFI-QDA"), work, done, failed,
                                            on_cancel=cancelled)


def show_report(window: MainWindow, report: Any) -> None:
    """What came in and what was skipped, in a message box (non-blocking)."""
    lines = report.lines()
    window.last_exchange_report = report
    window.statusBar().showMessage(lines[0], 10000)
    body = "<br>".join(html.escape(line).replace("  ", "&nbsp;&nbsp;") for line in lines)
    box = QMessageBox(QMessageBox.Icon.Information, tr("Hasil impor REFI-QDA"), body, QMessageBox.StandardButton.Ok,
                      window)
    window.exchange_report_box = box
    box.open()
