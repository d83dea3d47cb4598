"""Edits as commands of the undo stack: one edit (or one anonymisation of many sources) is one step."""

from __future__ import annotations

from dataclasses import dataclass, field

from qda.commands import Command
from qda.editing.anonymise import anonymise
from qda.editing.edit import EditResult, apply_edit
from qda.i18n import tr


@dataclass
class EditText(Command):
    """Replace a document's text with a corrected one (codings re-anchored)."""

    doc_id: int
    new_text: str
    result: EditResult | None = field(default=None, repr=False)

    def label(self, project) -> str:
        return tr("sunting teks {doc}", doc=project.documents.get(self.doc_id).name)

    def do(self, project) -> None:
        self.result = apply_edit(project, self.doc_id, self.new_text)

    def undo(self, project) -> None:
        project.versions.revert(self.result.version_id)

    def redo(self, project) -> None:
        project.versions.reapply(self.result.version_id)


@dataclass
class Anonymise(Command):
    """Replace a name by a case code in some or all documents."""

    names: list[str]
    code: str
    documents: list[int] | None = None
    results: list[EditResult] = field(default_factory=list, repr=False)

    def label(self, project) -> str:
        return tr("samarkan nama menjadi {code}", code=self.code)

    def do(self, project) -> None:
        self.results = anonymise(project, self.names, self.code, documents=self.documents)

    def undo(self, project) -> None:
        with project.atomic():
            for result in reversed(self.results):
                project.versions.revert(result.version_id)

    def redo(self, project) -> None:
        with project.atomic():
            for result in self.results:
                project.versions.reapply(result.version_id)


@dataclass
class ResolveFlag(Command):
    """Settle a "perlu dicek" coding: accept its place, place it on a span, or remove it."""

    flag_id: int
    status: str  # accepted | moved | removed
    span: tuple[int, int] | None = None
    _old_span: tuple[int, int] | None = None
    _snap: dict | None = field(default=None, repr=False)

    def label(self, project) -> str:
        return {"accepted": tr("terima posisi segmen"), "moved": tr("pindahkan segmen"),
                "removed": tr("hapus segmen")}.get(self.status, tr("periksa segmen"))

    def do(self, project) -> None:
        flag = project.versions.flag(self.flag_id)
        seg = project.segments.get(flag.segment_id)
        self._old_span = (seg.start, seg.end)
        with project.atomic():
            project.versions.resolve_flag(self.flag_id, self.status, self.span if self.status == "moved" else None)
            if self.status == "removed":
                self._snap = project.segments.snapshot([seg.id])
                project.segments.remove(seg.id)

    def undo(self, project) -> None:
        flag = project.versions.flag(self.flag_id)
        with project.atomic():
            if self.status == "removed" and self._snap:
                project.segments.restore(self._snap, action="undo")
                project.versions.relink_flag(self.flag_id, self._snap["segment"][0]["id"])
            project.versions.resolve_flag(self.flag_id, "open",
                                          self._old_span if self.status == "moved" else None)
        del flag
