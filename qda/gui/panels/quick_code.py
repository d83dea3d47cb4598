"""The quick-code picker: type a few letters, press Enter, the code is chosen.

``QuickCodeDialog(project, recent_code_ids, parent)``; ``exec()``; then ``chosen_code_id``
(None if cancelled or a new code was asked for) and ``new_code_name`` (set when the user
picked "Buat kode baru: «…»"; the caller creates the code, e.g. with ``CreateCode``).
The window builds the picker once and calls :meth:`QuickCodeDialog.prepare` before each
``exec()``: the codes are read again (a code added, renamed or recoloured since is listed as
it is now) and the list items of unchanged codes are reused.

With an empty query the recent codes come first, then every code in tree order. Typing
lists the codes the code tree's filter shows for the same words
(:func:`qda.gui.panels.fuzzy.best_matches`: names starting with the query first, then word
prefixes, substrings, and rapidfuzz near misses such as "responsif" for Responsivitas).
The best existing code is preselected, so Enter never creates a code by accident:
"Buat kode baru" is the last entry, never preselected, and is chosen only by moving to it
or with Ctrl+Enter. Up/Down move through the list while typing, Enter or a double-click
chooses, Esc cancels.
"""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from qda.i18n import tr, trn
from qda.gui.panels.code_model import code_display_name, group_display_name
from qda.gui.panels.fuzzy import best_matches
from qda.gui.panels.swatch import swatch_icon

_ROLE = Qt.ItemDataRole.UserRole + 1  # ("code", id) | ("new", name)


class QuickCodeDialog(QDialog):
    """A small popup listing codes that match what is typed.

    A popup like a completion list: the window it opens over stays the active window (so
    nothing there is repainted when it opens or closes); a click outside cancels it.
    """

    def __init__(self, project: Any, recent_code_ids: Iterable[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.chosen_code_id: int | None = None
        self.new_code_name: str | None = None
        self._project: Any = None
        self._codes: list[Any] = []
        self._by_id: dict[int, Any] = {}
        self._counts: dict[int, int] | None = None
        self._recent: list[int] = []
        self._names: dict[int, tuple[str, str]] = {}
        self._read_only = False
        self._items: dict[int, QListWidgetItem] = {}  # one per code, reused while the code is unchanged
        self._shown: list[Any] = []  # what the list holds: ("code", id) | ("new", name) | ("header", text)
        self._before: QWidget | None = None  # embedded: where the keys go again once a choice is made
        self._opened = 0  # counts openings: a hide meant for an earlier choice leaves a newer one open

        frame = QFrame(self)
        frame.setObjectName("quickFrame")
        frame.setStyleSheet(
            "#quickFrame{background:palette(base); border:1px solid #8a99ab; border-radius:6px}"
            "QLineEdit{padding:5px; font-size:11pt}"
            "QListWidget{border:0}"
            "QListWidget::item{padding:3px 2px}"
        )
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("Ketik nama kode…"))
        self.edit.installEventFilter(self)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(QSize(14, 14))
        self.list.itemActivated.connect(self._choose_item)
        self.list.itemDoubleClicked.connect(self._choose_item)
        self.list.currentItemChanged.connect(self._show_hint)
        self.hint = QLabel()
        self.hint.setStyleSheet("color:#5f6b7a; padding:0 4px 2px 4px")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.setSpacing(4)
        inner.addWidget(self.edit)
        inner.addWidget(self.list)
        inner.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.setWindowTitle(tr("Kode cepat"))
        self.resize(380, 340)
        self.edit.textChanged.connect(self._update)
        self.prepare(project, recent_code_ids)

    def embed(self, host: QWidget) -> None:
        """Open inside ``host`` from now on, as a panel over its contents instead of a window of its own:
        no window is made, activated or deactivated, so opening and closing the picker repaints only the
        part of ``host`` it covers. Keys go to the picker while it is open (the host's shortcuts wait) and a
        click outside it cancels it, as with a popup."""
        self.setParent(host, Qt.WindowType.Widget)
        # opaque: a keystroke repaints the picker alone, not the text and stripes under it
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.hide()
        self.list.installEventFilter(self)

    def place(self, point: QPoint, above: int = 0) -> None:
        """Put the picker's top-left corner at ``point`` (the host's coordinates when embedded, the screen's
        otherwise); embedded, it stays inside the host, going ``above`` pixels higher when there is no room
        below."""
        if self.isWindow():
            self.move(point)
            return
        host = self.parentWidget()
        x = max(0, min(point.x(), host.width() - self.width()))
        y = point.y()
        if y + self.height() > host.height():
            y = point.y() - above - self.height()
        self.move(x, max(0, min(y, host.height() - self.height())))

    def choose(self) -> int:
        """Show the picker and wait for the choice; returns ``exec()``'s result.

        Unlike ``exec()`` the window behind is not made modal: the picker takes the keys and the
        mouse anyway, and blocking the window would have every widget in it repainted twice."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        embedded = not self.isWindow()
        self._before = QApplication.focusWidget() if embedded else None
        try:
            self.setResult(QDialog.DialogCode.Rejected)
            self._opened += 1
            if embedded:
                QApplication.instance().installEventFilter(self)
                self.raise_()
            self.show()
            if embedded:  # the text under the picker keeps its focus look, as under a popup
                self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
            if self.isVisible():
                loop.exec()
        finally:
            self.finished.disconnect(loop.quit)
            if embedded:
                QApplication.instance().removeEventFilter(self)
        return self.result()

    def done(self, result: int) -> None:
        """Embedded, the choice is made at once and the picker goes a moment later: the part of the host
        it covered is repainted together with what the choice changes there, in one paint."""
        if self.isWindow() or not self.isVisible():
            super().done(result)
            return
        before, self._before = self._before, None
        if before is not None:  # back where the keys were, before the picker hides (no other widget in between)
            before.setFocus(Qt.FocusReason.PopupFocusReason)
        self.setResult(result)
        opened = self._opened
        # queued ahead of the repaint the choice causes: hidden in the same paint as the new highlight
        QTimer.singleShot(0, self, lambda: self.hide() if self._opened == opened else None)
        self.finished.emit(result)
        (self.accepted if result == QDialog.DialogCode.Accepted else self.rejected).emit()

    def prepare(self, project: Any, recent_code_ids: Iterable[int] = ()) -> None:
        """Ready the picker for another choice: empty query, the project's codes as they are now."""
        self.chosen_code_id = None
        self.new_code_name = None
        codes = list(project.codes.all())
        if project is not self._project or codes != self._codes:
            self._set_codes(codes)
        self._project = project
        self._counts = None  # read when a hint needs them
        self._recent = [i for i in dict.fromkeys(recent_code_ids) if i in self._by_id]
        self._read_only = bool(getattr(project, "read_only", False))
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self._update("")
        if self.isWindow():
            self.edit.setFocus()

    def _set_codes(self, codes: list[Any]) -> None:
        self._take_all()
        self._items = {}
        self._codes = codes
        self._by_id = {c.id: c for c in codes}
        self._names = {c.id: (c.name, c.name_en) for c in codes}

    # ------------------------------------------------------------------ listing

    def _add_code(self, code_id: int) -> None:
        item = self._items.get(code_id)
        if item is None:
            code = self._by_id[code_id]
            item = QListWidgetItem(swatch_icon(code.color), code_display_name(code))
            item.setData(_ROLE, ("code", code_id))
            self._items[code_id] = item
        self.list.addItem(item)

    def _take_all(self) -> None:
        """Empty the list, keeping the code items for the next listing (headers and offers are dropped)."""
        self.list.setCurrentRow(-1)
        for row in reversed(range(self.list.count())):
            item = self.list.takeItem(row)
            data = item.data(_ROLE) if item is not None else None
            if item is not None and (data is None or data[0] != "code" or self._items.get(data[1]) is not item):
                del item  # not kept: freed with its Python wrapper
        self._shown = []

    def _add_new(self, name: str) -> None:
        item = QListWidgetItem(tr("Buat kode baru: «{name}»", name=name))
        item.setData(_ROLE, ("new", name))
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QColor("#2e6db4"))
        self.list.addItem(item)

    def _add_header(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setForeground(QColor("#6b7785"))
        font = QFont(item.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        item.setFont(font)
        self.list.addItem(item)

    def _entries(self, query: str) -> list[Any]:
        """What the list shows for ``query``: ``("code", id)``, ``("new", name)`` and ``("header", text)``."""
        out: list[Any] = []
        if not query:
            if self._recent:
                out.append(("header", tr("Terakhir dipakai")))
                out.extend(("code", code_id) for code_id in self._recent)
                out.append(("header", tr("Semua kode")))
            out.extend(("code", code.id) for code in self._codes if code.id not in self._recent)
            return out
        matches = best_matches(query, self._names)
        folded = query.casefold()
        exact = any(folded in (n.casefold() for n in names if n) for names in self._names.values())
        recent_rank = {cid: i for i, cid in enumerate(self._recent)}
        # among equally good matches, a recently used code goes first
        matches.sort(key=lambda m: (m.tier, -round(m.score), recent_rank.get(m.code_id, len(recent_rank))))
        out.extend(("code", m.code_id) for m in matches)
        if not exact and not self._read_only:
            out.append(("new", query))  # last, and never preselected: creating a code is a deliberate step
        return out

    def _update(self, text: str) -> None:
        entries = self._entries(text.strip())
        if entries != self._shown:  # another letter often lists the same codes: the list stays
            self._take_all()
            for kind, value in entries:
                if kind == "code":
                    self._add_code(value)
                elif kind == "new":
                    self._add_new(value)
                else:
                    self._add_header(value)
            self._shown = entries
        self._select_first()

    def _select_first(self) -> None:
        """Preselect the best existing code; with none, nothing (Enter then does nothing)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            data = item.data(_ROLE)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled and data is not None and data[0] == "code":
                self.list.setCurrentRow(row)
                return
        self.list.setCurrentRow(-1)
        self._show_hint(None)

    def _show_hint(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        data = item.data(_ROLE) if item is not None else None
        if data is None:
            if self._new_name() is not None:
                self.hint.setText(tr("Tidak ada kode yang cocok · Ctrl+Enter: buat kode baru"))
            else:
                self.hint.setText(tr("Tidak ada kode yang cocok"))
        elif data[0] == "new":
            self.hint.setText(tr("Enter: buat kode sendiri yang baru"))
        else:
            code = self._by_id[data[1]]
            if self._counts is None:
                self._counts = self._project.codes.counts()
            self.hint.setText(
                trn("{group} · {n} segmen · Enter untuk memilih",
                   group=group_display_name(code.group), n=self._counts.get(code.id, 0))
            )

    # ------------------------------------------------------------------ choosing

    def visible_entries(self) -> list[tuple[str, Any]]:
        """What the list shows, as ``("code", id)`` / ``("new", name)`` pairs (headers left out)."""
        out = []
        for row in range(self.list.count()):
            data = self.list.item(row).data(_ROLE)
            if data is not None:
                out.append(tuple(data))
        return out

    def _new_name(self) -> str | None:
        """The name the "Buat kode baru" entry offers, if it is listed."""
        for row in range(self.list.count()):
            data = self.list.item(row).data(_ROLE)
            if data is not None and data[0] == "new":
                return str(data[1])
        return None

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        data = item.data(_ROLE) if item is not None else None
        if data is None:
            return
        kind, value = data
        if kind == "code":
            self.chosen_code_id, self.new_code_name = int(value), None
        else:
            self.chosen_code_id, self.new_code_name = None, str(value)
        self.accept()

    def reject(self) -> None:  # Esc
        self.chosen_code_id = None
        self.new_code_name = None
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # type: ignore[override]
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and watched in (self.edit, self.list) and not self.isWindow():
            event.accept()  # embedded: every key is the picker's, none triggers the host's shortcuts
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and not self.isWindow() \
                and self.isVisible() and isinstance(watched, QWidget) and watched.isWidgetType():
            if watched is not self and not self.isAncestorOf(watched):
                self.reject()  # a click outside cancels, as it does a popup
                return True
            return False
        if watched is self.edit and kind == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._step(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
                    name = self._new_name()  # Ctrl+Enter: the deliberate way to make a new code
                    if name is not None:
                        self.chosen_code_id, self.new_code_name = None, name
                        self.accept()
                    return True
                self._choose_item(self.list.currentItem() if self.list.currentRow() >= 0 else None)
                return True
        return super().eventFilter(watched, event)

    def _step(self, key: int) -> None:
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
        row = self.list.currentRow()
        count = self.list.count()
        direction = 1 if step > 0 else -1
        target = max(0, min(count - 1, row + step))
        # skip the non-selectable headers
        while 0 <= target < count and not (self.list.item(target).flags() & Qt.ItemFlag.ItemIsEnabled):
            target += direction
        if 0 <= target < count:
            self.list.setCurrentRow(target)
