"""Domain constants, defined once: source kinds, code groups, roles, review statuses,
memo targets, the text fields of a code, the colour pattern and the code palette.

Light imports only, so the store, the importers, the codebook, the CLI and the GUI
can all read them without loading each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Callable, Iterable, Mapping

from qda.errors import InvalidValue
from qda.i18n import tr

#: Kinds of source, in the order the sources tree and listings show them.
KINDS = ("interview", "observation", "document", "other")
#: A kind's name (Indonesian source text; :func:`kind_label` gives it in a language).
KIND_LABELS = {"interview": "Wawancara", "observation": "Observasi", "document": "Dokumen", "other": "Lainnya"}
#: Groups of the codebook (performance dimensions, influencing factors, the researcher's own codes).
GROUPS = ("dimension", "factor", "own")
#: A group's heading (Indonesian source text; :func:`group_label`).
GROUP_LABELS = {"dimension": "Dimensi Kinerja (Dwiyanto)", "factor": "Faktor Pendorong", "own": "Kode Sendiri"}
#: Roles of a coder.
ROLES = ("coder", "supervisor")
#: A role's name (Indonesian source text; :func:`role_label`).
ROLE_LABELS = {"coder": "Pengode", "supervisor": "Pembimbing"}
#: A supervisor's verdicts on a coding.
REVIEW_STATUSES = ("approved", "needs_revision", "rejected")
#: Where a segment stands in review: not yet reviewed, revised by its coder since, or a verdict.
QUEUE_STATUSES = ("pending", "revised", *REVIEW_STATUSES)
#: A review status's name (Indonesian source text; :func:`status_label`); "Belum ditelaah" also
#: names a segment without a review (``None``, the analysis filter's ``"unreviewed"``).
STATUS_LABELS = {"pending": "Belum ditelaah", "revised": "Sudah direvisi", "approved": "Disetujui",
                 "needs_revision": "Perlu revisi", "rejected": "Ditolak"}
#: The verdict that gives a review status, as an action (Indonesian source text; :func:`verdict_label`).
VERDICT_LABELS = {"approved": "Setujui", "needs_revision": "Minta revisi", "rejected": "Tolak"}
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
#: Colours given to new codes, in turn (the first three are those the bundled codebook leaves free).
#: Chosen so that every two differ by CIE76 ΔE ≥ 20 as highlights (at :data:`HIGHLIGHT_ALPHA` over the white page), each stripe
#: has ≥ 3:1 contrast against the margin and dark text keeps ≥ 6:1 on every highlight (tests/test_palette.py).
PALETTE = ("#f000ff", "#5a1eff", "#b40fc3", "#0087d2", "#0f9696", "#0f69ff", "#965af0", "#4b5a78",
           "#e16969", "#ff0000", "#e16900", "#ff0096", "#788700", "#d2003c", "#00a500", "#00963c",
           "#e14bb4", "#a5783c")
#: Opacity of one code's highlight over the page.
HIGHLIGHT_ALPHA = 0.5


def _label(labels: Mapping[str, str], key: str, in_text: bool, translate: Callable[[str], str] | None) -> str:
    label = (translate or tr)(labels[key]) if key in labels else key
    return label.lower() if in_text else label


def role_label(role: str, *, in_text: bool = False, translate: Callable[[str], str] | None = None) -> str:
    """The name of a coder's role (the role itself if unknown): capitalised as a label or a choice,
    lower-case inside running text (``Pengode: Dewi (pembimbing)``; docs/glossary.md).

    ``translate`` is the gettext of the language wanted (a report's :class:`qda.reports.lang.Wording`
    or a :meth:`qda.i18n.Translator.tr`); the interface language's :func:`qda.i18n.tr` by default.
    The same holds for :func:`kind_label`, :func:`status_label` and :func:`group_label`."""
    return _label(ROLE_LABELS, role, in_text, translate)


def kind_label(kind: str, *, in_text: bool = False, translate: Callable[[str], str] | None = None) -> str:
    """The name of a source kind: ``Wawancara`` / ``Interview`` (``wawancara`` in running text)."""
    return _label(KIND_LABELS, kind, in_text, translate)


def status_label(status: str | None, *, in_text: bool = False,
                 translate: Callable[[str], str] | None = None) -> str:
    """The name of a review status: ``Perlu revisi`` / ``Needs revision``; ``None`` and ``"unreviewed"``
    (no review yet) read as ``"pending"``: ``Belum ditelaah`` / ``Not reviewed``."""
    key = "pending" if status in (None, "unreviewed") else str(status)
    return _label(STATUS_LABELS, key, in_text, translate)


def verdict_label(status: str, *, in_text: bool = False, translate: Callable[[str], str] | None = None) -> str:
    """The verdict giving review status ``status``, as a button or menu says it: ``Setujui`` / ``Approve``."""
    return _label(VERDICT_LABELS, status, in_text, translate)


def group_label(group: str, *, translate: Callable[[str], str] | None = None) -> str:
    """The heading of a code group: ``Faktor Pendorong`` / ``Driving factors``."""
    return _label(GROUP_LABELS, group, False, translate)


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
