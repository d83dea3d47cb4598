"""Bantuan: the list of keyboard shortcuts and a short guide to a day of coding, in the interface language."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
                               QWidget)

from qda.i18n import tr


def _keys_without_action() -> list[tuple[str, str]]:
    """Keys the viewer handles itself (no menu action carries them)."""
    return [
        (tr("Terapkan kode terakhir ke-1 … ke-9 pada teks terpilih"), "1 … 9"),
        (tr("Buka menu konteks segmen di bawah kursor"), tr("Klik kanan")),
        (tr("Hapus proyek terpilih dari daftar proyek terakhir"), "Delete"),
    ]


def shortcut_rows(window: Any) -> list[tuple[str, str]]:
    """``(what, keys)`` for every action of ``window`` that has a shortcut, then the viewer's own keys."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for act in window.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts() if not k.isEmpty()]
        text = act.text().replace("&", "").strip()
        if not keys or not text or text in seen:
            continue
        seen.add(text)
        rows.append((text, ", ".join(keys)))
    rows.sort(key=lambda r: r[0].casefold())
    return rows + _keys_without_action()



def _lay_out(dialog: QDialog, content: QWidget, size: tuple[int, int]) -> None:
    """``content`` above a Close button, the dialog at ``size``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    dialog.resize(*size)

class ShortcutsDialog(QDialog):
    """A table of every keyboard shortcut."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Pintasan papan ketik"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([tr("Perintah"), tr("Tombol")])
        for i, (what, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        _lay_out(self, self.table, (560, 520))


def guide_html() -> str:
    """The short guide: from a new project to a report, one paragraph per step."""
    steps = [
        (tr("Proyek"), tr("Berkas › Proyek baru membuat satu berkas .qda berisi buku kode bawaan. Semua pekerjaan "
                          "tersimpan otomatis; cadangan dibuat di folder yang sama.")),
        (tr("Sumber"), tr("Berkas › Impor sumber membaca transkrip .txt, .md, .rtf, .docx, .odt atau .pdf. Baris "
                          "dihitung per paragraf berisi, sama untuk setiap format.")),
        (tr("Koding"), tr("Pilih teks, lalu seret ke sebuah kode, tekan Ctrl+K (kode cepat) atau angka 1–9 untuk "
                          "kode terakhir. Klik kanan sebuah segmen untuk menghapus, mengganti kode, menulis memo "
                          "atau menelaahnya.")),
        (tr("Memo"), tr("Ctrl+M membuka memo untuk proyek, sumber, kode atau segmen yang sedang dipilih. Segmen "
                        "bermemo ditandai ✎ di samping garisnya.")),
        (tr("Telaah"), tr("Pembimbing membuka proyek dengan peran pembimbing lalu memberi putusan Setujui, Revisi "
                          "atau Tolak pada setiap segmen.")),
        (tr("Laporan"), tr("Berkas › Ekspor laporan menulis dokumen Word dengan kutipan dan sitasi (baris 45–52); "
                           "Ekspor kutipan menulis tabel Excel/CSV.")),
    ]
    parts = [f"<h2>{html.escape(tr('Panduan singkat qda'))}</h2>"]
    for title, text in steps:
        parts.append(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>")
    parts.append(f"<p>{html.escape(tr('Istilah yang dipakai dijelaskan di docs/glossary.md.'))}</p>")
    return "".join(parts)


class GuideDialog(QDialog):
    """The short guide."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Panduan singkat"))
        self.browser = QTextBrowser(self)
        self.browser.setHtml(guide_html())
        _lay_out(self, self.browser, (620, 560))
