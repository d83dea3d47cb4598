"""Edit mode of the document viewer, the "perlu dicek" list, and the anonymise dialog.

Edit mode swaps the read-only view for a plain text editor with its own undo (Ctrl+Z
inside the editor undoes typing). *Simpan* stores the whole edit as one step of the
project's undo stack (:class:`qda.editing.EditText`); the core re-anchors the codings and
flags the uncertain ones, which the "perlu dicek" list then shows with the old excerpt
beside the candidate.
"""

from __future__ import annotations

import html
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter, QTextBrowser,
                               QVBoxLayout, QWidget)

from qda.gui.dialog_buttons import ok_cancel
from qda.gui.flow_layout import FlowLayout
from qda.i18n import tr

REASONS = {"changed": "teksnya berubah", "deleted": "teksnya dihapus", "collision": "bertabrakan dengan koding lain",
           "ambiguous": "ditemukan di lebih dari satu tempat"}


class EditPanel(QWidget):
    """A bar saying edit mode is on, the editor, and Save / Cancel."""

    saveRequested = Signal(str)
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_id: int | None = None
        self._original = ""
        bar = QWidget()
        bar.setStyleSheet("QWidget { background: #fff4d6; } QLabel { color: #5c4400; }")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton(tr("Simpan suntingan"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Batal"))
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.info, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        self.editor = QPlainTextEdit()
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        font = QFont(self.editor.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(10)
        pal = self.editor.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor("#fffdf5"))
        self.editor.setPalette(pal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.editor, 1)
        self.save_button.clicked.connect(lambda: self.saveRequested.emit(self.editor.toPlainText()))
        self.cancel_button.clicked.connect(self.cancelRequested.emit)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save_button.click)
        QShortcut(QKeySequence("Escape"), self, activated=self.cancel_button.click)
        self.editor.document().modificationChanged.connect(lambda _m: self._update_info())

    def start(self, document_id: int, name: str, text: str, codings: int) -> None:
        """Begin editing ``text`` (the editor's undo history starts empty)."""
        self.document_id = document_id
        self._original = text
        self._name, self._codings = name, codings
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.editor.setFocus()
        self._update_info()

    def modified(self) -> bool:
        return self.editor.toPlainText() != self._original

    def _update_info(self) -> None:
        text = tr("Mode sunting: {doc}. Ketikan dapat dibatalkan dengan Ctrl+Z di sini; saat disimpan, "
                  "{n} segmen dipindahkan mengikuti perubahan dan yang tidak pasti masuk daftar Perlu dicek. "
                  "Teks lama disimpan sebagai versi.", doc=self._name, n=self._codings)
        self.info.setText(text)
        self.save_button.setEnabled(self.editor.document().isModified())


class AnchorChecksPanel(QWidget):
    """Codings an edit could not place with confidence, each with its old excerpt beside the candidate."""

    showRequested = Signal(int, int, int)  # document id, start, end of the candidate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self._push: Callable[[Any], Any] | None = None
        self._selection: Callable[[], tuple[int, int, int] | None] | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # the old excerpt beside the candidate, scrollable however narrow the dock is
        self.compare = QTextBrowser()
        self.compare.setOpenLinks(False)
        self.compare.setMinimumHeight(90)
        self.accept_button = QPushButton(tr("Terima kandidat"))
        self.place_button = QPushButton(tr("Pakai pilihan di teks"))
        self.remove_button = QPushButton(tr("Hapus segmen"))
        button_row = QWidget()
        buttons = FlowLayout(button_row)  # wraps in a narrow dock instead of widening the window
        for b in (self.accept_button, self.place_button, self.remove_button):
            buttons.addWidget(b)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.compare)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.list.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(button_row)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemActivated.connect(lambda *_: self._reveal())
        self.accept_button.clicked.connect(lambda: self._resolve("accepted"))
        self.place_button.clicked.connect(lambda: self._resolve("moved"))
        self.remove_button.clicked.connect(lambda: self._resolve("removed"))
        self.refresh()

    def set_project(self, project: Any, push: Callable[[Any], Any] | None = None,
                    selection: Callable[[], tuple[int, int, int] | None] | None = None) -> None:
        """Follow ``project``; ``push`` runs an undoable command, ``selection`` gives (doc, start, end)."""
        self.project, self._push, self._selection = project, push, selection
        self.refresh()

    def count(self) -> int:
        return self.list.count()

    def refresh(self) -> None:
        """Re-read the open flags (keeps the selected one when it is still open)."""
        current = self.current_flag_id()
        self.list.clear()
        flags = self.project.versions.flags() if self.project is not None else []
        names = self.project.documents.names() if flags else {}
        codes = self.project.codes.names() if flags else {}
        for flag in flags:
            seg = self.project.segments.get(flag.segment_id)
            item = QListWidgetItem(tr("{doc} · {code} · {reason}", doc=names.get(flag.document_id, "?"),
                                      code=codes.get(seg.code_id, "?"), reason=tr(REASONS.get(flag.reason,
                                                                                              flag.reason))))
            item.setData(Qt.ItemDataRole.UserRole, flag.id)
            item.setToolTip(flag.old_text)
            self.list.addItem(item)
            if flag.id == current:
                self.list.setCurrentItem(item)
        if flags and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.summary.setText(tr("{n} segmen perlu dicek setelah teks disunting.", n=len(flags)) if flags else
                             tr("Tidak ada segmen yang perlu dicek."))
        self._show_current()

    def current_flag_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_current(self) -> None:
        fid = self.current_flag_id()
        has = fid is not None and self.project is not None and not self.project.read_only
        for b in (self.accept_button, self.place_button, self.remove_button):
            b.setEnabled(has)
        if fid is None:
            self.compare.clear()
            return
        flag = self.project.versions.flag(fid)
        candidate = self.project.segments.text(flag.segment_id)
        cell = "<td width='50%' valign='top' style='padding:4px; background:{bg}'><b>{head}</b><br>{body}</td>"
        self.compare.setHtml(
            "<table width='100%' cellspacing='4'><tr>"
            + cell.format(bg="#fdecec", head=html.escape(tr("Teks lama")), body=html.escape(flag.old_text))
            + cell.format(bg="#eaf5ea", head=html.escape(tr("Kandidat (skor {s})", s=round(flag.score))),
                          body=html.escape(candidate))
            + "</tr></table>")

    def _reveal(self) -> None:
        fid = self.current_flag_id()
        if fid is None:
            return
        seg = self.project.segments.get(self.project.versions.flag(fid).segment_id)
        self.showRequested.emit(seg.document_id, seg.start, seg.end)

    def _resolve(self, status: str) -> None:
        from qda.editing import ResolveFlag

        fid = self.current_flag_id()
        if fid is None or self._push is None:
            return
        span = None
        if status == "moved":
            picked = self._selection() if self._selection else None
            flag = self.project.versions.flag(fid)
            if picked is None or picked[0] != flag.document_id:
                self.summary.setText(tr("Pilih dulu teks yang tepat di sumber {doc}, lalu klik lagi.",
                                        doc=self.project.documents.get(flag.document_id).name))
                return
            span = (picked[1], picked[2])
        self._push(ResolveFlag(fid, status, span))


class AnonymiseDialog(QDialog):
    """Which name (and other spellings) becomes which case code, in this source or all."""

    def __init__(self, doc_name: str | None, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Samarkan nama"))
        self.names = QLineEdit()
        self.names.setMinimumWidth(320)
        self.names.setPlaceholderText(tr("mis. Ratna Dewi Kusumawati; Ratna"))
        self.code = QLineEdit(suggestion)
        self.code.setPlaceholderText(tr("mis. INF-03"))
        self.all_sources = QCheckBox(tr("di semua sumber"))
        self.all_sources.setChecked(doc_name is None)
        self.all_sources.setEnabled(doc_name is not None)
        form = QFormLayout()
        form.addRow(tr("Nama (pisahkan ejaan lain dengan ;)"), self.names)
        form.addRow(tr("Ganti dengan kode kasus"), self.code)
        form.addRow("", self.all_sources)
        note = QLabel(tr("Nama diganti di teks, nama sumber, atributnya, atribut kasusnya dan memo pada sumber "
                         "dan segmennya. Segmen ikut bergeser; satu langkah yang dapat diurungkan."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(ok_cancel(self, tr("Samarkan")))

    def values(self) -> tuple[list[str], str, bool]:
        names = [n.strip() for n in self.names.text().split(";") if n.strip()]
        return names, self.code.text().strip(), self.all_sources.isChecked()
