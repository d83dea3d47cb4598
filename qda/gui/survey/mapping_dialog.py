"""Dialog mapping the data's columns to the instrument's items (auto-matched, editable)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from qda.errors import QdaError
from qda.gui.dialog_buttons import ok_cancel
from qda.i18n import tr
from qda.survey.instrument import Indicator, Instrument, Variable, bundled_templates, load_template
from qda.survey.mapping import auto_map


def pruned(instrument: Instrument, mapping: dict[str, str]) -> Instrument:
    """A copy of ``instrument`` keeping only the items present in ``mapping``."""
    variables = []
    for var in instrument.variables:
        indicators = [Indicator(ind.name, [it for it in ind.items if it.id in mapping]) for ind in var.indicators]
        variables.append(Variable(var.key, var.name, var.name_en, var.definition,
                                  [ind for ind in indicators if ind.items]))
    return Instrument(instrument.name, instrument.title, instrument.note, instrument.scale_min,
                      instrument.scale_max, instrument.id_column, dict(instrument.label_sets), variables,
                      list(instrument.demographics))


class MappingDialog(QDialog):
    """Rows of items (variable, id, question) with a combo box choosing the data column of each."""

    def __init__(self, instrument: Instrument, columns: list[str], mapping: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Petakan kolom data ke butir instrumen"))
        self.resize(860, 620)
        self.instrument = instrument
        self.columns = list(columns)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Instrumen:")))
        self.template = QComboBox()
        self.template.addItems(bundled_templates())
        if instrument.name in bundled_templates():
            self.template.setCurrentText(instrument.name)
        self.template.currentTextChanged.connect(self._use_template)
        top.addWidget(self.template)
        load_btn = QPushButton(tr("Muat berkas instrumen…"))
        load_btn.clicked.connect(self._load_file)
        top.addWidget(load_btn)
        top.addStretch(1)
        self.auto_btn = QPushButton(tr("Cocokkan otomatis"))
        self.auto_btn.clicked.connect(self.auto_match)
        top.addWidget(self.auto_btn)
        layout.addLayout(top)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Variabel"), tr("Butir"), tr("Pertanyaan"), tr("Kolom data")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        layout.addWidget(ok_cancel(self))
        self._fill(mapping)

    # --- contents ----------------------------------------------------------------------
    def _fill(self, mapping: dict[str, str] | None) -> None:
        if mapping is None:
            mapping = {k: v for k, v in auto_map(self.columns, self.instrument).items() if v}
        rows = [(var, it) for var in self.instrument.variables for it in var.items]
        self.table.setRowCount(len(rows))
        self.combos: dict[str, QComboBox] = {}
        for r, (var, it) in enumerate(rows):
            for c, text in enumerate((f"{var.key} — {var.name}", it.id, it.text or it.topic)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(r, c, cell)
            combo = QComboBox()
            combo.addItem(tr("(tidak dipakai)"), "")
            for col in self.columns:
                combo.addItem(col[:60], col)
            combo.setCurrentIndex(max(combo.findData(mapping.get(it.id, "")), 0))
            combo.currentIndexChanged.connect(self._update_info)
            self.combos[it.id] = combo
            self.table.setCellWidget(r, 3, combo)
        self._update_info()

    def _update_info(self) -> None:
        mapped = len(self.mapping())
        total = len(self.combos)
        text = tr("{m} dari {n} butir dipetakan.", m=mapped, n=total)
        if self.instrument.note:
            text += " " + self.instrument.note
        self.info.setText(text)

    def auto_match(self) -> None:
        """Match every item again by name or question text."""
        found = auto_map(self.columns, self.instrument)
        for item_id, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(found.get(item_id) or ""), 0))

    def _use_template(self, name: str) -> None:
        try:
            self.instrument = load_template(name)
        except QdaError as exc:
            self.info.setText(str(exc))
            return
        self._fill(None)

    def _load_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Muat instrumen"), "", tr("Instrumen JSON (*.json)"))
        if not path:
            return
        try:
            self.instrument = load_template(path)
        except QdaError as exc:
            self.info.setText(str(exc))
            return
        self._fill(None)

    # --- answers -----------------------------------------------------------------------
    def mapping(self) -> dict[str, str]:
        """Item id -> chosen column (items left unused are absent)."""
        return {item_id: combo.currentData() for item_id, combo in self.combos.items() if combo.currentData()}

    def set_column(self, item_id: str, column: str | None) -> None:
        """Choose ``column`` for ``item_id`` (None: not used)."""
        combo = self.combos[item_id]
        combo.setCurrentIndex(max(combo.findData(column or ""), 0))

    def chosen_instrument(self) -> Instrument:
        """The instrument restricted to the mapped items."""
        return pruned(self.instrument, self.mapping())
