"""The memo panel writes memos to the project through the undo stack."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLineEdit

from qda.dates import format_datetime
from qda.sources.lines import LineIndex

from qda.gui.panels import memo_panel
from qda.gui.panels.memo_panel import MemoPanel

from .helpers import save_screenshot, shown


@pytest.fixture
def panel(qtbot, fx):
    return shown(qtbot, MemoPanel(), (380, 520), fx.project, fx.stack)


def test_project_memo_saved_after_a_pause_in_typing(panel, fx, qtbot, monkeypatch):
    assert panel.heading.text() == "Memo proyek"
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Fokus: kecepatan layanan surat di kelurahan.")
    assert panel.status.text() == "Belum tersimpan…"
    assert fx.project.memos.get(None) is None  # not yet: the idle timer has not fired
    qtbot.waitUntil(lambda: fx.project.memos.get(None) == "Fokus: kecepatan layanan surat di kelurahan.", timeout=4000)
    assert panel.status.text().startswith("Tersimpan · Rina Wulandari · ")  # who wrote it and when
    assert fx.stack.undo_text == "ubah memo"


def test_memo_saved_on_focus_out(panel, fx, qtbot):
    other = QLineEdit()
    panel.layout().addWidget(other)
    code = fx.project.codes.get("Responsivitas")
    panel.show_target(code)
    assert panel.heading.text() == "Memo kode: Responsivitas"
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Banyak informan menyebut grup WhatsApp.")
    other.setFocus()
    qtbot.waitUntil(lambda: fx.project.memos.get(code) == "Banyak informan menyebut grup WhatsApp.", timeout=1000)


def test_switching_target_saves_the_previous_memo(panel, fx, qtbot):
    panel.show_target(fx.interview)
    assert panel.heading.text() == "Memo sumber: wawancara_01_warga.txt"
    panel.editor.setPlainText("Informan tampak terbuka; wawancara lancar.")
    panel.show_target(fx.observation)
    assert fx.project.memos.get(fx.interview) == "Informan tampak terbuka; wawancara lancar."
    assert panel.editor.toPlainText() == ""
    panel.show_target(fx.interview)
    assert panel.editor.toPlainText() == "Informan tampak terbuka; wawancara lancar."


def test_segment_memo_heading_quotes_the_excerpt(panel, fx):
    seg = fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Kompetensi dan Pelatihan")
    panel.show_target(seg)
    assert panel.heading.text() == "Memo segmen: «Pelatihan hanya sekali setahun»"
    assert "Kompetensi dan Pelatihan" in panel.subheading.text()
    assert "wawancara_01_warga.txt" in panel.subheading.text()
    text = fx.project.documents.text(fx.interview)
    seg_baris = LineIndex(text).span(seg.start, seg.end)
    assert f"baris {seg_baris[0]}" in panel.subheading.text() and "posisi" not in panel.subheading.text()
    panel.editor.setPlainText("Bandingkan dengan data pelatihan BKPSDM.")
    assert panel.save()
    assert fx.project.memos.get(seg) == "Bandingkan dengan data pelatihan BKPSDM."
    assert not panel.save()  # nothing new to save: no extra undo step


def test_undo_restores_the_memo_in_the_editor(panel, fx):
    panel.editor.setPlainText("versi pertama")
    panel.save()
    panel.editor.setPlainText("versi kedua")
    panel.save()
    fx.stack.undo()
    assert fx.project.memos.get(None) == "versi pertama"
    assert panel.editor.toPlainText() == "versi pertama"


def test_list_of_all_memos_and_jumping(panel, fx, qtbot):
    fx.project.memos.set(None, "Catatan umum")
    fx.project.memos.set(fx.observation, "Observasi pagi hari, antrean panjang.")
    code = fx.project.codes.get("Akuntabilitas")
    fx.project.memos.set(code, "Kode ini jarang muncul.")
    panel.refresh_list()
    assert panel.memo_entries() == [("project", 0), ("document", fx.observation.id), ("code", code.id)]
    assert panel.list_label.text() == "Semua memo (3)"
    item = panel.memo_list.item(2)
    title, target, byline = item.text().split("\n")
    assert (title, target) == ("Kode ini jarang muncul.", "Kode · Akuntabilitas")  # title, what it is about
    memo = next(m for m in fx.project.memos.all() if m.target_kind == "code")
    assert byline == f"Rina Wulandari · {format_datetime(memo.modified)}"  # author and date
    assert re.fullmatch(r"Rina Wulandari · \d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}, \d\d\.\d\d",
                        byline)
    with qtbot.waitSignal(panel.targetActivated) as blocker:
        rect = panel.memo_list.visualItemRect(item)
        qtbot.mouseClick(panel.memo_list.viewport(), memo_panel.Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["code", code.id]
    assert panel.heading.text() == "Memo kode: Akuntabilitas"
    assert panel.editor.toPlainText() == "Kode ini jarang muncul."


def test_deleted_target_falls_back_to_project_memo(panel, fx):
    code = fx.project.codes.add("Kode Sementara")
    panel.show_target(code)
    fx.project.codes.delete(code)
    panel.show_target(("code", code.id))
    assert panel.target() == ("project", 0)


def test_screenshot(panel, fx):
    fx.project.memos.set(None, "Fokus penelitian: kinerja pelayanan surat di kelurahan (memo ilustratif).")
    fx.project.memos.set(fx.interview, "Informan terbuka; menyebut grup WhatsApp sebagai saluran keluhan.")
    seg = fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Kompetensi dan Pelatihan")
    fx.project.memos.set(seg, "Bandingkan dengan jadwal diklat BKPSDM.")
    code = fx.project.codes.get("Responsivitas")
    panel.show_target(code)
    panel.editor.setPlainText(
        "Responsivitas paling sering muncul dalam cerita tentang keluhan warga.\n\n"
        "Pertanyaan: apakah respons cepat lewat WhatsApp tercatat dalam SOP?"
    )
    panel.save()
    save_screenshot(panel, "panel_memo")
