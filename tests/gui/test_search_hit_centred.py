"""A search hit opened from the search panel lands in the middle of the document view."""

from __future__ import annotations


def test_search_hit_is_centred(qtbot, settings, tmp_path):
    from PySide6.QtCore import Qt

    from qda.store import Project
    from tests.gui.window_support import open_window

    lines = [f"[00:{i // 60:02d}:{i % 60:02d}] P: Catatan observasi ilustratif nomor {i} tentang antrean loket."
             for i in range(300)]
    lines[150] = "[00:02:30] P: Petugas arsip menyebut map biru hilang di gudang belakang."
    text = "\n".join(lines) + "\n"
    path = tmp_path / "panjang.qda"
    with Project.create(path, coder="Dewi Anggraini") as p:
        p.documents.add("observasi_panjang.txt", text, kind="observation")
    window = open_window(qtbot, settings, path)
    panel = window.search
    panel.search("map biru hilang")
    qtbot.waitUntil(lambda: panel.hit_count() == 1, timeout=10000)
    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    qtbot.wait(50)
    view = window.view
    assert view.selection_cp() == (text.index("map biru hilang"), text.index("map biru hilang") + 15)
    y = view.cursorRect().center().y()
    height = view.viewport().height()
    assert abs(y - height / 2) < height / 6, (y, height)
    window.close()
