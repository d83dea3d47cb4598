"""Mixed methods in the project file: survey indicators linked to codes, joint-display notes and
chosen quotes, and informants (cases) linked to survey respondents.

An indicator is named by its survey (the stored survey's name), its variable key ("X") and its
name as the instrument gives it ("Kuantitas kerja"). Links, notes and respondents are kept by
those names, so they survive a re-import of the survey data with the same instrument.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qda.errors import InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.repository import Repository


@dataclass(frozen=True)
class IndicatorKey:
    """One survey indicator: ``survey`` name, ``variable`` key and ``indicator`` name."""

    survey: str
    variable: str
    indicator: str


@dataclass
class JointNote:
    """The researcher's convergence / divergence note and chosen quotes (segment ids) for one indicator."""

    key: IndicatorKey
    note: str = ""
    quotes: list[int] = field(default_factory=list)


class LinkRepository(Repository):
    """SQL of indicator ↔ code links, joint-display notes and case ↔ respondent links."""

    # ------------------------------------------------------------------ indicator links
    def _code(self, code) -> tuple[int, str]:
        rec = self._project.codes.get(code)
        return rec.id, rec.name

    def link(self, survey: str, variable: str, indicator: str, code) -> bool:
        """Link an indicator to a code; False when the link already existed."""
        key = _key(survey, variable, indicator)
        code_id, name = self._code(code)
        with self.atomic():
            if self._one("SELECT 1 FROM indicator_link WHERE survey = ? AND variable = ? AND indicator = ? "
                         "AND code_id = ?", (key.survey, key.variable, key.indicator, code_id)):
                return False
            uid = new_uuid()
            self._exec("INSERT INTO indicator_link(uuid, survey, variable, indicator, code_id, created) "
                       "VALUES (?,?,?,?,?,?)", (uid, key.survey, key.variable, key.indicator, code_id, now()))
            self._log("link.add", "indicator_link", uid, survey=key.survey, variable=key.variable,
                      indicator=key.indicator, code=name)
        return True

    def unlink(self, survey: str, variable: str, indicator: str, code) -> None:
        """Remove one indicator ↔ code link (NotFound when there is none)."""
        key = _key(survey, variable, indicator)
        code_id, name = self._code(code)
        with self.atomic():
            uid = self._one("SELECT uuid FROM indicator_link WHERE survey = ? AND variable = ? AND indicator = ? "
                            "AND code_id = ?", (key.survey, key.variable, key.indicator, code_id))
            if uid is None:
                raise NotFound(tr("indikator {ind} tidak ditautkan ke kode {code}", ind=key.indicator, code=name))
            self._exec("DELETE FROM indicator_link WHERE uuid = ?", (uid,))
            self._log("link.remove", "indicator_link", uid, survey=key.survey, variable=key.variable,
                      indicator=key.indicator, code=name)

    def links(self, survey: str | None = None) -> dict[IndicatorKey, list[int]]:
        """Code ids linked to each indicator (of ``survey``, or of every survey), in link order."""
        sql = "SELECT survey, variable, indicator, code_id FROM indicator_link"
        params: tuple = ()
        if survey is not None:
            sql += " WHERE survey = ?"
            params = (survey,)
        out: dict[IndicatorKey, list[int]] = {}
        for s, v, i, c in self._tuples(sql + " ORDER BY id", params):
            out.setdefault(IndicatorKey(s, v, i), []).append(c)
        return out

    # ------------------------------------------------------------------ joint notes
    def _note_row(self, key: IndicatorKey) -> tuple[int, str] | None:
        rows = self._tuples("SELECT id, uuid FROM joint_note WHERE survey = ? AND variable = ? AND indicator = ?",
                            (key.survey, key.variable, key.indicator))
        return rows[0] if rows else None

    def _ensure_note(self, key: IndicatorKey) -> tuple[int, str]:
        row = self._note_row(key)
        if row is not None:
            return row
        uid = new_uuid()
        cur = self._exec("INSERT INTO joint_note(uuid, survey, variable, indicator, note, modified) "
                         "VALUES (?,?,?,?,?,?)", (uid, key.survey, key.variable, key.indicator, "", now()))
        assert cur.lastrowid is not None
        return cur.lastrowid, uid

    def set_note(self, survey: str, variable: str, indicator: str, note: str) -> None:
        """The researcher's convergence / divergence note for an indicator."""
        key = _key(survey, variable, indicator)
        with self.atomic():
            before = self.note(survey, variable, indicator).note
            note_id, uid = self._ensure_note(key)
            self._exec("UPDATE joint_note SET note = ?, modified = ? WHERE id = ?", (note.strip(), now(), note_id))
            self._log("joint.note", "joint_note", uid, indicator=key.indicator, before=before, after=note.strip())

    def set_quotes(self, survey: str, variable: str, indicator: str, segments: list) -> None:
        """The representative quotes (segments, in order; at most two) chosen for an indicator."""
        key = _key(survey, variable, indicator)
        ids = []
        for seg in segments:
            rec = self._project.segments.get(seg)
            if rec.id not in ids:
                ids.append(rec.id)
        if len(ids) > 2:
            raise InvalidValue(tr("pilih satu atau dua kutipan representatif, bukan {n}", n=len(ids)))
        with self.atomic():
            before = self.note(survey, variable, indicator).quotes
            note_id, uid = self._ensure_note(key)
            self._exec("DELETE FROM joint_quote WHERE note_id = ?", (note_id,))
            for pos, sid in enumerate(ids):
                self._exec("INSERT INTO joint_quote(note_id, segment_id, position) VALUES (?,?,?)",
                           (note_id, sid, pos))
            self._log("joint.quotes", "joint_note", uid, indicator=key.indicator, before=before, after=ids)

    def note(self, survey: str, variable: str, indicator: str) -> JointNote:
        """The note and chosen quotes of an indicator (empty when none were written)."""
        key = _key(survey, variable, indicator)
        rows = self._tuples("SELECT id, note FROM joint_note WHERE survey = ? AND variable = ? AND indicator = ?",
                            (key.survey, key.variable, key.indicator))
        if not rows:
            return JointNote(key)
        quotes = [r[0] for r in self._tuples("SELECT segment_id FROM joint_quote WHERE note_id = ? ORDER BY position",
                                             (rows[0][0],))]
        return JointNote(key, rows[0][1], quotes)

    # ------------------------------------------------------------------ informants as respondents
    def link_respondent(self, case, survey: str, respondent: str | None) -> None:
        """Link a case (informant) to a respondent id of ``survey``; ``None`` removes the link."""
        rec = self._project.cases.get(case)
        if not survey.strip():
            raise InvalidValue(tr("nama survei tidak boleh kosong"))
        with self.atomic():
            before = self.respondent_of(rec.id, survey)
            self._exec("DELETE FROM case_respondent WHERE case_id = ? AND survey = ?", (rec.id, survey))
            if respondent is not None and str(respondent).strip():
                self._exec("INSERT INTO case_respondent(case_id, survey, respondent, created) VALUES (?,?,?,?)",
                           (rec.id, survey, str(respondent).strip(), now()))
            self._log("case.respondent", "case", getattr(rec, "uuid", None), case=rec.name, survey=survey,
                      before=before, after=str(respondent).strip() if respondent else None)

    def respondent_of(self, case_id: int, survey: str) -> str | None:
        """The respondent id a case is linked to in ``survey``."""
        return self._one("SELECT respondent FROM case_respondent WHERE case_id = ? AND survey = ?", (case_id, survey))

    def respondents(self, survey: str) -> dict[int, str]:
        """Case id -> respondent id for every linked case of ``survey``."""
        return {c: r for c, r in self._tuples("SELECT case_id, respondent FROM case_respondent WHERE survey = ?",
                                             (survey,))}


def _key(survey: str, variable: str, indicator: str) -> IndicatorKey:
    parts = [str(x).strip() for x in (survey, variable, indicator)]
    if not all(parts):
        raise InvalidValue(tr("indikator harus disebut dengan survei, variabel dan nama indikatornya"))
    return IndicatorKey(*parts)
