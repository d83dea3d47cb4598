"""Printing helpers shared by the subcommands: aligned tables and JSON."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any, Sequence


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], stream=None) -> None:
    """Print rows as left-aligned columns under a header line."""
    stream = stream or sys.stdout
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        stream.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip() + "\n")
        if n == 0:
            stream.write("  ".join("-" * w for w in widths) + "\n")


def print_json(data: Any, stream=None) -> None:
    """Print ``data`` as indented UTF-8 JSON."""
    stream = stream or sys.stdout
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_json(data: Any, path: str) -> None:
    """Write ``data`` as JSON to ``path`` ("-" for standard output)."""
    if path == "-":
        print_json(data)
        return
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
