"""Panels follow a project being opened, closed and reopened, as the main window does it."""

from __future__ import annotations

from qda.gui.panels.code_tree import CodeTreePanel
from qda.gui.panels.coder_panel import CoderPanel
from qda.gui.panels.memo_panel import MemoPanel
from qda.gui.panels.search_panel import SearchPanel
from qda.store import Project
from qda.undo import UndoStack


def test_open_close_reopen(qtbot, fx, tmp_path):
    tree, memo, search, coders = CodeTreePanel(), MemoPanel(), SearchPanel(), CoderPanel()
    for w in (tree, memo, search, coders):
        qtbot.addWidget(w)
    tree.set_project(fx.project, fx.stack)
    memo.set_project(fx.project, fx.stack)
    search.set_project(fx.project)
    coders.set_project(fx.project)
    qtbot.waitUntil(lambda: not coders.is_counting())
    memo.editor.setPlainText("Catatan yang belum tersimpan")  # the idle timer has not fired yet

    # closing: every panel lets go; the pending memo is saved first
    tree.set_project(None, None)
    memo.set_project(None, None)
    search.set_project(None)
    with qtbot.waitSignal(coders.visibilityChanged) as blocker:
        coders.set_project(None)
    assert blocker.args == [set()]
    assert fx.project.memos.get(None) == "Catatan yang belum tersimpan"
    assert tree.model.rowCount() == 3 and tree.model.codes() == []
    assert not memo.editor.isEnabled()
    assert not search.search_button.isEnabled()
    assert coders.tree.topLevelItemCount() == 0
    path = fx.project.path
    fx.project.close()

    # another project opened in the same panels
    other = Project.create(tmp_path / "kedua.qda", coder="Budi Santoso", codebook=False)
    try:
        stack = UndoStack(other)
        tree.set_project(other, stack)
        memo.set_project(other, stack)
        assert [tree.model.rowCount(tree.model.index(r, 0)) for r in range(3)] == [0, 0, 0]
        assert memo.editor.toPlainText() == ""
    finally:
        other.close()
    with Project.open(path) as again:
        assert again.memos.get(None) == "Catatan yang belum tersimpan"


def test_code_selected_only_when_the_current_code_changes(qtbot, fx):
    tree = CodeTreePanel()
    qtbot.addWidget(tree)
    tree.set_project(fx.project, fx.stack)
    seen: list[int] = []
    tree.codeSelected.connect(seen.append)
    resp = fx.code_id("Responsivitas")
    tree.select_code(resp)
    fx.project.codes.add("Inovasi Layanan")  # the codebook changes: the tree rebuilds
    tree.refresh()
    assert tree.current_code_id() == resp
    assert seen == [resp]


def test_read_only_project_offers_no_changes(qtbot, fx):
    from qda.gui.panels.quick_code import QuickCodeDialog

    fx.project.memos.set(None, "Memo lama")
    path = fx.project.path
    fx.project.close()
    with Project.open(path, read_only=True) as ro:
        stack = UndoStack(ro)
        tree, memo = CodeTreePanel(), MemoPanel()
        qtbot.addWidget(tree)
        qtbot.addWidget(memo)
        tree.set_project(ro, stack)
        memo.set_project(ro, stack)
        tree.select_code(ro.codes.get("Responsivitas").id)
        assert not tree.act_new.isEnabled() and not tree.act_delete.isEnabled()
        assert tree.act_apply.isEnabled() is True  # reading and choosing a code still work
        assert memo.editor.isReadOnly() and memo.editor.toPlainText() == "Memo lama"
        picker = QuickCodeDialog(ro, [])
        qtbot.addWidget(picker)
        picker.edit.setText("Kode Yang Belum Ada")
        assert all(kind == "code" for kind, _ in picker.visible_entries())
