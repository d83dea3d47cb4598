"""Every command undoes to the exact previous state and redoes to the exact later state."""

from __future__ import annotations

import pytest

from qda import commands as c
from qda.undo import UndoStack

TABLES = ("code", "segment", "memo", "review", "document", "cases")


def state(project) -> dict:
    return {t: project._tuples(f"SELECT * FROM {t} ORDER BY id") for t in TABLES}


def make_setup(project):
    doc = project.documents.get("uji.txt").id
    seg = project.segments.add(doc, 40, 80, "Responsivitas")
    project.memos.set(seg, "memo segmen")
    project.reviews.add(seg, "approved", "baik")
    own = project.codes.add("Cepat")
    project.codes.add("Sangat cepat", parent=own)
    project.segments.add(doc, 40, 80, own)
    project.segments.add(doc, 85, 95, own)
    project.memos.set(own, "memo kode")
    return doc, seg, own


COMMANDS = {
    "apply": lambda p, doc, seg, own: c.ApplyCode(doc, 10, 30, p.codes.get("Akuntabilitas").id),
    "remove": lambda p, doc, seg, own: c.RemoveSegment(seg.id),
    "recode": lambda p, doc, seg, own: c.RecodeSegment(seg.id, p.codes.get("Produktivitas").id),
    "create": lambda p, doc, seg, own: c.CreateCode("Inovasi", color="#112233"),
    "rename": lambda p, doc, seg, own: c.RenameCode(own.id, "Kecepatan"),
    "recolor": lambda p, doc, seg, own: c.RecolorCode(own.id, "#000000"),
    "update": lambda p, doc, seg, own: c.UpdateCode(own.id, {"definition_id": "baru", "indicators": ["x"]}),
    "move": lambda p, doc, seg, own: c.MoveCode(own.id, p.codes.get("Responsivitas").id),
    "move_group": lambda p, doc, seg, own: c.MoveCode(own.id, None, "dimension"),
    "merge": lambda p, doc, seg, own: c.MergeCodes(own.id, p.codes.get("Responsivitas").id),
    "delete": lambda p, doc, seg, own: c.DeleteCode(own.id, delete_segments=True),
    "memo": lambda p, doc, seg, own: c.SetMemo(p.documents.get(doc), "memo dokumen"),
    "in_vivo": lambda p, doc, seg, own: c.InVivoCode(doc, 5, 12, "Kode in vivo"),
    "review": lambda p, doc, seg, own: c.AddReview(seg.id, "needs_revision", "perluas kutipan"),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_undo_redo_restores_exact_state(project, name):
    doc, seg, own = make_setup(project)
    stack = UndoStack(project)
    before = state(project)
    stack.push(COMMANDS[name](project, doc, seg, own))
    after = state(project)
    assert after != before
    stack.undo()
    assert state(project) == before
    stack.redo()
    assert state(project) == after
    stack.undo()
    assert state(project) == before


def test_labels_and_listener(project):
    doc = project.documents.get("uji.txt").id
    stack = UndoStack(project)
    seen = []
    stack.add_listener(lambda: seen.append(stack.undo_text))
    stack.push(c.ApplyCode(doc, 10, 30, project.codes.get("Responsivitas").id))
    assert stack.undo_text == "terapkan Responsivitas" and stack.can_undo and not stack.can_redo
    stack.undo()
    assert stack.redo_text == "terapkan Responsivitas" and not stack.can_undo
    assert seen == ["terapkan Responsivitas", ""]


def test_undo_across_documents_in_order(project):
    project.documents.add("lain.txt", "teks dokumen lain yang cukup panjang", "document")
    stack = UndoStack(project)
    code = project.codes.get("Responsivitas").id
    stack.push(c.ApplyCode(project.documents.get("uji.txt").id, 10, 30, code))
    stack.push(c.ApplyCode(project.documents.get("lain.txt").id, 0, 4, code))
    stack.undo()
    assert [project.documents.get(s.document_id).name for s in project.segments.all()] == ["uji.txt"]
    stack.undo()
    assert project.segments.all() == []


def test_listeners_are_told_which_step_ran(project):
    stack = UndoStack(project)
    seen = []
    stack.add_listener(lambda: seen.append(stack.last_step))
    doc = project.documents.get("uji.txt").id
    cmd = stack.push(c.ApplyCode(doc, 0, 10, project.codes.get("Responsivitas").id))
    stack.undo()
    stack.redo()
    stack.clear()
    assert seen == [(cmd, "do"), (cmd, "undo"), (cmd, "redo"), None]
