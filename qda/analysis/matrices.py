"""Matrices of codes: code × source, code × case attribute value, code co-occurrence, and
the Dwiyanto dimension × driving factor matrix.

Counts. ``measure="codings"`` counts codings (a passage coded by two coders counts
twice; opening the cell lists each coding); ``measure="passages"`` counts the code's
separate passages (overlapping or touching codings of the code in a document merged,
whoever coded them). Co-occurrence matrices, the dimension × factor matrix among them,
count per passage as :mod:`qda.analysis.cooccurrence` defines (or per sentence / turn).
A row code counts the codings of its subcodes too.

Percentages. Row % = cell ÷ the row's total over the shown columns × 100; column % =
cell ÷ the column's total over the shown rows × 100; empty totals give no percentage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from qda.analysis.cooccurrence import UNITS, ancestor_map, cooccurrence, cooccurrence_passages, merge
from qda.analysis.corpus import CodeInfo, Coding, Corpus, Filters, corpus as corpus_of
from qda.analysis.query import Passage
from qda.errors import InvalidValue
from qda.i18n import tr

KINDS = ("dimension-factor", "cooccurrence", "code-source", "code-case", "code-attribute")
MEASURES = ("codings", "passages")
NO_VALUE = "—"


@dataclass(frozen=True)
class Header:
    """A row or column: its key (code id, document id or attribute value) and label."""

    key: Any
    label: str
    color: str | None = None


@dataclass
class Matrix:
    """Counts with their rows, columns and definition; cells open their passages."""

    kind: str
    rows: list[Header]
    cols: list[Header]
    counts: list[list[int]]
    measure: str
    definition: str
    title: str = ""
    _cell: Callable[[int, int], list[Passage]] | None = field(default=None, repr=False)

    @property
    def row_totals(self) -> list[int]:
        return [sum(r) for r in self.counts]

    @property
    def col_totals(self) -> list[int]:
        return [sum(r[j] for r in self.counts) for j in range(len(self.cols))]

    @property
    def total(self) -> int:
        return sum(self.row_totals)

    def row_pct(self, i: int, j: int) -> float | None:
        """Cell ÷ row total × 100 (None for an empty row)."""
        t = self.row_totals[i]
        return 100.0 * self.counts[i][j] / t if t else None

    def col_pct(self, i: int, j: int) -> float | None:
        """Cell ÷ column total × 100 (None for an empty column)."""
        t = self.col_totals[j]
        return 100.0 * self.counts[i][j] / t if t else None

    def values(self, mode: str = "count") -> list[list[float | None]]:
        """The grid as counts, row % (``row``) or column % (``col``)."""
        if mode == "count":
            return [[float(v) for v in row] for row in self.counts]
        pct = self.row_pct if mode == "row" else self.col_pct
        return [[pct(i, j) for j in range(len(self.cols))] for i in range(len(self.rows))]

    def cell(self, i: int, j: int) -> list[Passage]:
        """The passages counted in cell (i, j)."""
        return self._cell(i, j) if self._cell else []

    def to_dict(self) -> dict[str, Any]:
        """The ``matrix --json`` shape: labels, counts, totals, percentages and the definition."""
        return {"kind": self.kind, "title": self.title, "measure": self.measure, "definition": self.definition,
                "rows": [h.label for h in self.rows], "columns": [h.label for h in self.cols],
                "counts": self.counts, "row_totals": self.row_totals, "column_totals": self.col_totals,
                "total": self.total, "row_percent": self.values("row"), "column_percent": self.values("col")}


# ------------------------------------------------------------------------------- helpers

def _codes(data: Corpus, names: Sequence[str] | None, group: str | None = None) -> list[CodeInfo]:
    if not names:
        return data.roots(group)
    out = []
    for name in names:
        cid = data.code_id(name)
        if cid is None:
            raise InvalidValue(tr("kode tidak dikenal: {name}", name=name))
        out.append(data.codes[cid])
    return out


def _parents(data: Corpus) -> dict[int, int | None]:
    return {c.id: c.parent_id for c in data.codes.values()}


def _rolled(data: Corpus, codings: list[Coding], rows: list[CodeInfo], include_subcodes: bool) -> dict[int, list[Coding]]:
    """Row code id → its codings (subcodes' included when asked)."""
    ids = [c.id for c in rows]
    up = ancestor_map(_parents(data), ids) if include_subcodes else {i: i for i in ids}
    out: dict[int, list[Coding]] = {i: [] for i in ids}
    for c in codings:
        target = up.get(c.code_id)
        if target is not None:
            out[target].append(c)
    return out


def _passages_of(codings: list[Coding], measure: str) -> list[Passage]:
    """Codings as passages: one per coding, or merged per document (``passages``)."""
    if measure == "codings":
        return [Passage(c.document_id, c.start, c.end, (c.id,)) for c in sorted(codings, key=lambda c: (c.document_id, c.start, c.end, c.id))]
    by_doc: dict[int, list[Coding]] = {}
    for c in codings:
        by_doc.setdefault(c.document_id, []).append(c)
    out = []
    for doc in sorted(by_doc):
        items = sorted(by_doc[doc], key=lambda c: (c.start, c.end))
        for s, e in merge((c.start, c.end) for c in items):
            out.append(Passage(doc, s, e, tuple(c.id for c in items if c.start < e and c.end > s)))
    return out


def _count(codings: list[Coding], measure: str) -> int:
    if measure == "codings":
        return len(codings)
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for c in codings:
        by_doc.setdefault(c.document_id, []).append((c.start, c.end))
    return sum(len(merge(spans)) for spans in by_doc.values())


def _check_measure(measure: str) -> None:
    if measure not in MEASURES:
        raise InvalidValue(tr("ukuran tidak dikenal: {m} (pilih: {all})", m=measure, all=", ".join(MEASURES)))


def _measure_text(measure: str) -> str:
    if measure == "codings":
        return tr("Sel = jumlah segmen (satu bagian teks yang dikode dua pengode dihitung dua kali); "
                  "kode induk menghitung segmen subkodenya.")
    return tr("Sel = jumlah bagian teks (segmen kode yang sama yang bertumpuk atau bersentuhan dalam satu "
              "sumber digabung, siapa pun pengodenya); kode induk menghitung segmen subkodenya.")


def _pct_text() -> str:
    return tr("% baris = sel ÷ jumlah baris × 100; % kolom = sel ÷ jumlah kolom × 100.")


# ------------------------------------------------------------------------------- matrices

def code_source_matrix(project: Any, *, codes: Sequence[str] | None = None, filters: Filters | None = None,
                       measure: str = "codings", include_subcodes: bool = True,
                       corpus: Corpus | None = None) -> Matrix:
    """Codes (rows) × sources (columns)."""
    _check_measure(measure)
    data = corpus or corpus_of(project)
    rows = _codes(data, codes)
    docs = sorted(data.select_documents(filters), key=lambda d: data.documents[d].name.casefold())
    per_row = _rolled(data, data.select(filters), rows, include_subcodes)
    grid: dict[tuple[int, int], list[Coding]] = {}
    for code_id, items in per_row.items():
        for c in items:
            grid.setdefault((code_id, c.document_id), []).append(c)
    counts = [[_count(grid.get((r.id, d), []), measure) for d in docs] for r in rows]

    def cell(i: int, j: int) -> list[Passage]:
        return _passages_of(grid.get((rows[i].id, docs[j]), []), measure)

    return Matrix("code-source", [Header(r.id, r.name, r.color) for r in rows],
                  [Header(d, data.documents[d].name) for d in docs], counts, measure,
                  _measure_text(measure) + " " + _pct_text(), tr("Kode × sumber"), cell)


def code_attribute_matrix(project: Any, key: str, *, codes: Sequence[str] | None = None,
                          filters: Filters | None = None, measure: str = "codings", include_subcodes: bool = True,
                          corpus: Corpus | None = None) -> Matrix:
    """Codes (rows) × the values of one case attribute (columns); documents without it under "—"."""
    _check_measure(measure)
    data = corpus or corpus_of(project)
    known = {k.casefold(): k for k in data.attribute_keys()}
    if key.casefold() not in known:
        raise InvalidValue(tr("atribut tidak dikenal: {key} (ada: {all})", key=key,
                              all=", ".join(data.attribute_keys()) or "—"))
    key = known[key.casefold()]
    docs = data.select_documents(filters)
    value_of = {d: (data.attribute_value(d, key) or "").strip() or NO_VALUE for d in docs}
    note = tr("Kolom = nilai atribut {key} pada kasus sumber, lalu pada sumber itu sendiri; "
              "«—» = tanpa nilai.", key=key)
    return _by_value(data, codes, filters, measure, include_subcodes, value_of, "code-attribute", note,
                     tr("Kode × {key}", key=key))


def code_case_matrix(project: Any, *, codes: Sequence[str] | None = None, filters: Filters | None = None,
                     measure: str = "codings", include_subcodes: bool = True, corpus: Corpus | None = None) -> Matrix:
    """Codes (rows) × cases (informants; columns); documents without a case under "—"."""
    _check_measure(measure)
    data = corpus or corpus_of(project)
    docs = data.select_documents(filters)
    value_of = {d: data.cases.get(data.documents[d].case_id, NO_VALUE) if data.documents[d].case_id else NO_VALUE
                for d in docs}
    note = tr("Kolom = kasus sumber; «—» = sumber tanpa kasus.")
    return _by_value(data, codes, filters, measure, include_subcodes, value_of, "code-case", note,
                     tr("Kode × kasus"))


def _by_value(data: Corpus, codes: Sequence[str] | None, filters: Filters | None, measure: str,
              include_subcodes: bool, value_of: dict[int, str], kind: str, note: str, title: str) -> Matrix:
    rows = _codes(data, codes)
    per_row = _rolled(data, data.select(filters), rows, include_subcodes)
    grid: dict[tuple[int, str], list[Coding]] = {}
    for code_id, items in per_row.items():
        for c in items:
            grid.setdefault((code_id, value_of[c.document_id]), []).append(c)
    values = sorted({v for v in value_of.values() if v != NO_VALUE}, key=str.casefold)
    if NO_VALUE in value_of.values() and any(k[1] == NO_VALUE for k in grid):
        values.append(NO_VALUE)
    counts = [[_count(grid.get((r.id, v), []), measure) for v in values] for r in rows]

    def cell(i: int, j: int) -> list[Passage]:
        return _passages_of(grid.get((rows[i].id, values[j]), []), measure)

    return Matrix(kind, [Header(r.id, r.name, r.color) for r in rows], [Header(v, v) for v in values],
                  counts, measure, _measure_text(measure) + " " + note + " " + _pct_text(), title, cell)


def cooccurrence_definition(unit: str) -> str:
    """The stated definition of a co-occurrence cell (shown under every co-occurrence table)."""
    if unit == "span":
        return tr("Sel = jumlah bagian teks yang dikode dengan kedua kode (cakupan kedua kode bertumpuk paling "
                  "sedikit satu karakter); satu bagian yang dikode oleh dua pengode dihitung sekali; sel diagonal "
                  "= jumlah bagian teks kode itu; subkode dihitung untuk kode induknya.")
    word = tr("kalimat") if unit == "sentence" else tr("giliran bicara")
    return tr("Sel = jumlah {unit} yang memuat koding kedua kode (tidak harus bertumpuk); sel diagonal = jumlah "
              "{unit} yang memuat kode itu; subkode dihitung untuk kode induknya.", unit=word)


def _units_for(data: Corpus, codings: list[Coding], unit: str) -> dict[int, list[tuple[int, int]]] | None:
    if unit == "span":
        return None
    from qda.analysis.units import units

    return {d: units(data, d, unit) for d in {c.document_id for c in codings}}


def cooccurrence_matrix(project: Any, *, rows: Sequence[str] | None = None, cols: Sequence[str] | None = None,
                        filters: Filters | None = None, unit: str = "span", corpus: Corpus | None = None,
                        kind: str = "cooccurrence", row_group: str | None = None,
                        col_group: str | None = None) -> Matrix:
    """Code co-occurrence (rows × columns, every top-level code when not given)."""
    if unit not in UNITS:
        raise InvalidValue(tr("satuan tidak dikenal: {u} (pilih: {all})", u=unit, all=", ".join(UNITS)))
    data = corpus or corpus_of(project)
    row_codes = _codes(data, rows, row_group)
    col_codes = _codes(data, cols, col_group) if (cols or col_group) else row_codes
    codings = data.select(filters)
    parents = _parents(data)
    unit_spans = _units_for(data, codings, unit)
    found = cooccurrence(codings, [r.id for r in row_codes], [c.id for c in col_codes], parents, unit=unit,
                         units=unit_spans)
    counts = [[found[(r.id, c.id)] for c in col_codes] for r in row_codes]

    def cell(i: int, j: int) -> list[Passage]:
        r, c = row_codes[i].id, col_codes[j].id
        spans = cooccurrence_passages(codings, r, c, parents, unit=unit, units=unit_spans)
        up = ancestor_map(parents, {r, c})
        by_doc: dict[int, list[Coding]] = {}
        for x in codings:
            if up.get(x.code_id) is not None:
                by_doc.setdefault(x.document_id, []).append(x)
        return [Passage(d, s, e, tuple(x.id for x in by_doc.get(d, ()) if x.start < e and x.end > s))
                for d, s, e in spans]

    title = tr("Dimensi × faktor pendorong") if kind == "dimension-factor" else tr("Kookurensi kode")
    return Matrix(kind, [Header(r.id, r.name, r.color) for r in row_codes],
                  [Header(c.id, c.name, c.color) for c in col_codes], counts, unit,
                  cooccurrence_definition(unit) + " " + _pct_text(), title, cell)


def dimension_factor_matrix(project: Any, *, filters: Filters | None = None, unit: str = "span",
                            corpus: Corpus | None = None) -> Matrix:
    """Dwiyanto's dimensions (rows) × the ten driving factors (columns), co-occurrence per passage."""
    data = corpus or corpus_of(project)
    if not data.roots("dimension") or not data.roots("factor"):
        raise InvalidValue(tr("buku kode proyek ini tidak memiliki kelompok dimensi dan faktor pendorong"))
    return cooccurrence_matrix(project, filters=filters, unit=unit, corpus=data, kind="dimension-factor",
                               row_group="dimension", col_group="factor")


def build(project: Any, kind: str, **options: Any) -> Matrix:
    """One matrix by kind name (one of :data:`KINDS`)."""
    if kind == "code-source":
        return code_source_matrix(project, **options)
    if kind == "code-case":
        return code_case_matrix(project, **options)
    if kind == "code-attribute":
        key = options.pop("key", None)
        if not key:
            raise InvalidValue(tr("matriks kode × atribut perlu nama atribut (--attribute KUNCI)"))
        return code_attribute_matrix(project, key, **options)
    if kind == "cooccurrence":
        return cooccurrence_matrix(project, **options)
    if kind == "dimension-factor":
        return dimension_factor_matrix(project, **options)
    raise InvalidValue(tr("jenis matriks tidak dikenal: {k} (pilih: {all})", k=kind, all=", ".join(KINDS)))
