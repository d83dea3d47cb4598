"""Undo never loses history, and random sequences of commands, undos and redos keep the exact state.

The stateful test keeps the model every undo stack promises: the project's full state after
each step of its history. An undo must give back exactly the state before the command, a redo
exactly the state after it, and a refused command must leave everything untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from qda import commands as c
from qda.errors import NotFound, QdaError, UndoFailed
from qda.store import Project
from qda.undo import UndoStack

TABLES = ("code", "segment", "memo", "review", "revision", "document", "cases")
TEXT = ("P: Bagaimana pelayanan di kantor kelurahan?\nI: Petugas cepat tanggap, surat selesai hari itu juga. "
        "Kadang printer rusak dan antrean panjang.\nP: Ada keluhan lain?\nI: Tidak ada, pegawai ramah.\n")
GROUPS = ("dimension", "factor", "own")
COLORS = ("#112233", "#aabbcc", "#e57373", "#000000")


def dump(project: Project) -> dict[str, list[tuple]]:
    return {t: project._tuples(f"SELECT * FROM {t} ORDER BY id") for t in TABLES}


def differences(now: dict[str, list[tuple]], expected: dict[str, list[tuple]]) -> str:
    """The rows that differ, table by table (for a readable failure)."""
    out = []
    for table in TABLES:
        extra = sorted(set(now[table]) - set(expected[table]))
        missing = sorted(set(expected[table]) - set(now[table]))
        if extra or missing:
            out.append(f"{table}: extra {extra} missing {missing}")
    return "; ".join(out)


class UndoRedoMachine(RuleBasedStateMachine):
    """Random commands, undos and redos against a real project file."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp()
        self.project = Project.create(Path(self.folder) / "acak.qda", codebook=False, coder="Rina",
                                      role="supervisor")
        self.doc = self.project.documents.add("wawancara.txt", TEXT).id
        for name, group in (("Responsivitas", "dimension"), ("Sarana", "factor"), ("Ramah", "own")):
            self.project.codes.add(name, group=group)
        self.stack = UndoStack(self.project)
        self.states = [dump(self.project)]  # the state at each depth of the undo stack
        self.depth = 0
        self.names = 0

    def teardown(self) -> None:
        self.project.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ helpers
    def _codes(self) -> list[int]:
        return [code.id for code in self.project.codes.all()]

    def _segments(self) -> list[int]:
        return [s.id for s in self.project.segments.all()]

    def _push(self, command: c.Command) -> None:
        before = dump(self.project)
        try:
            self.stack.push(command)
        except QdaError:
            assert dump(self.project) == before, "a refused command changed the project"
            return
        del self.states[self.depth + 1:]
        self.states.append(dump(self.project))
        self.depth += 1

    def _span(self, data) -> tuple[int, int]:
        start = data.draw(st.integers(0, len(TEXT) - 2), label="start")
        end = data.draw(st.integers(start + 1, min(len(TEXT), start + 40)), label="end")
        return start, end

    def _new_name(self) -> str:
        self.names += 1
        return f"Kode {self.names}"

    # ------------------------------------------------------------------ commands
    @precondition(lambda self: self.project.stats()["codes"] > 0)
    @rule(data=st.data())
    def apply_code(self, data) -> None:
        start, end = self._span(data)
        self._push(c.ApplyCode(self.doc, start, end, data.draw(st.sampled_from(self._codes()), label="code")))

    @precondition(lambda self: self.project.stats()["segments"] > 0)
    @rule(data=st.data())
    def remove_segment(self, data) -> None:
        self._push(c.RemoveSegment(data.draw(st.sampled_from(self._segments()), label="segment")))

    @precondition(lambda self: self.project.stats()["segments"] > 0)
    @rule(data=st.data())
    def recode_segment(self, data) -> None:
        self._push(c.RecodeSegment(data.draw(st.sampled_from(self._segments())),
                                   data.draw(st.sampled_from(self._codes()))))

    @rule(data=st.data())
    def create_code(self, data) -> None:
        fields = {"color": data.draw(st.sampled_from(COLORS))}
        if self._codes() and data.draw(st.booleans(), label="child"):
            fields["parent"] = data.draw(st.sampled_from(self._codes()))
        self._push(c.CreateCode(self._new_name(), **fields))

    @rule(data=st.data())
    def in_vivo(self, data) -> None:
        start, end = self._span(data)
        self._push(c.InVivoCode(self.doc, start, end, self._new_name()))

    @precondition(lambda self: self.project.stats()["codes"] > 0)
    @rule(data=st.data())
    def rename_code(self, data) -> None:
        self._push(c.RenameCode(data.draw(st.sampled_from(self._codes())), self._new_name()))

    @precondition(lambda self: self.project.stats()["codes"] > 0)
    @rule(data=st.data())
    def recolor_code(self, data) -> None:
        self._push(c.RecolorCode(data.draw(st.sampled_from(self._codes())), data.draw(st.sampled_from(COLORS))))

    @precondition(lambda self: self.project.stats()["codes"] > 0)
    @rule(data=st.data())
    def update_code(self, data) -> None:
        changes = data.draw(st.fixed_dictionaries({}, optional={
            "definition_id": st.sampled_from(("", "Kecepatan layanan", "Sikap petugas")),
            "indicators": st.lists(st.sampled_from(("cepat", "ramah", "antre")), max_size=3, unique=True),
            "group": st.sampled_from(GROUPS)}))
        self._push(c.UpdateCode(data.draw(st.sampled_from(self._codes())), changes))

    @precondition(lambda self: self.project.stats()["codes"] > 0)
    @rule(data=st.data())
    def move_code(self, data) -> None:
        code = data.draw(st.sampled_from(self._codes()))
        parent = data.draw(st.one_of(st.none(), st.sampled_from(self._codes())))
        group = data.draw(st.one_of(st.none(), st.sampled_from(GROUPS))) if parent is None else None
        self._push(c.MoveCode(code, parent, group))

    @precondition(lambda self: self.project.stats()["codes"] > 1)
    @rule(data=st.data())
    def merge_codes(self, data) -> None:
        source, target = data.draw(st.lists(st.sampled_from(self._codes()), min_size=2, max_size=2, unique=True))
        self._push(c.MergeCodes(source, target))

    @precondition(lambda self: self.project.stats()["codes"] > 0)
    @rule(data=st.data())
    def delete_code(self, data) -> None:
        self._push(c.DeleteCode(data.draw(st.sampled_from(self._codes())), delete_segments=data.draw(st.booleans())))

    @precondition(lambda self: self.project.stats()["segments"] > 0)
    @rule(data=st.data())
    def review(self, data) -> None:
        self._push(c.AddReview(data.draw(st.sampled_from(self._segments())),
                               data.draw(st.sampled_from(("approved", "needs_revision", "rejected"))), "catatan"))

    @precondition(lambda self: self.project.stats()["segments"] > 0)
    @rule(data=st.data())
    def mark_revised(self, data) -> None:
        self._push(c.MarkRevised(data.draw(st.sampled_from(self._segments())), "sudah diperbaiki"))

    @rule(data=st.data())
    def set_memo(self, data) -> None:
        kind = data.draw(st.sampled_from(("project", "document", "code", "segment")))
        if kind == "project":
            target = None
        elif kind == "document":
            target = ("document", self.doc)
        else:
            ids = self._codes() if kind == "code" else self._segments()
            if not ids:
                return
            target = (kind, data.draw(st.sampled_from(ids)))
        self._push(c.SetMemo(target, data.draw(st.sampled_from(("", "memo pertama", "memo kedua")))))

    # ------------------------------------------------------------------ undo / redo
    @rule()
    def undo(self) -> None:
        done = self.stack.undo()
        if done is None:
            assert self.depth == 0
            return
        self.depth -= 1
        now = dump(self.project)
        assert now == self.states[self.depth], \
            f"undo of {type(done).__name__} is not exact: {differences(now, self.states[self.depth])}"

    @rule()
    def redo(self) -> None:
        done = self.stack.redo()
        if done is None:
            assert self.depth == len(self.states) - 1
            return
        self.depth += 1
        now = dump(self.project)
        assert now == self.states[self.depth], \
            f"redo of {type(done).__name__} is not exact: {differences(now, self.states[self.depth])}"

    @invariant()
    def stacks_match_the_model(self) -> None:
        assert self.stack.can_undo == (self.depth > 0)
        assert self.stack.can_redo == (self.depth < len(self.states) - 1)
        assert self.project.integrity_check() == "ok"


UndoRedoMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=30, deadline=None,
                                             suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.filter_too_much])
test_random_commands_undos_and_redos_keep_the_exact_state = UndoRedoMachine.TestCase


# ---------------------------------------------------------------------- failures keep the history
@pytest.fixture
def setup(tmp_path):
    project = Project.create(tmp_path / "p.qda", codebook=False, coder="Rina")
    doc = project.documents.add("w.txt", TEXT).id
    code = project.codes.add("Responsivitas").id
    yield project, UndoStack(project), doc, code
    project.close()


def test_an_undo_that_fails_stays_on_the_undo_stack(setup):
    project, stack, doc, code = setup
    command = stack.push(c.ApplyCode(doc, 0, 10, code))
    project.segments.remove(command.segment_id)  # changed behind the stack's back
    with pytest.raises(NotFound):
        stack.undo()
    assert stack.can_undo and stack.undo_text == "terapkan Responsivitas" and not stack.can_redo


class _BreaksHalfway(c.Command):
    """Writes something, then fails: the step must leave nothing behind."""

    def __init__(self, doc: int, code: int) -> None:
        self.doc, self.code = doc, code

    def label(self, project) -> str:
        return "langkah rapuh"

    def do(self, project) -> None:
        project.codes.rename(self.code, "Sebelum")

    def undo(self, project) -> None:
        project.codes.rename(self.code, "Setengah jalan")
        raise RuntimeError("disk penuh")

    def redo(self, project) -> None:
        project.segments.add(self.doc, 0, 5, self.code)
        raise RuntimeError("disk penuh")


def test_a_failure_halfway_rolls_back_and_keeps_the_command(setup):
    project, stack, doc, code = setup
    stack.push(_BreaksHalfway(doc, code))
    before = dump(project)
    with pytest.raises(UndoFailed, match="langkah rapuh.*disk penuh"):
        stack.undo()
    assert dump(project) == before and stack.can_undo and stack.undo_text == "langkah rapuh"
    stack._done.pop()  # put it on the redo stack to try the redo side
    stack._undone.append(_BreaksHalfway(doc, code))
    stack._labels[id(stack._undone[-1])] = "langkah rapuh"
    with pytest.raises(UndoFailed, match="tidak dapat mengulangi langkah rapuh"):
        stack.redo()
    assert dump(project) == before and stack.can_redo and project.segments.all() == []
