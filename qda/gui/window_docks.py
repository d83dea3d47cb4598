"""The main window's docks: which panels they hold, their first-start layout, and their visibility
with and without a project (the presets are in :mod:`qda.gui.workspace`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from qda.gui import workspace
from qda.gui.segment_info import SegmentInfoPanel
from qda.gui.sources_panel import SourcesPanel
from qda.i18n import tr, trc


class DocksMixin:
    """Builds and arranges the docks of :class:`qda.gui.main_window.MainWindow`."""

    settings: Any
    _dock_visibility: dict[str, bool] | None
    _workspace_docks: dict[str, bool] | None
    _sized: bool

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.sources = SourcesPanel()
        self.sources_dock = self._dock("sources", trc("dock", "Sumber"), self.sources, left)
        from qda.gui.panels.code_tree import CodeTreePanel
        from qda.gui.panels.coder_panel import CoderPanel
        from qda.gui.panels.memo_panel import MemoPanel
        from qda.gui.panels.search_panel import SearchPanel

        self.code_tree = CodeTreePanel()
        self.codes_dock = self._dock("codes", trc("dock", "Kode"), self.code_tree, left)
        self.splitDockWidget(self.sources_dock, self.codes_dock, Qt.Orientation.Vertical)
        self.segment_info = SegmentInfoPanel()
        self.segment_dock = self._dock("segment", tr("Segmen terpilih"), self.segment_info, right)
        self.memo = MemoPanel()
        self.search = SearchPanel()
        self.coders = CoderPanel()
        self.memo_dock = self._dock("memo", tr("Memo"), self.memo, right)
        self.search_dock = self._dock("search", tr("Cari"), self.search, right)
        self.coders_dock = self._dock("coders", tr("Pengode"), self.coders, right)
        from qda.gui.excerpt_list import ExcerptList

        self.excerpts = ExcerptList(choices=("document", "coder", "status"))
        # below the text, the width of the window: a code's excerpts read like MAXQDA's retrieved segments
        self.excerpts_dock = self._dock("excerpts", tr("Segmen kode"), self.excerpts,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.splitDockWidget(self.segment_dock, self.memo_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.memo_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.coders_dock)
        from qda.gui.autocode.panel import SuggestionsPanel

        self.suggestions = SuggestionsPanel()
        self.suggestions_dock = self._dock("suggestions", tr("Saran"), self.suggestions, right)
        self.tabifyDockWidget(self.coders_dock, self.suggestions_dock)
        self.memo_dock.raise_()
        self.docks = [self.sources_dock, self.codes_dock, self.segment_dock, self.memo_dock, self.search_dock,
                      self.coders_dock, self.suggestions_dock, self.excerpts_dock]

    def _default_dock_sizes(self) -> None:
        """First-start proportions (a saved layout overrides them), scaled to the window's width.

        On a laptop screen the sources and codes share one tabbed column (as in the Koding preset), so the
        code tree gets the column's height and the text the width."""
        width = max(self.width(), 1000)
        if self.width() < workspace.NARROW:
            self.tabifyDockWidget(self.sources_dock, self.codes_dock)
            self.codes_dock.raise_()
            side = max(220, int(width * 0.17))
            right = max(side, int(width * 0.22))  # as the Koding preset: the side column's four tabs fit
            self.resizeDocks([self.codes_dock, self.segment_dock], [side, right], Qt.Orientation.Horizontal)
        else:
            left, right = max(240, int(width * 0.21)), max(250, int(width * 0.21))
            self.resizeDocks([self.sources_dock, self.segment_dock], [left, right], Qt.Orientation.Horizontal)
            self.resizeDocks([self.sources_dock, self.codes_dock], [400, 520], Qt.Orientation.Vertical)
        self.resizeDocks([self.segment_dock, self.memo_dock], [430, 470], Qt.Orientation.Vertical)

    def _show_docks(self, on: bool) -> None:
        """Docks appear with a project (as the user left them) and hide on the welcome page."""
        if on:
            shown = self._dock_visibility or {}
            for dock in self.docks:
                # the list of a code's excerpts opens when asked for (Tampilkan segmen), not with the project
                dock.setVisible(shown.get(dock.objectName(), dock is not self.excerpts_dock))
            self._dock_visibility = None
            if not self._sized:
                self._sized = True
                if self.settings.state is None:
                    # after the shown docks have been laid out once
                    QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._default_dock_sizes))
        elif self._dock_visibility is None:
            if self._sized or self.settings.state is not None:
                # as the user left them; before any project was shown they take their defaults on opening
                self._dock_visibility = self._workspace_docks or {d.objectName(): not d.isHidden() for d in self.docks}
            self._workspace_docks = None
            for dock in self.docks:
                dock.hide()
