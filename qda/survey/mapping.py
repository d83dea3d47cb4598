"""Match the data's columns to the instrument's items: by name (X1..X10) or by question text."""

from __future__ import annotations

import re

from qda.errors import DataError
from qda.i18n import tr
from qda.survey.instrument import Instrument, Item

FUZZY_THRESHOLD = 85.0


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip().casefold()


def _strip_number(text: str) -> str:
    return re.sub(r"^\d+\s*", "", text)


def _by_prefix(item_id: str, columns: list[str]) -> str | None:
    """A header starting with the id ("X1. Bagaimana ...") or tagging it ("... [X1]", "... (X1)")."""
    start = re.compile(rf"^\W*{re.escape(item_id)}(?!\w)", re.IGNORECASE)
    tag = re.compile(rf"[\[(]\s*{re.escape(item_id)}\s*[\])]", re.IGNORECASE)
    hits = [c for c in columns if start.match(c.strip()) or tag.search(c)]
    return hits[0] if len(hits) == 1 else None


def _by_text(item: Item, columns: list[str]) -> str | None:
    from rapidfuzz import fuzz, process

    choices = {c: _strip_number(_clean(c)) for c in columns}
    best: tuple[float, str] | None = None
    for probe in (item.text, item.topic):
        if not probe:
            continue
        hit = process.extractOne(_clean(probe), choices, scorer=fuzz.ratio)
        if hit and hit[1] >= FUZZY_THRESHOLD and (best is None or hit[1] > best[0]):
            best = (hit[1], hit[2])
    return best[1] if best else None


def match_column(item: Item, columns: list[str]) -> str | None:
    """The column holding ``item``: same name, a header starting with its id, or its question text."""
    for col in columns:
        if col.strip().casefold() == item.id.casefold():
            return col
    return _by_prefix(item.id, columns) or _by_text(item, columns)


def auto_map(columns: list[str], instrument: Instrument) -> dict[str, str | None]:
    """Item id -> matched column (or None), each column used at most once."""
    free = list(columns)
    result: dict[str, str | None] = {}
    for var in instrument.variables:
        for item in var.items:
            col = match_column(item, free)
            result[item.id] = col
            if col is not None:
                free.remove(col)
    return result


def resolve(requested: list[str], columns: list[str], instrument: Instrument | None,
            file: str = "") -> dict[str, str]:
    """Item name as requested -> column of the data; :class:`DataError` names any not found."""
    mapping: dict[str, str] = {}
    missing = []
    free = list(columns)
    for name in requested:
        item = (instrument.item(name) if instrument else None) or Item(id=name)
        col = match_column(Item(id=name, text=item.text, topic=item.topic), free)
        if col is None:
            missing.append(name)
        else:
            mapping[name] = col
            free.remove(col)
    if missing:
        raise DataError(tr("{file}: kolom {cols} tidak ditemukan (kolom yang ada: {have})",
                           file=file, cols=", ".join(missing), have=", ".join(columns[:40])))
    return mapping
