"""The filter bar shared by the query and matrix pages: case attribute, source kind, coder, review status."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from qda.analysis.corpus import STATUS_FILTERS
from qda.domain import KINDS, kind_label, status_label
from qda.gui.excerpt_list import labelled
from qda.gui.flow_layout import FlowLayout
from qda.i18n import tr



def _combo(min_chars: int = 8) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    return combo


class FilterBar(QWidget):
    """Combos choosing which codings an analysis looks at; :meth:`filters` gives the core's ``Filters``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attr_key = _combo(7)
        self.attr_value = _combo(7)
        self.kind = _combo(7)
        self.coder = _combo(7)
        self.status = _combo(7)
        self.attr_key.currentIndexChanged.connect(self._fill_values)
        layout = FlowLayout(self)
        attribute = QWidget()
        row = QHBoxLayout(attribute)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for w in (QLabel(tr("Atribut")), self.attr_key, QLabel("="), self.attr_value):
            row.addWidget(w)
        layout.addWidget(attribute)
        for label, combo in ((tr("Jenis"), self.kind), (tr("Pengode"), self.coder), (tr("Status"), self.status)):
            layout.addWidget(labelled(label, combo))
        self._corpus: Any = None
        self.set_project(None)

    def set_project(self, project: Any) -> None:
        """Offer the attributes, coders and kinds of ``project``."""
        from qda.analysis import corpus

        self._corpus = corpus(project) if project is not None else None
        for combo in (self.attr_key, self.kind, self.coder, self.status):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("Semua"), None)
        if self._corpus is not None:
            for key in self._corpus.attribute_keys():
                self.attr_key.addItem(key, key)
            for name in sorted(self._corpus.coders.values(), key=str.casefold):
                self.coder.addItem(name, name)
            kinds = {d.kind for d in self._corpus.documents.values()}
            for kind in KINDS:
                if kind in kinds:
                    self.kind.addItem(kind_label(kind, in_text=True), kind)
        for status in STATUS_FILTERS:
            self.status.addItem(status_label(status, in_text=True), status)
        for combo in (self.attr_key, self.kind, self.coder, self.status):
            combo.blockSignals(False)
        self._fill_values()

    def _fill_values(self) -> None:
        key = self.attr_key.currentData()
        self.attr_value.clear()
        self.attr_value.setEnabled(key is not None)
        if key is None or self._corpus is None:
            return
        values = sorted({(self._corpus.attribute_value(d, key) or "").strip() for d in self._corpus.documents} - {""},
                        key=str.casefold)
        for v in values:
            self.attr_value.addItem(v, v)

    def set_values(self, filters: Any) -> None:
        """Show stored filters (a saved query's)."""
        def pick(combo: QComboBox, value: Any) -> None:
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)

        attrs = list(filters.attributes.items())
        pick(self.attr_key, attrs[0][0] if attrs else None)
        if attrs:
            pick(self.attr_value, attrs[0][1][0] if attrs[0][1] else None)
        pick(self.kind, filters.kinds[0] if filters.kinds else None)
        pick(self.coder, filters.coders[0] if filters.coders else None)
        pick(self.status, filters.statuses[0] if filters.statuses else None)

    def filters(self) -> Any:
        """The chosen filters."""
        from qda.analysis import Filters

        key, value = self.attr_key.currentData(), self.attr_value.currentData()
        return Filters(attributes={key: [value]} if key is not None and value is not None else {},
                       kinds=[self.kind.currentData()] if self.kind.currentData() else [],
                       coders=[self.coder.currentData()] if self.coder.currentData() else [],
                       statuses=[self.status.currentData()] if self.status.currentData() else [])
