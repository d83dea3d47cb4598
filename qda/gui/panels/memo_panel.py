"""The memo panel: write the memo of the project, a document, a code or a coded segment.

``MemoPanel(parent=None)``; ``set_project(project, undo_stack)``; ``show_target(target)``
with target None (the project memo), a ``Document``, ``Code`` or ``Segment`` record (or a
``(kind, id)`` pair, kind one of "document", "code", "segment", "case"). Signal
``targetActivated(str kind, int id)`` when the user picks a memo in the list of all memos
(kind "project" comes with id 0).

The text is saved through ``qda.commands.SetMemo`` on the undo stack when the editor loses
focus and after a short pause in typing (``SAVE_DELAY_MS``), and before another target is
shown, so nothing typed is lost. Addition to the interface: ``save()`` writes a pending
change at once (call it before closing the project); ``target()`` returns the shown target
as ``(kind, id)`` (``("project", 0)`` for the project memo).
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QHBoxLayout,
    QWidget,
)

from qda.errors import NotFound, QdaError
from qda.i18n import tr, trn
from qda.gui.panels.html_delegate import HtmlDelegate, HtmlRole, light_selection

#: Pause in typing after which the memo is saved.
SAVE_DELAY_MS = 1200

_KIND_LABELS = {
    "project": "Proyek",
    "document": "Sumber",
    "code": "Kode",
    "segment": "Segmen",
    "case": "Kasus",
}
_ROLE = Qt.ItemDataRole.UserRole + 1


def target_key(target: Any) -> tuple[str, int]:
    """``(kind, id)`` of a memo target given as None, a store record or a ``(kind, id)`` pair."""
    from qda.store import Case, Code, Document, Segment

    if target is None:
        return ("project", 0)
    for cls, kind in ((Document, "document"), (Code, "code"), (Segment, "segment"), (Case, "case")):
        if isinstance(target, cls):
            return (kind, int(target.id))
    if isinstance(target, tuple) and len(target) == 2:
        kind, ident = target
        return (str(kind), int(ident or 0))
    raise TypeError(f"cannot show a memo for {target!r}")


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class HeadingLabel(QLabel):
    """A one-line heading: a long title is cut at its end (the whole of it in the tooltip), so the
    memo editor below keeps its height in a narrow column."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(60)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip(text)

    def shown_text(self) -> str:
        """The text as painted (elided to the label's width)."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(10, self.contentsRect().width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())


class MemoPanel(QWidget):
    """Heading, plain-text memo editor and the list of all memos of the project."""

    targetActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.undo_stack: Any = None
        self._target: tuple[str, int] = ("project", 0)
        self._saved_text = ""
        self._loading = False

        self.heading = HeadingLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() + 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setStyleSheet("color:#5f6b7a")
        self.subheading.setWordWrap(True)
        self.project_button = QPushButton(tr("Memo proyek"))
        self.project_button.setToolTip(tr("Tampilkan memo proyek"))
        self.project_button.clicked.connect(lambda: self._activate(("project", 0)))

        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(tr("Tulis gagasan analitis, temuan sementara, atau pertanyaan di sini…"))
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.installEventFilter(self)
        self.status = QLabel()
        self.status.setStyleSheet("color:#6b7785")

        self.list_label = QLabel(tr("Semua memo"))
        self.list_label.setStyleSheet("font-weight:600")
        self.memo_list = QListWidget()
        self.memo_list.setWordWrap(True)
        self.memo_list.setItemDelegate(HtmlDelegate(self.memo_list))
        light_selection(self.memo_list)
        self.memo_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.memo_list.itemActivated.connect(self._on_item_activated)
        self.memo_list.itemClicked.connect(self._on_item_activated)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)

        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.project_button, 0, Qt.AlignmentFlag.AlignVCenter)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(3)
        top_layout.addLayout(head)
        top_layout.addWidget(self.subheading)
        top_layout.addWidget(self.editor, 1)
        top_layout.addWidget(self.status)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.setSpacing(3)
        bottom_layout.addWidget(self.list_label)
        bottom_layout.addWidget(self.memo_list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._show_nothing()

    # ------------------------------------------------------------------ project

    def set_project(self, project: Any, undo_stack: Any) -> None:
        """Show the project memo of ``project``; memos are saved through ``undo_stack``."""
        self.save()
        self.project = project
        self.undo_stack = undo_stack
        if undo_stack is not None and hasattr(undo_stack, "add_listener"):
            undo_stack.add_listener(self._make_listener(undo_stack))
        if project is None:
            self._show_nothing()
            return
        self.editor.setReadOnly(bool(getattr(project, "read_only", False)))
        self._load(("project", 0))

    def _make_listener(self, stack: Any) -> Callable[[], None]:
        def listener() -> None:
            try:
                if self.undo_stack is stack:
                    self._on_stack_changed()
            except RuntimeError:  # the panel was deleted
                pass

        return listener

    def _on_stack_changed(self) -> None:
        # after undo/redo of a memo change, show what the project now holds (unless typing)
        if self.project is None:
            return
        if self.editor.toPlainText() == self._saved_text:
            stored = self._stored_text(self._target)
            if stored != self._saved_text:
                self._set_editor_text(stored)
        self.refresh_list()

    def _show_nothing(self) -> None:
        self._set_editor_text("")
        self.heading.setText(tr("Memo"))
        self.subheading.setText(tr("Belum ada proyek yang dibuka."))
        self.editor.setEnabled(False)
        self.memo_list.clear()

    # ------------------------------------------------------------------ target

    def target(self) -> tuple[str, int]:
        """The shown memo's target as ``(kind, id)``."""
        return self._target

    def show_target(self, target: Any) -> None:
        """Save the current memo, then show the memo of ``target`` (None: the project)."""
        self.save()
        if self.project is not None:
            self._load(target_key(target))

    def _load(self, key: tuple[str, int]) -> None:
        try:
            title, detail = self._describe(key)
        except NotFound:
            key = ("project", 0)
            title, detail = self._describe(key)
        self._target = key
        self.heading.setText(title)
        self.subheading.setText(detail)
        self.editor.setEnabled(True)
        self._set_editor_text(self._stored_text(key))
        self.refresh_list()

    def _store_target(self, key: tuple[str, int]) -> Any:
        return None if key[0] == "project" else key

    def _stored_text(self, key: tuple[str, int]) -> str:
        return self.project.memos.get(self._store_target(key)) or ""

    def _set_editor_text(self, text: str) -> None:
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self._saved_text = text
        self._timer.stop()
        self._update_status()

    def _describe(self, key: tuple[str, int]) -> tuple[str, str]:
        """Heading and detail line for a memo target."""
        kind, ident = key
        p = self.project
        if kind == "project":
            name = getattr(p, "path", None)
            return tr("Memo proyek"), tr("Memo untuk seluruh penelitian · {file}", file=getattr(name, "name", ""))
        if kind == "document":
            doc = p.documents.get(ident)
            return tr("Memo sumber: {name}", name=doc.name), trn("{words} kata", words=doc.words)
        if kind == "code":
            code = p.codes.get(ident)
            return tr("Memo kode: {name}", name=code.name), tr("Makna kode ini dan cara menerapkannya")
        if kind == "segment":
            seg = p.segments.get(ident)
            code = p.codes.get(seg.code_id)
            doc = p.documents.get(seg.document_id)
            return (
                tr("Memo segmen: «{text}»", text=_short(p.segments.text(seg), 60)),
                f"{code.name} · {doc.name} · {self._baris(seg)}",
            )
        if kind == "case":
            case = p.cases.get(ident)
            return tr("Memo kasus: {name}", name=case.name), ""
        raise NotFound(kind)

    def _baris(self, seg: Any) -> str:
        """``baris 45–52`` of a coding (the numbering citations use), never raw offsets."""
        from qda.sources.lines import line_span

        first, last = line_span(self.project.documents.text(seg.document_id), seg.start, seg.end)
        return tr("baris {line}", line=first) if first == last else tr("baris {first}–{last}", first=first, last=last)

    def _byline(self, memo: Any) -> str:
        """``Dewi Anggraini · 5 Des 2026, 18.07``: who wrote the memo last and when."""
        from qda.dates import format_datetime

        author = ""
        if memo.coder_id is not None:
            try:
                author = self.project.coders.get(memo.coder_id).name
            except (NotFound, AttributeError):
                author = ""
        when = format_datetime(memo.modified)
        return " · ".join(part for part in (author, when) if part)

    def _current_memo(self) -> Any:
        kind, ident = self._target
        for memo in self.project.memos.all():
            if memo.target_kind == kind and int(memo.target_id or 0) == ident:
                return memo
        return None

    # ------------------------------------------------------------------ saving

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._timer.start()
        self._update_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # type: ignore[override]
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.save()
        return super().eventFilter(watched, event)

    def is_dirty(self) -> bool:
        """True when the editor holds text not yet saved."""
        return self.editor.toPlainText() != self._saved_text

    def save(self) -> bool:
        """Write the edited memo through ``SetMemo`` if it changed; True when something was saved."""
        self._timer.stop()
        if self.project is None or self.undo_stack is None or not self.is_dirty():
            return False
        if getattr(self.project, "read_only", False):
            return False
        from qda.commands import SetMemo

        text = self.editor.toPlainText()
        try:
            self.undo_stack.push(SetMemo(self._store_target(self._target), text))
        except QdaError as exc:
            QMessageBox.warning(self, tr("Memo tidak tersimpan"), str(exc))
            return False
        self._saved_text = text
        self._update_status()
        self.refresh_list()
        return True

    def _update_status(self) -> None:
        if self.project is None:
            self.status.setText("")
        elif self.is_dirty():
            self.status.setText(tr("Belum tersimpan…"))
        elif self._saved_text:
            memo = self._current_memo()
            byline = self._byline(memo) if memo is not None else ""
            self.status.setText(tr("Tersimpan · {byline}", byline=byline) if byline else tr("Tersimpan"))
        else:
            self.status.setText(tr("Memo kosong"))

    # ------------------------------------------------------------------ list

    def refresh_list(self) -> None:
        """Reload the list of all memos from the project."""
        self.memo_list.clear()
        if self.project is None:
            return
        memos = self.project.memos.all()
        for memo in memos:
            key = (memo.target_kind, int(memo.target_id or 0))
            try:
                title = self._list_title(key)
            except NotFound:
                continue
            first = _short(memo.text.strip().split("\n", 1)[0], 90)  # the memo's title: its first line
            kind = tr(_KIND_LABELS.get(key[0], key[0]))
            label = kind if key[0] == "project" else f"{kind} · {title}"
            byline = self._byline(memo)
            item = QListWidgetItem(f"{first}\n{label}\n{byline}")
            item.setData(_ROLE, key)
            marker = "▸ " if key == self._target else ""
            item.setData(
                HtmlRole,
                f"<div style='font-weight:600'>{marker}{escape(first)}</div>"
                f"<div style='color:#3d4752'>{escape(label)}</div>"
                f"<div style='color:#5f6b7a'>{escape(byline)}</div>",
            )
            item.setToolTip(memo.text[:500])
            self.memo_list.addItem(item)
        self.list_label.setText(tr("Semua memo ({n})", n=len(memos)))

    def _list_title(self, key: tuple[str, int]) -> str:
        kind, ident = key
        p = self.project
        if kind == "project":
            return tr("proyek")
        if kind == "document":
            return p.documents.get(ident).name
        if kind == "code":
            return p.codes.get(ident).name
        if kind == "segment":
            return "«" + _short(p.segments.text(ident), 40) + "»"
        if kind == "case":
            return p.cases.get(ident).name
        raise NotFound(kind)

    def memo_entries(self) -> list[tuple[str, int]]:
        """The targets listed, in order, as ``(kind, id)``."""
        return [self.memo_list.item(i).data(_ROLE) for i in range(self.memo_list.count())]

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self._activate(tuple(item.data(_ROLE)))

    def _activate(self, key: tuple[str, int]) -> None:
        if self.project is None:
            return
        self.show_target(key if key[0] != "project" else None)
        self.targetActivated.emit(key[0], key[1])
