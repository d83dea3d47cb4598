"""Editing a document's text: plan where everything anchored in it goes, then store it as one step.

:func:`plan_edit` is pure (no writes): it diffs the old and new text, places every
coding (:mod:`qda.editing.anchor`), maps speaker turns and pending suggestions, and
returns an :class:`EditPlan` that can be shown before anything changes.
:func:`apply_edit` stores a plan in one transaction with one audit event; the old text
is kept as a version and the edit can be undone exactly
(``project.versions.revert``) — :class:`qda.editing.command.EditText` puts it on the
undo stack.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qda.editing.anchor import ADJUSTED, EXACT, FLAGGED, MOVED, Placement, Span, map_span, place
from qda.editing.diff import Block, PositionMap, equal_blocks
from qda.errors import InvalidValue, SourceRefused
from qda.i18n import tr
from qda.sources.normalise import count_words, normalise_text
from qda.sources.transcript import parse_transcript
from qda.sources.turns import find_turns
from qda.store.versions import EditState

STATUSES = (EXACT, ADJUSTED, MOVED, FLAGGED)


@dataclass
class EditPlan:
    """What an edit would do: the states before and after, and each coding's placement."""

    doc_id: int
    action: str
    before: EditState
    after: EditState
    placements: list[Placement]
    turns_redetected: bool
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        """Codings per placement status (exact, adjusted, moved, flagged)."""
        found = Counter(p.status for p in self.placements)
        return {status: found.get(status, 0) for status in STATUSES}

    @property
    def flagged(self) -> list[Placement]:
        return [p for p in self.placements if p.flagged]

    @property
    def changed(self) -> bool:
        return self.before.text != self.after.text or self.before.fields != self.after.fields or \
            self.before.name != self.after.name

    def summary(self) -> dict[str, Any]:
        """JSON-ready facts for the audit trail and the CLI."""
        return {**self.counts, "segments": len(self.placements), "turns_before": len(self.before.turns),
                "turns_after": len(self.after.turns), **self.extra}


@dataclass(frozen=True)
class EditResult:
    """A stored edit: its version id and its plan."""

    version_id: int
    plan: EditPlan


def prepare_text(text: str, doc_name: str) -> str:
    """Normalise an edited text as import does (newlines, BOM, controls, NFC, trailing spaces)."""
    try:
        return normalise_text(text, doc_name)
    except SourceRefused as exc:
        raise InvalidValue(tr("{name}: teks baru tidak dapat dipakai ({reason})", name=doc_name,
                              reason=exc.reason)) from None


def _turns_after(old: str, new: str, turns: list[tuple[str, str | None, int, int]],
                 pmap: PositionMap, name: str) -> tuple[list[tuple[str, str | None, int, int]], bool]:
    """Turns of the new text: detected again when the stored ones are what detection finds, else mapped."""
    if turns:
        header_end = parse_transcript(old, file_name=name).header_end
        if [tuple(t) for t in find_turns(old, header_end)] == [tuple(t) for t in turns]:
            return [tuple(t) for t in parse_transcript(new, file_name=name).turns], True
    out = []
    for speaker, stamp, start, end in turns:
        mapped = map_span(pmap, start, end)
        if mapped is not None:
            out.append((speaker, stamp, mapped[0], mapped[1]))
    return out, False


def _resolve_collisions(placements: list[Placement], details: dict[int, tuple[int, int]],
                        new_len: int) -> list[Placement]:
    """Two codings of one code by one coder cannot share a span: the later one is flagged and nudged."""
    taken: set[tuple[int, int, int, int]] = set()
    order = sorted(range(len(placements)), key=lambda i: (placements[i].flagged, i))
    out = list(placements)
    for i in order:
        p = out[i]
        code, coder = details[p.id]
        start, end = p.start, p.end
        key = (start, end, code, coder)
        if key in taken:
            for grow in range(1, new_len + 1):
                if end + grow <= new_len and (start, end + grow, code, coder) not in taken:
                    end += grow
                    break
                if start - grow >= 0 and (start - grow, end, code, coder) not in taken:
                    start -= grow
                    break
            p = Placement(p.id, p.old_start, p.old_end, start, end, FLAGGED, p.score, "collision")
            out[i] = p
        taken.add((p.start, p.end, code, coder))
    return out


def plan_edit(project, doc, new_text: str, *, blocks: list[Block] | None = None, action: str = "edit",
              fields_after: list[tuple[str, int, str, str]] | None = None, name_after: str | None = None,
              known_edit: bool = False) -> EditPlan:
    """Plan replacing ``doc``'s text with ``new_text`` (see the module doc); nothing is written.

    ``blocks`` are the exact equal blocks when the edit is known (anonymisation); otherwise
    the texts are diffed. ``known_edit`` trusts a coding whose ends map through the blocks.
    """
    document = project.documents.get(doc)
    versions = project.versions
    before = versions.state(document.id)
    new_text = prepare_text(new_text, document.name)
    old = before.text
    if blocks is None:
        blocks = equal_blocks(old, new_text)
    pmap = PositionMap(blocks, len(old), len(new_text))
    placements = [place(old, new_text, pmap, Span(sid, s, e), known_edit=known_edit)
                  for sid, s, e in before.segments]
    placements = _resolve_collisions(placements, versions.segment_details(document.id), len(new_text))
    turns, redetected = _turns_after(old, new_text, before.turns, pmap, document.name)
    suggestions = []
    for sid, s, e, _status in before.suggestions:
        mapped = map_span(pmap, s, e)
        ok = mapped is not None and new_text[mapped[0]:mapped[1]] == old[s:e]
        suggestions.append((sid, *mapped, "pending") if ok and mapped else
                           (sid, min(s, len(new_text)), min(e, len(new_text)), "rejected"))
    fields_before = versions.field_values(document.id) if fields_after else []
    if fields_after:
        wanted = {(k, o, key) for k, o, key, _v in fields_after}
        fields_before = [f for f in fields_before if (f[0], f[1], f[2]) in wanted]
    after = EditState(new_text, name_after or before.name, count_words(new_text),
                      [(p.id, p.start, p.end) for p in placements], turns, suggestions, fields_after or [])
    before = EditState(old, before.name, before.words, before.segments, before.turns, before.suggestions,
                       fields_before)
    return EditPlan(document.id, action, before, after, placements, redetected)


def apply_plan(project, plan: EditPlan) -> EditResult:
    """Store a plan: one transaction, one audit event, the old text kept as a version."""
    if not plan.changed:
        raise InvalidValue(tr("teks baru sama dengan teks sekarang; tidak ada yang diubah"))
    flags = [{"segment_id": p.id, "old_start": p.old_start, "old_end": p.old_end,
              "old_text": plan.before.text[p.old_start:p.old_end], "reason": p.reason, "score": p.score}
             for p in plan.flagged]
    version_id = project.versions.commit(plan.doc_id, plan.action, plan.before, plan.after, flags, plan.summary())
    return EditResult(version_id, plan)


def apply_edit(project, doc, new_text: str) -> EditResult:
    """Replace a document's text with a corrected one, re-anchoring everything in it (one step)."""
    return apply_plan(project, plan_edit(project, doc, new_text))
