"""The joint display: per survey indicator, the questionnaire's score beside the interviews' evidence.

For each indicator of a stored survey (instrument variable -> indicator -> items):

* the score of its items over the complete questionnaires, its share of the maximum and its
  category on the continuum the survey uses (the Sako procedure, applied to the indicator);
* the codes linked to it (with their subcodes), the number of coded excerpts, the informants
  (cases) who spoke to it;
* one or two representative quotes: the ones the researcher chose, or until then the most
  recently approved ones;
* the researcher's convergence / divergence note.

Informants linked to respondents (:meth:`qda.store.links.LinkRepository.link_respondent`) let
the display check that case attributes and the survey profile agree, and let excerpts be
filtered by a respondent's answers (:func:`excerpts_by_answer`).
"""

from __future__ import annotations

import json
import operator
import re
from dataclasses import dataclass, field
from typing import Any

from qda.errors import DataError, NotFound
from qda.i18n import tr
from qda.store.links import IndicatorKey

#: How many quotes a row shows when the researcher has chosen none.
DEFAULT_QUOTES = 2


@dataclass
class JointQuote:
    """A representative quote of an indicator."""

    segment_id: int
    text: str
    citation: str
    chosen: bool  # chosen by the researcher (else: one of the most recent approved)


@dataclass
class JointRow:
    """One indicator of the joint display."""

    key: IndicatorKey
    variable_name: str
    items: list[str]
    n: int  # complete questionnaires over the indicator's items
    score: float | None
    minimum: float | None
    maximum: float | None
    pct: float | None
    category: str | None
    category_en: str | None
    codes: list[str]
    code_ids: list[int]
    excerpts: int
    segment_ids: list[int]
    informants: list[str]
    quotes: list[JointQuote]
    note: str
    item_summaries: list[Any] = field(default_factory=list)


@dataclass
class JointDisplay:
    """The joint display of one stored survey."""

    survey: str
    scheme: str
    rows: list[JointRow]
    respondents: dict[str, str]  # case name -> respondent id
    disagreements: list[str]  # case attribute vs survey profile mismatches, in words


# ------------------------------------------------------------------------------ the survey side

def load_stored_survey(project: Any, name: str | None = None):
    """``(name, DataSet, Instrument, settings dict)`` of a stored survey (the only one when ``name`` is None)."""
    from qda.survey.instrument import Instrument
    from qda.survey.loading import DataSet

    names = project.surveys.names()
    if name is None:
        if not names:
            raise NotFound(tr("proyek belum menyimpan data kuesioner; simpan survei dari tab Survei terlebih dahulu"))
        name = names[0]
    elif name not in names:
        raise NotFound(tr("survei tidak ditemukan: {name} (tersimpan: {names})", name=name,
                          names=", ".join(names) or "–"))
    stored = project.surveys.load(name)
    data = DataSet.from_json(stored["data_json"])
    instrument = Instrument.from_json(stored["instrument_json"])
    settings = json.loads(stored.get("settings_json") or "{}")
    return name, data, instrument, settings


def _mapping(data, instrument, settings: dict) -> dict[str, str]:
    from qda.survey.mapping import auto_map

    mapping = dict(settings.get("mapping") or {})
    if not mapping:
        mapping = {k: v for k, v in auto_map(data.columns, instrument).items() if v is not None}
    return mapping


def indicator_scores(data, instrument, settings: dict) -> dict[IndicatorKey, dict]:
    """Score, n, min, max, % and category of every indicator (survey name left empty in the keys)."""
    from qda.survey import stats as S
    from qda.survey.continuum import categorise
    from qda.survey.profile import item_summary
    from qda.survey.scoring import score_columns

    mapping = _mapping(data, instrument, settings)
    scheme = settings.get("scheme", "sugiyono")
    out: dict[IndicatorKey, dict] = {}
    for var in instrument.variables:
        for ind in var.indicators:
            items = [it for it in ind.items if it.id in mapping]
            if not items:
                continue
            block = score_columns(data, {it.id: mapping[it.id] for it in items}, instrument,
                                  settings.get("missing_codes", []))
            mask = S.complete_rows(block)
            n = int(mask.sum())
            total = float(block[mask].sum())
            lo = float(instrument.scale_min * len(items) * n)
            hi = float(instrument.scale_max * len(items) * n)
            cat, cat_en, _bands = categorise(total, scheme, lo, hi) if hi > 0 else (None, None, [])
            summaries = [item_summary(it.id, var.key, it.text or it.topic, block[:, j], instrument.labels_of(it),
                                      instrument.scale_min, instrument.scale_max) for j, it in enumerate(items)]
            out[IndicatorKey("", var.key, ind.name)] = {
                "variable_name": var.name, "items": [it.id for it in items], "n": n,
                "score": total if n else None, "min": lo if n else None, "max": hi if n else None,
                "pct": 100.0 * total / hi if hi > 0 else None, "category": cat, "category_en": cat_en,
                "summaries": summaries}
    return out


# ------------------------------------------------------------------------------ the qualitative side

def _citation(project: Any, seg, docs: dict, cases: dict, language: str) -> tuple[str, str]:
    from qda.reports.citations import citation, line_span

    doc = docs[seg.document_id]
    text = project.documents.text(doc.id)
    case = cases.get(doc.case_id) if doc.case_id is not None else None
    cite = citation(doc.kind, line_span(text, seg.start, seg.end), document_name=doc.name,
                    document_attributes=project.documents.attributes(doc.id),
                    case_name=case.name if case else None, case_attributes=case.attributes if case else None,
                    language=language)
    return text[seg.start:seg.end], cite


def joint_display(project: Any, survey: str | None = None, *, language: str = "id") -> JointDisplay:
    """The joint display of ``survey`` (the project's only or first stored survey when None)."""
    name, data, instrument, settings = load_stored_survey(project, survey)
    scores = indicator_scores(data, instrument, settings)
    links = project.links.links(name)
    codes = {c.id: c for c in project.codes.all()}
    children: dict[int | None, list[int]] = {}
    for c in codes.values():
        children.setdefault(c.parent_id, []).append(c.id)
    docs = {d.id: d for d in project.documents.all()}
    cases = {c.id: c for c in project.cases.all()}
    segments = project.segments.all()
    reviews = project.reviews.all()
    latest: dict[int, Any] = {}
    for r in sorted(reviews, key=lambda r: r.id):
        latest[r.segment_id] = r
    rows: list[JointRow] = []
    for key, sc in scores.items():
        full = IndicatorKey(name, key.variable, key.indicator)
        linked = links.get(full, [])
        wanted: set[int] = set()
        stack = list(linked)
        while stack:
            cid = stack.pop()
            if cid not in wanted:
                wanted.add(cid)
                stack.extend(children.get(cid, []))
        segs = [s for s in segments if s.code_id in wanted]
        informants = sorted({cases[docs[s.document_id].case_id].name for s in segs
                             if docs[s.document_id].case_id is not None and docs[s.document_id].case_id in cases})
        note = project.links.note(name, key.variable, key.indicator)
        by_id = {s.id: s for s in segs}
        chosen = [by_id.get(sid) or project.segments.get(sid) for sid in note.quotes]
        quotes: list[JointQuote] = []
        for s in chosen:
            text, cite = _citation(project, s, docs, cases, language)
            quotes.append(JointQuote(s.id, text, cite, True))
        if not quotes:
            approved = [s for s in segs if s.id in latest and latest[s.id].status == "approved"]
            approved.sort(key=lambda s: (latest[s.id].created, latest[s.id].id), reverse=True)
            seen_spans: set[tuple[int, int, int]] = set()
            for s in approved:
                span = (s.document_id, s.start, s.end)
                if span in seen_spans:
                    continue
                seen_spans.add(span)
                text, cite = _citation(project, s, docs, cases, language)
                quotes.append(JointQuote(s.id, text, cite, False))
                if len(quotes) == DEFAULT_QUOTES:
                    break
        passages = {(s.document_id, s.start, s.end) for s in segs}
        rows.append(JointRow(
            key=full, variable_name=sc["variable_name"], items=sc["items"], n=sc["n"], score=sc["score"],
            minimum=sc["min"], maximum=sc["max"], pct=sc["pct"], category=sc["category"],
            category_en=sc["category_en"],
            codes=[(codes[c].name_en or codes[c].name) if language == "en" else codes[c].name
                   for c in linked if c in codes],
            code_ids=list(linked), excerpts=len(passages), segment_ids=[s.id for s in segs],
            informants=informants, quotes=quotes, note=note.note, item_summaries=sc["summaries"]))
    respondents = {cases[c].name: r for c, r in project.links.respondents(name).items() if c in cases}
    return JointDisplay(survey=name, scheme=settings.get("scheme", "sugiyono"), rows=rows, respondents=respondents,
                        disagreements=profile_disagreements(project, name, data, instrument))


def auto_link(project: Any, survey: str | None = None) -> int:
    """Link each indicator to the code of the same name ("Responsivitas", "Kuantitas kerja (X)"); returns how many."""
    name, _data, instrument, _settings = load_stored_survey(project, survey)
    by_name = {}
    for c in project.codes.all():
        plain = re.sub(r"\s*\([A-Z]\)\s*$", "", c.name).casefold()
        by_name.setdefault(plain, c)
    added = 0
    for var in instrument.variables:
        for ind in var.indicators:
            code = by_name.get(ind.name.casefold())
            if code is not None and project.links.link(name, var.key, ind.name, code.id):
                added += 1
    return added


# ------------------------------------------------------------------------------ informants as respondents

#: Case attribute <-> survey column pairs compared when a case is linked to a respondent.
PROFILE_PAIRS = (("jenis kelamin", ("jenis_kelamin", "jenis kelamin", "gender")),
                 ("pendidikan", ("pendidikan", "pendidikan_terakhir")),
                 ("usia", ("usia", "umur", "age")))


def respondent_ids(project: Any, survey: str | None = None) -> list[str]:
    """The respondent ids of a stored survey, in data order (empty when the data has no id column)."""
    from qda.survey.scoring import id_column_of

    _name, data, instrument, _settings = load_stored_survey(project, survey)
    col = id_column_of(data, instrument.id_column)
    if col is None:
        return []
    seen: dict[str, None] = {}
    for value in data.frame[col].tolist():
        text = str(value).strip()
        if text and text.casefold() != "nan":
            seen.setdefault(text, None)
    return list(seen)


def matching_respondents(project: Any, survey: str | None = None) -> dict[str, str]:
    """Case name -> respondent id where the case's name or one of its attribute values is that id."""
    ids = {i.casefold(): i for i in respondent_ids(project, survey)}
    out: dict[str, str] = {}
    for case in project.cases.all():
        for value in (case.name, *(case.attributes or {}).values()):
            hit = ids.get(str(value).strip().casefold())
            if hit is not None:
                out[case.name] = hit
                break
    return out


def link_respondents(project: Any, survey: str, wanted: dict[str, str | None]) -> int:
    """Set the respondent of each case named in ``wanted`` (``None`` or "" unlinks) in one transaction.

    Returns how many links changed; an id the survey does not hold is refused before anything is written.
    """
    known = set(respondent_ids(project, survey))
    unknown = sorted({str(r).strip() for r in wanted.values() if r and str(r).strip() not in known})
    if unknown:
        raise DataError(tr("nomor responden tidak ada dalam data survei {survey}: {ids}", survey=survey,
                           ids=", ".join(unknown)))
    cases = {c.name: c.id for c in project.cases.all()}
    changed = 0
    with project.atomic():
        for name, respondent in wanted.items():
            new = str(respondent).strip() if respondent else None
            if project.links.respondent_of(cases[name], survey) != new:
                project.links.link_respondent(name, survey, new)
                changed += 1
    return changed


def _respondent_row(data, instrument, respondent: str) -> dict[str, str] | None:
    from qda.survey.scoring import id_column_of

    col = id_column_of(data, instrument.id_column)
    if col is None:
        return None
    frame = data.frame
    hits = frame[frame[col].astype(str).str.strip() == str(respondent).strip()]
    if hits.empty:
        return None
    return {str(k): str(v) for k, v in hits.iloc[0].items()}


def profile_disagreements(project: Any, survey: str, data, instrument) -> list[str]:
    """Where a linked case's attributes and its respondent's profile answers differ (or the id is unknown)."""
    out = []
    cases = {c.id: c for c in project.cases.all()}
    for case_id, respondent in project.links.respondents(survey).items():
        case = cases.get(case_id)
        if case is None:
            continue
        row = _respondent_row(data, instrument, respondent)
        if row is None:
            out.append(tr("{case}: responden {id} tidak ada dalam data survei", case=case.name, id=respondent))
            continue
        attrs = {k.strip().casefold(): v for k, v in case.attributes.items()}
        lowered = {k.strip().casefold(): v for k, v in row.items()}
        for attr, columns in PROFILE_PAIRS:
            mine = attrs.get(attr)
            theirs = next((lowered[c] for c in columns if c in lowered), None)
            if not mine or theirs in (None, ""):
                continue
            a, b = str(mine).strip(), str(theirs).strip()
            if attr == "usia":
                a = re.sub(r"\D.*$", "", a)
                b = re.sub(r"\D.*$", "", b)
            if attr == "pendidikan":
                a, b = _school(a), _school(b)
            if a.casefold() != b.casefold():
                out.append(tr("{case}: {attr} {mine} pada atribut kasus, {theirs} pada data survei (responden {id})",
                              case=case.name, attr=attr, mine=mine, theirs=theirs, id=respondent))
    return out


#: Names of one level of schooling (a case may say "SMA" where the questionnaire says "SLTA").
_SCHOOL_LEVELS = ({"sma", "smk", "ma", "slta"}, {"smp", "mts", "sltp"}, {"sd", "mi"})


def _school(text: str) -> str:
    key = text.strip().casefold()
    for level in _SCHOOL_LEVELS:
        if key in level:
            return sorted(level)[0]
    return key.split()[0] if key else key


_CONDITION = re.compile(r"^\s*([^<>=!]+?)\s*(<=|>=|==|!=|<|>|=)\s*(-?\d+(?:[.,]\d+)?)\s*$")
_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "=": operator.eq,
        "==": operator.eq, "!=": operator.ne}


def informants_by_answer(project: Any, condition: str, survey: str | None = None) -> list[str]:
    """Names of the linked informants whose respondent's answer meets ``condition`` ("Y3<=2").

    The left side is an item id or an indicator name (its mean over its items is compared).
    """
    from qda.survey.scoring import score_columns

    m = _CONDITION.match(condition or "")
    if not m:
        raise DataError(tr("syarat jawaban tidak dapat dibaca: {cond} (contoh: Y3<=2 atau \"Responsivitas<3\")",
                           cond=condition))
    target, op, value = m.group(1).strip().strip('"'), _OPS[m.group(2)], float(m.group(3).replace(",", "."))
    name, data, instrument, settings = load_stored_survey(project, survey)
    mapping = _mapping(data, instrument, settings)
    items = [target] if instrument.item(target) is not None else []
    if not items:
        for var in instrument.variables:
            for ind in var.indicators:
                if ind.name.casefold() == target.casefold():
                    items = [it.id for it in ind.items]
    items = [i for i in items if i in mapping]
    if not items:
        raise DataError(tr("{target} bukan butir atau indikator survei {survey}", target=target, survey=name))
    block = score_columns(data, {i: mapping[i] for i in items}, instrument, settings.get("missing_codes", []))
    from qda.survey.scoring import id_column_of

    col = id_column_of(data, instrument.id_column)
    if col is None:
        raise DataError(tr("data survei {survey} tidak memiliki kolom nomor responden", survey=name))
    ids = [str(v).strip() for v in data.frame[col].tolist()]
    cases = {c.id: c for c in project.cases.all()}
    out = []
    for case_id, respondent in project.links.respondents(name).items():
        if respondent not in ids or case_id not in cases:
            continue
        answers = block[ids.index(respondent)]
        answers = answers[~(answers != answers)]  # drop NaN
        if answers.size and op(float(answers.mean()), value):
            out.append(cases[case_id].name)
    return sorted(out)


def excerpts_by_answer(project: Any, condition: str, survey: str | None = None) -> list[Any]:
    """Segments from the sources of the informants whose answers meet ``condition`` (see :func:`informants_by_answer`)."""
    names = set(informants_by_answer(project, condition, survey))
    cases = {c.id for c in project.cases.all() if c.name in names}
    docs = {d.id for d in project.documents.all() if d.case_id in cases}
    return [s for s in project.segments.all() if s.document_id in docs]
