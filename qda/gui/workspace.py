"""Which docks each central tab shows, the layout presets of the Tampilan menu, collapsing empty panels.

A tab is a workspace: the survey tab takes the whole window (every coding dock hides while it
is shown and comes back after), the analysis and joint-display tabs take the width of the
right-hand docks, and no tab but Koding keeps the list of a code's excerpts below it.

The presets arrange the docks for a task:

- **Koding** — sources and codes share one tabbed column on the left (the code tree gets the
  full height), the details card above the memo on the right, the text in the middle;
- **Telaah** — the review queue with the codes beside it and the details card and memo;
- **Survei** — the survey tab, full width.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from qda.i18n import tr

#: Preset key → its menu text (Indonesian source; English in the catalogue).
PRESETS = (("koding", "Koding"), ("telaah", "Telaah"), ("survei", "Survei"))

#: Below this window width the sources and codes share one tabbed column at first start.
NARROW = 1400


def hidden_docks(window: Any, page: Any) -> set[QDockWidget]:
    """The docks the central page ``page`` takes the room of."""
    right = {window.segment_dock, window.memo_dock, window.search_dock, window.coders_dock, window.suggestions_dock}
    if page is window.pane:
        return set()
    if page is window.survey_holder:
        return set(window.docks)  # a full-width workspace
    if page is window.analysis or page is window.joint:
        return right | {window.excerpts_dock}
    return {window.excerpts_dock}


def update_workspace(window: Any) -> None:
    """Show and hide docks for the current tab; leaving a workspace brings back what the user had."""
    if window.project is None:
        return
    hide = hidden_docks(window, window.tabs.currentWidget())
    saved = window._workspace_docks
    if hide and saved is None:
        window._workspace_docks = saved = {d.objectName(): not d.isHidden() for d in window.docks}
    if saved is None:
        return
    for dock in window.docks:
        dock.setVisible(saved.get(dock.objectName(), False) and dock not in hide)
    if not hide:
        window._workspace_docks = None


def apply_preset(window: Any, key: str) -> None:
    """Arrange the window for a task ("koding", "telaah", "survei")."""
    if window.project is None:
        return
    window._workspace_docks = None
    if key == "survei":
        window.tabs.setCurrentWidget(window.survey_holder)
        return
    size = window.size()
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    for dock in window.docks:
        dock.setFloating(False)
    # each step moves one dock into an existing group, so the column never stacks every dock at once
    # (which would make the window taller than the screen)
    if window.dockWidgetArea(window.sources_dock) != left:
        window.addDockWidget(left, window.sources_dock)
    window.tabifyDockWidget(window.sources_dock, window.codes_dock)
    group = {window.search_dock, window.coders_dock, window.suggestions_dock}
    if window.dockWidgetArea(window.memo_dock) != right:
        window.addDockWidget(right, window.memo_dock)
    for dock in group - set(window.tabifiedDockWidgets(window.memo_dock)):
        window.tabifyDockWidget(window.memo_dock, dock)
    if window.segment_dock in window.tabifiedDockWidgets(window.memo_dock) \
            or window.dockWidgetArea(window.segment_dock) != right:
        window.splitDockWidget(window.memo_dock, window.segment_dock, Qt.Orientation.Vertical)
    shown = {window.sources_dock, window.codes_dock, window.segment_dock, window.memo_dock, window.search_dock,
             window.coders_dock, window.suggestions_dock}
    for dock in window.docks:
        dock.setVisible(dock in shown)
    window.memo_dock.raise_()
    if key == "telaah":
        window.tabs.setCurrentWidget(window.queue)
        window.codes_dock.raise_()
    else:
        window.tabs.setCurrentWidget(window.pane)
        window.codes_dock.raise_()
    width = max(window.width(), 1000)
    side = max(220, int(width * (0.17 if width < NARROW else 0.2)))
    right = max(side, int(width * 0.22))  # the card, memo and search column: room for its four tabs
    window.resize(size)
    QTimer.singleShot(0, lambda: window.resize(size))  # whatever a moved dock asked for while it moved
    window.resizeDocks([window.codes_dock, window.segment_dock], [side, right], Qt.Orientation.Horizontal)
    collapse_empty(window)


def preset_label(key: str) -> str:
    return tr(dict(PRESETS)[key])


def collapse_empty(window: Any) -> None:
    """The details card shrinks to its one-line hint while it shows no coding; the memo below gets the room."""
    panel = window.segment_info
    dock = window.segment_dock
    if panel.cards:
        if panel.maximumHeight() < 16777215:
            panel.setMaximumHeight(16777215)
            if window.dockWidgetArea(dock) == window.dockWidgetArea(window.memo_dock) and not window.memo_dock.isHidden():
                QTimer.singleShot(0, lambda: _share(window))  # once the lifted limit is laid out
    else:
        panel.setMaximumHeight(panel.empty_height())


def _share(window: Any) -> None:
    """The details card and the memo below it share their column (a card is read, a memo written)."""
    dock, memo = window.segment_dock, window.memo_dock
    if window.segment_info.cards and not dock.isHidden() and not memo.isHidden():
        total = dock.height() + memo.height()
        window.resizeDocks([dock, memo], [total * 11 // 20, total * 9 // 20], Qt.Orientation.Vertical)
