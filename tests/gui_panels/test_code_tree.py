"""The code tree panel on a real project: groups, counts, filter, editing through the undo stack."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QLineEdit, QMessageBox

from qda.gui.panels import code_dialogs
from qda.gui.panels.code_model import CODE_MIME, SELECTION_MIME, CodeIdRole, selection_mime
from qda.gui.panels.code_tree import CodeTreePanel
from qda.i18n import set_language

from .helpers import INTERVIEW, save_screenshot, shown, span


@pytest.fixture
def panel(qtbot, fx):
    return shown(qtbot, CodeTreePanel(), (360, 640), fx.project, fx.stack)


def visible_codes(panel) -> list[str]:
    """Names of the codes the tree currently shows (all levels)."""
    names: list[str] = []

    def walk(parent):
        for row in range(panel.proxy.rowCount(parent)):
            index = panel.proxy.index(row, 0, parent)
            if index.data(CodeIdRole) is not None:
                names.append(index.data(Qt.ItemDataRole.DisplayRole))
            walk(index)

    walk(QModelIndex())
    return names


def group_rows(panel) -> dict[str, list[str]]:
    out = {}
    for row in range(panel.proxy.rowCount()):
        group = panel.proxy.index(row, 0)
        out[group.data()] = [panel.proxy.index(r, 0, group).data() for r in range(panel.proxy.rowCount(group))]
    return out


def proxy_index(panel, code_id: int, column: int = 0):
    return panel.proxy.mapFromSource(panel.model.index_of_code(code_id, column))


def accept_message_boxes(monkeypatch) -> list[str]:
    """Make every QMessageBox click its accepting button; returns the texts shown."""
    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()
                return 0
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def choose_in_dialog(monkeypatch, kind: str, key) -> None:
    """Make CodeChoiceDialog select ``(kind, key)`` and accept."""

    def fake_exec(dialog):
        dialog.select(kind, key)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(code_dialogs.CodeChoiceDialog, "exec", fake_exec)


# ---------------------------------------------------------------------- content


def test_three_groups_with_bundled_codes_and_counts(panel, fx, qtbot):
    groups = group_rows(panel)
    assert list(groups) == ["Dimensi Kinerja (Dwiyanto)", "Faktor Pendorong", "Kode Sendiri"]
    assert [len(v) for v in groups.values()] == [5, 10, 0]
    assert "Responsivitas" in groups["Dimensi Kinerja (Dwiyanto)"]
    assert "Kepuasan Kerja" in groups["Faktor Pendorong"]

    fx.code_phrase(fx.interview, "petugas langsung menanggapi", "Responsivitas")
    fx.code_phrase(fx.interview, "Pak Lurah selalu memantau antrean", "Responsivitas")
    fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Kompetensi dan Pelatihan")
    panel.refresh_counts()

    resp = fx.code_id("Responsivitas")
    assert proxy_index(panel, resp, 1).data() == "2"
    assert proxy_index(panel, fx.code_id("Kompetensi dan Pelatihan"), 1).data() == "1"
    assert proxy_index(panel, fx.code_id("Akuntabilitas"), 1).data() == ""  # none yet: left blank
    assert panel.proxy.index(0, 1).data() == "2"  # the dimension group's total
    assert panel.proxy.index(1, 1).data() == "1"


def test_counts_follow_the_undo_stack(panel, fx, qtbot):
    from qda.commands import ApplyCode

    resp = fx.code_id("Responsivitas")
    start, end = span(INTERVIEW, "petugas langsung menanggapi")
    fx.stack.push(ApplyCode(fx.interview.id, start, end, resp))
    qtbot.waitUntil(lambda: proxy_index(panel, resp, 1).data() == "1")
    fx.stack.undo()
    qtbot.waitUntil(lambda: proxy_index(panel, resp, 1).data() == "")


def test_details_show_definition_in_the_interface_language(panel, fx):
    code = fx.project.codes.get("Responsivitas")
    assert panel.select_code(code.id)
    assert panel.current_code_id() == code.id
    html = panel.details.toPlainText()
    assert code.definition_id.split(".")[0] in html
    assert "Kapan digunakan" in html and "Indikator" in html
    assert code.indicators[0] in html
    set_language("en")
    panel.refresh()
    panel._show_details(code.id)
    english = panel.details.toPlainText()
    assert code.definition_en.split(".")[0] in english
    assert "When to use" in english


# ---------------------------------------------------------------------- filter


def test_filter_fuzzy_finds_responsivitas(panel):
    panel.set_filter("responsif")
    shown = visible_codes(panel)
    assert "Responsivitas" in shown
    assert "Akuntabilitas" not in shown and "Kepuasan Kerja" not in shown
    panel.set_filter("")
    assert len(visible_codes(panel)) == 15


def test_filter_substring_and_typo(panel):
    panel.set_filter("kerja")
    assert set(visible_codes(panel)) == {
        "Motivasi dan Semangat Kerja", "Beban Kerja yang Wajar", "Lingkungan Kerja yang Positif", "Kepuasan Kerja",
    }
    panel.set_filter("akuntabilitsa")  # transposed letters still find it
    assert visible_codes(panel) == ["Akuntabilitas"]
    panel.set_filter("zzzz")
    assert visible_codes(panel) == []
    assert panel.empty_label.isVisibleTo(panel)


# ---------------------------------------------------------------------- activation and drops


def test_double_click_and_enter_emit_code_activated(panel, fx, qtbot):
    akun = fx.code_id("Akuntabilitas")
    index = proxy_index(panel, akun)
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    with qtbot.waitSignal(panel.codeActivated) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [akun]

    resp = fx.code_id("Responsivitas")
    panel.select_code(resp)
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.codeActivated) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [resp]


def _drop_on(widget, pos: QPoint, mime: QMimeData, action=Qt.DropAction.CopyAction) -> bool:
    buttons, mods = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(pos.toPointF(), action, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_dropping_a_text_selection_on_a_code(panel, fx, qtbot):
    kual = fx.code_id("Kualitas Layanan")
    start, end = span(INTERVIEW, "selesai dalam satu hari kerja")
    index = proxy_index(panel, kual)
    panel.tree.scrollTo(index)
    pos = panel.tree.visualRect(index).center()
    with qtbot.waitSignal(panel.selectionDroppedOnCode) as blocker:
        _drop_on(panel.tree.viewport(), pos, selection_mime(fx.interview.id, start, end))
    assert blocker.args == [fx.interview.id, start, end, kual]


def test_selection_payload_must_be_a_span_on_a_code(panel, fx):
    bad = QMimeData()
    bad.setData(SELECTION_MIME, b"{not json")
    assert not panel.proxy.canDropMimeData(bad, Qt.DropAction.CopyAction, -1, -1, proxy_index(panel, 1))
    good = selection_mime(fx.interview.id, 3, 9)
    assert panel.proxy.canDropMimeData(good, Qt.DropAction.CopyAction, -1, -1, proxy_index(panel, 1))
    group = panel.proxy.index(0, 0)
    assert not panel.proxy.canDropMimeData(good, Qt.DropAction.CopyAction, -1, -1, group)


# ---------------------------------------------------------------------- editing


def test_create_code_through_dialog_and_undo(panel, fx, qtbot, monkeypatch):
    def fill(dialog):
        dialog.name_edit.setText("Koordinasi Internal")
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("own"))
        dialog.color_button.set_color("#3366cc")
        dialog.definition_id.setPlainText("Kerja sama antarsubbagian dalam menyelesaikan layanan.")
        dialog.indicators.setText("rapat koordinasi, lintas bidang")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(code_dialogs.CodeEditDialog, "exec", fill)
    new_id = panel.create_code()
    code = fx.project.codes.get("Koordinasi Internal")
    assert new_id == code.id
    assert (code.group, code.color, code.parent_id) == ("own", "#3366cc", None)
    assert code.definition_id.startswith("Kerja sama")
    assert code.indicators == ("rapat koordinasi", "lintas bidang")
    assert group_rows(panel)["Kode Sendiri"] == ["Koordinasi Internal"]
    assert panel.current_code_id() == code.id
    assert fx.stack.undo_text == "buat kode Koordinasi Internal"

    fx.stack.undo()
    qtbot.waitUntil(lambda: group_rows(panel)["Kode Sendiri"] == [])
    assert "Koordinasi Internal" not in {c.name for c in fx.project.codes.all()}


def test_new_code_dialog_refuses_a_taken_name(qtbot, fx):
    dialog = code_dialogs.CodeEditDialog(fx.project.codes.all())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name_edit.setText("responsivitas")
    assert not ok.isEnabled()
    dialog.name_edit.setText("Inovasi Layanan")
    assert ok.isEnabled()


def test_insert_key_opens_new_code_dialog_under_the_current_group(panel, fx, qtbot, monkeypatch):
    seen = []

    def spy(dialog):
        seen.append(dialog.group_combo.currentData())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(code_dialogs.CodeEditDialog, "exec", spy)
    panel.select_code(fx.code_id("Kepuasan Kerja"))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Insert)
    assert seen == ["factor"]
    qtbot.keyClick(panel.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["factor", "factor"]


def test_rename_in_place_with_f2_and_undo(panel, fx, qtbot):
    resp = fx.code_id("Responsivitas")
    panel.select_code(resp)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "Responsivitas"
    editor.selectAll()
    qtbot.keyClicks(editor, "Daya Tanggap")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fx.project.codes.get(resp).name == "Daya Tanggap")
    qtbot.waitUntil(lambda: "Daya Tanggap" in visible_codes(panel))
    fx.stack.undo()
    assert fx.project.codes.get(resp).name == "Responsivitas"
    qtbot.waitUntil(lambda: "Responsivitas" in visible_codes(panel))


def test_rename_to_a_taken_name_is_refused_with_a_message(panel, fx, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    resp = fx.code_id("Responsivitas")
    panel._on_rename_requested(resp, "Akuntabilitas")
    assert fx.project.codes.get(resp).name == "Responsivitas"
    assert warnings and "Akuntabilitas" in warnings[0]


def test_recolour_through_color_dialog(panel, fx, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    prod = fx.code_id("Produktivitas")
    old = fx.project.codes.get(prod).color
    panel.select_code(prod)
    panel.act_color.trigger()
    assert fx.project.codes.get(prod).color == "#123456"
    fx.stack.undo()
    assert fx.project.codes.get(prod).color == old


def test_move_through_pindahkan_dialog_and_undo(panel, fx, qtbot, monkeypatch):
    kual, resp = fx.code_id("Kualitas Layanan"), fx.code_id("Responsivitas")
    choose_in_dialog(monkeypatch, "code", kual)
    panel.move_code(resp)
    assert fx.project.codes.get(resp).parent_id == kual
    parent = proxy_index(panel, resp).parent()
    assert parent.data(CodeIdRole) == kual
    fx.stack.undo()
    qtbot.waitUntil(lambda: not proxy_index(panel, resp).parent().data(CodeIdRole))
    assert fx.project.codes.get(resp).parent_id is None


def test_move_to_another_group_top_level(panel, fx, qtbot, monkeypatch):
    beban = fx.code_id("Beban Kerja yang Wajar")
    choose_in_dialog(monkeypatch, "group", "own")
    panel.move_code(beban)
    assert fx.project.codes.get(beban).group == "own"
    assert group_rows(panel)["Kode Sendiri"] == ["Beban Kerja yang Wajar"]


def test_move_by_dragging_a_code_onto_another(panel, fx, qtbot):
    kep, motiv = fx.code_id("Kepuasan Kerja"), fx.code_id("Motivasi dan Semangat Kerja")
    mime = panel.proxy.mimeData([proxy_index(panel, motiv)])
    assert json.loads(bytes(mime.data(CODE_MIME).data())) == {"code_id": motiv}
    target = proxy_index(panel, kep)
    panel.tree.scrollTo(target)
    # a code may not be dropped on itself
    assert not panel.proxy.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, proxy_index(panel, motiv))
    _drop_on(panel.tree.viewport(), panel.tree.visualRect(target).center(), mime, Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: fx.project.codes.get(motiv).parent_id == kep)
    qtbot.waitUntil(lambda: proxy_index(panel, motiv).parent().data(CodeIdRole) == kep)
    assert fx.stack.undo_text.startswith("pindahkan kode")


def test_merge_asks_and_moves_segments(panel, fx, qtbot, monkeypatch):
    resp, akun = fx.code_id("Responsibilitas"), fx.code_id("Akuntabilitas")
    fx.code_phrase(fx.interview, "menegur kalau loket kosong", "Responsibilitas")
    fx.code_phrase(fx.observation, "mencari berkas secara manual", "Responsibilitas")
    panel.refresh_counts()
    choose_in_dialog(monkeypatch, "code", akun)
    shown = accept_message_boxes(monkeypatch)
    panel.merge_code(resp)
    assert len(shown) == 1 and "2 segmen" in shown[0] and "Akuntabilitas" in shown[0]
    assert "Responsibilitas" not in {c.name for c in fx.project.codes.all()}
    assert len(fx.project.segments.all(code=akun)) == 2
    assert proxy_index(panel, akun, 1).data() == "2"
    fx.stack.undo()
    assert len(fx.project.segments.all(code=resp)) == 2
    assert len(fx.project.segments.all(code=akun)) == 0


def test_delete_code_with_segments_says_how_many(panel, fx, qtbot, monkeypatch):
    ling = fx.code_id("Lingkungan Kerja yang Positif")
    for phrase in ("Ruang tunggu panas", "kipas angin tidak berfungsi", "antrean di loket pelayanan"):
        fx.code_phrase(fx.observation, phrase, "Lingkungan Kerja yang Positif")
    panel.refresh_counts()

    # cancelled: nothing changes
    asked = []

    def cancel(box):
        asked.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    panel.delete_code(ling)
    assert "3 segmen" in asked[0]
    assert len(fx.project.segments.all(code=ling)) == 3

    shown = accept_message_boxes(monkeypatch)
    panel.select_code(ling)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "3 segmen" in shown[0]
    assert "Lingkungan Kerja yang Positif" not in {c.name for c in fx.project.codes.all()}
    assert fx.project.segments.all(document=fx.observation) == []
    assert "Lingkungan Kerja yang Positif" not in visible_codes(panel)

    fx.stack.undo()
    assert len(fx.project.segments.all(code=ling)) == 3
    qtbot.waitUntil(lambda: proxy_index(panel, ling, 1).data() == "3")


def test_delete_code_without_segments_needs_no_question(panel, fx, monkeypatch):
    def fail(box):
        raise AssertionError("no question expected: " + box.text())

    monkeypatch.setattr(QMessageBox, "exec", fail)
    pen = fx.code_id("Penghargaan atas Kinerja")
    panel.delete_code(pen)
    assert "Penghargaan atas Kinerja" not in visible_codes(panel)
    fx.stack.undo()
    panel.refresh()
    assert "Penghargaan atas Kinerja" in visible_codes(panel)


def test_screenshot(panel, fx):
    fx.code_phrase(fx.interview, "petugas langsung menanggapi", "Responsivitas")
    fx.code_phrase(fx.interview, "Surat pengantar biasanya selesai dalam satu hari kerja", "Produktivitas")
    fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Kompetensi dan Pelatihan")
    fx.code_phrase(fx.observation, "Ruang tunggu panas", "Sumber Daya dan Sarana Prasarana")
    fx.project.codes.add("Koordinasi Internal", group="own", color="#5c6bc0",
                        definition_id="Kerja sama antarsubbagian dalam menyelesaikan layanan (kode ilustratif).")
    panel.refresh()
    panel.tree.expandAll()
    panel.select_code(fx.code_id("Responsivitas"))
    save_screenshot(panel, "panel_code_tree")


def test_context_menu_offers_every_action_and_subcode_creation(panel, fx, monkeypatch):
    kual = fx.code_id("Kualitas Layanan")
    menu = panel.context_menu(proxy_index(panel, kual))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Terapkan ke teks terpilih", "Tampilkan segmen", "Kode baru…", "Subkode baru…", "Ganti nama", "Warna…",
                     "Pindahkan ke…", "Gabungkan ke…", "Hapus"]
    assert panel.current_code_id() == kual

    def fill(dialog):
        assert dialog.parent_combo.currentData() == kual
        dialog.name_edit.setText("Kejelasan Prosedur")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(code_dialogs.CodeEditDialog, "exec", fill)
    next(a for a in menu.actions() if a.text() == "Subkode baru…").trigger()
    child = fx.project.codes.get("Kejelasan Prosedur")
    assert (child.parent_id, child.group) == (kual, "dimension")
    assert proxy_index(panel, child.id).parent().data(CodeIdRole) == kual

    group_menu = panel.context_menu(panel.proxy.index(2, 0))
    assert group_menu.actions()[0].text() == "Kode baru di kelompok ini…"


def test_group_details_and_new_code_dialog_screenshot(panel, fx, qtbot):
    fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Kompetensi dan Pelatihan")
    panel.refresh_counts()
    panel.tree.setCurrentIndex(panel.proxy.index(1, 0))
    assert panel.current_code_id() is None
    text = panel.details.toPlainText()
    assert "Faktor Pendorong" in text and "10 kode, 1 segmen" in text
    assert not panel.act_delete.isEnabled() and panel.act_new.isEnabled()

    dialog = code_dialogs.CodeEditDialog(fx.project.codes.all(), group="factor", color="#7986cb")
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Koordinasi Lintas Bidang")
    dialog.parent_combo.setCurrentIndex(dialog.parent_combo.findText("Kepemimpinan yang Efektif"))
    dialog.definition_id.setPlainText("Kerja sama antarbidang dalam menyelesaikan layanan (contoh ilustratif).")
    dialog.show()
    qtbot.waitExposed(dialog)
    values = dialog.values()
    assert values["group"] == "factor" and values["parent"] == fx.code_id("Kepemimpinan yang Efektif")
    save_screenshot(dialog, "panel_code_new_dialog")


def test_dropping_a_subcode_on_another_group(panel, fx, qtbot):
    kual, beban = fx.code_id("Kualitas Layanan"), fx.code_id("Beban Kerja yang Wajar")
    fx.project.codes.move(beban, kual)  # start as a subcode of a dimension
    panel.refresh()
    mime = panel.proxy.mimeData([proxy_index(panel, beban)])
    own_group = panel.proxy.index(2, 0)
    assert panel.proxy.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, own_group)
    panel.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, own_group)
    qtbot.waitUntil(lambda: fx.project.codes.get(beban).group == "own")
    assert fx.project.codes.get(beban).parent_id is None
    assert group_rows(panel)["Kode Sendiri"] == ["Beban Kerja yang Wajar"]
    fx.stack.undo()  # the group change
    fx.stack.undo()  # leaving the parent
    assert (fx.project.codes.get(beban).parent_id, fx.project.codes.get(beban).group) == (kual, "dimension")


def test_moving_a_code_under_its_own_subcode_is_refused_with_a_message(panel, fx, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    kual, resp = fx.code_id("Kualitas Layanan"), fx.code_id("Responsivitas")
    fx.project.codes.move(resp, kual)
    panel.refresh()
    panel._move(kual, resp, "dimension")  # what a stale drop could ask for
    assert fx.project.codes.get(kual).parent_id is None
    assert warnings and "Kualitas Layanan" in warnings[0]


def test_a_500_code_codebook_keeps_its_hierarchy_and_filters(qtbot, fx):
    parents = []
    with fx.project.atomic():
        for i in range(485):
            parent = parents[i // 5] if i >= 5 else None  # a tree five codes wide at each level
            parents.append(fx.project.codes.add(f"Inovasi Layanan {i + 1}", parent=parent).id)
    panel = CodeTreePanel()
    qtbot.addWidget(panel)
    panel.set_project(fx.project, fx.stack)
    assert len(panel.model.codes()) == 500
    deep = parents[-1]
    depth, index = 0, proxy_index(panel, deep)
    while index.parent().isValid():
        depth, index = depth + 1, index.parent()
    assert depth == 4  # group > 3 ancestors > the code
    panel.set_filter("Inovasi Layanan 485")
    assert visible_codes(panel)[-1] == "Inovasi Layanan 485"
    assert set(visible_codes(panel)) == {fx.project.codes.get(i).name for i in [deep, *_ancestors(fx, deep)]}
    fx.code_phrase(fx.interview, "Pelatihan hanya sekali setahun", "Inovasi Layanan 485")
    panel.refresh_counts()
    assert proxy_index(panel, deep, 1).data() == "1"


def _ancestors(fx, code_id):
    out, code = [], fx.project.codes.get(code_id)
    while code.parent_id is not None:
        out.append(code.parent_id)
        code = fx.project.codes.get(code.parent_id)
    return out


def test_delete_one_segment_speaks_english_singular(panel, fx, qtbot, monkeypatch):
    from qda.i18n import set_language

    ling = fx.code_id("Lingkungan Kerja yang Positif")
    fx.code_phrase(fx.observation, "Ruang tunggu panas", "Lingkungan Kerja yang Positif")
    panel.refresh_counts()
    asked: list[tuple[str, list[str]]] = []

    def cancel(box):
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    set_language("en")
    try:
        panel.delete_code(ling)
    finally:
        set_language("id")
    text, buttons = asked[0]
    assert "1 segment coded with it will be deleted" in text and "1 segments" not in text
    assert "Delete 1 segment" in buttons


def test_new_code_dialog_offers_the_colour_the_store_would_pick(panel, fx, monkeypatch):
    from qda.domain import GROUPS, next_color

    seen = []

    def spy(dialog):
        seen.append((dialog.color_button.color(),
                     [dialog.group_combo.itemData(i) for i in range(dialog.group_combo.count())]))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(code_dialogs.CodeEditDialog, "exec", spy)
    panel.create_code()
    assert seen == [(next_color(c.color for c in fx.project.codes.all()), list(GROUPS))]
