"""Opening, creating and building projects, and importing sources, for the main window.

Each function takes the window, asks what it needs through dialogs (patchable in tests)
and runs long work on a worker thread with a progress dialog.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from qda.demo import DEMO_NAME
from qda.errors import ForeignSchema, ProjectDamaged, ProjectInUse, QdaError, ReadOnlyMedia
from qda.gui.workers import run_with_progress
from qda.i18n import tr, trn

if TYPE_CHECKING:
    from qda.gui.main_window import MainWindow

PROJECT_FILTER = "qda (*.qda)"


def demo_dir() -> Path:
    """Where the demo project is built: beside the config when QDA_CONFIG_DIR is set, else user data."""
    env = os.environ.get("QDA_CONFIG_DIR")
    if env:
        return Path(env) / "demo"
    import platformdirs

    return Path(platformdirs.user_data_dir("qda")) / "demo"


def open_project_path(window: MainWindow, path: str | os.PathLike[str]) -> bool:
    """Open ``path``; if another process writes it, offer read-only access."""
    from qda.store import Project

    settings = window.settings
    try:
        project = Project.open(path, coder=settings.coder_name or None, role=settings.coder_role)
    except ProjectInUse as exc:
        answer = QMessageBox.question(
            window, tr("Proyek sedang dipakai"),
            tr("{message}\n\nBuka proyek ini hanya-baca?", message=str(exc)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            project = Project.open(path, read_only=True)
        except QdaError as exc2:
            window.show_error(str(exc2))
            return False
    except ReadOnlyMedia as exc:  # a CD, a locked USB stick: open it read-only and say so
        try:
            project = Project.open(path, read_only=True)
        except QdaError as exc2:
            window.show_error(str(exc2))
            return False
        window.set_project(project)
        window.show_error(str(exc))
        return True
    except ForeignSchema as exc:
        return _offer_strip(window, path, exc)
    except ProjectDamaged as exc:
        return _offer_restore(window, path, exc)
    except QdaError as exc:
        window.show_error(str(exc))
        return False
    window.set_project(project)
    if Path(path).name == DEMO_NAME:
        show_first_coding(window)
    return True


def show_first_coding(window: MainWindow) -> None:
    """Show the first coded passage of the first interview (the demo opens on coding, not an empty screen)."""
    project = window.project
    if project is None:
        return
    documents = sorted(project.documents.all(), key=lambda d: (d.kind != "interview", d.name))
    for doc in documents:
        segments = project.segments.all(document=doc)
        if segments:
            window.show_memo_target("segment", min(segments, key=lambda s: (s.start, s.id)).id)
            return


def _offer_strip(window: MainWindow, path: str | os.PathLike[str], exc: ForeignSchema) -> bool:
    """A project file holding triggers, views or tables qda did not make: remove them only if the user says so."""
    from qda.store import Project

    answer = QMessageBox.question(
        window, tr("Objek asing di berkas proyek"),
        tr("{message}\n\nBuang objek itu sekarang? Salinan cadangan berkas dibuat dulu.", message=str(exc)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        Project.strip_foreign(path)
    except QdaError as exc2:
        window.show_error(str(exc2))
        return False
    return open_project_path(window, path)


def _offer_restore(window: MainWindow, path: str | os.PathLike[str], exc: ProjectDamaged) -> bool:
    """A damaged project file: offer its newest backup (the damaged file is kept as a backup too)."""
    from qda.store.backups import restore

    if not exc.backups:
        window.show_error(str(exc))
        return False
    newest = Path(exc.backups[0])
    answer = QMessageBox.question(
        window, tr("Berkas proyek rusak"),
        tr("{message}\n\nPulihkan dari cadangan terbaru {backup}? Berkas yang rusak disimpan sebagai cadangan.",
           message=str(exc), backup=newest.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore(path, newest)
    except QdaError as exc2:
        window.show_error(str(exc2))
        return False
    return open_project_path(window, path)


def ask_open(window: MainWindow) -> bool:
    path, _ = QFileDialog.getOpenFileName(window, tr("Buka proyek"), _start_dir(window), PROJECT_FILTER)
    return bool(path) and open_project_path(window, path)


def ask_new(window: MainWindow) -> bool:
    """Ask for a file name and create a project with the bundled codebook."""
    from qda.store import Project

    path, _ = QFileDialog.getSaveFileName(window, tr("Proyek baru"), _start_dir(window), PROJECT_FILTER)
    if not path:
        return False
    if not path.endswith(".qda"):
        path += ".qda"
    template = ask_codebook_template(window)
    if template is None:
        return False
    window.close_project()
    settings = window.settings
    try:
        project = Project.create(path, coder=settings.coder_name or None, role=settings.coder_role,
                                 codebook=template == "dwiyanto")
        if template != "dwiyanto":
            from qda.store.codebook_loader import add_bundled_codebook

            add_bundled_codebook(project, template)
    except QdaError as exc:
        window.show_error(str(exc))
        return False
    window.set_project(project)
    return True


def ask_codebook_template(window: MainWindow) -> str | None:
    """The codebook template a new project starts from (None when the user cancels)."""
    from PySide6.QtWidgets import QInputDialog

    from qda.codebook import CODEBOOK_TEMPLATES, TEMPLATE_TITLES

    names = list(CODEBOOK_TEMPLATES)
    titles = [tr(TEMPLATE_TITLES[n]) for n in names]
    choice, ok = QInputDialog.getItem(window, tr("Buku kode awal"), tr("Proyek baru dimulai dengan buku kode:"),
                                      titles, 0, False)
    return names[titles.index(choice)] if ok and choice in titles else None


def ask_import_codebook(window: MainWindow) -> int | None:
    """Add a codebook template's (or a .json codebook file's) codes to the open project, as one undoable step.

    Returns how many codes were added (None when cancelled or refused). Codes the project already
    has (same name) are kept as they are.
    """
    from PySide6.QtWidgets import QInputDialog

    from qda.codebook import CODEBOOK_TEMPLATES, TEMPLATE_TITLES, codebook_template_path, load_codebook
    from qda.commands import ImportCodebook

    project = window.project
    if project is None:
        return None
    if project.read_only:
        window.show_error(tr("Proyek dibuka hanya-baca; buku kode tidak dapat diimpor."))
        return None
    names = [n for n in CODEBOOK_TEMPLATES if n != "kosong"]
    titles = [tr(TEMPLATE_TITLES[n]) for n in names] + [tr("Berkas buku kode (.json)…")]
    choice, ok = QInputDialog.getItem(window, tr("Impor buku kode"),
                                      tr("Tambahkan ke proyek ini kode dari buku kode (kode yang sudah ada tetap):"),
                                      titles, 0, False)
    if not ok or choice not in titles:
        return None
    if titles.index(choice) < len(names):
        source = names[titles.index(choice)]
    else:
        source, _ = QFileDialog.getOpenFileName(window, tr("Impor buku kode"), _start_dir(window),
                                                tr("Buku kode (*.json)"))
        if not source:
            return None
    try:
        book = load_codebook(codebook_template_path(source))
    except QdaError as exc:
        window.show_error(str(exc))
        return None
    have = {c.name.casefold() for c in project.codes.all()}
    if all(c.name.casefold() in have for c in book.codes):
        window.statusBar().showMessage(tr("Semua kode buku kode ini sudah ada di proyek."), 8000)
        return 0
    command = ImportCodebook(source)
    if window.push(command) is None:
        return None
    added = len(command.code_ids)
    window.statusBar().showMessage(trn("{n} kode ditambahkan dari buku kode; Ctrl+Z membatalkan", n=added), 8000)
    return added


def open_demo(window: MainWindow, *, rebuild: bool = False) -> None:
    """Open the demo project, building it first (on a worker thread) if it does not exist yet.

    An existing demo is opened as it is, with whatever the user coded in it; it is
    built again only with ``rebuild=True`` (the old one is kept as ``demo.qda.bak``).
    """
    from qda.demo import build_demo

    folder = demo_dir()
    target = folder / "demo.qda"
    if target.exists() and not rebuild:
        if window.project is None or Path(window.project.path).resolve() != target.resolve():
            open_project_path(window, target)
        return
    if window.project is not None and Path(window.project.path).resolve() == target.resolve():
        window.close_project()

    def done(path: Any) -> None:
        open_project_path(window, path)

    def failed(message: str) -> None:
        window.show_error(tr("Proyek demo tidak dapat dibuat: {error}", error=message))

    window.job = run_with_progress(window, tr("Membuat proyek demo"),
                                   lambda progress: build_demo(folder, progress=progress), done, failed)


def ask_rebuild_demo(window: MainWindow) -> None:
    """Rebuild the demo from the sample transcripts after asking (the old one is kept as a backup)."""
    answer = QMessageBox.question(
        window, tr("Bangun ulang proyek demo"),
        tr("Proyek demo akan dibangun ulang dari transkrip contoh. Koding Anda di proyek demo yang sekarang "
           "disimpan sebagai demo.qda.bak. Lanjutkan?"))
    if answer == QMessageBox.StandardButton.Yes:
        open_demo(window, rebuild=True)


def source_filter() -> str:
    """File-dialog filter listing exactly the extensions the importer reads (``qda.sources``)."""
    from qda.sources import SUPPORTED_EXTENSIONS

    patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
    return tr("Sumber ({patterns})", patterns=patterns) + ";;" + tr("Semua berkas (*)")


def ask_import(window: MainWindow) -> None:
    """Ask for source files and import them."""
    paths, _ = QFileDialog.getOpenFileNames(window, tr("Impor sumber"), _start_dir(window), source_filter())
    if paths:
        import_paths(window, paths)


def import_paths(window: MainWindow, paths: list[str], kind: str | None = None) -> None:
    """Import ``paths`` into the open project on a worker thread, then summarise."""
    from qda.sources.importer import import_files

    project = window.project
    if project is None:
        window.show_error(tr("Buka atau buat proyek dulu sebelum mengimpor sumber."))
        return
    if project.read_only:
        window.show_error(tr("Proyek dibuka hanya-baca; sumber tidak dapat diimpor."))
        return

    def done(report: Any) -> None:
        window.after_import(report)
        show_import_report(window, report)

    def failed(message: str) -> None:
        window.after_import(None)
        window.show_error(tr("Impor gagal: {error}", error=message))

    window.job = run_with_progress(window, tr("Mengimpor sumber"),
                                   lambda progress: import_files(project, paths, kind=kind, progress=progress),
                                   done, failed, on_cancel=lambda: window.after_import(None))


def show_import_report(window: MainWindow, report: Any) -> None:
    """Status-bar line for a clean import; a message box listing refusals and duplicates otherwise."""
    window.last_import_report = report
    summary = report.summary()
    window.statusBar().showMessage(summary, 8000)
    from qda.sources.names import display_name

    sanitised = getattr(report, "sanitised", [])
    if not report.refused and not report.duplicates and not sanitised:
        return
    lines = [f"<p><b>{html.escape(summary)}</b></p>"]
    if report.refused:
        lines.append(f"<p>{html.escape(tr('Ditolak:'))}</p><ul>")
        lines += [f"<li>{html.escape(display_name(Path(p).name))}: {html.escape(r)}</li>" for p, r in report.refused]
        lines.append("</ul>")
    if report.duplicates:
        lines.append(f"<p>{html.escape(tr('Sudah ada di proyek (dilewati):'))}</p><ul>")
        lines += [f"<li>{html.escape(display_name(Path(p).name))} = {html.escape(existing)}</li>"
                  for p, existing in report.duplicates]
        lines.append("</ul>")
    if sanitised:
        lines.append(f"<p>{html.escape(tr('Nama berkas berisi karakter kendali atau pembalik arah; ditampilkan sebagai:'))}"
                     "</p><ul>")
        lines += [f"<li>{html.escape(name)}</li>" for _p, name in sanitised]
        lines.append("</ul>")
    box = QMessageBox(QMessageBox.Icon.Information, tr("Hasil impor"), "".join(lines),
                      QMessageBox.StandardButton.Ok, window)
    window.import_report_box = box
    box.open()


def _start_dir(window: MainWindow) -> str:
    if window.project is not None:
        return str(Path(window.project.path).parent)
    recent = window.settings.recent_projects
    return str(Path(recent[0]).parent) if recent else str(Path.home())
