"""Merging a coder's copy of a project back into the project it was copied from.

Identity, never names alone:

- **documents** match by the SHA-256 of their stored text; a document of the other file
  whose text differs from the target's document of the same name or UUID is reported as a
  conflict and left out (with its codings), never matched;
- **codes** by UUID, then by group + name; a code whose name exists in another group is
  ambiguous and must be answered (``map`` onto the existing code or add it as ``new``);
  the same code renamed differently in the two files is a conflict (``keep`` the target's
  name or take ``theirs``);
- **codings** by document + span + code + coder; **memos**, **reviews** and "revised"
  marks by UUID; coders and cases by UUID, then by name.

Merging the same file twice adds nothing. :func:`merge_projects` writes everything in one
transaction: a failure leaves the target as it was.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qda.errors import QdaError
from qda.i18n import tr
from qda.review.bulk import paused_gc
from qda.sources.normalise import content_hash
from qda.store.merging import CODE_FIELDS, S_CODE, S_CODER, S_DOC, S_END, S_ID, S_START, S_UUID

CHOICES = {"code_ambiguous": ("map", "new"), "code_renamed": ("keep", "theirs"), "code_changed": ("keep", "theirs"),
           "memo_text": ("keep", "theirs"), "memo_target": ("both", "keep", "theirs"),
           "document_text": ("skip",), "coding_changed": ("keep",), "attribute": ("keep",)}


class MergeNeedsAnswers(QdaError):
    """Some conflicts of a merge need the user's choice before anything is written."""


@dataclass
class MergeConflict:
    """Something the two files disagree on; ``resolution`` is what the merge will do."""

    kind: str
    key: str  # the other file's UUID (or name) of the thing
    name: str
    target: str
    other: str
    resolution: str | None

    @property
    def choices(self) -> tuple[str, ...]:
        return CHOICES[self.kind]

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "name": self.name, "target": self.target, "other": self.other,
                "resolution": self.resolution, "choices": list(self.choices)}


@dataclass
class MergePlan:
    """What merging the other file would add, find the same, and find in conflict."""

    coder_map: dict[int, int] = field(default_factory=dict)
    new_coders: list[dict] = field(default_factory=list)
    case_map: dict[int, int] = field(default_factory=dict)
    new_cases: list[dict] = field(default_factory=list)
    new_case_attributes: list[dict] = field(default_factory=list)
    document_map: dict[int, int] = field(default_factory=dict)
    new_documents: list[dict] = field(default_factory=list)
    new_turns: list[dict] = field(default_factory=list)
    new_document_attributes: list[dict] = field(default_factory=list)
    code_map: dict[int, int] = field(default_factory=dict)
    new_codes: list[dict] = field(default_factory=list)
    code_updates: list[tuple[int, dict]] = field(default_factory=list)
    segment_map: dict[int, int] = field(default_factory=dict)
    new_segments: list[Any] = field(default_factory=list)  # the other file's coding rows (tuples)
    new_memos: list[dict] = field(default_factory=list)
    memo_updates: list[tuple[int, str]] = field(default_factory=list)
    review_map: dict[int, int] = field(default_factory=dict)
    new_reviews: list[dict] = field(default_factory=list)
    new_revisions: list[dict] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    same: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    applied: bool = False
    other_segment_uuids: dict[int, str] = field(default_factory=dict)

    def new_counts(self) -> dict[str, int]:
        return {"coders": len(self.new_coders), "cases": len(self.new_cases), "documents": len(self.new_documents),
                "codes": len(self.new_codes), "codings": len(self.new_segments),
                "memos": len(self.new_memos), "reviews": len(self.new_reviews),
                "revised_marks": len(self.new_revisions)}

    def changed_counts(self) -> dict[str, int]:
        return {"codes": len(self.code_updates), "memos": len(self.memo_updates)}

    @property
    def unanswered(self) -> list[MergeConflict]:
        return [c for c in self.conflicts if c.resolution is None]

    @property
    def adds_nothing(self) -> bool:
        return not any(self.new_counts().values()) and not any(self.changed_counts().values())

    def as_json(self) -> dict[str, Any]:
        return {"new": self.new_counts(), "changed": self.changed_counts(), "same": dict(self.same),
                "skipped": dict(self.skipped), "conflicts": [c.as_json() for c in self.conflicts],
                "applied": self.applied}


def _fold(text: str) -> str:
    return text.casefold().strip()


def plan_merge(target: dict[str, list[dict]], other: dict[str, list[dict]],
               resolutions: dict[str, str] | None = None) -> MergePlan:
    """Match the rows of ``other`` against ``target`` (both from ``project.merging.rows()``).

    ``resolutions`` maps a conflict's key (the other file's UUID of the code or memo) or
    the code's name to one of its choices.
    """
    answers = {k.casefold(): v for k, v in (resolutions or {}).items()}
    plan = MergePlan()

    def answer(kind: str, key: str, name: str, default: str | None) -> str | None:
        value = answers.get(key.casefold(), answers.get(name.casefold()))
        if value is not None and value not in CHOICES[kind]:
            raise QdaError(tr("jawaban untuk {name} tidak dikenal: {v} (pilih: {all})", name=name, v=value,
                              all=", ".join(CHOICES[kind])))
        return value or default

    def conflict(kind: str, key: str, name: str, t: str, o: str, default: str | None) -> str | None:
        res = answer(kind, key, name, default)
        plan.conflicts.append(MergeConflict(kind, key, name, t, o, res))
        return res

    # coders and cases: by UUID, then by name
    for table, mapping, new in (("coder", plan.coder_map, plan.new_coders), ("cases", plan.case_map, plan.new_cases)):
        by_uuid = {r["uuid"]: r["id"] for r in target[table]}
        by_name = {_fold(r["name"]): r["id"] for r in target[table]}
        for r in other[table]:
            found = by_uuid.get(r["uuid"]) or by_name.get(_fold(r["name"]))
            if found:
                mapping[r["id"]] = found
                plan.same["coders" if table == "coder" else "cases"] += 1
            else:
                new.append(r)
    new_case_ids = {c["id"] for c in plan.new_cases}
    t_case_attrs = {(a["case_id"], a["key"]): a["value"] for a in target["case_attribute"]}
    case_names = {c["id"]: c["name"] for c in other["cases"]}
    for a in other["case_attribute"]:
        if a["case_id"] in new_case_ids:
            plan.new_case_attributes.append(a)
        elif a["case_id"] in plan.case_map:
            have = t_case_attrs.get((plan.case_map[a["case_id"]], a["key"]))
            if have is None:
                plan.new_case_attributes.append(a)
            elif have != a["value"]:
                conflict("attribute", f"{case_names.get(a['case_id'])}:{a['key']}",
                         f"{case_names.get(a['case_id'])} · {a['key']}", have, a["value"], "keep")

    # documents: by the hash of their text
    t_docs = target["document"]
    by_hash: dict[str, list[dict]] = {}
    for d in t_docs:
        by_hash.setdefault(content_hash(d["text"]), []).append(d)
    t_by_uuid = {d["uuid"]: d for d in t_docs}
    t_by_name = {d["name"].casefold(): d for d in t_docs}
    for d in other["document"]:
        same = by_hash.get(content_hash(d["text"]))
        if same:
            pick = next((x for x in same if x["uuid"] == d["uuid"]), same[0])
            plan.document_map[d["id"]] = pick["id"]
            plan.same["documents"] += 1
            continue
        clash = t_by_uuid.get(d["uuid"]) or t_by_name.get(d["name"].casefold())
        if clash is not None:
            conflict("document_text", d["uuid"], d["name"], tr("{n} karakter", n=len(clash["text"])),
                     tr("{n} karakter", n=len(d["text"])), "skip")
            continue
        plan.new_documents.append(d)
    new_doc_ids = {d["id"] for d in plan.new_documents}
    plan.new_turns = [t for t in other["turn"] if t["document_id"] in new_doc_ids]
    t_doc_attrs = {(a["document_id"], a["key"]) for a in target["document_attribute"]}
    for a in other["document_attribute"]:
        if a["document_id"] in new_doc_ids or (
                a["document_id"] in plan.document_map
                and (plan.document_map[a["document_id"]], a["key"]) not in t_doc_attrs):
            plan.new_document_attributes.append(a)

    # codes: by UUID, then by group + name; a name in another group is ambiguous
    t_codes = target["code"]
    tc_uuid = {c["uuid"]: c for c in t_codes}
    tc_name = {_fold(c["name"]): c for c in t_codes}
    used_names = set(tc_name)
    for c in other["code"]:
        mine = tc_uuid.get(c["uuid"])
        if mine is not None:
            plan.code_map[c["id"]] = mine["id"]
            plan.same["codes"] += 1
            if mine["name"] != c["name"]:
                res = conflict("code_renamed", c["uuid"], mine["name"], mine["name"], c["name"], "keep")
                if res == "theirs":
                    if _fold(c["name"]) in used_names and _fold(c["name"]) != _fold(mine["name"]):
                        raise QdaError(tr("kode {name} tidak dapat diganti nama menjadi {new}: nama itu sudah dipakai",
                                          name=mine["name"], new=c["name"]))
                    plan.code_updates.append((mine["id"], {k: c[k] for k in CODE_FIELDS}))
                    used_names.add(_fold(c["name"]))
                continue
            diff = [k for k in CODE_FIELDS if k != "name" and mine[k] != c[k]]
            if diff:
                res = conflict("code_changed", c["uuid"], mine["name"], ", ".join(diff), ", ".join(diff), "keep")
                if res == "theirs":
                    plan.code_updates.append((mine["id"], {k: c[k] for k in diff}))
            continue
        named = tc_name.get(_fold(c["name"]))
        if named is not None and named["grp"] == c["grp"]:
            plan.code_map[c["id"]] = named["id"]
            plan.same["codes"] += 1
            continue
        if named is not None:
            res = conflict("code_ambiguous", c["uuid"], c["name"], named["grp"], c["grp"], None)
            if res == "map":
                plan.code_map[c["id"]] = named["id"]
            elif res == "new":
                n, base = 2, c["name"]
                while _fold(f"{base} ({n})") in used_names:
                    n += 1
                renamed = dict(c, name=f"{base} ({n})")
                used_names.add(_fold(renamed["name"]))
                plan.new_codes.append(renamed)
            continue
        used_names.add(_fold(c["name"]))
        plan.new_codes.append(c)
    new_code_ids = {c["id"] for c in plan.new_codes}

    # codings: by document + span + code + coder (matched with numpy over sorted keys)
    new_coder_ids = {c["id"] for c in plan.new_coders}
    _match_codings(plan, target["segment"], other["segment"], new_doc_ids, new_code_ids, conflict)
    new_seg_ids = {s[S_ID] for s in plan.new_segments}

    def mapped_segment(sid: int) -> bool:
        return sid in new_seg_ids or (sid in plan.segment_map and plan.segment_map[sid] > 0)

    # memos by UUID; two memos on the same thing are joined unless answered otherwise
    t_memo_uuid = {m["uuid"]: m for m in target["memo"]}
    column = {"document": "document_id", "code": "code_id", "segment": "segment_id", "case": "case_id"}
    maps = {"document": (plan.document_map, new_doc_ids), "code": (plan.code_map, new_code_ids),
            "segment": (plan.segment_map, new_seg_ids), "case": (plan.case_map, new_case_ids)}
    t_memo_target = {}
    for m in target["memo"]:
        kind = m["target_kind"]
        t_memo_target[(kind, m[column[kind]] if kind != "project" else None)] = m
    for m in other["memo"]:
        kind = m["target_kind"]
        mine = t_memo_uuid.get(m["uuid"])
        if mine is not None:
            if mine["text"] != m["text"] and m["text"] not in mine["text"]:
                res = conflict("memo_text", m["uuid"], tr("memo {kind}", kind=kind), mine["text"][:60],
                               m["text"][:60], "keep")
                if res == "theirs":
                    plan.memo_updates.append((mine["id"], m["text"]))
            else:
                plan.same["memos"] += 1
            continue
        if kind != "project":
            mapping, fresh = maps[kind]
            ref = m[column[kind]]
            if ref in fresh:
                plan.new_memos.append(m)
                continue
            if ref not in mapping or mapping[ref] < 0:
                plan.skipped["memos"] += 1
                continue
            there = t_memo_target.get((kind, mapping[ref]))
        else:
            there = t_memo_target.get(("project", None))
        if there is None:
            plan.new_memos.append(m)
        elif m["text"] in there["text"]:
            plan.same["memos"] += 1
        else:
            res = conflict("memo_target", m["uuid"], tr("memo {kind}", kind=kind), there["text"][:60],
                           m["text"][:60], "both")
            if res == "theirs":
                plan.memo_updates.append((there["id"], m["text"]))
            elif res == "both":
                plan.memo_updates.append((there["id"], there["text"].rstrip() + "\n\n" + m["text"]))

    # reviews and revised marks by UUID
    t_review_uuid = {r["uuid"]: r["id"] for r in target["review"]}
    for r in other["review"]:
        if r["uuid"] in t_review_uuid:
            plan.review_map[r["id"]] = t_review_uuid[r["uuid"]]
            plan.same["reviews"] += 1
        elif mapped_segment(r["segment_id"]) and (r["reviewer_id"] in plan.coder_map
                                                  or r["reviewer_id"] in new_coder_ids):
            plan.new_reviews.append(r)
        else:
            plan.skipped["reviews"] += 1
    new_review_ids = {r["id"] for r in plan.new_reviews}
    if plan.new_reviews:
        wanted = {r["segment_id"] for r in plan.new_reviews}
        plan.other_segment_uuids = {s[S_ID]: s[S_UUID] for s in other["segment"] if s[S_ID] in wanted}
    t_revision_uuid = {r["uuid"] for r in target["revision"]}
    for r in other["revision"]:
        if r["uuid"] in t_revision_uuid:
            plan.same["revised_marks"] += 1
        elif mapped_segment(r["segment_id"]) and (r["review_id"] in plan.review_map or r["review_id"] in new_review_ids):
            plan.new_revisions.append(r)
        else:
            plan.skipped["revised_marks"] += 1
    return plan


def _id_table(np: Any, mapping: dict[int, int], new: set[int], values: Any) -> Any:
    """For each id in ``values``: its target id, -2 when it is new here, -1 when it is left out."""
    top = int(max([int(values.max()) if len(values) else 0, *mapping, *new, 0])) + 1
    table = np.full(top, -1, dtype=np.int64)
    for key in new:
        table[key] = -2
    for key, value in mapping.items():
        table[key] = value
    return table[values]


def _match_codings(plan: MergePlan, t_rows: list[Any], o_rows: list[Any], new_doc_ids: set[int],
                   new_code_ids: set[int], conflict: Any) -> None:
    """Codings of the other file: the same (document + span + code + coder), new, in conflict or left out.

    The rules, in the other file's order: a coding whose document, code or coder is left out is
    skipped; one whose key exists in the target maps onto it; one whose UUID exists in the target
    under another key is a ``coding_changed`` conflict (the target's is kept); two of the other
    file's codings with one key (two codes mapped onto one) are added once.
    """
    import numpy as np
    from operator import itemgetter

    cols = itemgetter(S_ID, S_DOC, S_CODE, S_CODER, S_START, S_END)
    o = np.array([cols(r) for r in o_rows], dtype=np.int64).reshape(-1, 6)
    t = np.array([cols(r) for r in t_rows], dtype=np.int64).reshape(-1, 6)
    new_coder_ids = {c["id"] for c in plan.new_coders}
    doc = _id_table(np, plan.document_map, new_doc_ids, o[:, 1])
    code = _id_table(np, plan.code_map, new_code_ids, o[:, 2])
    coder = _id_table(np, plan.coder_map, new_coder_ids, o[:, 3])
    left_out = (doc == -1) | (code == -1) | (coder == -1)
    fresh = ~left_out & ((doc == -2) | (code == -2) | (coder == -2))
    known = np.flatnonzero(~left_out & ~fresh)
    if left_out.any():
        plan.skipped["codings"] += int(left_out.sum())
    t_uuid_set = {r[S_UUID] for r in t_rows}
    fresh_rows = np.flatnonzero(fresh)
    taken = np.fromiter((o_rows[i][S_UUID] in t_uuid_set for i in fresh_rows.tolist()), bool, len(fresh_rows))
    if taken.any():
        plan.skipped["codings"] += int(taken.sum())
    # known rows against the target's keys: sort both together by key, the target's first in a key
    n_t = len(t)
    keys = [np.concatenate((t[:, j], part)) for j, part in
            ((1, doc[known]), (4, o[known, 4]), (5, o[known, 5]), (2, code[known]), (3, coder[known]))]
    src = np.concatenate((np.zeros(n_t, dtype=np.int64), np.ones(len(known), dtype=np.int64)))
    pos = np.concatenate((np.arange(n_t), known))
    order = np.lexsort((pos, src, *reversed(keys)))
    sorted_keys = [k[order] for k in keys]
    change = np.zeros(len(order), dtype=bool)
    if len(order):
        change[0] = True
        for k in sorted_keys:
            change[1:] |= k[1:] != k[:-1]
    group = np.cumsum(change) - 1
    first = np.flatnonzero(change)
    first_src = src[order][first]
    first_pos = pos[order][first]
    is_other = src[order] == 1
    rows_g, rows_i = group[is_other], pos[order][is_other]
    found_target = first_src[rows_g] == 0
    hits = rows_i[found_target]
    plan.segment_map.update(zip(o[hits, 0].tolist(), t[first_pos[rows_g[found_target]], 0].tolist()))
    same = len(hits)
    # the rest, in the other file's order: per key the first coding whose UUID the target lacks is
    # new and later ones with that key map onto it; one whose UUID the target holds under another
    # key before that is a conflict (the target's coding is kept)
    by_i = np.argsort(rows_i[~found_target], kind="stable")
    rest_i, rest_g = rows_i[~found_target][by_i], rows_g[~found_target][by_i]
    owned = np.fromiter((o_rows[i][S_UUID] in t_uuid_set for i in rest_i.tolist()), bool, len(rest_i))
    open_i, open_g = rest_i[~owned], rest_g[~owned]
    _, first_at = np.unique(open_g, return_index=True)
    first_at.sort()  # the first coding of each key, in the other file's order
    added_i, added_g = open_i[first_at], open_g[first_at]
    n_groups = int(group[-1]) + 1 if len(group) else 0
    added_at = np.full(n_groups, -1, dtype=np.int64)  # per key: the other file's row added for it
    added_at[added_g] = added_i
    placeholder = np.zeros(n_groups, dtype=np.int64)
    placeholder[added_g] = -1 - np.arange(len(added_g))
    later = added_at[rest_g]
    is_conflict = owned & ((later < 0) | (rest_i < later))
    is_dup = ~is_conflict & (rest_i != later)
    dup_i = rest_i[is_dup]
    plan.segment_map.update(zip(o[dup_i, 0].tolist(), placeholder[rest_g[is_dup]].tolist()))
    same += len(dup_i)
    conflicts = rest_i[is_conflict].tolist()
    if conflicts:
        t_ids = {r[S_UUID]: r[S_ID] for r in t_rows}
        for i in conflicts:
            plan.segment_map[int(o[i, 0])] = t_ids[o_rows[i][S_UUID]]
    if same:
        plan.same["codings"] += same
    for i in conflicts:
        conflict("coding_changed", o_rows[i][S_UUID], tr("segmen {s}–{e}", s=int(o[i, 4]), e=int(o[i, 5])), "", "",
                 "keep")
    outcome = np.sort(np.concatenate((fresh_rows[~taken], added_i)))
    plan.new_segments.extend(o_rows[i] for i in outcome.tolist())


def _events_for(plan: MergePlan, other_project: Any, source: str) -> list[tuple[Any, ...]]:
    """The other file's history of what is new here, and one line per merged review."""
    uuids = {d["uuid"] for d in plan.new_documents} | {c["uuid"] for c in plan.new_codes} | {
        s[S_UUID] for s in plan.new_segments}
    events = other_project.merging.events_of(uuids)
    seg_uuid = plan.other_segment_uuids
    for r in plan.new_reviews:
        events.append((r["created"], r["reviewer_id"], "review.add", "segment", seg_uuid.get(r["segment_id"]),
                       json.dumps({"status": r["status"], "comment": r["comment"], "review_uuid": r["uuid"],
                                   "merged_from": source}, ensure_ascii=False)))
    return events


def merge_projects(target: Any, other_path: str | Path, *, dry_run: bool = False,
                   resolutions: dict[str, str] | None = None) -> MergePlan:
    """Merge the project file at ``other_path`` into the open project ``target``.

    With ``dry_run`` nothing is written. Unanswered ambiguous codes raise
    :class:`MergeNeedsAnswers` (naming them) before anything is written.
    """
    from qda.store import Project

    other_path = Path(other_path)
    if other_path.resolve() == Path(target.path).resolve():
        raise QdaError(tr("{path}: proyek tidak dapat digabung dengan dirinya sendiri", path=other_path))
    with Project.open(other_path, read_only=True) as other, paused_gc():
        plan = plan_merge(target.merging.rows(), other.merging.rows(), resolutions)
        if dry_run:
            return plan
        if plan.unanswered:
            names = ", ".join(f"{c.name} ({c.target} / {c.other})" for c in plan.unanswered)
            raise MergeNeedsAnswers(tr("{path}: kode dengan nama sama di kelompok lain: {names}; jawab dengan "
                                       "--resolve NAMA=map (pakai kode yang ada) atau NAMA=new (tambah kode baru)",
                                       path=other_path, names=names))
        events = _events_for(plan, other, other_path.name)
    summary = {"source": str(other_path), "new": plan.new_counts(), "changed": plan.changed_counts(),
               "conflicts": len(plan.conflicts)}
    with paused_gc():
        target.merging.apply(plan, events, summary)
    plan.applied = True
    return plan
