"""File › Impor buku kode: a template's codes come into an open project as one undoable step."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.gui


def _sako_names() -> list[str]:
    from qda.codebook import codebook_template_path, load_codebook

    return [c.name for c in load_codebook(codebook_template_path("sako")).codes]


def _choose(monkeypatch, index: int, file: str = "") -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    def get_item(parent, title, label, items, current, editable):
        return items[index], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (file, "")))


def test_sako_template_is_added_undone_and_redone(window, monkeypatch):
    from qda.gui import project_flow

    before = {c.name for c in window.project.codes.all()}
    expected = [n for n in _sako_names() if n.casefold() not in {b.casefold() for b in before}]
    assert expected  # the Sako indicators are not in the Dwiyanto codebook
    _choose(monkeypatch, 1)  # dwiyanto, sako, file…
    assert window.act_codebook_import.isEnabled()
    assert project_flow.ask_import_codebook(window) == len(expected)
    after = {c.name: c for c in window.project.codes.all()}
    assert set(after) == before | set(expected)
    assert str(len(expected)) in window.statusBar().currentMessage()
    ids = {after[n].id: after[n].uuid for n in expected}
    window.undo.undo_action.trigger()
    assert {c.name for c in window.project.codes.all()} == before
    window.undo.redo_action.trigger()
    again = {c.id: c.uuid for c in window.project.codes.all() if c.name in expected}
    assert again == ids  # redo puts back the same codes, not new ones
    assert project_flow.ask_import_codebook(window) == 0  # everything is there already
    assert "sudah ada" in window.statusBar().currentMessage()


def test_codebook_file_and_a_bad_file(window, monkeypatch, tmp_path):
    from qda.gui import project_flow

    good = tmp_path / "buku.json"
    good.write_text(json.dumps({"name": "Buku uji", "version": 1, "groups": [{"key": "own", "name_id": "Sendiri",
                                                                              "name_en": "Own"}],
                                "codes": [{"name": "Keluhan warga", "group": "own", "color": "#123456"}]}),
                    encoding="utf-8")
    _choose(monkeypatch, 2, str(good))
    assert project_flow.ask_import_codebook(window) == 1
    assert "Keluhan warga" in {c.name for c in window.project.codes.all()}
    bad = tmp_path / "rusak.json"
    bad.write_text("{ bukan json", encoding="utf-8")
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    _choose(monkeypatch, 2, str(bad))
    n = len(window.project.codes.all())
    assert project_flow.ask_import_codebook(window) is None
    assert errors and "rusak.json" in errors[0] and len(window.project.codes.all()) == n
