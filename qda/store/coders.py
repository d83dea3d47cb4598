"""Coders (the people who code and review) and the current coder of an open project."""

from __future__ import annotations

from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.records import ROLES, Coder
from qda.store.repository import Repository

CoderRef = Coder | int | str


class CoderRepository(Repository):
    """``project.coders``: who writes (every event names them) and everyone who ever coded."""

    @property
    def current(self) -> Coder:
        """The current coder (a default one is created on first write if none was chosen)."""
        project = self._project
        if project._coder is None:
            existing = self._tuples("SELECT id, uuid, name, role FROM coder ORDER BY id LIMIT 1")
            if existing:
                project._coder = Coder(*existing[0])
            elif project.read_only:
                return Coder(0, "", "", "coder")
            else:
                project._coder = self.set_current(tr("Peneliti"), "coder")
        return project._coder

    def set_current(self, name: str, role: str | None = None) -> Coder:
        """Make ``name`` the current coder, creating it if new.

        ``role`` ("coder" or "supervisor") changes an existing coder's role; ``None``
        keeps it (and gives a new coder the role "coder").
        """
        name = name.strip()
        if not name:
            raise NotFound(tr("nama pengode tidak boleh kosong"))
        found = self._tuples("SELECT id, uuid, name, role FROM coder WHERE name = ?", (name,))
        if role is None:
            role = found[0][3] if found else "coder"
        if role not in ROLES:
            raise InvalidValue(tr("peran tidak dikenal: {role}", role=role))
        if found:
            coder = Coder(*found[0])
            if coder.role != role:
                with self.atomic():
                    self._exec("UPDATE coder SET role = ? WHERE id = ?", (role, coder.id))
                    self._log("coder.role", "coder", coder.uuid, role=role)
                coder = Coder(coder.id, coder.uuid, coder.name, role)
        else:
            uid = new_uuid()
            with self.atomic():
                cur = self._exec("INSERT INTO coder(uuid, name, role, created) VALUES (?, ?, ?, ?)",
                                 (uid, name, role, now()))
                coder = Coder(int(cur.lastrowid or 0), uid, name, role)
                self._project._coder = coder
                self._log("coder.add", "coder", uid, name=name, role=role)
        self._project._coder = coder
        return coder

    def act_as(self, name: str) -> Coder:
        """Make the existing coder ``name`` the current one without writing (who is looking, for blind coding).

        :class:`NotFound` names the nearest coders when ``name`` is not one of them.
        """
        found = self._tuples("SELECT id, uuid, name, role FROM coder WHERE name = ? COLLATE NOCASE", (name.strip(),))
        if not found:
            from qda.nearest import not_found

            raise NotFound(not_found(tr("pengode"), name, [c.name for c in self.all()], "qda review summary PROYEK"))
        self._project._coder = Coder(*found[0])
        return self._project._coder

    def find(self, name: str) -> Coder:
        """The coder called ``name`` (:class:`NotFound` otherwise)."""
        found = self._tuples("SELECT id, uuid, name, role FROM coder WHERE name = ?", (name,))
        if not found:
            raise NotFound(tr("pengode tidak ditemukan: {name}", name=name))
        return Coder(*found[0])

    def all(self) -> list[Coder]:
        """Every coder of the project, by name."""
        return [Coder(*r) for r in self._tuples("SELECT id, uuid, name, role FROM coder ORDER BY name")]

    def get(self, ref: CoderRef) -> Coder:
        """Resolve a coder given as record, id or name."""
        if isinstance(ref, Coder):
            return ref
        if isinstance(ref, int):
            found = self._tuples("SELECT id, uuid, name, role FROM coder WHERE id = ?", (ref,))
            if not found:
                raise NotFound(tr("pengode #{id} tidak ditemukan", id=ref))
            return Coder(*found[0])
        return self.find(ref)

    def counts(self) -> dict[int, int]:
        """Number of segments per coder id (coders without segments map to 0; blind coding applied)."""
        counts = {cid: 0 for (cid,) in self._tuples("SELECT id FROM coder")}
        clause, params = self._project.supervision.visible_clause("coder_id")
        counts.update(dict(self._tuples(
            f"SELECT coder_id, COUNT(*) FROM segment WHERE {clause} GROUP BY coder_id",
            params)))
        return counts
