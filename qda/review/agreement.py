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

from collections import Counter, defaultdict
from collections.abc import Sequence as SequenceABC
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence, overload

from qda.errors import InvalidValue
from qda.i18n import tr
from qda.review.stats import cohen_kappa, krippendorff_alpha, percent_agreement
from qda.review.units import UNITS, unit_arrays


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


class Disagreements(SequenceABC):
    """The disagreements of a result, in document, start and code order, made one by one when read.

    A thesis-sized corpus has a hundred thousand of them; they are kept as arrays and each
    :class:`Disagreement` is built when asked for (the agreement figures never need them).
    """

    def __init__(self, make: Callable[[int], Disagreement], order: list[int]) -> None:
        self._make = make
        self._order = order
        self._built: dict[int, Disagreement] = {}

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> Disagreement: ...

    @overload
    def __getitem__(self, index: slice) -> list[Disagreement]: ...

    def __getitem__(self, index: int | slice) -> Disagreement | list[Disagreement]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        k = self._order[index]
        found = self._built.get(k)
        if found is None:
            found = self._built[k] = self._make(k)
        return found

    def __iter__(self) -> Iterator[Disagreement]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, Disagreements)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Disagreements({len(self)})"

    def head(self, n: int) -> "Disagreements":
        """The first ``n`` only."""
        return Disagreements(self._make, self._order[:n])


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
    disagreements: Sequence[Disagreement]

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


def compute_agreement(project: Any, coders: Sequence[str], *, unit: str = "sentence",
                      codes: Sequence[str] | None = None, max_disagreements: int | None = None) -> AgreementResult:
    """Agreement of ``coders`` (names; two or more) over ``unit`` for ``codes`` (names; default all used).

    Vectorised (numpy): codings are placed on one global axis (documents end to end), so
    units, coverage and coincidences are computed for all documents and codes at once.
    """
    import numpy as np

    if unit not in UNITS:
        raise InvalidValue(tr("satuan tidak dikenal: {u} (pilih: {all})", u=unit, all=", ".join(UNITS)))
    names = [c.strip() for c in coders if c.strip()]
    if len(names) < 2 or len({n.casefold() for n in names}) != len(names):
        raise InvalidValue(tr("sebutkan dua pengode berbeda atau lebih (mis. --coders Ani,Budi)"))
    coder_recs = [project.coders.get(n) for n in names]
    names = [c.name for c in coder_recs]
    n_coders = len(coder_recs)
    bit_of = {c.id: i for i, c in enumerate(coder_recs)}
    rows = project.supervision.codings([c.id for c in coder_recs])
    all_codes = {c.id: c for c in project.codes.all()}
    if codes:
        chosen = [project.codes.get(name) for name in codes]
    else:
        used = {r[2] for r in rows}
        chosen = [c for c in all_codes.values() if c.id in used]
        chosen.sort(key=lambda c: (c.position, c.name.casefold()))
    doc_names = {d.id: d.name for d in project.documents.all()}
    data = np.array(rows, dtype=np.int64).reshape(-1, 6)
    sid, doc_id, code_id, start, end = (data[:, i] for i in range(5))
    coder_bit = _lookup(bit_of, data[:, 5])
    # documents with data (sorted by name) and each one's mask of coders with data
    doc_list = sorted(set(doc_id.tolist()), key=lambda d: doc_names.get(d, ""))
    doc_k = _lookup({d: k for k, d in enumerate(doc_list)}, doc_id)
    present = np.zeros(len(doc_list), dtype=np.int64)
    np.bitwise_or.at(present, doc_k, np.left_shift(1, coder_bit))
    code_k = _lookup({c.id: k for k, c in enumerate(chosen)}, code_id)
    keep = code_k >= 0
    sid, doc_k, code_k, start, end, coder_bit = (a[keep] for a in (sid, doc_k, code_k, start, end, coder_bit))
    if len(names) > 16:
        raise InvalidValue(tr("kesepakatan dihitung untuk paling banyak 16 pengode sekaligus"))
    texts = [project.documents.text(d) for d in doc_list]
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    base = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)  # one gap between documents
    g_start, g_end = base[doc_k] + start, base[doc_k] + end
    splits: tuple[Any, ...]
    if not doc_list:
        empty = np.zeros(0, dtype=np.int64)
        counts, total_units = {}, 0
        zeros_by_p: list[dict[int, int]] = [{} for _ in chosen]
        splits = (empty, empty, empty, empty, lambda i: [])
    elif unit == "char":
        counts, zeros_by_p, splits, total_units = _char_counts(
            np, g_start, g_end, code_k, coder_bit, n_coders, len(chosen), base, lengths, present)
        splits = (*splits, _segments_of_runs(np, splits, g_start, g_end, code_k, sid))
    else:
        spans = []
        for d, text in zip(doc_list, texts):
            turns = [(t.start, t.end) for t in project.documents.turns(d)] if unit == "turn" else None
            spans.append(unit_arrays(text, unit, turns))
        counts, zeros_by_p, splits, total_units = _span_counts(
            np, spans, base, g_start, g_end, code_k, coder_bit, sid, len(chosen), present, n_coders)
    patterns: list[Counter] = [Counter() for _ in chosen]
    for (ck, p_mask, mask), weight in counts.items():
        patterns[ck][_pattern(mask, p_mask, n_coders)] += weight
    for ck in range(len(chosen)):
        for p_mask, n in zeros_by_p[ck].items():
            if n:
                patterns[ck][_pattern(0, p_mask, n_coders)] += n
    # disagreements, with the codings involved (built when read)
    split_code, split_g0, split_g1, split_mask, segments_of = splits
    ks = np.searchsorted(base, split_g0, "right") - 1 if len(split_g0) else split_g0
    name_rank = {ck: r for r, ck in enumerate(sorted(range(len(chosen)), key=lambda k: chosen[k].name))}
    order = (np.lexsort((_lookup(name_rank, split_code), split_g0)).tolist() if len(split_g0) else [])
    bases, presents = base.tolist(), present.tolist()
    who: dict[tuple[int, int], tuple[list[str], list[str]]] = {}

    def make(i: int) -> Disagreement:
        k, ck, mask = int(ks[i]), int(split_code[i]), int(split_mask[i])
        p_mask = presents[k]
        pair = who.get((mask, p_mask))
        if pair is None:
            pair = who[(mask, p_mask)] = (
                [names[j] for j in range(n_coders) if mask >> j & 1],
                [names[j] for j in range(n_coders) if p_mask >> j & 1 and not mask >> j & 1])
        code = chosen[ck]
        return Disagreement(doc_list[k], doc_names.get(doc_list[k], ""), int(split_g0[i]) - bases[k],
                            int(split_g1[i]) - bases[k], code.id, code.name, list(pair[0]), list(pair[1]),
                            segments_of(i))

    disagreements = Disagreements(make, order)
    if max_disagreements is not None:
        disagreements = disagreements.head(max_disagreements)
    pooled: Counter = Counter()
    for counter in patterns:
        pooled.update(counter)
    return AgreementResult(
        coders=names, unit=unit, codes=[c.name for c in chosen], documents=len(doc_list), units=total_units,
        overall=_summarise(pooled, names),
        per_code={c.name: _summarise(patterns[k], names) for k, c in enumerate(chosen)},
        disagreements=disagreements)


def _lookup(mapping: dict[int, int], values: Any) -> Any:
    """``mapping[v]`` for each value of an integer array (-1 where missing)."""
    import numpy as np

    if not len(values):
        return np.zeros(0, dtype=np.int64)
    table = np.full(int(max(int(values.max()), max(mapping, default=0))) + 1, -1, dtype=np.int64)
    for key, value in mapping.items():
        table[key] = value
    return table[values]


def _grouped(np: Any, keys: Any, weights: Any | None = None) -> dict[int, float]:
    """Sum of ``weights`` (or counts) per distinct key."""
    uniq, inverse = np.unique(keys, return_inverse=True)
    sums = np.bincount(inverse, weights=weights) if len(keys) else np.zeros(0)
    return dict(zip(uniq.tolist(), sums.tolist()))


def _totals_by_presence(present: Any, sizes: Any) -> dict[int, int]:
    out: dict[int, int] = defaultdict(int)
    for p_mask, n in zip(present.tolist(), sizes.tolist()):
        out[p_mask] += n
    return out


def _span_counts(np, spans, base, g_start, g_end, code_k, coder_bit, sid, n_codes, present, n_coders):
    """Listed units: per (code, presence, mask) the number of units, units per presence, split units."""
    sizes = np.array([len(a) for a, _b in spans], dtype=np.int64)
    total = int(sizes.sum())
    u_start = np.concatenate([a + base[k] for k, (a, _b) in enumerate(spans)]) if spans else np.zeros(0, np.int64)
    u_end = np.concatenate([b + base[k] for k, (_a, b) in enumerate(spans)]) if spans else np.zeros(0, np.int64)
    unit_doc = np.repeat(np.arange(len(spans)), sizes)
    first = np.searchsorted(u_end, g_start, "right")
    last = np.searchsorted(u_start, g_end, "left")
    n_hit = np.maximum(last - first, 0)
    rep = np.repeat(np.arange(len(first)), n_hit)
    offsets = np.cumsum(n_hit) - n_hit
    unit_of_pair = first[rep] + (np.arange(len(rep)) - offsets[rep])
    key = code_k[rep] * max(total, 1) + unit_of_pair
    order = np.argsort(key, kind="stable")
    key_s, bit_s, sid_s = key[order], np.left_shift(1, coder_bit[rep][order]), sid[rep][order]
    cut = np.flatnonzero(np.diff(key_s)) + 1
    starts = np.concatenate(([0], cut)) if len(key_s) else np.zeros(0, dtype=np.int64)
    keys_u = key_s[starts]
    masks = np.bitwise_or.reduceat(bit_s, starts) if len(key_s) else np.zeros(0, dtype=np.int64)
    units_u = keys_u % max(total, 1)
    codes_u = keys_u // max(total, 1)
    p_u = present[unit_doc[units_u]]
    width = 1 << n_coders
    combo = (codes_u * width + p_u) * width + masks
    counts = {(c // width // width, c // width % width, c % width): n for c, n in _grouped(np, combo).items()}
    per_p = _totals_by_presence(present, sizes)
    nonzero = _grouped(np, codes_u * width + p_u)
    zeros = [{p: n - nonzero.get(ck * width + p, 0) for p, n in per_p.items()} for ck in range(n_codes)]
    split = np.flatnonzero((masks != 0) & (masks != p_u))
    lo = starts[split]
    hi = np.concatenate((starts[1:], [len(key_s)]))[split].astype(np.int64)
    units = units_u[split]

    def segments_of(i: int) -> list[int]:
        return sorted(sid_s[lo[i]:hi[i]].tolist())  # a coding meets a unit once

    return counts, zeros, (codes_u[split], u_start[units], u_end[units], masks[split], segments_of), total


def _char_counts(np, g_start, g_end, code_k, coder_bit, n_coders, n_codes, base, lengths, present):
    """Characters: per (code, presence, mask) the number of characters, characters per presence, split runs."""
    span = int(base[-1] + lengths[-1] + 1) if len(base) else 1
    group = code_k * n_coders + coder_bit
    c0 = group * span + g_start
    c1 = group * span + g_end
    order = np.argsort(c0, kind="stable")
    c0, c1 = c0[order], c1[order]
    # union of each coder's codings of each code (groups never overlap on this axis)
    if len(c0):
        reach = np.maximum.accumulate(c1)
        fresh = np.concatenate(([True], c0[1:] > reach[:-1]))
        idx = np.flatnonzero(fresh)
        m0, m1 = c0[idx], np.maximum.reduceat(c1, idx)
    else:
        m0 = m1 = np.zeros(0, dtype=np.int64)
    grp = m0 // span
    ck, bit = grp // n_coders, grp % n_coders
    pos0, pos1 = m0 % span, m1 % span
    # sweep: +bit where a coder's coverage starts, -bit where it ends; the running sum is the mask
    ev_at = np.concatenate((ck * span + pos0, ck * span + pos1))
    ev_d = np.concatenate((np.left_shift(1, bit), -np.left_shift(1, bit)))
    order = np.argsort(ev_at, kind="stable")
    ev_at, ev_d = ev_at[order], ev_d[order]
    mask = np.cumsum(ev_d)
    if len(ev_at):
        length = np.diff(ev_at)
        piece_mask, piece_at = mask[:-1], ev_at[:-1]
        on = (piece_mask != 0) & (length > 0)
        piece_mask, piece_at, length = piece_mask[on], piece_at[on], length[on]
    else:
        piece_mask = piece_at = length = np.zeros(0, dtype=np.int64)
    piece_code = piece_at // span
    piece_pos = piece_at % span
    piece_doc = np.searchsorted(base, piece_pos, "right") - 1
    p_piece = present[piece_doc] if len(piece_doc) else piece_doc
    width = 1 << n_coders
    combo = (piece_code * width + p_piece) * width + piece_mask
    counts = {(c // width // width, c // width % width, c % width): n
              for c, n in _grouped(np, combo, length.astype(float)).items()}
    per_p = _totals_by_presence(present, lengths)
    covered = _grouped(np, piece_code * width + p_piece, length.astype(float))
    zeros = [{p: n - covered.get(c * width + p, 0) for p, n in per_p.items()} for c in range(n_codes)]
    split = np.flatnonzero((piece_mask != 0) & (piece_mask != p_piece))
    c, a, m = piece_code[split], piece_pos[split], piece_mask[split]
    b = a + length[split]
    # adjacent pieces of one code with the same coders make one run
    fresh = np.ones(len(split), dtype=bool)
    fresh[1:] = (c[1:] != c[:-1]) | (a[1:] != b[:-1]) | (m[1:] != m[:-1])
    first = np.flatnonzero(fresh)
    last = (np.append(first[1:], len(split)) - 1).astype(np.int64) if len(first) else first
    total = int(lengths.sum())
    return counts, zeros, (c[first], a[first], b[last], m[first]), total


def _segments_of_runs(np, runs, g_start, g_end, code_k, sid):
    """For runs of characters ``(codes, starts, ends, masks)``: the codings of the run's code overlapping run i."""
    codes, a, b, _m = runs
    by_code: dict[int, tuple[Any, Any, Any, Any]] = {}

    def segments_of(i: int) -> list[int]:
        c = int(codes[i])
        found = by_code.get(c)
        if found is None:
            sel = np.flatnonzero(code_k == c)
            order = sel[np.argsort(g_start[sel], kind="stable")]
            starts, ends = g_start[order], g_end[order]
            found = by_code[c] = (starts, ends, np.maximum.accumulate(ends), sid[order])
        starts, ends, reach, sids = found
        lo = int(np.searchsorted(reach, a[i], "right"))
        hi = int(np.searchsorted(starts, b[i], "left"))
        return sorted({int(sids[j]) for j in range(lo, hi) if ends[j] > a[i]})

    return segments_of


def _pattern(mask: int, present: int, n: int) -> tuple:
    return tuple((1 if mask >> i & 1 else 0) if present >> i & 1 else None for i in range(n))
