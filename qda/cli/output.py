"""Printing helpers shared by the subcommands: aligned tables, JSON and confirmations.

The stream convention of every command: results (tables, texts, JSON) go to standard
output; confirmations, progress and warnings go to standard error, so that
``qda … --json | jq`` and ``qda … > out.txt`` always receive only the result.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any, Sequence, TextIO

#: Longest cell printed in a table before it is cut with an ellipsis.
CELL_WIDTH = 60


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cut(text: str, width: int = CELL_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters with "…" when it is longer."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def say(message: str) -> None:
    """Print a confirmation or progress line for the user (standard error)."""
    print(message, file=sys.stderr)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], stream: TextIO | None = None, *,
                cell_width: int = CELL_WIDTH) -> None:
    """Print rows as left-aligned columns under a header line (long cells cut with "…")."""
    stream = stream or sys.stdout
    cells = [[str(h) for h in headers]] + [["" if v is None else cut(str(v), cell_width) for v in row]
                                           for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        stream.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip() + "\n")
        if n == 0:
            stream.write("  ".join("-" * w for w in widths) + "\n")


def print_json(data: Any, stream: TextIO | None = None) -> None:
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
