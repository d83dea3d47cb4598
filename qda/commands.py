"""Undoable coding and codebook actions over the project store.

Each command knows how to do and undo itself; redo puts back exactly what undo took
away (same ids and UUIDs), so references held elsewhere stay valid. The GUI pushes
commands on :class:`qda.undo.UndoStack`; scripts may use them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from qda.domain import verdict_label
from qda.i18n import tr


class Command:
    """Base class: subclasses implement :meth:`do` and :meth:`undo`; :meth:`redo` defaults to :meth:`do`."""

    def label(self, project) -> str:
        """Short description for menus, e.g. "terapkan Responsivitas"."""
        raise NotImplementedError

    def do(self, project) -> None:
        raise NotImplementedError

    def undo(self, project) -> None:
        raise NotImplementedError

    def redo(self, project) -> None:
        self.do(project)


def _take_away(project, kind: str, record_id: int, *, delete_segments: bool = True) -> dict:
    """Snapshot one record of ``kind`` (``segment``, ``code`` with its subcodes, ``review``) and remove it;
    :func:`_put_back` restores the snapshot with the same ids and UUIDs."""
    if kind == "segment":
        snap = project.segments.snapshot([record_id])
        project.segments.remove(record_id)
    elif kind == "code":
        snap = project.codes.snapshot(record_id)
        project.codes.delete(record_id, delete_segments=delete_segments)
    else:
        snap = project.reviews.snapshot(record_id)
        project.reviews.remove(record_id)
    return snap


def _put_back(project, kind: str, snap: dict | None, action: str) -> None:
    repository = {"segment": project.segments, "code": project.codes, "review": project.reviews}[kind]
    repository.restore(snap, action=action)


class _Adds(Command):
    """A command that adds one record of :attr:`kind`, whose id it keeps in the attribute named :attr:`added`:
    undo takes the record away, redo puts the very same record back."""

    kind: ClassVar[str]
    added: ClassVar[str]
    _snap: dict | None = None

    def undo(self, project) -> None:
        self._snap = _take_away(project, self.kind, getattr(self, self.added))

    def redo(self, project) -> None:
        _put_back(project, self.kind, self._snap, "redo")


class _Deletes(Command):
    """A command that deletes one record of :attr:`kind` (through :meth:`_delete`); undo puts it back."""

    kind: ClassVar[str]
    _snap: dict | None = None

    def _delete(self, project, record_id: int, **options: Any) -> None:
        self._snap = _take_away(project, self.kind, record_id, **options)

    def undo(self, project) -> None:
        _put_back(project, self.kind, self._snap, "undo")


@dataclass
class ApplyCode(_Adds):
    """Apply a code to a span."""

    kind, added = "segment", "segment_id"
    doc_id: int
    start: int
    end: int
    code_id: int
    segment_id: int | None = None
    _name: str = ""

    def label(self, project) -> str:
        return tr("terapkan {code}", code=self._name or project.codes.get(self.code_id).name)

    def do(self, project) -> None:
        self._name = project.codes.get(self.code_id).name
        self.segment_id = project.segments.add(self.doc_id, self.start, self.end, self.code_id).id

@dataclass
class RemoveSegment(_Deletes):
    """Remove a coding (its memo and reviews come back on undo)."""

    kind = "segment"
    segment_id: int
    _name: str = ""

    def label(self, project) -> str:
        return tr("hapus segmen {code}", code=self._name)

    def do(self, project) -> None:
        self._name = project.codes.get(project.segments.get(self.segment_id).code_id).name
        self._delete(project, self.segment_id)


@dataclass
class RecodeSegment(Command):
    """Give a segment another code."""

    segment_id: int
    code_id: int
    _old: int | None = None

    def label(self, project) -> str:
        return tr("ganti kode menjadi {code}", code=project.codes.get(self.code_id).name)

    def do(self, project) -> None:
        self._old = project.segments.get(self.segment_id).code_id
        project.segments.recode(self.segment_id, self.code_id)

    def undo(self, project) -> None:
        project.segments.recode(self.segment_id, self._old)


@dataclass
class CreateCode(_Adds):
    """Create a code (own code, or under a parent)."""

    kind, added = "code", "code_id"
    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    code_id: int | None = None

    def __init__(self, name: str, **fields: Any) -> None:
        self.name, self.fields, self.code_id, self._snap = name, fields, None, None

    def label(self, project) -> str:
        return tr("buat kode {code}", code=self.name)

    def do(self, project) -> None:
        self.code_id = project.codes.add(self.name, **self.fields).id

@dataclass
class ImportCodebook(Command):
    """Add the codes of a codebook template ("dwiyanto", "sako") or file that the project lacks, as one step."""

    source: str
    code_ids: list[int] = field(default_factory=list)
    _snaps: list[dict] = field(default_factory=list, repr=False)

    def label(self, project) -> str:
        return tr("impor buku kode {name}", name=self.source)

    def do(self, project) -> None:
        from qda.store.codebook_loader import add_bundled_codebook

        before = {c.id for c in project.codes.all()}
        add_bundled_codebook(project, self.source)
        self.code_ids = [c.id for c in project.codes.all() if c.id not in before]

    def undo(self, project) -> None:
        with project.atomic():  # children before their parents
            self._snaps = [_take_away(project, "code", code_id) for code_id in reversed(self.code_ids)]

    def redo(self, project) -> None:
        with project.atomic():
            for snap in reversed(self._snaps):  # parents first
                _put_back(project, "code", snap, "redo")


@dataclass
class InVivoCode(_Adds):
    """Create an own code named after a passage and apply it to that passage: one step to undo."""

    kind, added = "code", "code_id"  # taking the code away takes its segment with it
    doc_id: int
    start: int
    end: int
    name: str
    code_id: int | None = None
    segment_id: int | None = None

    def label(self, project) -> str:
        return tr("kode in-vivo {code}", code=self.name)

    def do(self, project) -> None:
        with project.atomic():
            self.code_id = project.codes.add(self.name, group="own").id
            self.segment_id = project.segments.add(self.doc_id, self.start, self.end, self.code_id).id

@dataclass
class RenameCode(Command):
    """Rename a code."""

    code_id: int
    new_name: str
    _old: str = ""

    def label(self, project) -> str:
        return tr("ganti nama kode menjadi {code}", code=self.new_name)

    def do(self, project) -> None:
        self._old = project.codes.get(self.code_id).name
        project.codes.rename(self.code_id, self.new_name)

    def undo(self, project) -> None:
        project.codes.rename(self.code_id, self._old)


@dataclass
class RecolorCode(Command):
    """Give a code another colour."""

    code_id: int
    color: str
    _old: str = ""

    def label(self, project) -> str:
        return tr("ubah warna {code}", code=project.codes.get(self.code_id).name)

    def do(self, project) -> None:
        self._old = project.codes.get(self.code_id).color
        project.codes.recolor(self.code_id, self.color)

    def undo(self, project) -> None:
        project.codes.recolor(self.code_id, self._old)


@dataclass
class UpdateCode(Command):
    """Change a code's definitions, group, indicators or other fields."""

    code_id: int
    changes: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def label(self, project) -> str:
        return tr("ubah kode {code}", code=project.codes.get(self.code_id).name)

    def do(self, project) -> None:
        code = project.codes.get(self.code_id)
        self._old = {k: getattr(code, k) for k in self.changes}
        project.codes.update(self.code_id, **self.changes)

    def undo(self, project) -> None:
        project.codes.update(self.code_id, **self._old)


@dataclass
class MoveCode(Command):
    """Put a code under another one, or at the top level of its group or of ``group``."""

    code_id: int
    parent_id: int | None
    group: str | None = None
    _old_parent: int | None = None
    _old_groups: dict[int, str] = field(default_factory=dict)

    def label(self, project) -> str:
        return tr("pindahkan kode {code}", code=project.codes.get(self.code_id).name)

    def do(self, project) -> None:
        code = project.codes.get(self.code_id)
        self._old_parent = code.parent_id
        self._old_groups = {i: project.codes.get(i).group for i in [code.id, *project.codes.descendants(code.id)]}
        project.codes.move(self.code_id, self.parent_id, group=self.group)

    def undo(self, project) -> None:
        with project.atomic():
            project.codes.move(self.code_id, self._old_parent)
            for code_id, group in self._old_groups.items():
                project.codes.update(code_id, group=group)


@dataclass
class MergeCodes(Command):
    """Merge ``source`` into ``target``."""

    source_id: int
    target_id: int
    _snap: dict | None = field(default=None, repr=False)
    _names: tuple[str, str] = ("", "")

    def label(self, project) -> str:
        return tr("gabungkan {source} ke {target}", source=self._names[0], target=self._names[1])

    def do(self, project) -> None:
        self._names = (project.codes.get(self.source_id).name, project.codes.get(self.target_id).name)
        self._snap = project.codes.snapshot(self.source_id)
        project.codes.merge(self.source_id, self.target_id)

    def undo(self, project) -> None:
        # The merge moved or dropped the source's segments; the store puts them all back.
        project.codes.unmerge(self._snap)


@dataclass
class DeleteCode(_Deletes):
    """Delete a code (with its segments only when asked explicitly)."""

    kind = "code"
    code_id: int
    delete_segments: bool = False
    _name: str = ""

    def label(self, project) -> str:
        return tr("hapus kode {code}", code=self._name)

    def do(self, project) -> None:
        self._name = project.codes.get(self.code_id).name
        self._delete(project, self.code_id, delete_segments=self.delete_segments)


@dataclass
class AddReview(_Adds):
    """A supervisor's verdict on a segment, with a comment."""

    kind, added = "review", "review_id"
    segment_id: int
    status: str
    comment: str = ""
    review_id: int | None = None

    def label(self, project) -> str:
        return tr("telaah: {verdict}", verdict=verdict_label(self.status, in_text=True))

    def do(self, project) -> None:
        self.review_id = project.reviews.add(self.segment_id, self.status, self.comment).id

@dataclass
class MarkRevised(Command):
    """The coder has reworked an excerpt the supervisor asked to revise: it goes back to the queue."""

    segment_id: int
    comment: str = ""
    mark_uuid: str | None = None

    def label(self, project) -> str:
        return tr("tandai sudah direvisi")

    def do(self, project) -> None:
        self.mark_uuid = project.supervision.mark_revised(self.segment_id, self.comment)

    def undo(self, project) -> None:
        project.supervision.remove_revision(self.mark_uuid)


@dataclass
class SetMemo(Command):
    """Write or clear the memo of the project, a document, a code or a segment."""

    target: Any
    text: str | None
    _old: dict | None = field(default=None, repr=False)
    _new: dict | None = field(default=None, repr=False)

    def label(self, project) -> str:
        return tr("ubah memo")

    def do(self, project) -> None:
        self._old = project.memos.snapshot(self.target)
        project.memos.set(self.target, self.text)
        self._new = project.memos.snapshot(self.target)

    def undo(self, project) -> None:
        project.memos.restore(self.target, self._old)

    def redo(self, project) -> None:
        project.memos.restore(self.target, self._new)
