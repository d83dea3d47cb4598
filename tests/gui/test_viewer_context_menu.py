"""The viewer's context menu acts on the coding under the cursor: remove, recode, memo, review."""

from __future__ import annotations

import pytest
from workbench_support import END, START, TEXT, read_segments

pytestmark = pytest.mark.gui


def _coding(window, name="Akuntabilitas"):
    code_id = window.project.codes.get(name).id
    return window.coding.apply_span(window.view.document_id, START, END, code_id)


def _actions(menu):
    return {a.text(): a for a in menu.actions() if not a.isSeparator()}


def test_menu_names_the_coding_under_the_cursor_in_baris_and_removes_it(window, project_file):
    sid = _coding(window)
    menu = window.view_menu(START + 3)
    acts = _actions(menu)
    assert "Akuntabilitas · baris 3" in acts  # the third non-empty paragraph of TEXT
    assert not acts["Akuntabilitas · baris 3"].isEnabled()
    assert acts["Hapus segmen"].isEnabled() and not acts["Telaah…"].isVisible()  # a coder does not review
    acts["Hapus segmen"].trigger()
    assert read_segments(project_file) == []
    window.undo.undo_action.trigger()  # removing from the menu is undoable like every action
    assert [s[:2] for s in read_segments(project_file)] == [(START, END)]
    assert window.view.segments_at(START + 3) != [] and sid is not None


def test_no_coding_section_where_nothing_is_coded(window):
    _coding(window)
    acts = _actions(window.view_menu(TEXT.index("Judul")))
    assert "Hapus segmen" not in acts and "Salin" in acts


def test_recode_and_memo_from_the_menu(window, project_file, monkeypatch):
    _coding(window)
    produktivitas = window.project.codes.get("Produktivitas").id
    monkeypatch.setattr(window, "_pick_code", lambda recent: produktivitas)
    _actions(window.view_menu(START))["Ganti kode…"].trigger()
    assert [s[2] for s in read_segments(project_file)] == ["Produktivitas"]
    _actions(window.view_menu(START))["Memo segmen…"].trigger()
    assert window.memo.target() == ("segment", window.view.segments_at(START)[0])
    assert "Produktivitas" in window.memo.subheading.text()


def test_a_supervisor_reviews_from_the_menu(window, project_file, monkeypatch):
    from qda.gui import review_dialog

    sid = _coding(window)
    window.project.coders.set_current("Pak Budi", "supervisor")
    monkeypatch.setattr(review_dialog.ReviewDialog, "exec", lambda self: True)
    monkeypatch.setattr(review_dialog.ReviewDialog, "status", "approved", raising=False)
    monkeypatch.setattr(review_dialog.ReviewDialog, "comment", "", raising=False)
    acts = _actions(window.view_menu(START))
    assert acts["Telaah…"].isVisible() and acts["Telaah…"].isEnabled()
    acts["Telaah…"].trigger()
    assert window.project.reviews.latest_statuses().get(sid) == "approved"


def test_several_segments_under_the_cursor_get_one_submenu_each(window, project_file):
    _coding(window, "Akuntabilitas")
    _coding(window, "Produktivitas")
    menu = window.view_menu(START + 3)
    subs = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert sorted(m.title().split(" · ")[0] for m in subs) == ["Akuntabilitas", "Produktivitas"]
    assert all(m.title().split(" · ")[1] == "baris 3" for m in subs)
    acts = {a.text(): a for a in subs[0].actions()}
    code = subs[0].title().split(" · ")[0]
    acts["Hapus segmen"].trigger()
    assert [s[2] for s in read_segments(project_file)] == [c for c in ("Akuntabilitas", "Produktivitas") if c != code]
