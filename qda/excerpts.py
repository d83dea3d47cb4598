"""Export coded excerpts to CSV or XLSX for use in a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path

from qda.domain import kind_label, status_label
from qda.errors import QdaError
from qda.fileio import atomic_output
from qda.i18n import tr
from qda.sources.lines import LineIndex
from qda.summaries import Filter, each_filter

COLUMNS = ("document", "kind", "case", "code", "group", "coder", "start", "end", "line_start", "line_end",
           "status", "text", "memo")
#: Column headings of the exported spreadsheet (translated to the interface language).
HEADINGS = {"document": "dokumen", "kind": "jenis", "case": "kasus", "code": "kode", "group": "kelompok",
            "coder": "pengode", "start": "awal", "end": "akhir", "line_start": "baris awal",
            "line_end": "baris akhir", "status": "status telaah", "text": "teks", "memo": "memo"}


def _readable(row: dict) -> list:
    """One excerpt as the spreadsheet shows it: kinds, groups and statuses in words."""
    from qda.codebook import group_name
    from qda.i18n import language

    shown = dict(row)
    shown["kind"] = kind_label(row["kind"], in_text=True)
    shown["group"] = group_name(row["group"], language()) if row["group"] else ""
    shown["status"] = status_label(row["status"], in_text=True) if row["status"] else ""
    return [shown[c] for c in COLUMNS]


def excerpt_table(project, *, code: Filter = None, document: Filter = None, coder: Filter = None, include_subcodes: bool = True) -> list[dict]:
    """Every matching coded excerpt with its context: document, case, code, coder, lines, review status, memo."""
    docs = {d.name: d for d in project.documents.all()}
    cases = {c.id: c.name for c in project.cases.all()}
    groups = {c.name: c.group for c in project.codes.all()}
    statuses = project.reviews.latest_statuses()
    memos = {m.target_id: m.text for m in project.memos.all() if m.target_kind == "segment"}
    indexes: dict[str, LineIndex] = {}
    out = []
    for r in each_filter(project.segments.rows, code=code, document=document, coder=coder,
                         include_subcodes=include_subcodes):
        doc = docs[r["document"]]
        index = indexes.get(doc.name)
        if index is None:
            index = indexes[doc.name] = LineIndex(project.documents.text(doc))
        line_start, line_end = index.span(r["start"], r["end"])
        out.append({
            "document": doc.name, "kind": doc.kind, "case": cases.get(doc.case_id, ""), "code": r["code"],
            "group": groups.get(r["code"], ""), "coder": r["coder"], "start": r["start"], "end": r["end"],
            "line_start": line_start, "line_end": line_end,
            "status": statuses.get(r["id"], ""), "text": r["text"], "memo": memos.get(r["id"], ""),
        })
    return out


def export_excerpts(project, out_path: str | Path, **filters) -> int:
    """Write the excerpt table to ``.csv`` (UTF-8 with BOM, for Excel) or ``.xlsx``; returns the row count.

    Headings and the words for kinds, groups and review statuses follow the
    interface language.

    The file is written whole or not at all (:func:`qda.fileio.atomic_output`).
    """
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise QdaError(tr("{path}: format ekspor tidak dikenal (pakai .csv atau .xlsx)", path=out_path))
    rows = excerpt_table(project, **filters)
    header = [tr(HEADINGS[c]) for c in COLUMNS]
    with atomic_output(out_path) as tmp:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(header)
                writer.writerows(_readable(row) for row in rows)
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(tr("Kutipan"))
            ws.append(header)
            for row in rows:
                ws.append(_readable(row))
            wb.save(tmp)
    return len(rows)
