"""Options shared by the subcommands, so every command spells and reads them the same way.

Filters are repeatable and each value may also hold a comma-separated list
(``--code Responsivitas --code Akuntabilitas`` equals ``--code Responsivitas,Akuntabilitas``);
decimals accept a comma (``--alpha 0,05``); choices accept Indonesian words too
(``--kind wawancara``); survey columns accept ranges (``--x X1-X10``).
"""

from __future__ import annotations

import argparse
import re
from typing import Callable, Iterable

from qda.i18n import tr

#: Indonesian (and English) words accepted for the document kinds stored in English.
KIND_WORDS = {
    "interview": "interview", "wawancara": "interview",
    "observation": "observation", "observasi": "observation", "pengamatan": "observation",
    "document": "document", "dokumen": "document",
    "other": "other", "lainnya": "other", "lain": "other",
}
#: Indonesian (and English) words accepted for review statuses.
STATUS_WORDS = {
    "approved": "approved", "disetujui": "approved", "setuju": "approved",
    "needs_revision": "needs_revision", "revisi": "needs_revision", "perlu-revisi": "needs_revision",
    "perlu_direvisi": "needs_revision", "needs-revision": "needs_revision",
    "rejected": "rejected", "ditolak": "rejected", "tolak": "rejected",
}
#: Indonesian (and English) words accepted for code groups.
GROUP_WORDS = {
    "dimension": "dimension", "dimensi": "dimension",
    "factor": "factor", "faktor": "factor",
    "own": "own", "sendiri": "own",
}


def split_values(values: Iterable[str] | None) -> list[str]:
    """Flatten repeated and comma-separated option values, dropping blanks."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip() for part in str(value).split(",") if part.strip())
    return out


def add_filters(parser: argparse.ArgumentParser, *, code: bool = True, doc: bool = True, coder: bool = True,
                reviewer: bool = False) -> None:
    """Add the repeatable filters ``--code``, ``--doc``, ``--coder`` (and ``--reviewer``)."""
    if code:
        parser.add_argument("--code", action="append", metavar=tr("KODE"),
                            help=tr("hanya kode ini (boleh berulang atau dipisah koma)"))
    if doc:
        parser.add_argument("--doc", action="append", metavar=tr("SUMBER"),
                            help=tr("hanya sumber ini (boleh berulang atau dipisah koma)"))
    if coder:
        parser.add_argument("--coder", action="append", metavar=tr("PENGODE"),
                            help=tr("hanya pengode ini (boleh berulang atau dipisah koma)"))
    if reviewer:
        parser.add_argument("--reviewer", action="append", metavar=tr("PEMBIMBING"),
                            help=tr("hanya telaah dari pembimbing ini (boleh berulang atau dipisah koma)"))


def decimal(text: str) -> float:
    """A number written with a decimal comma or point (``0,05`` or ``0.05``)."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value!r} bukan angka (mis. 0,05)", value=text)) from None


def word_choice(words: dict[str, str]) -> Callable[[str], str]:
    """An argparse type accepting any word of ``words`` (case-insensitive), giving its stored value."""
    def convert(text: str) -> str:
        value = words.get(text.strip().casefold())
        if value is None:
            raise argparse.ArgumentTypeError(tr("{value!r} tidak dikenal; pilih salah satu: {choices}",
                                                value=text, choices=", ".join(sorted(words))))
        return value
    convert.__name__ = "pilihan"
    return convert


_RANGE = re.compile(r"^([^\W\d]*\w*?)(\d+)\s*[-–]\s*\1?(\d+)$")


def column_list(text: str) -> list[str]:
    """Column names separated by commas, with ranges: ``X1-X10`` or ``X1–X10`` or ``P1-3``."""
    columns: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        m = _RANGE.match(part)
        if m and int(m.group(3)) >= int(m.group(2)):
            prefix, first, last = m.group(1), int(m.group(2)), int(m.group(3))
            columns.extend(f"{prefix}{i}" for i in range(first, last + 1))
        else:
            columns.append(part)
    return columns
