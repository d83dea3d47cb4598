"""The code tree panel: the project's codebook as a filterable tree with the code's definition below.

``CodeTreePanel(parent=None)``; ``set_project(project, undo_stack)``; ``refresh()`` (reload
codes and counts, keeping expansion, selection and scroll); ``refresh_counts()``;
``current_code_id()``. Signals: ``codeActivated(int)`` (double-click or Enter on a code),
``codeSelected(int)`` (the current code changed), ``segmentsRequested(int)`` ("Tampilkan
segmen" in the menu), ``selectionDroppedOnCode(document_id,
start, end, code_id)`` (a text selection of mime type ``application/x-qda-selection`` was
dropped on a code).

Every change (create, rename, recolour, move, merge, delete) is pushed to the project's
undo stack as a command of :mod:`qda.commands`, so the main window's Undo/Redo mirror it.
The panel also listens to the stack and refreshes itself after undo and redo.

Additions to the interface: ``create_code(group=None, parent_id=None)``,
``rename_code(code_id)``, ``recolor_code(code_id)``, ``move_code(code_id)``,
``merge_code(code_id)``, ``delete_code(code_id)`` run the same actions as the menu (each
asks what it needs through dialogs); ``select_code(code_id)``; ``set_filter(text)``;
attributes ``tree`` (the QTreeView), ``model`` (:class:`CodeTreeModel`), ``proxy`` and
``details`` (the definition pane).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QMenu,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qda.i18n import tr, trc
from qda.gui.panels.code_actions import CodeActionsMixin
from qda.gui.panels.code_details import CodeDetailsView
from qda.gui.panels.code_model import (
    CodeIdRole,
    CodeTreeModel,
    CountRole,
    GroupKeyRole,
    KindRole,
    code_display_name,
    group_display_name,
)
from qda.gui.panels.fuzzy import matching_ids


#: A code name that does not fit its row's width wraps onto at most this many lines (then it is cut at its end).
NAME_LINES = 2


class CodeNameDelegate(QStyledItemDelegate):
    """Code names that do not fit the column wrap onto a second line instead of being cut.

    ``QTreeView`` asks a delegate for a row's height without the column's width, so the width
    a name has is worked out here from the name column, the row's depth and the swatch."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def text_width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width the name of ``index`` is painted in."""
        tree = self.tree
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = tree.indentation() * (depth + (1 if tree.rootIsDecorated() else 0))
        opt = QStyleOptionViewItem(option)
        opt.rect.setRect(0, 0, max(1, tree.header().sectionSize(0) - indent), 100)
        style = tree.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        return rect.width() - 2 * margin

    def lines(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        """How many lines the name of ``index`` takes (1 or 2)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if index.column() != 0 or not opt.text:
            return 1
        return 1 if opt.fontMetrics.horizontalAdvance(opt.text) <= self.text_width(opt, index) else NAME_LINES

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == 0:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        if index.column() != 0:
            return super().sizeHint(option, index)
        # the style's hint for a wrapping name knows no width: take one line's height and add the second
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        style = self.tree.style()
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), self.tree)
        extra = (self.lines(option, index) - 1) * opt.fontMetrics.lineSpacing()
        return QSize(size.width(), size.height() + extra)


class CodeFilterProxy(QSortFilterProxyModel):
    """Shows only allowed codes, with their ancestors and subcodes (and their groups)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: set[Any] | None = None
        # the filter is re-run explicitly (set_allowed); count updates must not re-filter
        self.setDynamicSortFilter(False)

    def set_allowed(self, ids: set[int] | None) -> None:
        """Allow only ``ids`` (None: everything)."""
        # one layout change instead of hundreds of row removals: 10-20x faster on big codebooks
        self._shown = None if ids is None else self._closure(ids)
        self.invalidate()

    def allowed_is_none(self) -> bool:
        """Whether everything is shown (no filter)."""
        return self._shown is None

    def _closure(self, ids: set[int]) -> set[Any]:
        # computed once per filter change, so filterAcceptsRow is a set lookup
        model: CodeTreeModel = self.sourceModel()  # type: ignore[assignment]
        shown: set[Any] = set()
        for code_id in ids:
            code = model.code(code_id)
            if code is None:
                continue
            shown.add(code_id)
            shown |= model.descendant_ids(code_id)
            shown.add(("group", code.group))
            parent_id = code.parent_id
            while parent_id is not None and parent_id not in shown:
                shown.add(parent_id)
                parent = model.code(parent_id)
                parent_id = parent.parent_id if parent is not None else None
        return shown

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # type: ignore[override]
        if self._shown is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        code_id = index.data(CodeIdRole)
        if code_id is None:
            return ("group", index.data(GroupKeyRole)) in self._shown
        return code_id in self._shown


class CodeTreePanel(CodeActionsMixin, QWidget):
    """Codebook tree with filter, actions, drag and drop and a definition pane."""

    codeActivated = Signal(int)
    codeSelected = Signal(int)
    selectionDroppedOnCode = Signal(int, int, int, int)
    segmentsRequested = Signal(int)  # "Tampilkan segmen": list every coding of the code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.undo_stack: Any = None
        self._codes_snapshot: list[Any] = []
        self._announced: int | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.model = CodeTreeModel(self)
        self.proxy = CodeFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Saring kode… (mis. responsif)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.installEventFilter(self)

        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        # a long name takes a second line rather than being cut (1366 px laptops give the tree ~230 px)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.name_delegate = CodeNameDelegate(self.tree)
        self.tree.setItemDelegate(self.name_delegate)
        self.tree.setAlternatingRowColors(False)
        self.tree.setAnimated(True)
        self.tree.setIndentation(16)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.tree.installEventFilter(self)
        # "Respon…" would hide whether it is Responsivitas or Responsibilitas: cut in the middle instead
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a fixed count column: sizing it to its contents would scan every row on each change
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        metrics = self.tree.fontMetrics()
        header.resizeSection(1, metrics.horizontalAdvance("0000") + 14)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)  # names rewrap to the new width
        header.sectionResized.connect(lambda i, _old, _new: self._relayout.start() if i == 0 else None)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.model.moveRequested.connect(self._on_move_requested, Qt.ConnectionType.QueuedConnection)
        self.model.renameRequested.connect(self._on_rename_requested, Qt.ConnectionType.QueuedConnection)
        self.model.selectionDropped.connect(self.selectionDroppedOnCode)

        self.details = CodeDetailsView()
        self.empty_label = QLabel(tr("Tidak ada kode yang cocok dengan saringan."))
        self.empty_label.setStyleSheet("color:#6b7785; padding:4px")
        self.empty_label.hide()

        self._make_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setStyleSheet("QToolBar{border:0; spacing:2px} QToolButton{padding:2px 4px}")
        for action in (self.act_new, self.act_rename, self.act_delete):
            toolbar.addAction(action)
        more = QToolButton()
        more.setText("⋯")
        more.setAccessibleName(trc("menu", "Lainnya"))
        more.setToolTip(tr("Ubah warna, pindahkan atau gabungkan kode"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(more)
        more_menu.addAction(self.act_color)
        more_menu.addAction(self.act_move)
        more_menu.addAction(self.act_merge)
        more.setMenu(more_menu)
        toolbar.addWidget(more)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addWidget(toolbar)
        top_layout.addWidget(self.filter_edit)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.empty_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._update_actions()

    # ------------------------------------------------------------------ actions

    def _make_actions(self) -> None:
        def action(text: str, tip: str, slot: Callable[[], None], keys: tuple = ()) -> QAction:
            act = QAction(text, self)
            act.setToolTip(tip)
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.tree.addAction(act)
            act.triggered.connect(slot)
            return act

        self.act_new = action(tr("Kode baru…"), tr("Kode baru (Insert, Ctrl+N)"), self._new_from_selection,
                              (QKeySequence.StandardKey.New, Qt.Key.Key_Insert))
        self.act_rename = action(tr("Ganti nama"), tr("Ganti nama kode (F2)"), lambda: self._with_current(self.rename_code),
                                 (Qt.Key.Key_F2,))
        self.act_color = action(tr("Warna…"), tr("Ubah warna kode"), lambda: self._with_current(self.recolor_code))
        self.act_move = action(tr("Pindahkan ke…"), tr("Pindahkan ke kode atau kelompok lain"),
                               lambda: self._with_current(self.move_code))
        self.act_merge = action(tr("Gabungkan ke…"), tr("Gabungkan ke kode lain"), lambda: self._with_current(self.merge_code))
        self.act_delete = action(tr("Hapus"), tr("Hapus kode (Del)"), lambda: self._with_current(self.delete_code),
                                 (QKeySequence.StandardKey.Delete,))
        self.act_new.setIconText(tr("+ Baru"))  # the short label of the toolbar button
        self.act_apply = QAction(tr("Terapkan ke teks terpilih"), self)
        self.act_apply.triggered.connect(lambda: self._with_current(self.codeActivated.emit))
        self.act_segments = QAction(tr("Tampilkan segmen"), self)
        self.act_segments.setToolTip(tr("Daftar semua segmen kode ini"))
        self.act_segments.triggered.connect(lambda: self._with_current(self.segmentsRequested.emit))

    def _with_current(self, fn: Callable[[int], Any]) -> None:
        code_id = self.current_code_id()
        if code_id is not None:
            fn(code_id)

    def _update_actions(self) -> None:
        has_code = self.current_code_id() is not None
        writable = self.project is not None and not getattr(self.project, "read_only", False)
        self.act_new.setEnabled(writable)
        for act in (self.act_rename, self.act_color, self.act_move, self.act_merge, self.act_delete):
            act.setEnabled(has_code and writable)
        self.act_apply.setEnabled(has_code)
        self.act_segments.setEnabled(has_code)

    # ------------------------------------------------------------------ project

    def set_project(self, project: Any, undo_stack: Any) -> None:
        """Show the codes of ``project``; changes go through ``undo_stack``."""
        self.project = project
        self.undo_stack = undo_stack
        self._codes_snapshot = []
        if undo_stack is not None and hasattr(undo_stack, "add_listener"):
            undo_stack.add_listener(self._make_listener(undo_stack))
        self.refresh()
        self.tree.expandToDepth(0)

    def _make_listener(self, stack: Any) -> Callable[..., None]:
        def listener(*_args: Any) -> None:
            try:
                if self.undo_stack is stack:
                    self._refresh_timer.start()
            except RuntimeError:  # the panel was deleted; nothing to refresh
                pass

        return listener

    def refresh(self) -> None:
        """Reload codes and counts from the project, keeping expansion, selection and scroll."""
        self._refresh_timer.stop()
        if self.project is None:
            self.model.set_codes([], {})
            self._codes_snapshot = []
            self._on_current_changed()
            return
        codes = list(self.project.codes.all())
        counts = self.project.codes.counts()
        if codes == self._codes_snapshot:
            self.model.set_counts(counts)
            self._show_details(self.current_code_id())
            return
        expanded, current = self._view_state()
        scroll = self.tree.verticalScrollBar().value()
        self.model.set_codes(codes, counts)
        self._codes_snapshot = codes
        self._apply_filter(self.filter_edit.text())
        self._restore_view_state(expanded, current)
        self.tree.verticalScrollBar().setValue(scroll)
        self._on_current_changed()

    def refresh_counts(self) -> None:
        """Reload only the segment counts (cheap; call after coding)."""
        if self.project is not None:
            self.model.set_counts(self.project.codes.counts())
            self._show_details(self.current_code_id())

    def _view_state(self) -> tuple[set[tuple[str, Any]], int | None]:
        expanded: set[tuple[str, Any]] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    kind = index.data(KindRole)
                    expanded.add((kind, index.data(CodeIdRole) if kind == "code" else index.data(GroupKeyRole)))
                    walk(index)

        walk(QModelIndex())
        return expanded, self.current_code_id()

    def _restore_view_state(self, expanded: set[tuple[str, Any]], current: int | None) -> None:
        for kind, key in expanded:
            source = self.model.index_of_code(key) if kind == "code" else self.model.index_of_group(key)
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                self.tree.setExpanded(index, True)
        if current is not None:
            self.select_code(current)

    # ------------------------------------------------------------------ selection

    def current_code_id(self) -> int | None:
        """Id of the current code (None when a group or nothing is current)."""
        index = self.tree.currentIndex()
        return index.data(CodeIdRole) if index.isValid() else None

    def select_code(self, code_id: int) -> bool:
        """Make ``code_id`` current (expanding its ancestors); False if it is filtered out."""
        index = self.proxy.mapFromSource(self.model.index_of_code(code_id))
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.setExpanded(parent, True)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _on_current_changed(self, *_args: Any) -> None:
        code_id = self.current_code_id()
        self._show_details(code_id)
        self._update_actions()
        # only a real change of the current code is announced (not a rebuild keeping it)
        if code_id is not None and code_id != self._announced:
            self.codeSelected.emit(code_id)
        self._announced = code_id

    def _show_details(self, code_id: int | None) -> None:
        index = self.tree.currentIndex()
        if code_id is None and index.isValid() and index.data(KindRole) == "group":
            key = index.data(GroupKeyRole)
            self.details.show_group(group_display_name(key), len(self.model.group_codes(key)),
                                    index.data(CountRole))
            self._fit_details()
            return
        code = self.model.code(code_id) if code_id is not None else None
        parent = self.model.code(code.parent_id) if code is not None and code.parent_id is not None else None
        self.details.show_code(code, self.model.count(code_id) if code_id is not None else 0,
                               code_display_name(parent) if parent is not None else None)
        self._fit_details(code is None)

    def _fit_details(self, empty: bool = False) -> None:
        """An empty definition pane collapses (the tree gets the height); a short one takes only what it needs."""
        self.details.setVisible(not empty)
        if empty:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        need = self.details.content_height()
        share = min(need, int(total * 0.45))
        self.splitter.setSizes([total - share, share])

    def _on_double_click(self, index: QModelIndex) -> None:
        code_id = index.data(CodeIdRole)
        if code_id is not None:
            self.codeActivated.emit(code_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # type: ignore[override]
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if watched is self.tree and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.tree.state() != QAbstractItemView.State.EditingState:
                    code_id = self.current_code_id()
                    if code_id is not None:
                        self.codeActivated.emit(code_id)
                        return True
            if watched is self.filter_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_first_match()
                return key == Qt.Key.Key_Down or self.current_code_id() is not None
        return super().eventFilter(watched, event)

    def _focus_first_match(self) -> None:
        def first(parent: QModelIndex) -> QModelIndex:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(CodeIdRole) is not None:
                    return index
                found = first(index)
                if found.isValid():
                    return found
            return QModelIndex()

        index = first(QModelIndex())
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self.tree.setFocus()

    # ------------------------------------------------------------------ filter

    def set_filter(self, text: str) -> None:
        """Filter the tree by ``text`` (substring or fuzzy match on code names)."""
        self.filter_edit.setText(text)

    def _apply_filter(self, text: str) -> None:
        text = text.strip()
        if not text:
            before = getattr(self, "_unfiltered_state", None)
            self.proxy.set_allowed(None)
            self.empty_label.hide()
            if before is not None:  # the groups and codes open before filtering open again
                self._unfiltered_state = None
                self.tree.collapseAll()
                self._restore_view_state(before[0], self.current_code_id() or before[1])
            return
        if getattr(self, "_unfiltered_state", None) is None and self.proxy.allowed_is_none():
            self._unfiltered_state = self._view_state()
        names = {c.id: (c.name, c.name_en) for c in self.model.codes()}
        allowed = matching_ids(text, names)
        self.proxy.set_allowed(allowed)
        self.tree.expandAll()
        self.empty_label.setVisible(not allowed)
