"""The page shown when no project is open: recent projects, New, Open, Open demo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QMenu,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qda.i18n import tr

STYLE = """
#welcome { background: #f4f6f9; }
#card { background: white; border: 1px solid #dfe3ea; border-radius: 10px; }
#title { color: #1f3b5c; }
#subtitle { color: #5b6573; }
#note { color: #5f6b7a; }
QPushButton#primary { background: #1f5fa8; color: white; border: none; border-radius: 6px;
                      padding: 9px 18px; font-weight: bold; }
QPushButton#primary:hover { background: #2a70c2; }
QPushButton#secondary { background: white; color: #1f3b5c; border: 1px solid #c6ceda;
                        border-radius: 6px; padding: 9px 18px; }
QPushButton#secondary:hover { background: #eef2f8; }
QListWidget { border: none; background: white; }
QListWidget::item { padding: 8px 6px; border-bottom: 1px solid #eef0f3; }
QListWidget::item:selected { background: #e4edf9; color: #1f3b5c; }
"""


def _short_folder(folder: Path) -> str:
    """The folder with the home directory written as ``~``."""
    try:
        return "~/" + str(folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)


class WelcomePage(QWidget):
    """Start page; emits what the user picked, the main window acts on it."""

    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentActivated = Signal(str)
    recentRemoved = Signal(str)  # the user took a project off the recent list (the file is not touched)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("card")
        card.setMinimumWidth(760)
        card.setMaximumWidth(900)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        body = QHBoxLayout(card)
        body.setContentsMargins(36, 32, 36, 32)
        body.setSpacing(36)
        left = QVBoxLayout()
        title = QLabel("qda")
        title.setObjectName("title")
        f = QFont(title.font())
        f.setPointSizeF(f.pointSizeF() * 2.6)
        f.setBold(True)
        title.setFont(f)
        subtitle = QLabel(tr("Analisis data kualitatif dan campuran untuk penelitian kinerja pelayanan publik"))
        subtitle.setObjectName("subtitle")
        subtitle.setWordWrap(True)
        left.addWidget(title)
        left.addWidget(subtitle)
        left.addSpacing(18)
        self.new_button = QPushButton(tr("Proyek baru…"))
        self.new_button.setObjectName("primary")
        self.open_button = QPushButton(tr("Buka proyek…"))
        self.open_button.setObjectName("secondary")
        self.demo_button = QPushButton(tr("Buka proyek demo"))
        self.demo_button.setObjectName("secondary")
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            left.addWidget(b)
        note = QLabel(tr("Proyek demo berisi transkrip wawancara ilustratif (nama dan peristiwa rekaan)."))
        note.setObjectName("note")
        note.setWordWrap(True)
        left.addSpacing(6)
        left.addWidget(note)
        left.addStretch(1)
        body.addLayout(left, 2)

        right = QVBoxLayout()
        recent_title = QLabel(tr("Proyek terakhir"))
        rf = QFont(recent_title.font())
        rf.setBold(True)
        rf.setPointSizeF(rf.pointSizeF() * 1.15)
        recent_title.setFont(rf)
        right.addWidget(recent_title)
        self.recent_list = QListWidget()
        self.recent_list.setMinimumHeight(260)
        self.empty_label = QLabel(tr("Belum ada proyek yang dibuka."))
        self.empty_label.setObjectName("note")
        right.addWidget(self.recent_list, 1)
        right.addWidget(self.empty_label)
        body.addLayout(right, 3)

        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        # itemActivated covers double-click and Enter (and single click where the style says so);
        # itemDoubleClicked as well would open the project twice
        self.recent_list.itemActivated.connect(self._activated)
        self.recent_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent_list.customContextMenuRequested.connect(self._recent_menu)
        self.recent_list.installEventFilter(self)  # Delete removes the selected entry
        self._pending = ""

    def set_recent(self, paths: list[str]) -> None:
        """Show ``paths`` (newest first); missing files are listed greyed out."""
        self.recent_list.clear()
        for p in paths:
            path = Path(p)
            item = QListWidgetItem(f"{path.stem}\n{_short_folder(path.parent)}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(p)
            if not path.exists():  # greyed, not openable, but selectable so it can be removed from the list
                item.setForeground(QColor("#5f6b7a"))
                item.setText(f"{path.stem}  ({tr('berkas tidak ditemukan')})\n{_short_folder(path.parent)}")
                item.setToolTip(tr("{path}\nBerkas tidak ditemukan. Klik kanan atau tekan Delete untuk menghapusnya "
                                   "dari daftar.", path=p))
            self.recent_list.addItem(item)
        self.empty_label.setVisible(not paths)

    def recent_menu(self, item: QListWidgetItem) -> QMenu:
        """Right-click menu of a recent project: open it (when the file exists) or remove it from the list."""
        menu = QMenu(self.recent_list)
        path = item.data(Qt.ItemDataRole.UserRole)
        opener = menu.addAction(tr("Buka"))
        opener.setEnabled(Path(path).exists())
        opener.triggered.connect(lambda _=False, it=item: self._activated(it))
        remove = menu.addAction(tr("Hapus dari daftar"))
        remove.triggered.connect(lambda _=False, p=path: self.recentRemoved.emit(p))
        return menu

    def _recent_menu(self, pos: Any) -> None:
        item = self.recent_list.itemAt(pos)
        if item is not None:
            self.recent_menu(item).exec(self.recent_list.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.recent_list and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)

    def remove_current(self) -> None:
        """Take the selected project off the recent list (Delete)."""
        item = self.recent_list.currentItem()
        if item is not None:
            self.recentRemoved.emit(item.data(Qt.ItemDataRole.UserRole))

    def _activated(self, item: QListWidgetItem | None) -> None:
        """Open the project once the click has been handled (opening rebuilds this list)."""
        from PySide6.QtCore import QTimer

        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not path or not Path(path).exists() or self._pending:
            return
        self._pending = path
        QTimer.singleShot(0, self._emit_pending)

    def _emit_pending(self) -> None:
        path, self._pending = self._pending, ""
        if path:
            self.recentActivated.emit(path)
