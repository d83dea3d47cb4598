"""Survey data and instruments kept in the project as JSON."""

from __future__ import annotations

from qda.errors import NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.repository import Repository


class SurveyRepository(Repository):
    """``project.surveys``: save, list and load questionnaire data sets with their instrument and settings."""

    def save(self, name: str, data_json: str, instrument_json: str, settings_json: str = "{}") -> None:
        """Create or replace the survey called ``name``."""
        stamp = now()
        with self.atomic():
            existing = self._tuples("SELECT id, uuid FROM survey WHERE name = ?", (name,))
            if existing:
                self._exec("UPDATE survey SET data_json = ?, instrument_json = ?, settings_json = ?, modified = ? "
                           "WHERE id = ?", (data_json, instrument_json, settings_json, stamp, existing[0][0]))
                self._log("survey.update", "survey", existing[0][1], name=name)
            else:
                uid = new_uuid()
                self._exec("INSERT INTO survey(uuid, name, data_json, instrument_json, settings_json, created, "
                           "modified) VALUES (?,?,?,?,?,?,?)",
                           (uid, name, data_json, instrument_json, settings_json, stamp, stamp))
                self._log("survey.add", "survey", uid, name=name)

    def names(self) -> list[str]:
        """Names of the stored surveys."""
        return [r[0] for r in self._tuples("SELECT name FROM survey ORDER BY name")]

    def load(self, name: str) -> dict[str, str]:
        """The stored JSON texts of a survey: ``data_json``, ``instrument_json``, ``settings_json``."""
        rows = self._rows("SELECT data_json, instrument_json, settings_json FROM survey WHERE name = ?", (name,))
        if not rows:
            raise NotFound(tr("survei tidak ditemukan: {name}", name=name))
        return rows[0]

    def delete(self, name: str) -> None:
        """Remove a stored survey."""
        with self.atomic():
            uid = self._one("SELECT uuid FROM survey WHERE name = ?", (name,))
            if uid is None:
                raise NotFound(tr("survei tidak ditemukan: {name}", name=name))
            self._exec("DELETE FROM survey WHERE name = ?", (name,))
            self._log("survey.delete", "survey", uid, name=name)
