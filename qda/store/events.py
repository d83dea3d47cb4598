"""Reading the append-only audit trail (writes go through ``Repository._log``)."""

from __future__ import annotations

import json

from qda.store.records import Event
from qda.store.repository import Repository


class EventRepository(Repository):
    """``project.events``: who did what, when, with the before/after in each event's detail."""

    def all(self, entity_uuid: str | None = None) -> list[Event]:
        """The audit trail, oldest first (optionally only one entity's history)."""
        sql = "SELECT id, time, coder_id, action, entity, entity_uuid, detail FROM event"
        params: tuple[str, ...] = ()
        if entity_uuid:
            sql += " WHERE entity_uuid = ?"
            params = (entity_uuid,)
        return [Event(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]))
                for r in self._tuples(sql + " ORDER BY id", params)]
