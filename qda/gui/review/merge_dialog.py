"""File > Merge: the preview of what merging a coder's copy adds, finds the same, or finds in conflict.

The preview is a dry run of :func:`qda.review.merge.merge_projects`; each conflict that
has a choice gets a drop-down (ambiguous codes must be answered before merging).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from qda.gui.dialog_buttons import ok_cancel
from qda.i18n import tr
from qda.review.merge import MergePlan

KIND_WORDS = {"code_ambiguous": "kode bernama sama di kelompok lain", "code_renamed": "kode diganti nama berbeda",
              "code_changed": "definisi/warna kode berbeda", "memo_text": "memo diubah berbeda",
              "memo_target": "dua memo untuk hal yang sama", "document_text": "teks sumber berbeda",
              "coding_changed": "koding diubah berbeda", "attribute": "nilai atribut berbeda"}
CHOICE_WORDS = {"map": "pakai kode yang ada", "new": "tambah sebagai kode baru", "keep": "pertahankan milik proyek ini",
                "theirs": "ambil dari berkas lain", "both": "gabungkan keduanya", "skip": "lewati (tidak digabung)"}
ROWS = (("documents", "documents", "Dokumen"), ("codes", "codes", "Kode"), ("codings", "codings", "Koding"),
        ("memos", "memos", "Memo"), ("reviews", "reviews", "Telaah"), ("revised_marks", "revised_marks",
                                                                          "Tanda sudah direvisi"),
        ("coders", "coders", "Pengode"), ("cases", "cases", "Kasus"))


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    return item


class MergePreviewDialog(QDialog):
    """Shows a merge plan; after ``exec()``, :meth:`resolutions` holds the answers chosen."""

    def __init__(self, plan: MergePlan, other: str | Path, target: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Gabungkan proyek — pratinjau"))
        self.resize(820, 560)
        head = QLabel(tr("Menggabungkan <b>{other}</b> ke <b>{target}</b>. Dokumen dicocokkan menurut isi teksnya, "
                         "kode menurut identitas lalu kelompok + nama, koding menurut dokumen + rentang + kode + "
                         "pengode.", other=html.escape(Path(other).name), target=html.escape(Path(target).name)))
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        self.counts = QTableWidget(len(ROWS), 4)
        self.counts.setHorizontalHeaderLabels([tr("Jenis"), tr("Baru"), tr("Sudah ada"), tr("Dilewati")])
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        new = plan.new_counts()
        for i, (key, same_key, label) in enumerate(ROWS):
            self.counts.setItem(i, 0, _cell(tr(label)))
            self.counts.setItem(i, 1, _cell(str(new.get(key, 0)), True))
            self.counts.setItem(i, 2, _cell(str(plan.same.get(same_key, 0)), True))
            self.counts.setItem(i, 3, _cell(str(plan.skipped.get(key, 0)), True))
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.counts.setFixedHeight(self.counts.verticalHeader().defaultSectionSize() * len(ROWS)
                                   + self.counts.horizontalHeader().sizeHint().height() + 6)
        self.conflicts = QTableWidget(len(plan.conflicts), 5)
        self.conflicts.setHorizontalHeaderLabels([tr("Konflik"), tr("Nama"), tr("Di proyek ini"), tr("Di berkas lain"),
                                                  tr("Tindakan")])
        self.conflicts.verticalHeader().hide()
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.choice_boxes: dict[str, QComboBox] = {}
        for i, c in enumerate(plan.conflicts):
            self.conflicts.setItem(i, 0, _cell(tr(KIND_WORDS.get(c.kind, c.kind))))
            self.conflicts.setItem(i, 1, _cell(c.name))
            self.conflicts.setItem(i, 2, _cell(c.target))
            self.conflicts.setItem(i, 3, _cell(c.other))
            if len(c.choices) > 1:
                box = QComboBox()
                if c.resolution is None:
                    box.addItem(tr("— pilih —"), None)
                for choice in c.choices:
                    box.addItem(tr(CHOICE_WORDS[choice]), choice)
                if c.resolution is not None:
                    box.setCurrentIndex(box.findData(c.resolution))
                box.currentIndexChanged.connect(self._check)
                self.choice_boxes[c.key] = box
                self.conflicts.setCellWidget(i, 4, box)
            else:
                self.conflicts.setItem(i, 4, _cell(tr(CHOICE_WORDS.get(c.choices[0], c.choices[0]))))
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((200, 150, 130, 130)):
            self.conflicts.setColumnWidth(col, width)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = ok_cancel(self, tr("Gabungkan"))
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(tr("Konflik ({n}):", n=len(plan.conflicts)) if plan.conflicts else tr("Tidak ada konflik.")))
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._check()

    def resolutions(self) -> dict[str, str]:
        return {key: box.currentData() for key, box in self.choice_boxes.items() if box.currentData() is not None}

    def _check(self) -> None:
        missing = [k for k, box in self.choice_boxes.items() if box.currentData() is None]
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if missing:
            self.status.setText(tr("Pilih tindakan untuk setiap kode ambigu sebelum menggabungkan."))
            ok.setEnabled(False)
        elif self.plan.adds_nothing and not self.resolutions():
            self.status.setText(tr("Tidak ada yang baru: proyek ini sudah memuat semuanya."))
            ok.setEnabled(True)
        else:
            self.status.setText(tr("Penggabungan ditulis dalam satu transaksi: bila gagal, proyek tidak berubah."))
            ok.setEnabled(True)
