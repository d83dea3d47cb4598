"""The matrix page: dimension × driving factor (first), co-occurrence, code × source / case /
attribute; counts, row % or column % with heat-map colours; a cell lists its passages below,
each opening the text; export to XLSX and the heat map or code-frequency bars to PNG."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qda.gui.analysis.filters import FilterBar
from qda.gui.flow_layout import FlowLayout
from qda.gui.excerpt_list import ExcerptList
from qda.i18n import tr

HEAT_LOW, HEAT_HIGH = (255, 255, 255), (224, 83, 61)


def heat_colour(value: float, peak: float) -> QColor:
    """White (0) to red (the largest value), linear."""
    share = 0.0 if peak <= 0 else max(0.0, min(1.0, value / peak))
    return QColor(*(round(lo + (hi - lo) * share) for lo, hi in zip(HEAT_LOW, HEAT_HIGH)))


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.redF(), background.greenF(), background.blueF()

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return QColor("#000000") if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else QColor("#ffffff")


def _kinds() -> list[tuple[str, str]]:
    return [("dimension-factor", tr("Dimensi × faktor pendorong")), ("cooccurrence", tr("Kookurensi kode")),
            ("code-source", tr("Kode × sumber")), ("code-case", tr("Kode × kasus")),
            ("code-attribute", tr("Kode × atribut"))]


class MatrixPage(QWidget):
    """A matrix with heat-map colouring whose cells open their passages."""

    excerptActivated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.matrix: Any = None
        self.kind = QComboBox()
        for key, label in _kinds():
            self.kind.addItem(label, key)
        self.attribute = QComboBox()
        self.attribute.setMinimumContentsLength(8)
        self.attribute.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit = QComboBox()
        for key, label in (("span", tr("per bagian teks")), ("sentence", tr("per kalimat")),
                           ("turn", tr("per giliran bicara"))):
            self.unit.addItem(label, key)
        self.measure = QComboBox()
        for key, label in (("codings", tr("jumlah segmen")), ("passages", tr("jumlah bagian teks"))):
            self.measure.addItem(label, key)
        self.show_as = QComboBox()
        for key, label in (("table", tr("Tabel")), ("heatmap", tr("Peta panas")),
                           ("bars", tr("Diagram batang"))):
            self.show_as.addItem(label, key)
        self.show_as.setToolTip(tr("Tampilkan matriks sebagai tabel, peta panas, atau diagram batang frekuensi kode"))
        self.show_as.currentIndexChanged.connect(self._show_as_changed)
        self.chart = QLabel()
        self.chart.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart)
        self.mode = QComboBox()
        for key, label in (("count", tr("Jumlah")), ("row", tr("% baris")), ("col", tr("% kolom"))):
            self.mode.addItem(label, key)
        self.filters = FilterBar()
        self.run_button = QPushButton(tr("Hitung"))
        self.run_button.clicked.connect(self.run)
        self.xlsx_button = QPushButton(tr("Ekspor XLSX…"))
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        self.png_button = QPushButton(tr("Simpan grafik…"))
        self.png_button.setToolTip(tr("Peta panas (atau diagram batang frekuensi kode) sebagai PNG"))
        self.png_button.clicked.connect(self._ask_png)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.mode.currentIndexChanged.connect(self._fill_table)
        self.mode.currentIndexChanged.connect(lambda _i: self._show_as_changed())
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(96)
        self.table.horizontalHeader().setMinimumSectionSize(56)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.currentCellChanged.connect(lambda r, c, *_: self.open_cell(r, c))
        self.table.cellActivated.connect(self.open_cell)
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #3d4450;")
        self.cell_list = ExcerptList(choices=("document", "coder", "status"))
        self.cell_list.excerptActivated.connect(
            lambda item: self.excerptActivated.emit(item.document_id, item.start, item.end))

        options = FlowLayout()
        for w in (self.kind, self.attribute, self.unit, self.measure, self.mode, self.show_as, self.run_button,
                  self.xlsx_button, self.png_button):
            options.addWidget(w)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.chart_scroll)
        top_layout.addWidget(self.stack, 1)
        top_layout.addWidget(self.definition)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.cell_list)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        holder = QWidget()
        holder.setLayout(options)
        layout.addWidget(holder)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        self._kind_changed()

    def set_project(self, project: Any) -> None:
        self.project = project
        self.matrix = None
        self.filters.set_project(project)
        self.cell_list.set_project(project)
        self.attribute.clear()
        if project is not None:
            from qda.analysis import corpus

            for key in corpus(project).attribute_keys():
                self.attribute.addItem(key, key)
            found = self.attribute.findData("Jabatan")
            if found >= 0:
                self.attribute.setCurrentIndex(found)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.definition.setText("")

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        cooc = kind in ("dimension-factor", "cooccurrence")
        self.unit.setVisible(cooc)
        self.measure.setVisible(not cooc)
        self.attribute.setVisible(kind == "code-attribute")

    # ------------------------------------------------------------------ computing
    def options(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        opts: dict[str, Any] = {"filters": self.filters.filters()}
        if kind in ("dimension-factor", "cooccurrence"):
            opts["unit"] = self.unit.currentData()
        else:
            opts["measure"] = self.measure.currentData()
        if kind == "code-attribute":
            opts["key"] = self.attribute.currentData()
        return opts

    def run(self) -> None:
        """Compute the chosen matrix (on a worker thread when sentences must be found first)."""
        from qda.analysis import matrices
        from qda.errors import QdaError

        if self.project is None:
            return
        kind, opts = self.kind.currentData(), self.options()
        if opts.get("unit") == "sentence":
            from qda.gui.workers import start_job

            self.definition.setText(tr("Mencari kalimat di semua sumber…"))
            self.run_button.setEnabled(False)
            self._job = start_job(lambda _p: matrices.build(self.project, kind, **opts), self.show_matrix,
                                  self._failed)
            return
        try:
            self.show_matrix(matrices.build(self.project, kind, **opts))
        except QdaError as exc:
            self._failed(str(exc))

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.definition.setText(message)

    def show_matrix(self, matrix: Any) -> None:
        self.run_button.setEnabled(True)
        self.matrix = matrix
        self.definition.setText(matrix.definition)
        self.cell_list.set_project(self.project)
        self._fill_table()
        self._show_as_changed()

    def _fill_table(self) -> None:
        m = self.matrix
        if m is None:
            return
        from qda.survey.numfmt import fmt_pct

        mode = self.mode.currentData()
        values = m.values(mode)
        self.table.clear()
        self.table.setRowCount(len(m.rows) + 1)
        self.table.setColumnCount(len(m.cols) + 1)
        self.table.setHorizontalHeaderLabels([h.label for h in m.cols] + [tr("Jumlah")])
        self.table.setVerticalHeaderLabels([h.label for h in m.rows] + [tr("Jumlah")])
        peak = max((v for row in values for v in row if v is not None), default=0.0) or 0.0
        for i in range(len(m.rows)):
            for j in range(len(m.cols)):
                v = values[i][j]
                text = str(m.counts[i][j]) if mode == "count" else ("" if v is None else fmt_pct(v, 1))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour = heat_colour(v or 0.0, peak)
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(text_colour(colour)))
                item.setToolTip(tr("{row} × {col}: {n} — klik untuk melihat kutipannya", row=m.rows[i].label,
                                   col=m.cols[j].label, n=m.counts[i][j]))
                self.table.setItem(i, j, item)
            total = QTableWidgetItem(str(m.row_totals[i]))
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(i, len(m.cols), total)
        for j, t in enumerate(m.col_totals + [m.total]):
            item = QTableWidgetItem(str(t))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(len(m.rows), j, item)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.fontMetrics().height() + 10))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width between the columns (each at least as wide as its longest word, at most 120 px);
        labels wrap in the header, which grows to hold them."""
        m = self.matrix
        if m is None or not self.table.columnCount():
            return
        metrics = self.table.horizontalHeader().fontMetrics()
        labels = [h.label for h in m.cols] + [tr("Jumlah")]
        free = self.table.width() - self.table.verticalHeader().width() - 24
        share = max(56, min(120, free // len(labels)))
        tallest = 1
        for j, label in enumerate(labels):
            word = max((metrics.horizontalAdvance(w) for w in label.split()), default=40) + 14
            width = max(share, min(word, 160))
            self.table.setColumnWidth(j, width)
            tallest = max(tallest, metrics.boundingRect(0, 0, width - 10, 400, int(Qt.TextFlag.TextWordWrap),
                                                        label).height() // max(1, metrics.height()))
        self.table.horizontalHeader().setFixedHeight(metrics.height() * min(tallest, 5) + 14)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _show_as_changed(self) -> None:
        key = self.show_as.currentData()
        if key == "table" or self.matrix is None:
            self.stack.setCurrentWidget(self.table)
            return
        from PySide6.QtGui import QPixmap

        from qda.analysis.charts import code_totals_png, matrix_png

        data = matrix_png(self.matrix, self.mode.currentData()) if key == "heatmap" else code_totals_png(self.matrix)
        pix = QPixmap()
        pix.loadFromData(data)
        width = max(320, self.chart_scroll.viewport().width() - 12)
        self.chart.setPixmap(pix.scaledToWidth(min(pix.width(), width), Qt.TransformationMode.SmoothTransformation))
        self.stack.setCurrentWidget(self.chart_scroll)

    def open_cell(self, row: int, col: int) -> None:
        """List the passages behind cell (row, col) below the table."""
        m = self.matrix
        if m is None or not (0 <= row < len(m.rows) and 0 <= col < len(m.cols)):
            return
        self.cell_list.show_passages(m.cell(row, col), tr("{row} × {col}: {n}", row=m.rows[row].label,
                                                          col=m.cols[col].label, n=m.counts[row][col]))

    # ------------------------------------------------------------------ export
    def export_xlsx(self, path: str) -> None:
        from qda.analysis.export import export_matrix

        export_matrix(self.matrix, path)

    def chart_png(self) -> bytes:
        """The heat map (or, for code × source/case/attribute, the code-frequency bars when asked)."""
        from qda.analysis.charts import matrix_png

        return matrix_png(self.matrix, self.mode.currentData())

    def _ask_xlsx(self) -> None:
        if self.matrix is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor matriks"), str(self.project.path.parent),
                                              tr("Excel (*.xlsx)"))
        if path:
            self.export_xlsx(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def _ask_png(self) -> None:
        from qda.analysis.charts import code_totals_png
        from qda.analysis.export import write_png

        if self.matrix is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, tr("Simpan grafik"), str(self.project.path.parent),
            tr("Peta panas (*.png);;Diagram batang frekuensi kode (*.png)"))
        if not path:
            return
        path = path if path.lower().endswith(".png") else path + ".png"
        data = code_totals_png(self.matrix) if "batang" in chosen or "bar" in chosen.lower() else self.chart_png()
        write_png(data, path)
