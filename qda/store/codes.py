"""The codebook inside a project: codes with hierarchy, colours, definitions and indicators."""

from __future__ import annotations

import json
from typing import Any, Iterable

from qda.errors import AlreadyExists, CodeHasSegments, InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.domain import CODE_TEXT_FIELDS, GROUPS, check_color, next_color
from qda.store.records import Code
from qda.store.repository import Repository
from qda.store.snapshots import Snapshot, restore_rows, select_rows

CODE_COLUMNS = ("id, uuid, name, parent_id, grp, color, name_en, definition_id, definition_en, when_to_use_id, "
                "when_to_use_en, when_not_id, when_not_en, example, indicators, position")

CodeRef = Code | int | str


def _row_to_code(r: tuple[Any, ...]) -> Code:
    return Code(id=r[0], uuid=r[1], name=r[2], parent_id=r[3], group=r[4], color=r[5], name_en=r[6],
                definition_id=r[7], definition_en=r[8], when_to_use_id=r[9], when_to_use_en=r[10], when_not_id=r[11],
                when_not_en=r[12], example=r[13], indicators=tuple(json.loads(r[14] or "[]")), position=r[15])


def _check_group(group: str) -> str:
    if group not in GROUPS:
        raise InvalidValue(tr("kelompok kode tidak dikenal: {group}", group=group))
    return group


class CodeRepository(Repository):
    """``project.codes``: create, list, update, move, merge and delete codes."""

    def add(self, name: str, *, parent: CodeRef | None = None, group: str = "own", color: str | None = None,
            indicators: Iterable[str] = (), uuid: str | None = None, **fields: str) -> Code:
        """Add a code; ``fields`` are the text fields (definitions, when to use/not, example, name_en)."""
        name = name.strip()
        if not name:
            raise InvalidValue(tr("nama kode tidak boleh kosong"))
        _check_group(group)
        unknown = set(fields) - set(CODE_TEXT_FIELDS)
        if unknown:
            raise TypeError(f"unknown code fields: {', '.join(sorted(unknown))}")
        with self.atomic():
            if self._one("SELECT 1 FROM code WHERE name = ?", (name,)):
                raise AlreadyExists(tr("kode bernama {name} sudah ada", name=name))
            parent_id = self.get(parent).id if parent is not None else None
            count = self._one("SELECT COUNT(*) FROM code")
            if color:
                color = check_color(color)
            else:
                color = next_color(c for (c,) in self._tuples("SELECT color FROM code"))
            uid = uuid or new_uuid()
            cols = ["uuid", "name", "parent_id", "grp", "color", "indicators", "position", "created", "created_by"]
            vals: list[Any] = [uid, name, parent_id, group, color, json.dumps(list(indicators), ensure_ascii=False),
                               count, now(), self._project.coders.current.id or None]
            for key, value in fields.items():
                cols.append(key)
                vals.append(value or "")
            cur = self._exec(f"INSERT INTO code({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", vals)
            self._log("code.add", "code", uid, name=name, group=group, parent_id=parent_id)
        return self.get(int(cur.lastrowid or 0))

    def all(self) -> list[Code]:
        """All codes in tree order (parents before their children, siblings by position)."""
        rows = [_row_to_code(r) for r in self._tuples(f"SELECT {CODE_COLUMNS} FROM code ORDER BY position, id")]
        children: dict[int | None, list[Code]] = {}
        for c in rows:
            children.setdefault(c.parent_id, []).append(c)
        out: list[Code] = []

        def walk(pid: int | None) -> None:
            for c in children.get(pid, []):
                out.append(c)
                walk(c.id)

        walk(None)
        return out

    def get(self, ref: CodeRef) -> Code:
        """Resolve a code given as record, id or name."""
        if isinstance(ref, Code):
            ref = ref.id
        col = "id" if isinstance(ref, int) else "name"
        rows = self._tuples(f"SELECT {CODE_COLUMNS} FROM code WHERE {col} = ?", (ref,))
        if not rows:
            raise NotFound(self._not_found(ref))
        return _row_to_code(rows[0])

    def find(self, name: str) -> Code | None:
        """The code named ``name`` (matched as :meth:`get` matches a name), or None, without working out
        the nearest names a refusal would offer (an in-vivo name is usually new)."""
        rows = self._tuples(f"SELECT {CODE_COLUMNS} FROM code WHERE name = ?", (name,))
        return _row_to_code(rows[0]) if rows else None

    def _not_found(self, ref: object) -> str:
        """Why ``ref`` is no code: a group's name, or a typo with the nearest code names."""
        if isinstance(ref, int):
            return tr("kode #{id} tidak ditemukan", id=ref)
        from qda.codebook import DEFAULT_GROUPS
        from qda.nearest import not_found

        wanted = str(ref).strip().casefold()
        for group in DEFAULT_GROUPS:
            words = {group.key, group.name_id.casefold(), group.name_en.casefold(),
                     group.name_id.split()[0].casefold()}  # "Dimensi", "Faktor", "Kode"
            if wanted in words - {"kode"}:
                members = [n for n, g in self._tuples("SELECT name, grp FROM code ORDER BY name") if g == group.key]
                return tr("{ref} adalah nama kelompok, bukan kode; kode di kelompok ini: {names}", ref=ref,
                          names=", ".join(members) or "—")
        return not_found(tr("kode"), ref, self.names().values(), f"qda codes {self._project.path.name}")

    def names(self) -> dict[int, str]:
        """Code id → name, for every code."""
        return dict(self._tuples("SELECT id, name FROM code"))

    def counts(self) -> dict[int, int]:
        """Number of segments per code id (codes without segments map to 0; blind coding applied)."""
        counts = {cid: 0 for (cid,) in self._tuples("SELECT id FROM code")}
        clause, params = self._project.supervision.visible_clause("coder_id")
        counts.update(dict(self._tuples(
            f"SELECT code_id, COUNT(*) FROM segment WHERE {clause} GROUP BY code_id", params)))
        return counts

    def descendants(self, ref: CodeRef) -> list[int]:
        """Ids of every code below ``ref`` in the hierarchy."""
        root = self.get(ref).id
        return [r[0] for r in self._tuples(
            "WITH RECURSIVE d(id) AS (SELECT id FROM code WHERE parent_id = ? "
            "UNION ALL SELECT c.id FROM code c JOIN d ON c.parent_id = d.id) SELECT id FROM d", (root,))]

    def update(self, ref: CodeRef, **fields: Any) -> Code:
        """Change text fields, ``color``, ``group`` or ``indicators`` of a code."""
        code = self.get(ref)
        sets: list[str] = []
        vals: list[Any] = []
        old: dict[str, Any] = {}
        for key, value in fields.items():
            if key in CODE_TEXT_FIELDS:
                sets.append(f"{key} = ?")
                vals.append(value or "")
            elif key == "color":
                sets.append("color = ?")
                vals.append(check_color(value))
            elif key == "group":
                sets.append("grp = ?")
                vals.append(_check_group(value))
            elif key == "indicators":
                sets.append("indicators = ?")
                vals.append(json.dumps(list(value), ensure_ascii=False))
            else:
                raise TypeError(f"cannot update code field {key!r}")
            old[key] = getattr(code, key)
        if not sets:
            return code
        with self.atomic():
            self._exec(f"UPDATE code SET {', '.join(sets)} WHERE id = ?", (*vals, code.id))
            self._log("code.update", "code", code.uuid, **fields, old=old)
        return self.get(code.id)

    def rename(self, ref: CodeRef, new_name: str) -> Code:
        """Rename a code (names are unique)."""
        code = self.get(ref)
        new_name = new_name.strip()
        if not new_name:
            raise InvalidValue(tr("nama kode tidak boleh kosong"))
        with self.atomic():
            if self._one("SELECT 1 FROM code WHERE name = ? AND id != ?", (new_name, code.id)):
                raise AlreadyExists(tr("kode bernama {name} sudah ada", name=new_name))
            self._exec("UPDATE code SET name = ? WHERE id = ?", (new_name, code.id))
            self._log("code.rename", "code", code.uuid, old=code.name, new=new_name)
        return self.get(code.id)

    def recolor(self, ref: CodeRef, color: str) -> Code:
        """Give a code another colour."""
        return self.update(ref, color=color)

    def move(self, ref: CodeRef, new_parent: CodeRef | None, *, group: str | None = None) -> Code:
        """Put a code under another code, or at the top level (``None``) of its group or of ``group``.

        A moved code takes its new parent's group; its descendants follow it.
        """
        code = self.get(ref)
        parent_id = self.get(new_parent).id if new_parent is not None else None
        if parent_id is not None and (parent_id == code.id or parent_id in self.descendants(code.id)):
            raise InvalidValue(tr("kode {name} tidak dapat dipindah ke bawah dirinya sendiri atau turunannya",
                                  name=code.name))
        if group is not None:
            _check_group(group)
        with self.atomic():
            new_group = self.get(parent_id).group if parent_id is not None else (group or code.group)
            ids = [code.id, *self.descendants(code.id)]
            self._exec("UPDATE code SET parent_id = ? WHERE id = ?", (parent_id, code.id))
            self._exec(f"UPDATE code SET grp = ? WHERE id IN ({','.join('?' * len(ids))})", (new_group, *ids))
            self._log("code.move", "code", code.uuid, old_parent=code.parent_id, new_parent=parent_id,
                      old_group=code.group, new_group=new_group)
        return self.get(code.id)

    def merge(self, source: CodeRef, target: CodeRef) -> int:
        """Move every segment and child of ``source`` to ``target`` and delete ``source``.

        A segment identical to one the target already has (same document, span and
        coder) is dropped rather than duplicated. Returns the number of segments moved.
        """
        src, dst = self.get(source), self.get(target)
        if src.id == dst.id:
            raise InvalidValue(tr("kode tidak dapat digabung dengan dirinya sendiri"))
        if dst.id in self.descendants(src.id):
            raise InvalidValue(tr("kode {name} tidak dapat digabung ke dalam turunannya", name=src.name))
        with self.atomic():
            self._exec(
                'DELETE FROM segment WHERE code_id = ? AND EXISTS (SELECT 1 FROM segment t WHERE t.code_id = ? '
                'AND t.document_id = segment.document_id AND t.start = segment.start AND t."end" = segment."end" '
                'AND t.coder_id = segment.coder_id)', (src.id, dst.id))
            moved = self._exec("UPDATE segment SET code_id = ? WHERE code_id = ?", (dst.id, src.id)).rowcount
            self._exec("UPDATE code SET parent_id = ? WHERE parent_id = ?", (dst.id, src.id))
            self._exec("DELETE FROM code WHERE id = ?", (src.id,))
            self._log("code.merge", "code", src.uuid, source=src.name, target=dst.name, target_uuid=dst.uuid,
                      moved=moved)
        return moved

    def delete(self, ref: CodeRef, *, delete_segments: bool = False) -> int:
        """Delete a code; its children move up a level. Returns the number of segments removed.

        A code that has segments is only deleted with ``delete_segments=True``
        (otherwise :class:`CodeHasSegments`): it is never silent.
        """
        code = self.get(ref)
        with self.atomic():
            n = self._one("SELECT COUNT(*) FROM segment WHERE code_id = ?", (code.id,))
            if n and not delete_segments:
                raise CodeHasSegments(tr("kode {name} masih punya {n} segmen; hapus bersama segmennya secara tegas "
                                         "atau gabungkan ke kode lain", name=code.name, n=n))
            self._exec("UPDATE code SET parent_id = ? WHERE parent_id = ?", (code.parent_id, code.id))
            self._exec("DELETE FROM code WHERE id = ?", (code.id,))
            self._log("code.delete", "code", code.uuid, name=code.name, segments=n)
        return int(n)

    # ------------------------------------------------------------------ undo
    def snapshot(self, code_id: int) -> Snapshot:
        """A code with its memo, its segments (with their reviews and memos) and its children's links."""
        seg_ids = [r[0] for r in self._tuples("SELECT id FROM segment WHERE code_id = ?", (code_id,))]
        snap = self._project.segments.snapshot(seg_ids)
        snap["code"] = select_rows(self, "code", "id = ?", (code_id,))
        snap["memo"] = snap["memo"] + select_rows(self, "memo", "code_id = ?", (code_id,))
        snap["suggestion"] = select_rows(self, "suggestion", "code_id = ?", (code_id,))
        moved = {row["id"] for row in snap["suggestion"]}  # put back whole; no relink needed
        snap["relink"] = [(sid, seg) for sid, seg in snap["relink"] if sid not in moved]
        snap["reparent"] = [(cid, code_id) for (cid,) in self._tuples("SELECT id FROM code WHERE parent_id = ?",
                                                                       (code_id,))]
        return snap

    def restore(self, snap: Snapshot, *, action: str = "restore") -> None:
        """Put back a code deleted after :meth:`snapshot` (same ids and UUIDs), with all it had."""
        restore_rows(self, snap, action=action)

    def unmerge(self, snap: Snapshot) -> None:
        """Undo :meth:`merge` from the source's snapshot taken before it."""
        seg_ids = [row["id"] for row in snap.get("segment", [])]
        with self.atomic():
            for i in range(0, len(seg_ids), 500):
                part = seg_ids[i:i + 500]
                self._exec(f"DELETE FROM segment WHERE id IN ({','.join('?' * len(part))})", part)
            restore_rows(self, snap, action="undo")
            if snap.get("code"):
                self._log("code.unmerge", "code", snap["code"][0]["uuid"], segments=len(seg_ids))
