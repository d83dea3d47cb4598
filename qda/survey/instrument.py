"""The questionnaire instrument: variables -> indicators -> items, label sets, demographics.

An instrument is plain data (JSON in the project or in ``resources/survey/``). Label sets
are listed best first: the first label scores 5 (the scale maximum), the last scores 1.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qda.errors import DataError, NotFound
from qda.i18n import tr
from qda.resources import resource

DEFAULT_LABEL_SET = "baik"
#: The label set of a neutral instrument's items: the score itself, nobody's wording.
SCORE_LABEL_SET = "skor"
SCORE_LABELS = ["Skor 5", "Skor 4", "Skor 3", "Skor 2", "Skor 1"]


def normalise_label(text: str) -> str:
    """A label compared case- and space-insensitively (``" sangat  BAIK"`` -> ``"sangatbaik"``)."""
    return re.sub(r"[\s_\-]+", "", str(text)).casefold()


@dataclass
class Item:
    """One questionnaire item (a column of the data once mapped)."""

    id: str
    text: str = ""
    topic: str = ""
    label_set: str | None = None
    wording: str = ""  # "rekonstruksi" when the question text was reconstructed


@dataclass
class Indicator:
    """A group of items measuring one indicator of a variable."""

    name: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Variable:
    """A latent variable (X or Y) measured by its indicators' items."""

    key: str
    name: str
    name_en: str = ""
    definition: str = ""
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        """The items of every indicator, in order."""
        return [it for ind in self.indicators for it in ind.items]


@dataclass
class Demographic:
    """A respondent-profile column; numbers may be grouped into ``bins`` [lower, upper, label)."""

    column: str
    title: str = ""
    title_en: str = ""
    value_labels: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    bins: list[list] = field(default_factory=list)  # [lower (incl.), upper (excl.) | None, label]


@dataclass
class Instrument:
    """A questionnaire: variables, label sets and demographic columns."""

    name: str = ""
    title: str = ""
    note: str = ""
    scale_min: int = 1
    scale_max: int = 5
    id_column: str | None = None
    label_sets: dict[str, list[str]] = field(default_factory=dict)
    variables: list[Variable] = field(default_factory=list)
    demographics: list[Demographic] = field(default_factory=list)
    default_label_set: str = DEFAULT_LABEL_SET

    # --- lookup -----------------------------------------------------------------------
    def variable(self, key: str) -> Variable:
        """The variable with ``key`` (``"X"``); :class:`NotFound` otherwise."""
        for var in self.variables:
            if var.key == key:
                return var
        raise NotFound(f"variabel {key!r} tidak ada dalam instrumen")

    def item(self, item_id: str) -> Item | None:
        """The item ``item_id`` (case-insensitive), or None."""
        for var in self.variables:
            for it in var.items:
                if it.id.casefold() == item_id.casefold():
                    return it
        return None

    def labels_of(self, item: Item | None) -> list[str]:
        """The label set of ``item`` (best first), falling back to the default set."""
        name = item.label_set if item and item.label_set else self.default_label_set
        return self.label_sets.get(name) or self.label_sets.get(self.default_label_set) or []

    def score_map(self, item: Item | None) -> dict[str, int]:
        """Normalised label -> score for ``item``: its own set, plus any unambiguous label of the others."""
        mapping: dict[str, int] = {}
        conflicts: set[str] = set()
        for labels in self.label_sets.values():
            for key, score in _scores(labels, self.scale_max).items():
                if key in mapping and mapping[key] != score:
                    conflicts.add(key)
                mapping.setdefault(key, score)
        for key in conflicts:
            del mapping[key]
        mapping.update(_scores(self.labels_of(item), self.scale_max))
        return mapping

    # --- (de)serialisation ----------------------------------------------------------------
    def to_dict(self) -> dict:
        """JSON-ready dict in the same shape :meth:`from_dict` reads."""
        data = asdict(self)
        data["scale"] = {"min": data.pop("scale_min"), "max": data.pop("scale_max")}
        return data

    def to_json(self) -> str:
        """The instrument as JSON text (for ``Project.save_survey``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_dict(cls, data: dict) -> Instrument:
        """Build from the JSON shape of ``resources/survey/*.json``."""
        scale = data.get("scale", {})
        variables = [
            Variable(
                key=v["key"], name=v.get("name", v["key"]), name_en=v.get("name_en", ""),
                definition=v.get("definition", ""),
                indicators=[
                    Indicator(name=i.get("name", ""), items=[Item(**it) for it in i.get("items", [])])
                    for i in v.get("indicators", [])
                ],
            )
            for v in data.get("variables", [])
        ]
        demos = [Demographic(**d) for d in data.get("demographics", [])]
        return cls(
            name=data.get("name", ""), title=data.get("title", ""), note=data.get("note", ""),
            scale_min=int(scale.get("min", 1)), scale_max=int(scale.get("max", 5)),
            id_column=data.get("id_column"), label_sets=dict(data.get("label_sets", {})),
            variables=variables, demographics=demos,
            default_label_set=data.get("default_label_set", DEFAULT_LABEL_SET),
        )

    @classmethod
    def from_json(cls, text: str) -> Instrument:
        """Parse JSON text written by :meth:`to_json`."""
        return cls.from_dict(json.loads(text))


def _scores(labels: list[str], top: int) -> dict[str, int]:
    return {normalise_label(lab): top - i for i, lab in enumerate(labels)}


def bundled_templates() -> list[str]:
    """Names of the instrument templates shipped in ``resources/survey/``."""
    return sorted(p.stem for p in resource("survey").glob("*.json"))


def load_template(name_or_path: str | Path = "sako") -> Instrument:
    """A bundled template by name (``"sako"``) or an instrument JSON file by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = resource("survey", f"{name_or_path}.json")
    if not path.is_file():
        bundled = sorted(p.stem for p in resource("survey").glob("*.json") if p.stem != "bagian_umum")
        raise NotFound(tr("{path}: instrumen tidak ditemukan; instrumen bawaan: {names}, atau sebutkan berkas "
                          "instrumen .json", path=name_or_path, names=", ".join(bundled)))
    try:
        return Instrument.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(tr("{path}: instrumen tidak valid ({reason})", path=path, reason=exc)) from exc


def simple_instrument(x_items: list[str], y_items: list[str], *, base: Instrument | None = None,
                      x_name: str = "X", y_name: str = "Y", title: str | None = None) -> Instrument:
    """An instrument of two variables from column lists, borrowing texts and labels from ``base``.

    ``x_name``/``y_name`` name the variables (the base's names are kept when they are left as
    "X"/"Y"); ``title`` replaces the base's study title.
    """
    base = base or load_template("sako")

    def make(key: str, name: str, cols: list[str]) -> Variable:
        items = []
        for col in cols:
            known = base.item(col)
            items.append(Item(id=col, text=known.text if known else "", topic=known.topic if known else "",
                              label_set=known.label_set if known else None, wording=known.wording if known else ""))
        try:
            found = base.variable(key)
            bvar: Variable | None = found
            name = found.name if name == key else name
        except NotFound:
            bvar = None
        name_en = ""
        if bvar is not None and name == bvar.name:
            name_en = bvar.name_en
        return Variable(key=key, name=name, name_en=name_en, indicators=[Indicator(name=name, items=items)])

    return Instrument(
        name=base.name, title=base.title if title is None else title, note=base.note,
        scale_min=base.scale_min, scale_max=base.scale_max, id_column=base.id_column,
        label_sets=dict(base.label_sets), variables=[make("X", x_name, x_items), make("Y", y_name, y_items)],
        demographics=list(base.demographics), default_label_set=base.default_label_set,
    )


def neutral_instrument() -> Instrument:
    """An instrument that knows nobody's study: no title, no question wording, no variable names.

    It reads the answer labels Indonesian questionnaires use (the bundled label sets, so
    "Sangat Setuju" still scores 5) and shows numeric answers as their score ("Skor 5").
    Demographic columns are found by their common names.
    """
    sako = load_template("sako")
    sets = dict(sako.label_sets)
    sets[SCORE_LABEL_SET] = list(SCORE_LABELS)
    demographics = [Demographic(column=d.column, title=d.title, title_en=d.title_en, order=list(d.order),
                                bins=[list(b) for b in d.bins])
                    for d in sako.demographics if d.column in GENERIC_DEMOGRAPHICS]
    return Instrument(name="", title="", note="", scale_min=sako.scale_min, scale_max=sako.scale_max,
                      id_column=None, label_sets=sets, variables=[], demographics=demographics,
                      default_label_set=SCORE_LABEL_SET)


#: Demographic columns a neutral instrument profiles when the data has them (Sako's column names).
GENERIC_DEMOGRAPHICS = ("jenis_kelamin", "usia", "pendidikan")


def fits_template(columns: list[str], instrument: Instrument, mapping: dict[str, str]) -> bool:
    """Whether data with ``columns`` (auto-mapped as ``mapping``) really is ``instrument``'s own data.

    Every item must be mapped, and either the instrument's respondent and profile columns are all
    there, or the columns carry the instrument's question wording (no item matched by its bare id).
    A data set that merely names its columns X1, X2 … is not someone else's study.
    """
    items = [it.id for v in instrument.variables for it in v.items]
    if not items or any(not mapping.get(i) for i in items):
        return False
    needed = {d.column for d in instrument.demographics}
    if instrument.id_column:
        needed.add(instrument.id_column)
    if needed and needed <= set(columns):
        return True
    return all(mapping[i] != i for i in items)


def is_instrument_data(columns: list[str], x_cols: list[str], y_cols: list[str], instrument: Instrument) -> bool:
    """Whether these columns really are ``instrument``'s: its X and Y items exactly, its id and profile columns."""
    if len(instrument.variables) < 2:
        return False
    x_ids = [it.id for it in instrument.variables[0].items]
    y_ids = [it.id for it in instrument.variables[1].items]
    if list(x_cols) != x_ids or list(y_cols) != y_ids:
        return False
    have = set(columns)
    needed = {d.column for d in instrument.demographics}
    if instrument.id_column:
        needed.add(instrument.id_column)
    return needed <= have
