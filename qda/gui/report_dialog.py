"""The "Export report" dialog: choose a report and its options, write it on a worker thread.

The dialog only gathers choices; the report itself is written by the core builders
(:func:`qda.reports.qualitative.write_qualitative_report` and
:func:`qda.reports.review.write_review_report`) on the thread pool, through
:func:`qda.gui.workers.start_job`, with a progress bar and a cancel button. The worker
opens its own read-only connection to the project file, so the main window keeps
working with its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from qda.errors import QdaError
from qda.i18n import language, tr

KINDS = (("qualitative", "Laporan kualitatif"), ("review", "Laporan telaah"))
LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))


def _checklist(items: list[tuple[Any, str]]) -> QListWidget:
    widget = QListWidget()
    for value, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.setMinimumHeight(120)
    return widget


def checked_values(widget: QListWidget) -> list[Any] | None:
    """The values of the checked items; ``None`` when every item is checked (no filter)."""
    values, total = [], widget.count()
    for i in range(total):
        item = widget.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            values.append(item.data(Qt.ItemDataRole.UserRole))
    return None if len(values) == total else values


def _set_all(widget: QListWidget, state: Qt.CheckState) -> None:
    for i in range(widget.count()):
        widget.item(i).setCheckState(state)


class ReportDialog(QDialog):
    """Choose report kind, codes, sources, coders, language, template and output; then write it."""

    def __init__(self, project: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.job = None
        self.result_path: Path | None = None
        self.setWindowTitle(tr("Ekspor laporan"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.kind = QComboBox()
        for key, label in KINDS:
            self.kind.addItem(tr(label), key)
        self.lang = QComboBox()
        for key, label in LANGUAGES:
            self.lang.addItem(label, key)
        self.lang.setCurrentIndex(1 if language() == "en" else 0)
        form.addRow(tr("Jenis laporan:"), self.kind)
        form.addRow(tr("Bahasa laporan:"), self.lang)
        layout.addLayout(form)

        codes = project.codes.all()
        self.codes = _checklist([(c.id, c.name if c.parent_id is None else f"  {c.name}") for c in codes])
        self.sources = _checklist([(d.id, d.name) for d in project.documents.all()])
        coders = project.coders.all()
        self.coders = _checklist([(c.id, c.name) for c in coders])
        self.filters = QWidget()
        row = QHBoxLayout(self.filters)
        row.setContentsMargins(0, 0, 0, 0)
        for title, widget in ((tr("Kode"), self.codes), (tr("Sumber"), self.sources), (tr("Pengode"), self.coders)):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
            buttons = QHBoxLayout()
            every, none = QPushButton(tr("Semua")), QPushButton(tr("Kosongkan"))
            every.clicked.connect(lambda _=False, w=widget: _set_all(w, Qt.CheckState.Checked))
            none.clicked.connect(lambda _=False, w=widget: _set_all(w, Qt.CheckState.Unchecked))
            buttons.addWidget(every)
            buttons.addWidget(none)
            inner.addLayout(buttons)
            row.addWidget(box, 2 if widget is self.codes else 1)
        layout.addWidget(self.filters)
        self.approved_only = QCheckBox(tr("Hanya kutipan yang disetujui (status telaah terakhir)"))
        layout.addWidget(self.approved_only)
        self.include_names = QCheckBox(tr("Cantumkan nama dan identitas informan"))
        self.include_names.setToolTip(tr("Bawaan: informan hanya disebut dengan kodenya (mis. Informan 3)"))
        layout.addWidget(self.include_names)
        self.hide_positions = QCheckBox(tr("Sembunyikan juga jabatan informan"))
        self.hide_positions.setToolTip(tr("Jabatan yang hanya dipegang satu orang dapat mengungkap identitas informan"))
        layout.addWidget(self.hide_positions)
        self.coder_tags = QCheckBox(tr("Tandai kutipan dengan nama pengode ([pengode: …])"))
        self.coder_tags.setChecked(True)
        layout.addWidget(self.coder_tags)
        self.include_names.toggled.connect(lambda on: self.hide_positions.setEnabled(not on))

        options = QFormLayout()
        self.reviewer = QComboBox()
        self.reviewer.addItem(tr("(semua pembimbing)"), None)
        for c in coders:
            self.reviewer.addItem(c.name, c.name)
        options.addRow(tr("Pembimbing:"), self.reviewer)
        self.quote_order = QComboBox()
        self.quote_order.addItem(tr("Menurut jenis sumber (wawancara, observasi, dokumen)"), "kind")
        self.quote_order.addItem(tr("Menurut urutan sumber"), "document")
        options.addRow(tr("Urutan kutipan:"), self.quote_order)
        self.look = QComboBox()
        self.look.addItem(tr("Skripsi/tesis (Times New Roman 12, spasi 1,5)"), "thesis")
        self.look.addItem(tr("Modern (Calibri 11)"), "modern")
        options.addRow(tr("Gaya dokumen:"), self.look)
        self.template = QLineEdit()
        self.template.setPlaceholderText(tr("(tanpa templat)"))
        options.addRow(tr("Templat .docx:"), self._with_browse(self.template, self._browse_template))
        self.output = QLineEdit(str(self._default_output()))
        options.addRow(tr("Simpan ke:"), self._with_browse(self.output, self._browse_output))
        layout.addLayout(options)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.run_button = QPushButton(tr("Buat laporan"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Tutup"))
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    # -- widgets --------------------------------------------------------------------------------

    @staticmethod
    def _with_browse(edit: QLineEdit, slot) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(tr("Pilih…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _default_output(self) -> Path:
        path = Path(getattr(self.project, "path", "laporan.qda"))
        return path.with_name(f"{path.stem}_laporan.docx")

    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Pilih templat Word"), "", tr("Dokumen Word (*.docx)"))
        if name:
            self.template.setText(name)

    def _browse_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Simpan laporan"), self.output.text(),
                                              tr("Dokumen Word (*.docx)"))
        if name:
            self.output.setText(name if name.lower().endswith(".docx") else name + ".docx")

    def _kind_changed(self) -> None:
        qualitative = self.kind.currentData() == "qualitative"
        self.filters.setEnabled(qualitative)
        self.approved_only.setEnabled(qualitative)
        self.include_names.setEnabled(True)
        self.hide_positions.setEnabled(not self.include_names.isChecked())
        self.coder_tags.setEnabled(qualitative)
        self.quote_order.setEnabled(qualitative)
        self.reviewer.setEnabled(not qualitative)
        out = Path(self.output.text() or self._default_output())
        stem = out.stem.replace("_telaah", "").replace("_laporan", "")
        self.output.setText(str(out.with_name(f"{stem}_{'laporan' if qualitative else 'telaah'}.docx")))

    # -- running ----------------------------------------------------------------------------------

    def options(self) -> dict[str, Any]:
        """The builder's keyword arguments chosen in the dialog (raises QdaError when incomplete)."""
        out = self.output.text().strip()
        if not out:
            raise QdaError(tr("Pilih berkas keluaran."))
        if not out.lower().endswith(".docx"):
            raise QdaError(tr("{path}: berkas keluaran harus berakhiran .docx", path=out))
        opts: dict[str, Any] = {"out_path": out, "language": self.lang.currentData(),
                                "template": self.template.text().strip() or None,
                                "look": self.look.currentData()}
        opts["include_names"] = self.include_names.isChecked()
        opts["hide_positions"] = self.hide_positions.isChecked() and not opts["include_names"]
        opts["warnings"] = self.warnings = []
        if self.kind.currentData() == "review":
            opts["reviewer"] = self.reviewer.currentData()
            return opts
        for key, widget, what in (("codes", self.codes, tr("kode")), ("documents", self.sources, tr("sumber")),
                                  ("coders", self.coders, tr("pengode"))):
            values = checked_values(widget)
            if values == [] and widget.count():
                raise QdaError(tr("Pilih minimal satu {what}.", what=what))
            opts[key] = values
        opts["approved_only"] = self.approved_only.isChecked()
        opts["coder_tags"] = self.coder_tags.isChecked()
        opts["quote_order"] = self.quote_order.currentData()
        opts["look"] = self.look.currentData()
        try:
            opts["author"] = self.project.coders.current.name
        except Exception:  # no current coder on a read-only project
            opts["author"] = None
        return opts

    def start(self) -> None:
        """Write the report on a worker thread."""
        from qda.gui.workers import start_job

        try:
            opts = self.options()
        except QdaError as exc:
            self.status.setText(str(exc))
            return
        kind = self.kind.currentData()
        path = getattr(self.project, "path", None)
        project = self.project
        viewer = opts.get("author")  # the current coder: blind coding limits the report to their codings

        def work(progress):
            from qda.store import Project

            if kind == "review":
                from qda.reports.review import write_review_report as build
            else:
                from qda.reports.qualitative import write_qualitative_report as build
            own = Project.open(path, read_only=True) if path else None
            try:
                if own is not None and viewer:
                    own.coders.act_as(viewer)
                return build(own or project, progress=progress, **opts)
            finally:
                if own is not None:
                    own.close()

        self.result_path = None
        self._running(True)
        self.status.setText(tr("Menulis laporan…"))
        self.job = start_job(work, self._succeeded, self._failed, on_cancel=self._cancelled,
                             on_progress=self._progressed)

    def _running(self, running: bool) -> None:
        for widget in (self.run_button, self.kind, self.lang, self.template, self.output):
            widget.setEnabled(not running)
        if running:
            self.filters.setEnabled(False)
            self.approved_only.setEnabled(False)
            self.reviewer.setEnabled(False)
        else:
            self._kind_changed()
        self.cancel_button.setText(tr("Batal") if running else tr("Tutup"))
        self.progress.setRange(0, 0 if running else 1)

    def _progressed(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _succeeded(self, path: Path) -> None:
        self.job = None
        self._running(False)
        self.progress.setValue(self.progress.maximum())
        self.result_path = Path(path)
        warnings = getattr(self, "warnings", None) or []
        self.status.setText("\n".join([tr("Laporan ditulis ke {path}", path=path), *warnings]))
        answer = QMessageBox.question(self, tr("Laporan selesai"),
                                      tr("Laporan ditulis ke {path}.\nBuka sekarang?", path=path))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _cancelled(self) -> None:
        self.job = None
        self._running(False)
        self.progress.setValue(0)
        self.status.setText(tr("Pembuatan laporan dibatalkan."))

    def _failed(self, message: str) -> None:
        self.job = None
        self._running(False)
        self.progress.setValue(0)
        self.status.setText(message)
        QMessageBox.warning(self, tr("Laporan gagal"), message)

    def _cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(tr("Membatalkan…"))
        else:
            self.reject()

    def reject(self) -> None:  # Esc or the window's close button while running cancels first
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()
