"""Cases (informants, sites) and their attributes."""

from __future__ import annotations

from qda.errors import AlreadyExists, InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.documents import DocRef, attribute_key
from qda.store.records import Case
from qda.store.repository import Repository

CaseRef = Case | int | str


class CaseRepository(Repository):
    """``project.cases``: add, list, rename and delete cases; case attributes; linking documents to cases."""

    def ensure(self, name: str, attributes: dict[str, str] | None = None) -> int:
        """The id of the case called ``name``, created if new (call inside a transaction).

        ``attributes`` fill the case's attributes that are still empty: a new case gets them
        all (logged with its ``case.add``), an existing one each missing value as a
        ``case.attribute`` event; values already on the case are kept.
        """
        found = self._one("SELECT id FROM cases WHERE name = ?", (name,))
        if found:
            case_id = int(found)
            if attributes:
                present = dict(self._tuples("SELECT key, value FROM case_attribute WHERE case_id = ?", (case_id,)))
                uid = None
                for key, value in attributes.items():
                    if not present.get(key):
                        uid = uid or self._one("SELECT uuid FROM cases WHERE id = ?", (case_id,))
                        self._set_attribute(case_id, uid, key, value)
            return case_id
        uid = new_uuid()
        cur = self._exec("INSERT INTO cases(uuid, name, created) VALUES (?,?,?)", (uid, name, now()))
        self._log("case.add", "case", uid, name=name)
        case_id = int(cur.lastrowid or 0)
        if attributes:
            self._exec_many("INSERT INTO case_attribute(case_id, key, value) VALUES (?,?,?)",
                            [(case_id, attribute_key(key), str(value)) for key, value in attributes.items()])
        return case_id

    def add(self, name: str, attributes: dict[str, str] | None = None) -> Case:
        """Create a case with optional attributes."""
        name = name.strip()
        if not name:
            raise InvalidValue(tr("nama kasus tidak boleh kosong"))
        with self.atomic():
            if self._one("SELECT 1 FROM cases WHERE name = ?", (name,)):
                raise AlreadyExists(tr("kasus bernama {name} sudah ada", name=name))
            case_id = self.ensure(name, attributes)
        return self.get(case_id)

    def all(self) -> list[Case]:
        """Every case with its attributes."""
        attrs: dict[int, dict[str, str]] = {}
        for case_id, key, value in self._tuples("SELECT case_id, key, value FROM case_attribute ORDER BY rowid"):
            attrs.setdefault(case_id, {})[key] = value
        return [Case(i, u, n, attrs.get(i, {}))
                for i, u, n in self._tuples("SELECT id, uuid, name FROM cases ORDER BY name")]

    def get(self, ref: CaseRef) -> Case:
        """Resolve a case given as record, id or name."""
        if isinstance(ref, Case):
            ref = ref.id
        col = "id" if isinstance(ref, int) else "name"
        rows = self._tuples(f"SELECT id, uuid, name FROM cases WHERE {col} = ?", (ref,))
        if not rows:
            if isinstance(ref, int):
                raise NotFound(tr("kasus tidak ditemukan: {ref}", ref=ref))
            from qda.nearest import not_found

            names = [n for (n,) in self._tuples("SELECT name FROM cases ORDER BY name")]
            raise NotFound(not_found(tr("kasus"), ref, names, f"qda case {self._project.path.name} list"))
        i, u, n = rows[0]
        return Case(i, u, n, dict(self._tuples(
            "SELECT key, value FROM case_attribute WHERE case_id = ? ORDER BY rowid", (i,))))

    def rename(self, ref: CaseRef, new_name: str) -> Case:
        """Rename a case."""
        case = self.get(ref)
        new_name = new_name.strip()
        if not new_name:
            raise InvalidValue(tr("nama kasus tidak boleh kosong"))
        with self.atomic():
            if self._one("SELECT 1 FROM cases WHERE name = ? AND id != ?", (new_name, case.id)):
                raise AlreadyExists(tr("kasus bernama {name} sudah ada", name=new_name))
            self._exec("UPDATE cases SET name = ? WHERE id = ?", (new_name, case.id))
            self._log("case.rename", "case", case.uuid, old=case.name, new=new_name)
        return self.get(case.id)

    def delete(self, ref: CaseRef) -> None:
        """Delete a case; its documents stay, unlinked."""
        case = self.get(ref)
        with self.atomic():
            self._exec("DELETE FROM cases WHERE id = ?", (case.id,))
            self._log("case.delete", "case", case.uuid, name=case.name)

    def set_attribute(self, ref: CaseRef, key: str, value: str | None) -> None:
        """Set (or with ``None`` remove) one attribute of a case."""
        case = self.get(ref)
        with self.atomic():
            self._set_attribute(case.id, case.uuid, key, value)

    def _set_attribute(self, case_id: int, case_uuid: str, key: str, value: str | None) -> None:
        key = attribute_key(key)
        if value is None:
            self._exec("DELETE FROM case_attribute WHERE case_id = ? AND key = ?", (case_id, key))
        else:
            self._exec("INSERT INTO case_attribute(case_id, key, value) VALUES (?,?,?) "
                       "ON CONFLICT(case_id, key) DO UPDATE SET value = excluded.value", (case_id, key, str(value)))
        self._log("case.attribute", "case", case_uuid, key=key, value=value)

    def assign(self, doc_ref: DocRef, case_ref: CaseRef | None) -> None:
        """Link a document to a case (or unlink it with ``None``)."""
        doc = self._project.documents.get(doc_ref)
        case_id = self.get(case_ref).id if case_ref is not None else None
        with self.atomic():
            self._exec("UPDATE document SET case_id = ? WHERE id = ?", (case_id, doc.id))
            self._log("document.case", "document", doc.uuid, case_id=case_id)

    def of_document(self, doc_ref: DocRef) -> Case | None:
        """The case a document belongs to, if any."""
        doc = self._project.documents.get(doc_ref)
        return self.get(doc.case_id) if doc.case_id else None
