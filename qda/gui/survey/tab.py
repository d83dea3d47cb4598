"""``SurveyTab``: open data, map columns to items, run the analysis off the GUI thread, show, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QProgressBar,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from qda.errors import QdaError
from qda.gui.survey.frame_model import FrameModel
from qda.i18n import language, tr

DATA_FILTER = "Data survei (*.csv *.txt *.xlsx *.xls *.sav);;CSV (*.csv);;Excel (*.xlsx *.xls);;SPSS (*.sav)"
SCHEMES = [("sugiyono", "Kontinum Sugiyono"), ("equal", "Interval sama"), ("percent", "Pita persentase")]


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Show a warning box (tests replace this function)."""
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Show an information box (tests replace this function)."""
    QMessageBox.information(parent, title, text)


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    return text[:1].upper() + text[1:] + "." if text else ""


def _labelled(text: str, field: QWidget) -> QWidget:
    """A caption and its field kept together on one row of the wrapping option bar."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(text))
    row.addWidget(field)
    return box


class SurveyTab(QWidget):
    """The survey tab of the main window; also usable alone, without a project."""

    analysis_finished = Signal(object)  # the SurveyResult
    analysis_failed = Signal(str)

    def __init__(self, project: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.data: Any = None  # qda.survey.loading.DataSet
        self.instrument: Any = None  # the full instrument (template)
        self.mapping: dict[str, str] = {}
        self.keep_items: list[str] = []
        self.drop_items: list[str] = []
        self.result: Any = None
        self.survey_name = ""
        self.instrument_line = ""
        self._job: Any = None
        self._build()
        self.set_project(project)

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        from qda.gui.flow_layout import FlowLayout

        layout = QVBoxLayout(self)
        actions = FlowLayout()  # wraps onto a second row when the tab is narrow
        self.open_btn = self._button(actions, tr("Buka data…"), self.choose_file)
        self.map_btn = self._button(actions, tr("Petakan kolom…"), self.edit_mapping)
        self.run_btn = self._button(actions, tr("Jalankan analisis"), self.run_analysis)
        self.items_btn = self._button(actions, tr("Atur butir…"), self.edit_items)
        self.save_btn = self._button(actions, tr("Simpan ke proyek"), self.save_to_project)
        self.export_btn = self._button(actions, tr("Ekspor bab survei (Word)…"), self.export_chapter)
        layout.addLayout(actions)
        options = FlowLayout(spacing=14)
        self.alpha = QDoubleSpinBox()
        self.alpha.setRange(0.001, 0.2)
        self.alpha.setDecimals(3)
        self.alpha.setSingleStep(0.01)
        self.alpha.setValue(0.05)
        self._localise(self.alpha)
        options.addWidget(_labelled("α", self.alpha))
        self.scheme = QComboBox()
        for key, name in SCHEMES:
            self.scheme.addItem(tr(name), key)
        options.addWidget(_labelled(tr("Kategori skor"), self.scheme))
        self.missing = QLineEdit()
        self.missing.setPlaceholderText(tr("mis. 9, 99"))
        self.missing.setMaximumWidth(90)
        options.addWidget(_labelled(tr("Nilai hilang"), self.missing))
        self.distributed = QSpinBox()
        self.distributed.setRange(0, 10_000_000)
        self.distributed.setSpecialValueText(tr("= kembali"))
        self.distributed.setToolTip(tr("Jumlah kuesioner yang disebar; 0 berarti sama dengan yang kembali."))
        options.addWidget(_labelled(tr("Kuesioner disebar"), self.distributed))
        self.stored = QComboBox()
        self.stored.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stored.setMinimumContentsLength(28)
        self.stored.activated.connect(lambda _i: self.load_stored(self.stored.currentText()))
        self.stored_label = _labelled(tr("Survei tersimpan"), self.stored)
        options.addWidget(self.stored_label)
        layout.addLayout(options)
        naming = FlowLayout(spacing=14)  # the user's own study: title and variable names in the chapter
        self.study_title = QLineEdit()
        self.study_title.setPlaceholderText(tr("judul penelitian (opsional)"))
        self.study_title.setMinimumWidth(260)
        naming.addWidget(_labelled(tr("Judul"), self.study_title))
        self.x_name = QLineEdit()
        self.x_name.setPlaceholderText(tr("mis. Kinerja Pegawai"))
        naming.addWidget(_labelled(tr("Nama X"), self.x_name))
        self.y_name = QLineEdit()
        self.y_name.setPlaceholderText(tr("mis. Kualitas Pelayanan"))
        naming.addWidget(_labelled(tr("Nama Y"), self.y_name))
        self.chapter = QSpinBox()
        self.chapter.setRange(1, 99)
        self.chapter.setValue(4)
        self.chapter.setToolTip(tr("Nomor bab Word: 4 berarti BAB IV dan Tabel 4.1"))
        naming.addWidget(_labelled(tr("Bab"), self.chapter))
        layout.addLayout(naming)
        self.status = QLabel(tr("Buka berkas data survei (CSV, XLSX atau SPSS .sav) untuk memulai."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress_bar = QProgressBar()  # shown while the analysis runs: which step, how far
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setMaximumHeight(16)
        self.progress_bar.hide()
        self.progress_steps: list[str] = []  # the step messages seen during the last run
        layout.addWidget(self.progress_bar)
        self.tabs = QTabWidget()
        self.model = FrameModel()
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setAlternatingRowColors(True)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        self.tabs.addTab(self.grid, tr("Data"))
        layout.addWidget(self.tabs, 1)
        self.pages: dict[str, QWidget] = {}
        self._update_buttons()

    @staticmethod
    def _localise(spin: QDoubleSpinBox) -> None:
        from PySide6.QtCore import QLocale

        if language() == "id":
            spin.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        else:
            spin.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    def _button(self, bar: Any, text: str, slot: Any) -> QPushButton:
        btn = QPushButton(text)
        btn.clicked.connect(slot)
        bar.addWidget(btn)
        return btn

    def _update_buttons(self) -> None:
        busy = self._job is not None
        has_data = self.data is not None
        self.map_btn.setEnabled(has_data and not busy)
        self.run_btn.setEnabled(has_data and bool(self.mapping) and not busy)
        self.items_btn.setEnabled(self.result is not None and not busy)
        self.export_btn.setEnabled(self.result is not None and not busy)
        self.save_btn.setEnabled(has_data and self.project is not None
                                 and not getattr(self.project, "read_only", False))

    # --- project -------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Attach (or detach, with None) a project; its first stored survey is opened."""
        self.project = project
        names = self._refresh_stored()
        if names:
            self.load_stored(names[0])
        self._update_buttons()

    def _refresh_stored(self) -> list[str]:
        names: list[str] = []
        if self.project is not None:
            try:
                names = self.project.surveys.names()
            except (QdaError, AttributeError):  # a project without survey support
                names = []
        self.stored.clear()
        self.stored.addItems(names)
        self.stored_label.setVisible(bool(names))
        return names

    def load_stored(self, name: str) -> None:
        """Open the survey ``name`` stored in the project."""
        from qda.survey.instrument import Instrument
        from qda.survey.loading import DataSet

        stored = self.project.surveys.load(name)
        data = DataSet.from_json(stored["data_json"])
        settings = json.loads(stored.get("settings_json") or "{}")
        self.survey_name = name
        self._set_data(data, Instrument.from_json(stored["instrument_json"]), settings.get("mapping"))
        self.alpha.setValue(float(settings.get("alpha", 0.05)))
        self.scheme.setCurrentIndex(max(self.scheme.findData(settings.get("scheme", "sugiyono")), 0))
        self.missing.setText(", ".join(f"{c:g}" for c in settings.get("missing_codes", [])))
        self.keep_items = list(settings.get("keep_items", []))
        self.drop_items = list(settings.get("drop_items", []))
        self.distributed.setValue(int(settings.get("distributed") or 0))
        self.stored.setCurrentText(name)

    def save_to_project(self) -> None:
        """Store data, instrument and settings in the project (``Project.save_survey``)."""
        if self.project is None or self.data is None:
            return
        name = self.survey_name or Path(self.data.path).stem or "survei"
        if not self.survey_name:
            text, ok = QInputDialog.getText(self, tr("Simpan survei"), tr("Nama survei:"), text=name)
            if not ok or not text.strip():
                return
            name = text.strip()
        settings = {"mapping": self.mapping, "alpha": self.alpha.value(), "scheme": self.scheme.currentData(),
                    "missing_codes": self._missing_codes(), "keep_items": self.keep_items,
                    "drop_items": self.drop_items, "distributed": self.distributed.value() or None}
        try:
            self.project.surveys.save(name, self.data.to_json(), self.instrument.to_json(),
                                     json.dumps(settings, ensure_ascii=False))
        except QdaError as exc:
            warn(self, tr("Simpan survei"), str(exc))
            return
        self.survey_name = name
        self._refresh_stored()
        self.stored.setCurrentText(name)
        self.status.setText(tr("Survei \"{name}\" disimpan di proyek.", name=name))

    # --- data and mapping ---------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a data file and open it."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Buka data survei"), "", tr(DATA_FILTER))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> bool:
        """Read ``path`` as a new survey: the best-fitting bundled instrument (or a plain one), auto-mapped.

        The instrument of a survey shown before is never carried over, and the new survey has no stored
        name yet, so "Simpan ke proyek" asks for one.
        """
        from qda.gui.survey.instrument_choice import choose_instrument
        from qda.survey.loading import load_data

        try:
            data = load_data(path)
        except QdaError as exc:
            self.status.setText(str(exc))
            warn(self, tr("Buka data survei"), str(exc))
            return False
        choice = choose_instrument(data.columns, data.name)
        self.survey_name = ""
        self.stored.setCurrentIndex(-1)
        self.alpha.setValue(0.05)
        self.scheme.setCurrentIndex(0)
        self.missing.clear()
        self.distributed.setValue(0)
        self._set_data(data, choice.instrument, choice.mapping, choice.describe())
        return True

    def _set_data(self, data: Any, instrument: Any, mapping: dict[str, str] | None, about: str = "") -> None:
        from qda.survey.mapping import auto_map

        self.data, self.instrument, self.result = data, instrument, None
        if mapping is None:
            mapping = {k: v for k, v in auto_map(data.columns, instrument).items() if v}
        self.mapping = dict(mapping)
        self.keep_items, self.drop_items = [], []
        self.model.set_frame(data.frame, data.first_row)
        self.grid.resizeColumnsToContents()
        self._clear_pages()
        total = sum(len(v.items) for v in instrument.variables)
        self.status.setText(tr("{file}: {n} baris, {c} kolom; {m} dari {t} butir terpetakan otomatis.",
                               file=data.name, n=data.frame.shape[0], c=data.frame.shape[1],
                               m=len(self.mapping), t=total))
        self.instrument_line = about or self._describe(instrument)
        self.status.setText(self.status.text() + " " + _sentence(self.instrument_line))
        self._update_buttons()

    @staticmethod
    def _describe(instrument: Any) -> str:
        if instrument.title or instrument.name:
            return tr("instrumen: {title}", title=instrument.title or instrument.name)
        return tr("instrumen: sederhana dari kolom data (tanpa teks pertanyaan)")

    def mapping_dialog(self) -> Any:
        """A mapping dialog for the current data (not yet shown)."""
        from qda.gui.survey.mapping_dialog import MappingDialog

        return MappingDialog(self.instrument, self.data.columns, self.mapping, self)

    def edit_mapping(self) -> None:
        """Show the mapping dialog and apply its choice."""
        if self.data is None:
            return
        dialog = self.mapping_dialog()
        if dialog.exec():
            self.apply_mapping(dialog.mapping(), dialog.instrument)

    def apply_mapping(self, mapping: dict[str, str], instrument: Any = None) -> None:
        """Use ``mapping`` (item id -> column) and, if given, another instrument."""
        if instrument is not None:
            self.instrument = instrument
        self.mapping = dict(mapping)
        self.instrument_line = self._describe(self.instrument)
        self.status.setText(tr("{m} butir dipetakan. Tekan \"Jalankan analisis\".", m=len(self.mapping))
                            + " " + _sentence(self.instrument_line))
        self._update_buttons()

    def edit_items(self) -> None:
        """Let the user keep invalid items or drop valid ones, then run again."""
        from qda.gui.survey.override_dialog import OverrideDialog

        if self.result is None:
            return
        dialog = OverrideDialog(self.result, self)
        if dialog.exec():
            self.keep_items, self.drop_items = dialog.choices()
            self.run_analysis()

    # --- analysis ---------------------------------------------------------------------------
    def _missing_codes(self) -> list[float]:
        codes = []
        for part in self.missing.text().replace(";", ",").split(","):
            part = part.strip().replace(",", ".")
            if part:
                try:
                    codes.append(float(part))
                except ValueError:
                    pass
        return codes

    def settings(self) -> Any:
        """The analysis settings chosen in the tab."""
        from qda.survey.result import Settings

        return Settings(alpha=round(self.alpha.value(), 6), scheme=self.scheme.currentData(),
                        missing_codes=self._missing_codes(), keep_items=list(self.keep_items),
                        drop_items=list(self.drop_items), distributed=self.distributed.value() or None)

    def run_analysis(self) -> None:
        """Run the whole procedure on a worker thread; results are shown when it finishes."""
        from qda.gui.survey.mapping_dialog import pruned
        from qda.gui.workers import start_job
        from qda.survey.analysis import analyse

        if self.data is None or self._job is not None:
            return
        instrument = self.named(pruned(self.instrument, self.mapping))
        data, mapping, settings = self.data, dict(self.mapping), self.settings()
        self.status.setText(tr("Menghitung…"))
        def work(progress: Any) -> tuple[Any, dict[str, bytes]]:
            from qda.gui.survey.charts import render_all

            result = analyse(data, instrument, mapping, settings, progress)
            return result, render_all(result)  # charts are drawn here too, off the GUI thread

        self.progress_steps = []
        self.progress_bar.setRange(0, 0)  # busy until the first step reports a total
        self.progress_bar.setFormat(tr("Menghitung…"))
        self.progress_bar.show()
        self._job = start_job(work, self._finished, self._failed, on_progress=self._progressed)
        self._update_buttons()

    def _progressed(self, done: int, total: int, message: str) -> None:
        """Show the analysis step as it runs (``Validitas dan reliabilitas · 2/6``)."""
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        if message:
            if not self.progress_steps or self.progress_steps[-1] != message:
                self.progress_steps.append(message)
            self.progress_bar.setFormat(f"{message} · %v/%m" if total > 0 else message)
            self.status.setText(tr("Menghitung… {step}", step=message))

    def named(self, instrument: Any) -> Any:
        """``instrument`` with the title and variable names typed in the tab (the user's own study)."""
        from dataclasses import replace

        title = self.study_title.text().strip()
        names = [self.x_name.text().strip(), self.y_name.text().strip()]
        variables = [replace(v, name=name, name_en="") if name else v
                     for v, name in zip(instrument.variables, names + [""] * len(instrument.variables))]
        return replace(instrument, title=title or instrument.title, variables=variables)

    def _finished(self, outcome: tuple[Any, dict[str, bytes]]) -> None:
        self._job = None
        self.progress_bar.hide()
        result, charts_png = outcome
        self.show_result(result, charts_png)
        self.analysis_finished.emit(result)

    def _failed(self, text: str) -> None:
        self._job = None
        self.progress_bar.hide()
        self.status.setText(text)
        self._update_buttons()
        self.analysis_failed.emit(text)
        warn(self, tr("Analisis survei"), text)

    def _clear_pages(self) -> None:
        while self.tabs.count() > 1:
            page = self.tabs.widget(1)
            self.tabs.removeTab(1)
            page.deleteLater()
        self.pages = {}

    def show_result(self, result: Any, charts_png: dict[str, bytes] | None = None) -> None:
        """Show ``result`` as pages of tables and charts (``charts_png`` pre-drawn, else drawn here)."""
        from qda.gui.survey.result_pages import PAGES

        self.result = result
        self._clear_pages()
        for title, build in PAGES:
            page = build(result, charts_png)
            self.pages[title] = page
            self.tabs.addTab(page, tr(title))
        reg = result.regression
        from qda.survey.numfmt import fmt

        summary = tr("Analisis selesai: {n} responden.", n=result.n_rows)
        if reg is not None:
            summary += " " + tr("R = {R}; {decision}", R=fmt(reg.R, 3), decision=reg.decision.conclusion.get(language()))
        if self.instrument_line:
            summary += " " + _sentence(self.instrument_line)
        self.status.setText(summary)
        self._update_buttons()

    def find_table(self, name: str) -> Any:
        """The result table widget with object name ``name`` (e.g. "regressionSummaryTable")."""
        from PySide6.QtWidgets import QTableWidget

        for page in self.pages.values():
            found = page.findChild(QTableWidget, name)
            if found is not None:
                return found
        return None

    # --- export -------------------------------------------------------------------------------
    def export_chapter(self, path: str | None = None) -> Path | None:
        """Write the survey chapter (Word) of the current result."""
        if self.result is None:
            return None
        from qda.reports.survey_chapter import write_survey_chapter

        if not path:
            suggestion = str(Path(self.data.path).with_suffix(".docx")) if self.data and self.data.path else "bab_survei.docx"
            path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor bab survei (Word)"), suggestion, "Word (*.docx)")
            if not path:
                return None
        try:
            out = write_survey_chapter(self.result, path, language=language(), chapter=self.chapter.value())
        except (QdaError, OSError) as exc:
            warn(self, tr("Ekspor bab survei"), str(exc))
            return None
        self.status.setText(tr("Bab survei ditulis ke {path}", path=out))
        return Path(out)
