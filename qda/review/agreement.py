"""Inter-coder agreement of two or more coders over sentences, turns, paragraphs or characters.

Definitions (also in ``docs/supervision.md``):

- A **unit** is a sentence, a speaker turn, a paragraph or a single character of a
  document (see :mod:`qda.review.units`). A coder *applied* a code to a unit when one of
  their codings of that code overlaps the unit by at least one character (for characters:
  covers it).
- A coder has **data** for a document when they coded anything in it; in a document a
  coder never touched, their values are missing (Krippendorff's α allows that; Cohen's κ
  and percent agreement use the units both coders have data for).
- **Per code**, each unit is one item whose value per coder is presence (1) or absence
  (0) of the code. **Overall**, the items of all chosen codes are pooled (unit × code),
  so a unit coded A by one coder and B by the other counts two disagreements.
- ``percent_agreement`` is in percent (0–100): the share of items with two or more
  values on which the values all agree. ``cohen_kappa`` exists for exactly two coders;
  ``krippendorff_alpha`` is nominal α for any number of coders.
- A **disagreement** is a unit (for characters: a run of characters) on which some
  coders with data applied the code and others did not; it lists the codings involved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

from qda.errors import InvalidValue
from qda.i18n import tr
from qda.review.stats import cohen_kappa, krippendorff_alpha, percent_agreement
from qda.review.units import UNITS, unit_spans


@dataclass
class Disagreement:
    """A unit (or run of characters) some coders coded with ``code`` and others did not."""

    document_id: int
    document: str
    start: int
    end: int
    code_id: int
    code: str
    coded_by: list[str]
    not_coded_by: list[str]
    segment_ids: list[int]

    def as_json(self, text: str = "") -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "code": self.code,
                "coded_by": self.coded_by, "not_coded_by": self.not_coded_by, "segment_ids": self.segment_ids,
                "text": text}


@dataclass
class CodeAgreement:
    """The statistics of one code (or, for the overall figures, of all chosen codes pooled)."""

    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None
    items: float  # pairable items (units with two or more coders' data)
    agreements: float
    coded: dict[str, float] = field(default_factory=dict)  # coder → units (characters) coded

    def as_json(self) -> dict[str, Any]:
        return {"percent_agreement": self.percent_agreement, "cohen_kappa": self.cohen_kappa,
                "krippendorff_alpha": self.krippendorff_alpha, "items": self.items,
                "agreements": self.agreements, "disagreements": self.items - self.agreements,
                "coded": self.coded}


@dataclass
class AgreementResult:
    """Overall and per-code agreement, with the list of disagreements."""

    coders: list[str]
    unit: str
    codes: list[str]
    documents: int
    units: int
    overall: CodeAgreement
    per_code: dict[str, CodeAgreement]
    disagreements: list[Disagreement]

    def as_json(self, project: Any = None) -> dict[str, Any]:
        """The ``qda agreement --json`` contract (DESIGN.md §5)."""
        texts: dict[int, str] = {}

        def text_of(d: Disagreement) -> str:
            if project is None:
                return ""
            if d.document_id not in texts:
                texts[d.document_id] = project.documents.text(d.document_id)
            return texts[d.document_id][d.start:d.end]

        data = {"coders": self.coders, "unit": self.unit, "codes": self.codes, "documents": self.documents,
                "units": self.units}
        data.update(self.overall.as_json())
        data["per_code"] = {name: stats.as_json() for name, stats in self.per_code.items()}
        data["disagreements"] = [d.as_json(text_of(d)) for d in self.disagreements]
        return data


def _summarise(patterns: Counter, coders: Sequence[str]) -> CodeAgreement:
    items = agreements = 0.0
    coded = {name: 0.0 for name in coders}
    for pattern, weight in patterns.items():
        values = [v for v in pattern if v is not None]
        for name, v in zip(coders, pattern):
            if v:
                coded[name] += weight
        if len(values) >= 2:
            items += weight
            if all(v == values[0] for v in values):
                agreements += weight
    pct = percent_agreement(patterns)
    return CodeAgreement(
        percent_agreement=None if pct is None else 100.0 * pct,
        cohen_kappa=cohen_kappa(patterns) if len(coders) == 2 else None,
        krippendorff_alpha=krippendorff_alpha(patterns), items=items, agreements=agreements, coded=coded)


def _pattern(mask: int, present: int, n: int) -> tuple:
    return tuple((1 if mask >> i & 1 else 0) if present >> i & 1 else None for i in range(n))


def compute_agreement(project: Any, coders: Sequence[str], *, unit: str = "sentence",
                      codes: Sequence[str] | None = None, max_disagreements: int | None = None) -> AgreementResult:
    """Agreement of ``coders`` (names; two or more) over ``unit`` for ``codes`` (names; default all used)."""
    if unit not in UNITS:
        raise InvalidValue(tr("satuan tidak dikenal: {u} (pilih: {all})", u=unit, all=", ".join(UNITS)))
    names = [c.strip() for c in coders if c.strip()]
    if len(names) < 2 or len({n.casefold() for n in names}) != len(names):
        raise InvalidValue(tr("sebutkan dua pengode berbeda atau lebih (mis. --coders Ani,Budi)"))
    coder_recs = [project.coders.get(n) for n in names]
    names = [c.name for c in coder_recs]
    bit = {c.id: i for i, c in enumerate(coder_recs)}
    n_coders = len(coder_recs)
    rows = project.supervision.codings([c.id for c in coder_recs])
    present: dict[int, int] = defaultdict(int)  # document → mask of coders with data
    for _sid, doc_id, _code, _s, _e, coder_id in rows:
        present[doc_id] |= 1 << bit[coder_id]
    all_codes = {c.id: c for c in project.codes.all()}
    if codes:
        chosen = [project.codes.get(name) for name in codes]
    else:
        used = {r[2] for r in rows}
        chosen = [c for c in all_codes.values() if c.id in used]
        chosen.sort(key=lambda c: (c.position, c.name.casefold()))
    chosen_ids = {c.id for c in chosen}
    by_doc_code: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
    for sid, doc_id, code_id, start, end, coder_id in rows:
        if code_id in chosen_ids:
            by_doc_code[(doc_id, code_id)].append((start, end, bit[coder_id], sid))
    doc_names = {d.id: d.name for d in project.documents.all()}
    patterns: dict[int, Counter] = {c.id: Counter() for c in chosen}
    disagreements: list[Disagreement] = []
    total_units = 0
    for doc_id in sorted(present, key=lambda d: doc_names.get(d, "")):
        mask_present = present[doc_id]
        text = project.documents.text(doc_id)
        if unit == "char":
            n_units = len(text)
            spans = None
        else:
            turns = [(t.start, t.end) for t in project.documents.turns(doc_id)] if unit == "turn" else None
            spans = unit_spans(text, unit, turns)
            n_units = len(spans)
        total_units += n_units
        for code in chosen:
            codings = by_doc_code.get((doc_id, code.id), [])
            if spans is None:
                counts, runs = _char_patterns(codings, n_units, mask_present)
            else:
                counts, runs = _span_patterns(codings, spans, mask_present)
            target = patterns[code.id]
            for mask, weight in counts.items():
                target[_pattern(mask, mask_present, n_coders)] += weight
            for start, end, mask, seg_ids in runs:
                disagreements.append(Disagreement(
                    doc_id, doc_names.get(doc_id, ""), start, end, code.id, code.name,
                    [names[i] for i in range(n_coders) if mask >> i & 1],
                    [names[i] for i in range(n_coders) if mask_present >> i & 1 and not mask >> i & 1], seg_ids))
    pooled: Counter = Counter()
    for counter in patterns.values():
        pooled.update(counter)
    disagreements.sort(key=lambda d: (d.document, d.start, d.code))
    if max_disagreements is not None:
        disagreements = disagreements[:max_disagreements]
    return AgreementResult(
        coders=names, unit=unit, codes=[c.name for c in chosen], documents=len(present), units=total_units,
        overall=_summarise(pooled, names), per_code={c.name: _summarise(patterns[c.id], names) for c in chosen},
        disagreements=disagreements)


def _is_split(mask: int, present: int) -> bool:
    """Some coders with data applied the code and others with data did not."""
    return mask != 0 and mask & present != present and bin(present).count("1") >= 2


def _span_patterns(codings, spans, present):
    """Mask counts over listed units, and the split units with the codings on them."""
    starts = [s for s, _e in spans]
    ends = [e for _s, e in spans]
    masks: dict[int, int] = defaultdict(int)
    segs: dict[int, list[int]] = defaultdict(list)
    for start, end, b, sid in codings:
        first = bisect_right(ends, start)
        last = bisect_left(starts, end)
        for i in range(first, last):
            masks[i] |= 1 << b
            segs[i].append(sid)
    counts: Counter = Counter(masks.values())
    counts[0] += len(spans) - len(masks)
    runs = [(spans[i][0], spans[i][1], m, sorted(set(segs[i]))) for i, m in sorted(masks.items())
            if _is_split(m, present)]
    return counts, runs


def _char_patterns(codings, length, present):
    """Character counts per mask (by sweeping coverage boundaries), and the split runs."""
    per_coder: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end, b, _sid in codings:
        per_coder[b].append((start, end))
    changes: list[tuple[int, int, int]] = []
    for b, spans in per_coder.items():
        spans.sort()
        cur_s, cur_e = spans[0]
        merged = []
        for s, e in spans[1:]:
            if s <= cur_e:
                cur_e = max(cur_e, e)
            else:
                merged.append((cur_s, cur_e))
                cur_s, cur_e = s, e
        merged.append((cur_s, cur_e))
        for s, e in merged:
            changes.append((s, b, 1))
            changes.append((e, b, -1))
    changes.sort()
    counts: Counter = Counter()
    runs: list[list] = []
    mask = 0
    pos = 0
    covered = 0
    for at, b, sign in changes:
        if at > pos:
            if mask:
                counts[mask] += at - pos
                covered += at - pos
                if _is_split(mask, present):
                    if runs and runs[-1][1] == pos and runs[-1][2] == mask:
                        runs[-1][1] = at
                    else:
                        runs.append([pos, at, mask])
            pos = at
        mask = mask | (1 << b) if sign > 0 else mask & ~(1 << b)
    counts[0] += length - covered
    out = []
    if runs:
        for start, end, m in runs:
            ids = sorted({sid for s, e, _b, sid in codings if s < end and e > start})
            out.append((start, end, m, ids))
    return counts, out
