"""Store access for REFI-QDA exchange: reading a whole project for export, writing an import.

The importer calls these inside one :meth:`atomic` transaction, so a refused or failed
import leaves the project as it was. Every entity keeps the GUID it had in the other
program (normalised to lower case), which is what makes a second import add nothing.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from qda.store.base import now
from qda.store.repository import Repository

_UUID_TABLES = {"coder": "coder", "code": "code", "document": "document", "segment": "segment", "memo": "memo",
                "case": "cases"}
_MEMO_COLUMN = {"document": "document_id", "code": "code_id", "segment": "segment_id", "case": "case_id"}


class ExchangeRepository(Repository):
    """Bulk reads for export and GUID-keyed inserts for import."""

    # ------------------------------------------------------------------ reading
    def project_meta(self) -> dict[str, str]:
        """The project's uuid and creation time."""
        return dict(self._tuples("SELECT key, value FROM meta WHERE key IN ('uuid', 'created')"))

    def project_name(self) -> str | None:
        """The name the project had in the program it was imported from, if any."""
        return self._one("SELECT value FROM meta WHERE key = 'refi_name'")

    def coders(self) -> list[tuple[int, str, str]]:
        """(id, uuid, name) of every coder, oldest first."""
        return self._tuples("SELECT id, uuid, name FROM coder ORDER BY id")

    def codes(self) -> list[dict[str, Any]]:
        """Every code as a row (id, uuid, name, parent_id, grp, color, text fields, position)."""
        return self._rows("SELECT id, uuid, name, parent_id, grp, color, name_en, definition_id, definition_en, "
                          "when_to_use_id, when_to_use_en, when_not_id, when_not_en, example, indicators, position, created "
                          "FROM code ORDER BY position, id")

    def documents(self) -> list[dict[str, Any]]:
        """Every document without its text (id, uuid, name, imported_at, case_id, length), by name."""
        return self._rows("SELECT id, uuid, name, imported_at, case_id, length FROM document ORDER BY name, id")

    def text(self, document_id: int) -> str:
        """One document's stored text."""
        return self._one("SELECT text FROM document WHERE id = ?", (document_id,)) or ""

    def document_attributes(self) -> dict[int, dict[str, str]]:
        """Document id → its attributes."""
        out: dict[int, dict[str, str]] = {}
        for doc_id, key, value in self._tuples("SELECT document_id, key, value FROM document_attribute ORDER BY rowid"):
            out.setdefault(doc_id, {})[key] = value
        return out

    def cases(self) -> list[tuple[int, str, str, dict[str, str]]]:
        """(id, uuid, name, attributes) of every case, by name."""
        attrs: dict[int, dict[str, str]] = {}
        for case_id, key, value in self._tuples("SELECT case_id, key, value FROM case_attribute ORDER BY rowid"):
            attrs.setdefault(case_id, {})[key] = value
        return [(i, u, n, attrs.get(i, {})) for i, u, n in self._tuples("SELECT id, uuid, name FROM cases ORDER BY name")]

    def document_segments(self, document_id: int) -> list[tuple[int, int, int, int, str, str]]:
        """(start, end, code_id, coder_id, uuid, created) of one document's codings, by span and uuid."""
        return self._tuples('SELECT start, "end", code_id, coder_id, uuid, created FROM segment WHERE document_id = ? '
                            'ORDER BY start, "end", uuid', (document_id,))

    def memo_targets(self) -> list[tuple[str, str, int | None]]:
        """(uuid, target kind, target id) of every memo (without its text)."""
        return self._tuples("SELECT uuid, target_kind, COALESCE(document_id, code_id, segment_id, case_id) FROM memo "
                            "ORDER BY uuid")

    def segment_memos(self) -> dict[str, str]:
        """Segment uuid → uuid of the memo on it."""
        return dict(self._tuples("SELECT s.uuid, m.uuid FROM memo m JOIN segment s ON s.id = m.segment_id "
                                 "WHERE m.target_kind = 'segment'"))

    def case_memos(self) -> list[tuple[int, str]]:
        """(case id, text) of every memo on a case."""
        return self._tuples("SELECT case_id, text FROM memo WHERE target_kind = 'case' AND case_id IS NOT NULL")

    def notes(self, page: int = 500) -> Iterator[tuple[str, str, int | None, str]]:
        """(uuid, text, coder_id, created) of every memo that is not on a case, by uuid, a page at a time."""
        last = ""
        while True:
            rows = self._tuples("SELECT uuid, text, coder_id, created FROM memo WHERE target_kind != 'case' "
                                "AND uuid > ? ORDER BY uuid LIMIT ?", (last, page))
            yield from rows
            if len(rows) < page:
                return
            last = rows[-1][0]

    # ------------------------------------------------------------------ lookups for import
    def uuid_index(self, entity: str) -> dict[str, int]:
        """uuid (lower case) → id for ``coder``, ``code``, ``document``, ``segment``, ``memo`` or ``case``."""
        return {u.lower(): i for i, u in self._tuples(f"SELECT id, uuid FROM {_UUID_TABLES[entity]}")}

    def names(self, entity: str) -> dict[str, int]:
        """casefolded name → id for ``coder``, ``code``, ``document`` or ``case``."""
        return {n.casefold(): i for i, n in self._tuples(f"SELECT id, name FROM {_UUID_TABLES[entity]}")}

    def code_count(self) -> int:
        """Number of codes (the next position)."""
        return self._one("SELECT COUNT(*) FROM code") or 0

    def code_group(self, code_id: int) -> str:
        """The group of a code."""
        return self._one("SELECT grp FROM code WHERE id = ?", (code_id,)) or "own"

    def segment_identities(self, document_ids: Iterable[int]) -> set[tuple[int, int, int, int, int]]:
        """(document, start, end, code, coder) of the codings already in these documents."""
        ids = sorted(set(document_ids))
        out: set[tuple[int, int, int, int, int]] = set()
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            out.update(self._tuples(f'SELECT document_id, start, "end", code_id, coder_id FROM segment '
                                    f'WHERE document_id IN ({",".join("?" * len(part))})', part))
        return out

    def memo_of(self, kind: str, target_id: int | None) -> tuple[int, str, str] | None:
        """(id, uuid, text) of the memo on a target, if any."""
        if kind == "project":
            rows = self._tuples("SELECT id, uuid, text FROM memo WHERE target_kind = 'project'")
        else:
            rows = self._tuples(f"SELECT id, uuid, text FROM memo WHERE target_kind = ? AND {_MEMO_COLUMN[kind]} = ?",
                                (kind, target_id))
        return rows[0] if rows else None

    # ------------------------------------------------------------------ writing (inside atomic())
    def insert_coder(self, uuid: str, name: str) -> int:
        """A new coder with the other program's user GUID."""
        cur = self._exec("INSERT INTO coder(uuid, name, role, created) VALUES (?, ?, 'coder', ?)", (uuid, name, now()))
        self._log("coder.add", "coder", uuid, name=name, role="coder", via="refi-qda")
        return int(cur.lastrowid or 0)

    def insert_code(self, uuid: str, name: str, *, parent_id: int | None, group: str, color: str, position: int,
                    fields: dict[str, str], created: str | None = None, created_by: int | None = None) -> int:
        """A new code with the other program's GUID."""
        cols = ["uuid", "name", "parent_id", "grp", "color", "position", "created", "created_by", *fields]
        vals = [uuid, name, parent_id, group, color, position, created or now(), created_by, *fields.values()]
        cur = self._exec(f"INSERT INTO code({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", vals)
        self._log("code.add", "code", uuid, name=name, group=group, parent_id=parent_id, via="refi-qda")
        return int(cur.lastrowid or 0)

    def set_code_group(self, code_ids: list[int], group: str) -> None:
        """Put imported codes into a group of qda's codebook."""
        for cid in code_ids:
            self._exec("UPDATE code SET grp = ? WHERE id = ?", (group, cid))

    def insert_document(self, uuid: str, name: str, text: str, *, kind: str, source_file: str | None,
                        file_hash: str, words: int, imported_at: str | None = None) -> int:
        """A new document with the other program's source GUID."""
        cur = self._exec(
            "INSERT INTO document(uuid, name, kind, text, length, source_file, file_hash, fmt, encoding, words, "
            "turn_count, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,0,?)",
            (uuid, name, kind, text, len(text), source_file, file_hash, "qdpx", "utf-8", words, imported_at or now()))
        self._log("document.add", "document", uuid, name=name, kind=kind, chars=len(text), hash=file_hash,
                  via="refi-qda")
        return int(cur.lastrowid or 0)

    def set_document_attributes(self, document_id: int, attributes: dict[str, str]) -> None:
        """Add attributes a document does not have yet (existing values are kept)."""
        for key, value in attributes.items():
            if key.strip() and value != "":
                self._exec("INSERT OR IGNORE INTO document_attribute(document_id, key, value) VALUES (?,?,?)",
                           (document_id, key.strip(), value))

    def insert_case(self, uuid: str, name: str) -> int:
        """A new case with the other program's GUID."""
        cur = self._exec("INSERT INTO cases(uuid, name, created) VALUES (?,?,?)", (uuid, name, now()))
        self._log("case.add", "case", uuid, name=name, via="refi-qda")
        return int(cur.lastrowid or 0)

    def set_case_attributes(self, case_id: int, attributes: dict[str, str]) -> None:
        """Add attributes a case does not have yet (existing values are kept)."""
        for key, value in attributes.items():
            if key.strip() and value != "":
                self._exec("INSERT OR IGNORE INTO case_attribute(case_id, key, value) VALUES (?,?,?)",
                           (case_id, key.strip(), value))

    def link_case(self, document_id: int, case_id: int) -> None:
        """Link a document that has no case yet to a case."""
        self._exec("UPDATE document SET case_id = ? WHERE id = ? AND case_id IS NULL", (case_id, document_id))

    def insert_segments(self, rows: list[tuple[str, int, int, int, int, int, str]]) -> None:
        """Codings ``(uuid, document_id, code_id, start, end, coder_id, created)``, checked by the caller."""
        self._exec_many('INSERT INTO segment(uuid, document_id, code_id, start, "end", coder_id, created) '
                        'VALUES (?,?,?,?,?,?,?)', rows)
        self._log_many("segment.add", "segment", [(r[0], {"document_id": r[1], "code_id": r[2], "start": r[3],
                                                         "end": r[4], "via": "refi-qda"}) for r in rows])

    def segment_ids(self, uuids: Iterable[str]) -> dict[str, int]:
        """uuid → id for these segments."""
        wanted = list(uuids)
        out: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            out.update(self._tuples(f"SELECT uuid, id FROM segment WHERE uuid IN ({','.join('?' * len(part))})", part))
        return out

    def insert_memo(self, uuid: str, kind: str, target_id: int | None, text: str, coder_id: int | None,
                    created: str | None = None) -> None:
        """A new memo on a target that has none."""
        stamp = created or now()
        cols = ["uuid", "target_kind", "text", "coder_id", "created", "modified"]
        vals: list[Any] = [uuid, kind, text, coder_id, stamp, stamp]
        if kind != "project":
            cols.append(_MEMO_COLUMN[kind])
            vals.append(target_id)
        self._exec(f"INSERT INTO memo({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", vals)
        self._log("memo.add", "memo", uuid, target=kind, target_id=target_id, via="refi-qda")

    def append_memo(self, memo_id: int, uuid: str, text: str) -> None:
        """Add imported text to a memo a target already has."""
        self._exec("UPDATE memo SET text = text || ? , modified = ? WHERE id = ?", ("\n\n" + text, now(), memo_id))
        self._log("memo.edit", "memo", uuid, via="refi-qda")

    def keep_project_name(self, name: str) -> None:
        """Remember the imported project's name (the first import's name is kept)."""
        self._exec("INSERT OR IGNORE INTO meta(key, value) VALUES ('refi_name', ?)", (name,))

    def log_import(self, source: str, **counts: Any) -> None:
        """One summary event for a whole import."""
        self._log("exchange.import", "project", None, file=source, **counts)
