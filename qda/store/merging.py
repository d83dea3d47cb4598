"""Reading a whole project as plain rows, and writing a merge plan into the target in one transaction.

The matching itself (what is new, what is the same, what conflicts) is decided by
:mod:`qda.review.merge` on these rows; this module only holds the SQL.
"""

from __future__ import annotations

from typing import Any, Iterable

from qda.domain import CODE_TEXT_FIELDS
from qda.store.repository import Repository

_TABLES = {
    "coder": "SELECT id, uuid, name, role, created FROM coder",
    "cases": "SELECT id, uuid, name, created FROM cases",
    "case_attribute": "SELECT case_id, key, value FROM case_attribute",
    "document": ("SELECT id, uuid, name, kind, text, source_file, file_hash, fmt, encoding, length, words, "
                 "turn_count, imported_at, case_id FROM document"),
    "document_attribute": "SELECT document_id, key, value FROM document_attribute",
    "turn": 'SELECT document_id, seq, speaker, timestamp, start, "end" FROM turn',
    "code": ("SELECT id, uuid, name, parent_id, grp, color, name_en, definition_id, definition_en, when_to_use_id, "
             "when_to_use_en, when_not_id, when_not_en, example, indicators, position, created, created_by FROM code"),
    "segment": 'SELECT id, uuid, document_id, code_id, start, "end", coder_id, created FROM segment',
    "memo": ("SELECT id, uuid, target_kind, document_id, code_id, segment_id, case_id, text, coder_id, created, "
             "modified FROM memo"),
    "review": "SELECT id, uuid, segment_id, reviewer_id, status, comment, created FROM review",
    "revision": "SELECT id, uuid, segment_id, review_id, coder_id, comment, created FROM revision",
}
#: Positions in a coding row of :meth:`MergeRepository.rows` (the ``segment`` query's column order).
S_ID, S_UUID, S_DOC, S_CODE, S_START, S_END, S_CODER, S_CREATED = range(8)
#: Columns of an audit-trail line as :meth:`MergeRepository.events_of` returns it and ``apply`` writes it.
EVENT_COLUMNS = ("time", "coder_id", "action", "entity", "entity_uuid", "detail")
CODE_FIELDS = ("name", "grp", "color", *CODE_TEXT_FIELDS, "indicators")


class MergeRepository(Repository):
    """SQL of merging another coder's copy of a project into this one."""

    def rows(self) -> dict[str, list[Any]]:
        """Every table a merge looks at, as lists of row dicts (a table the file lacks is empty).

        Codings, by far the most rows, come as plain tuples (indexes ``S_ID`` … ``S_CREATED``).
        """
        have = {r[0] for r in self._tuples("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out: dict[str, list[Any]] = {}
        for table, sql in _TABLES.items():
            if table not in have:
                out[table] = []
            elif table == "segment":
                out[table] = self._tuples(sql)
            else:
                out[table] = self._rows(sql)
        return out

    def events_of(self, uuids: set[str]) -> list[tuple[Any, ...]]:
        """The audit-trail lines about these entities, oldest first, as ``EVENT_COLUMNS`` tuples.

        One query: the UUIDs as one JSON list.
        """
        import json

        if not uuids:
            return []
        return self._tuples(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM event "
            "WHERE entity_uuid IN (SELECT value FROM json_each(?)) ORDER BY id", (json.dumps(sorted(uuids)),))

    def apply(self, plan: Any, other_events: list[tuple[Any, ...]], summary: dict[str, Any]) -> None:
        """Write a merge plan (see :class:`qda.review.merge.MergePlan`); all of it or nothing.

        ``other_events`` are the other file's audit-trail lines (``EVENT_COLUMNS`` tuples, its
        coder ids). The new codings are written in the order of the target's identity index
        (document, span, code, coder), so the index pages fill in turn instead of at random.
        """
        with self.atomic():
            coder_ids = dict(plan.coder_map)
            for c in plan.new_coders:
                cur = self._exec("INSERT INTO coder(uuid, name, role, created) VALUES (?,?,?,?)",
                                 (c["uuid"], c["name"], c["role"], c["created"]))
                coder_ids[c["id"]] = cur.lastrowid
            case_ids = dict(plan.case_map)
            for c in plan.new_cases:
                cur = self._exec("INSERT INTO cases(uuid, name, created) VALUES (?,?,?)",
                                 (c["uuid"], c["name"], c["created"]))
                case_ids[c["id"]] = cur.lastrowid
            self._exec_many("INSERT OR IGNORE INTO case_attribute(case_id, key, value) VALUES (?,?,?)",
                            [(case_ids[a["case_id"]], a["key"], a["value"]) for a in plan.new_case_attributes])
            doc_ids = dict(plan.document_map)
            for d in plan.new_documents:
                cur = self._exec(
                    "INSERT INTO document(uuid, name, kind, text, source_file, file_hash, fmt, encoding, length, "
                    "words, turn_count, imported_at, case_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (d["uuid"], d["name"], d["kind"], d["text"], d["source_file"], d["file_hash"], d["fmt"],
                     d["encoding"], d["length"], d["words"], d["turn_count"], d["imported_at"],
                     case_ids.get(d["case_id"]) if d["case_id"] is not None else None))
                doc_ids[d["id"]] = cur.lastrowid
            self._exec_many('INSERT INTO turn(document_id, seq, speaker, timestamp, start, "end") VALUES (?,?,?,?,?,?)',
                            [(doc_ids[t["document_id"]], t["seq"], t["speaker"], t["timestamp"], t["start"], t["end"])
                             for t in plan.new_turns])
            self._exec_many("INSERT OR IGNORE INTO document_attribute(document_id, key, value) VALUES (?,?,?)",
                            [(doc_ids[a["document_id"]], a["key"], a["value"]) for a in plan.new_document_attributes])
            code_ids = dict(plan.code_map)
            for c in plan.new_codes:
                cur = self._exec(
                    "INSERT INTO code(uuid, name, parent_id, grp, color, name_en, definition_id, definition_en, "
                    "when_to_use_id, when_to_use_en, when_not_id, when_not_en, example, indicators, position, created, "
                    "created_by) VALUES (?,?,NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (c["uuid"], c["name"], c["grp"], c["color"], c["name_en"], c["definition_id"], c["definition_en"],
                     c["when_to_use_id"], c["when_to_use_en"], c["when_not_id"], c["when_not_en"], c["example"],
                     c["indicators"], c["position"], c["created"], coder_ids.get(c["created_by"])))
                code_ids[c["id"]] = cur.lastrowid
            for c in plan.new_codes:
                if c["parent_id"] is not None and c["parent_id"] in code_ids:
                    self._exec("UPDATE code SET parent_id = ? WHERE id = ?", (code_ids[c["parent_id"]], code_ids[c["id"]]))
            for target_id, fields in plan.code_updates:
                sets = ", ".join(f"{k} = ?" for k in fields)
                self._exec(f"UPDATE code SET {sets} WHERE id = ?", (*fields.values(), target_id))
            seg_ids = dict(plan.segment_map)
            # in the order of the index segment_identity (document, span, code, coder): its pages fill in turn
            rows = sorted([(doc_ids[s[S_DOC]], s[S_START], s[S_END], code_ids[s[S_CODE]], coder_ids[s[S_CODER]],
                            s[S_UUID], s[S_CREATED]) for s in plan.new_segments])
            last = self._one("SELECT IFNULL(MAX(id), 0) FROM segment")
            self._exec_many('INSERT INTO segment(document_id, start, "end", code_id, coder_id, uuid, created) '
                            "VALUES (?,?,?,?,?,?,?)", rows)
            if rows and (plan.new_memos or plan.new_reviews or plan.new_revisions):  # they may point at new codings
                by_uuid = {s[S_UUID]: s[S_ID] for s in plan.new_segments}
                placed: Iterable[tuple[Any, int]]
                if self._one("SELECT MAX(id) FROM segment") == last + len(rows):  # ids given in turn, as usual
                    placed = zip((r[5] for r in rows), range(last + 1, last + len(rows) + 1))
                else:
                    placed = self._tuples("SELECT uuid, id FROM segment WHERE id > ?", (last,))
                seg_ids.update((by_uuid[uid], sid) for uid, sid in placed)
            targets = {"document": doc_ids, "code": code_ids, "segment": seg_ids, "case": case_ids}
            for m in plan.new_memos:
                column = {"document": "document_id", "code": "code_id", "segment": "segment_id", "case": "case_id"}
                values = {"document_id": None, "code_id": None, "segment_id": None, "case_id": None}
                if m["target_kind"] != "project":
                    key = column[m["target_kind"]]
                    values[key] = targets[m["target_kind"]][m[key]]
                self._exec("INSERT INTO memo(uuid, target_kind, document_id, code_id, segment_id, case_id, text, "
                           "coder_id, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?)",
                           (m["uuid"], m["target_kind"], values["document_id"], values["code_id"],
                            values["segment_id"], values["case_id"], m["text"], coder_ids.get(m["coder_id"]),
                            m["created"], m["modified"]))
            for memo_id, text in plan.memo_updates:
                self._exec("UPDATE memo SET text = ? WHERE id = ?", (text, memo_id))
            review_ids = dict(plan.review_map)
            for r in plan.new_reviews:
                cur = self._exec("INSERT INTO review(uuid, segment_id, reviewer_id, status, comment, created) "
                                 "VALUES (?,?,?,?,?,?)", (r["uuid"], seg_ids[r["segment_id"]],
                                                          coder_ids[r["reviewer_id"]], r["status"], r["comment"],
                                                          r["created"]))
                review_ids[r["id"]] = cur.lastrowid
            for r in plan.new_revisions:
                self._exec("INSERT INTO revision(uuid, segment_id, review_id, coder_id, comment, created) "
                           "VALUES (?,?,?,?,?,?)", (r["uuid"], seg_ids[r["segment_id"]], review_ids[r["review_id"]],
                                                    coder_ids.get(r["coder_id"]), r["comment"], r["created"]))
            self._exec_many(f"INSERT INTO event({', '.join(EVENT_COLUMNS)}) VALUES (?,?,?,?,?,?)",
                            [(time, coder_ids.get(coder), action, entity, uid, detail)
                             for time, coder, action, entity, uid, detail in other_events])
            self._log("project.merge", "project", self._one("SELECT value FROM meta WHERE key = 'uuid'"), **summary)
