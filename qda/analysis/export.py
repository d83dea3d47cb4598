"""Writing analysis results to files: query passages and word lists as CSV/XLSX, matrices as XLSX,
charts as PNG. Every file is written whole or not at all (:func:`qda.fileio.atomic_output`).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Sequence

from qda.errors import QdaError
from qda.fileio import atomic_output
from qda.i18n import tr

#: Query result columns and their headings (translated when written).
QUERY_COLUMNS = ("document", "kind", "case", "code", "coder", "start", "end", "line_start", "line_end", "status",
                 "text", "memo")
QUERY_HEADINGS = {"document": "dokumen", "kind": "jenis", "case": "kasus", "code": "kode", "coder": "pengode",
                  "start": "awal", "end": "akhir", "line_start": "baris awal", "line_end": "baris akhir",
                  "status": "status telaah", "text": "teks", "memo": "memo"}


def _suffix(path: Path, allowed: tuple[str, ...]) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise QdaError(tr("{path}: format ekspor tidak dikenal (pakai {all})", path=path, all=" atau ".join(allowed)))
    return suffix


def write_table(path: str | Path, header: Sequence[str], rows: Sequence[Sequence[Any]], *, sheet: str = "") -> int:
    """A plain table as ``.csv`` (UTF-8 with BOM, for Excel) or ``.xlsx``; returns the row count."""
    path = Path(path)
    suffix = _suffix(path, (".csv", ".xlsx"))
    with atomic_output(path) as tmp:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(header)
                writer.writerows(rows)
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet((sheet or tr("Tabel"))[:31])
            ws.append(list(header))
            for row in rows:
                ws.append(list(row))
            wb.save(tmp)
    return len(rows)


def _status_words(value: str) -> str:
    from qda.domain import status_label

    return "; ".join(status_label(s, in_text=True) for s in value.split("; ") if s)


def export_query_rows(rows: Sequence[dict[str, Any]], path: str | Path) -> int:
    """Query passages (``QueryResult.rows()``) to CSV or XLSX, in the interface language."""
    from qda.domain import kind_label

    table = []
    for r in rows:
        shown = dict(r)
        shown["kind"] = kind_label(r["kind"], in_text=True)
        shown["status"] = _status_words(r["status"])
        table.append([shown[c] for c in QUERY_COLUMNS])
    return write_table(path, [tr(QUERY_HEADINGS[c]) for c in QUERY_COLUMNS], table, sheet=tr("Hasil kueri"))


def export_words(words: Sequence[Any], path: str | Path) -> int:
    """A word-frequency list to CSV or XLSX."""
    return write_table(path, [tr("kata"), tr("jumlah"), tr("dokumen")], [[w.word, w.count, w.documents] for w in words],
                       sheet=tr("Frekuensi kata"))


def export_kwic(lines: Sequence[Any], path: str | Path) -> int:
    """Concordance lines to CSV or XLSX."""
    return write_table(path, [tr("dokumen"), tr("baris"), tr("kiri"), tr("kata kunci"), tr("kanan"), tr("awal"),
                              tr("akhir")],
                       [[k.document, k.line, k.left, k.match, k.right, k.start, k.end] for k in lines],
                       sheet=tr("KWIC"))


def export_matrix(matrix: Any, path: str | Path) -> Path:
    """A matrix to ``.xlsx``: counts (heat-map colours), row % and column % sheets, with the definition."""
    path = Path(path)
    _suffix(path, (".xlsx",))
    from openpyxl import Workbook
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    first = True
    for mode, name in (("count", tr("Jumlah")), ("row", tr("% baris")), ("col", tr("% kolom"))):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name[:31]
        ws.append([matrix.title])
        ws["A1"].font = Font(bold=True)
        ws.append([matrix.definition])
        ws.append([])
        ws.append(["", *[h.label for h in matrix.cols], tr("Jumlah") if mode == "count" else ""])
        values = matrix.values(mode)
        for i, header in enumerate(matrix.rows):
            cells = [None if v is None else (int(v) if mode == "count" else round(v, 2)) for v in values[i]]
            ws.append([header.label, *cells, matrix.row_totals[i] if mode == "count" else None])
        if mode == "count":
            ws.append([tr("Jumlah"), *matrix.col_totals, matrix.total])
        top, left = 5, 2
        bottom, right = top + len(matrix.rows) - 1, left + len(matrix.cols) - 1
        if matrix.rows and matrix.cols:
            area = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
            ws.conditional_formatting.add(area, ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF",
                                                               end_type="max", end_color="E0533D"))
            if mode != "count":
                for row in ws[area]:
                    for c in row:
                        c.number_format = "0.0"
        for c in ws[4]:
            c.font = Font(bold=True)
            c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions["A"].width = max(16, min(40, max((len(h.label) for h in matrix.rows), default=10) + 2))
        for j in range(len(matrix.cols) + 1):
            ws.column_dimensions[get_column_letter(left + j)].width = 14
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return path


def write_png(data: bytes, path: str | Path) -> Path:
    """Write chart bytes (PNG) to ``path``."""
    path = Path(path)
    _suffix(path, (".png",))
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path
