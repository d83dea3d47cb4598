"""Plain, frozen records handed out by the project store (no Qt, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from qda.domain import GROUPS, KINDS, MEMO_TARGETS, REVIEW_STATUSES, ROLES, CodeTexts

__all__ = ["KINDS", "GROUPS", "ROLES", "REVIEW_STATUSES", "MEMO_TARGETS", "Coder", "Document", "Turn", "Case",
           "Code", "Segment", "Memo", "Review", "Event"]


@dataclass(frozen=True)
class Coder:
    """A person who codes or reviews."""

    id: int
    uuid: str
    name: str
    role: str


@dataclass(frozen=True)
class Document:
    """An imported source; its text lives in the store and is frozen."""

    id: int
    uuid: str
    name: str
    kind: str
    source_file: str | None
    file_hash: str | None
    fmt: str | None
    encoding: str | None
    words: int
    turn_count: int
    imported_at: str
    case_id: int | None


@dataclass(frozen=True)
class Turn:
    """A speaker turn: who speaks, when (timestamp as written) and the span of the turn."""

    id: int
    document_id: int
    seq: int
    speaker: str
    timestamp: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Case:
    """A case (usually an informant) with its attributes."""

    id: int
    uuid: str
    name: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Code(CodeTexts):
    """A code of the codebook, with its definitions and indicator terms (:class:`CodeTexts`)."""

    id: int
    uuid: str
    name: str
    parent_id: int | None
    group: str
    color: str
    position: int = 0


class Segment(NamedTuple):
    """A coded span: code points into the document's text, end exclusive.

    A named tuple rather than a dataclass: projects hold hundreds of thousands of
    segments and building them must be cheap.
    """

    id: int
    uuid: str
    document_id: int
    code_id: int
    start: int
    end: int
    coder_id: int
    created: str


@dataclass(frozen=True)
class Memo:
    """A memo on the project, a document, a code, a segment or a case."""

    id: int
    uuid: str
    target_kind: str
    target_id: int | None
    text: str
    coder_id: int | None
    modified: str


@dataclass(frozen=True)
class Review:
    """A supervisor's verdict on a segment."""

    id: int
    uuid: str
    segment_id: int
    reviewer_id: int
    status: str
    comment: str
    created: str


@dataclass(frozen=True)
class Event:
    """One line of the append-only audit trail."""

    id: int
    time: str
    coder_id: int | None
    action: str
    entity: str
    entity_uuid: str | None
    detail: dict[str, Any]
