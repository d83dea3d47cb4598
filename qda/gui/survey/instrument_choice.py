"""Choose the instrument for a newly opened data file: the best-fitting bundled template, else a plain one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from qda.errors import QdaError
from qda.i18n import tr
from qda.survey.instrument import (Indicator, Instrument, Item, Variable, bundled_templates, fits_template,
                                   load_template)
from qda.survey.mapping import auto_map

DEFAULT_TEMPLATE = "sako"  # the one the command line uses unless told otherwise


@dataclass
class Choice:
    """The instrument picked for a data file, its automatic mapping and a line saying which it is."""

    instrument: Instrument
    mapping: dict[str, str]
    template: str  # bundled template name, "" for the plain instrument

    def describe(self) -> str:
        """"instrumen: <title>" for the status line."""
        if self.template:
            return tr("instrumen: {title} (templat {name})", title=self.instrument.title or self.template,
                      name=self.template)
        return tr("instrumen: sederhana dari kolom data (tanpa teks pertanyaan)")


def _fit(columns: list[str], instrument: Instrument, stem: str, name: str) -> tuple[int, int, int, int]:
    """Sort key: mapped items, demographic columns present, template named in the file name, default."""
    mapped = sum(1 for v in auto_map(columns, instrument).values() if v)
    present = {c.strip().casefold() for c in columns}
    demos = sum(1 for d in instrument.demographics if d.column.casefold() in present)
    return mapped, demos, int(name.casefold() in stem), int(name == DEFAULT_TEMPLATE)


def plain_instrument(columns: list[str], templates: list[Instrument] | None = None) -> Instrument:
    """Variables X and Y from columns named X1, X2 … and Y1, Y2 …, with no question texts.

    Answer label sets of the bundled templates are kept (so text answers such as "Setuju" still score);
    demographic columns known to a template are kept when the data has them.
    """
    templates = templates if templates is not None else _templates()
    label_sets: dict[str, list[str]] = {}
    demos = []
    present = {c.strip().casefold() for c in columns}
    seen: set[str] = set()
    for t in templates:
        for key, labels in t.label_sets.items():
            label_sets.setdefault(key, list(labels))
        for d in t.demographics:
            if d.column.casefold() in present and d.column.casefold() not in seen:
                seen.add(d.column.casefold())
                demos.append(d)

    def variable(key: str) -> Variable:
        pattern = re.compile(rf"^{key}\d+$", re.IGNORECASE)
        cols = sorted((c.strip() for c in columns if pattern.match(c.strip())), key=lambda c: int(c[1:]))
        return Variable(key=key, name=key, indicators=[Indicator(name=key, items=[Item(id=c) for c in cols])])

    return Instrument(name="", title="", label_sets=label_sets, variables=[variable("X"), variable("Y")],
                      demographics=demos)


def _templates() -> list[Instrument]:
    found = []
    for name in bundled_templates():
        try:
            found.append(load_template(name))
        except QdaError:
            continue
    return found


def choose_instrument(columns: list[str], file_name: str = "") -> Choice:
    """The bundled template whose item ids best match ``columns`` (ties: demographics, file name, default);
    a plain instrument when no template item matches."""
    stem = Path(file_name).stem.casefold()
    best: tuple[tuple[int, int, int, int], Instrument, str] | None = None
    for name in bundled_templates():
        try:
            inst = load_template(name)
        except QdaError:
            continue
        key = _fit(columns, inst, stem, name)
        if best is None or key > best[0]:
            best = (key, inst, name)
    if best is not None and best[0][0] > 0:
        inst = best[1]
        mapping = {k: v for k, v in auto_map(columns, inst).items() if v}
        if fits_template(columns, inst, mapping):  # a template only for its own study's data
            return Choice(inst, mapping, best[2])
    inst = plain_instrument(columns)
    return Choice(inst, {k: v for k, v in auto_map(columns, inst).items() if v}, "")
