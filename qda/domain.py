"""Domain constants, defined once: source kinds, code groups, roles, review statuses,
memo targets, the text fields of a code, the colour pattern and the code palette.

Light imports only, so the store, the importers, the codebook, the CLI and the GUI
can all read them without loading each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Iterable

from qda.errors import InvalidValue
from qda.i18n import tr

#: Kinds of source, in the order the sources tree and listings show them.
KINDS = ("interview", "observation", "document", "other")
#: Groups of the codebook (performance dimensions, influencing factors, the researcher's own codes).
GROUPS = ("dimension", "factor", "own")
#: Roles of a coder.
ROLES = ("coder", "supervisor")
#: A role's name (Indonesian source text; :func:`role_label` gives it in the interface language).
ROLE_LABELS = {"coder": "Pengode", "supervisor": "Pembimbing"}
#: A supervisor's verdicts on a coding.
REVIEW_STATUSES = ("approved", "needs_revision", "rejected")
#: What a memo can be attached to.
MEMO_TARGETS = ("project", "document", "code", "segment", "case")


@dataclass(frozen=True, kw_only=True)
class CodeTexts:
    """The text fields of a code and its indicator terms: the part shared by a codebook file's
    codes (:class:`qda.codebook.CodebookCode`) and the store's (:class:`qda.store.records.Code`)."""

    name_en: str = ""
    definition_id: str = ""
    definition_en: str = ""
    when_to_use_id: str = ""
    when_to_use_en: str = ""
    when_not_id: str = ""
    when_not_en: str = ""
    example: str = ""
    indicators: tuple[str, ...] = ()


#: Text fields of a code, in the order they are written to a codebook file.
CODE_TEXT_FIELDS = tuple(f.name for f in fields(CodeTexts) if f.name != "indicators")
#: A code colour: ``#rrggbb``.
COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
#: Colours given to new codes, in turn (readable highlights on white).
PALETTE = ("#e57373", "#64b5f6", "#81c784", "#ffb74d", "#ba68c8", "#4db6ac",
           "#f06292", "#7986cb", "#aed581", "#ffd54f", "#a1887f", "#90a4ae")


def role_label(role: str) -> str:
    """The name of a coder's role in the interface language (the role itself if unknown)."""
    return tr(ROLE_LABELS[role]) if role in ROLE_LABELS else role


def is_color(value: object) -> bool:
    """Whether ``value`` is a ``#rrggbb`` colour."""
    return isinstance(value, str) and bool(COLOR_PATTERN.match(value))


def check_color(color: str) -> str:
    """Validate a ``#rrggbb`` colour and return it lower-cased (:class:`InvalidValue` otherwise)."""
    if not is_color(color):
        raise InvalidValue(tr("warna tidak sah: {color} (pakai #rrggbb)", color=color))
    return color.lower()


def next_color(used: Iterable[str | None]) -> str:
    """The first palette colour not yet used (cycling when all are)."""
    used_set = {(c or "").lower() for c in used}
    for color in PALETTE:
        if color not in used_set:
            return color
    return PALETTE[len(used_set) % len(PALETTE)]
