"""The coder panel: whose codings are shown, with each coder's role and segment count.

``CoderPanel(parent=None)``; ``set_project(project)``; ``visible_coder_ids() -> set[int]``;
signal ``visibilityChanged(set)`` with the ids of the visible coders. Every coder is
visible by default (a view never hides codings silently); when some are hidden the panel
says in a highlighted line how many segments of how many coders are hidden. Additions to
the interface: ``refresh()`` reloads coders and counts (call it after coding),
``set_visible(ids)``, ``show_all()``, ``only_me()`` and ``is_counting()`` (the counts are
computed on a worker thread, as reading every segment of a big project takes a moment).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qda.domain import role_label
from qda.i18n import tr, trn
from qda.gui.workers import Job, start_job

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CoderPanel(QWidget):
    """A checkable list of the project's coders."""

    visibilityChanged = Signal(set)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self._hidden: set[int] = set()
        self._counts: Counter[int] = Counter()
        self._updating = False
        self._job: Job | None = None
        self._generation = 0

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([tr("Pengode"), tr("Peran"), tr("Segmen")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._on_item_changed)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_all_button = QPushButton(tr("Tampilkan semua"))
        self.show_all_button.clicked.connect(self.show_all)
        self.only_me_button = QPushButton(tr("Hanya saya"))
        self.only_me_button.setToolTip(tr("Tampilkan hanya segmen yang Anda kodekan"))
        self.only_me_button.clicked.connect(self.only_me)

        buttons = QHBoxLayout()
        buttons.addWidget(self.show_all_button)
        buttons.addWidget(self.only_me_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self._update_summary()

    # ------------------------------------------------------------------ project

    def set_project(self, project: Any) -> None:
        """List the coders of ``project``, all visible."""
        self.project = project
        self._hidden = set()
        self._counts = Counter()
        self._generation += 1  # counts of a previous project arriving late are ignored
        self._job = None
        self.refresh()
        self.visibilityChanged.emit(self.visible_coder_ids())

    def refresh(self) -> None:
        """Reload the coders now and their segment counts on a worker thread (hidden coders stay hidden)."""
        self._updating = True
        self.tree.clear()
        coders = list(self.project.coders.all()) if self.project is not None else []
        me = self.project.coders.current.id if self.project is not None and coders else None
        known = {c.id for c in coders}
        self._hidden &= known
        for coder in coders:
            name = coder.name + (" " + tr("(Anda)") if coder.id == me else "")
            count = str(self._counts[coder.id]) if coder.id in self._counts else "…"
            item = QTreeWidgetItem([name, role_label(coder.role), count])
            item.setData(0, _ID_ROLE, coder.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked if coder.id in self._hidden else Qt.CheckState.Checked)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, tr("Centang untuk menampilkan segmen {name}", name=coder.name))
            self.tree.addTopLevelItem(item)
        self._updating = False
        self._count_segments()
        self._update_summary()

    def _count_segments(self) -> None:
        # every segment is read to count them per coder: on a big project that takes a
        # moment, so it runs off the GUI thread; a newer refresh supersedes an older one
        if self.project is None:
            self._counts = Counter()
            return
        self._generation += 1
        generation = self._generation
        project = self.project

        def work(_progress):
            return Counter(project.coders.counts())

        self._job = start_job(work, lambda counts: self._on_counted(generation, counts),
                              lambda message: self._on_count_failed(generation, message))

    def _on_counted(self, generation: int, counts: Counter) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._counts = counts
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            item.setText(2, str(counts.get(item.data(0, _ID_ROLE), 0)))
        self._update_summary()

    def _on_count_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._job = None
            self.summary.setText(tr("Jumlah segmen tidak dapat dihitung: {message}", message=message))

    def is_counting(self) -> bool:
        """True while the segment counts are being computed."""
        return self._job is not None

    # ------------------------------------------------------------------ visibility

    def _all_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, _ID_ROLE) for i in range(self.tree.topLevelItemCount())]

    def visible_coder_ids(self) -> set[int]:
        """Ids of the coders whose segments are shown."""
        return {i for i in self._all_ids() if i not in self._hidden}

    def hidden_segment_count(self) -> int:
        """Segments of the hidden coders."""
        return sum(self._counts.get(i, 0) for i in self._hidden)

    def set_visible(self, ids: Iterable[int]) -> None:
        """Show exactly the coders ``ids``."""
        wanted = set(ids)
        self._hidden = {i for i in self._all_ids() if i not in wanted}
        self._updating = True
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            visible = item.data(0, _ID_ROLE) not in self._hidden
            item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        self._updating = False
        self._changed()

    def show_all(self) -> None:
        """Show every coder's segments."""
        self.set_visible(self._all_ids())

    def only_me(self) -> None:
        """Show only the current coder's segments."""
        if self.project is not None:
            self.set_visible({self.project.coders.current.id})

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        coder_id = item.data(0, _ID_ROLE)
        if item.checkState(0) == Qt.CheckState.Checked:
            self._hidden.discard(coder_id)
        else:
            self._hidden.add(coder_id)
        self._changed()

    def _changed(self) -> None:
        self._update_summary()
        self.visibilityChanged.emit(self.visible_coder_ids())

    def _update_summary(self) -> None:
        self.show_all_button.setEnabled(bool(self._hidden))
        plain = "color:#5f6b7a; padding:3px"
        warning = "background:#fff4d6; border:1px solid #e0b84f; border-radius:4px; padding:4px; color:#5a4300"
        self.summary.setStyleSheet(warning if self._hidden else plain)
        if self._job is not None:
            if self._hidden:
                self.summary.setText(trn("Segmen dari {coders} pengode disembunyikan (menghitung jumlahnya…).",
                                        coders=len(self._hidden)))
            else:
                self.summary.setText(tr("Menghitung segmen…"))
            return
        total = sum(self._counts.values())
        if not self._hidden:
            self.summary.setText(tr("Semua segmen ditampilkan ({n}).", n=total))
        else:
            self.summary.setText(
                tr("{hidden} dari {total} disembunyikan ({coders} tidak dicentang).",
                   hidden=self.hidden_segment_count(), total=trn("{n} segmen", n=total),
                   coders=trn("{n} pengode", n=len(self._hidden)))
            )
