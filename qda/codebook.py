"""The domain codebook: Dwiyanto's performance dimensions and the driving factors.

A codebook is a JSON file (the bundled one is ``resources/codebook/kinerja_pelayanan.json``)
holding groups and codes; each code carries operational definitions in Indonesian and
English, when to use it and when not, an example utterance and indicator terms used to
suggest codes automatically. :func:`load_codebook` validates a file and reports every
problem as a :class:`~qda.errors.QdaError` naming the file; :func:`save_codebook` writes one
back so a researcher can share a codebook; :func:`codebook_from_project` reads a project's
codes into a :class:`Codebook`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from qda.domain import CODE_TEXT_FIELDS, GROUP_LABELS, GROUPS, CodeTexts, is_color
from qda.errors import QdaError, os_reason
from qda.fileio import atomic_output
from qda.i18n import language, tr
from qda.resources import resource

BUNDLED_NAME = "kinerja_pelayanan.json"


@dataclass(frozen=True)
class CodebookGroup:
    """A group of codes (e.g. Dwiyanto's dimensions) with its display names."""

    key: str
    name_id: str
    name_en: str

    def display(self, lang: str | None = None) -> str:
        """The group's name in ``lang`` (``"id"``/``"en"``; default: interface language)."""
        return self.name_en if (lang or language()) == "en" and self.name_en else self.name_id


@dataclass(frozen=True)
class CodebookCode(CodeTexts):
    """One code with its definitions, usage notes, example and indicator terms (:class:`CodeTexts`)."""

    name: str
    group: str = "own"
    color: str | None = None
    parent: str | None = None

    def display(self, lang: str | None = None) -> str:
        """The code's name in ``lang`` (English name when asked for and present)."""
        return self.name_en if (lang or language()) == "en" and self.name_en else self.name


#: English names written to a codebook file beside :data:`qda.domain.GROUP_LABELS` (the catalogue's
#: translations of them; tests/test_codebook.py checks that the two agree).
_GROUP_NAMES_EN = {"dimension": "Performance dimensions (Dwiyanto)", "factor": "Driving factors", "own": "Own codes"}
#: The groups every project knows (:data:`qda.domain.GROUPS`, with their names); a codebook
#: file may rename but not drop them.
DEFAULT_GROUPS: tuple[CodebookGroup, ...] = tuple(CodebookGroup(key, GROUP_LABELS[key], _GROUP_NAMES_EN[key])
                                                  for key in GROUPS)


@dataclass(frozen=True)
class Codebook:
    """A named, versioned list of groups and codes (parents before children)."""

    name: str
    version: int = 1
    groups: tuple[CodebookGroup, ...] = DEFAULT_GROUPS
    codes: tuple[CodebookCode, ...] = field(default_factory=tuple)
    language: str = "id"
    description: str = ""

    def code(self, name: str) -> CodebookCode:
        """The code called ``name`` (KeyError if absent)."""
        for c in self.codes:
            if c.name == name:
                return c
        raise KeyError(name)

    def codes_in(self, group: str) -> list[CodebookCode]:
        """The codes of one group, in file order."""
        return [c for c in self.codes if c.group == group]

    def group_name(self, key: str, lang: str | None = None) -> str:
        """Display name of group ``key`` in ``lang`` (the key itself if unknown)."""
        for g in self.groups:
            if g.key == key:
                return g.display(lang)
        return group_name(key, lang)


def group_name(key: str, lang: str | None = None) -> str:
    """Display name of one of the standard groups (``dimension``, ``factor``, ``own``)."""
    for g in DEFAULT_GROUPS:
        if g.key == key:
            return g.display(lang)
    return key


# ---------------------------------------------------------------------------- loading


def bundled_codebook_path() -> Path:
    """Path of the codebook shipped with qda."""
    return resource("codebook", BUNDLED_NAME)


#: Codebook templates a project can start from (and import later): name -> file in resources/codebook.
CODEBOOK_TEMPLATES = {
    "dwiyanto": BUNDLED_NAME,  # Dwiyanto's dimensions and the ten driving factors (the default)
    "sako": "indikator_sako.json",  # the Sako questionnaire's indicators (X and Y) as codes
    "kosong": "kosong.json",  # no codes: the researcher builds their own
}
#: Shown names of the templates (Indonesian source text; English through :func:`qda.i18n.tr`).
TEMPLATE_TITLES = {
    "dwiyanto": "Dimensi Dwiyanto dan sepuluh faktor pendorong",
    "sako": "Indikator kuesioner Sako (X dan Y)",
    "kosong": "Kosong (kode sendiri)",
}


def codebook_template_path(name_or_path: str | Path) -> Path:
    """The file of a codebook template by name ("dwiyanto", "sako", "kosong"), or the path itself."""
    key = str(name_or_path).strip().casefold()
    if key in CODEBOOK_TEMPLATES:
        return resource("codebook", CODEBOOK_TEMPLATES[key])
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        raise QdaError(tr("buku kode {name} tidak dikenal: sebutkan {names} atau berkas .json",
                          name=name_or_path, names=", ".join(CODEBOOK_TEMPLATES)))
    return path


def load_codebook(path: Path | str | None = None) -> Codebook:
    """Read and validate a codebook file (``None``: the bundled one).

    Raises :class:`QdaError` naming the file and the problem: unreadable file, invalid
    JSON (with line and column), a missing or mistyped field, a duplicate code name,
    an unknown group or parent, a colour that is not ``#rrggbb``, a parent cycle.
    """
    path = Path(path) if path is not None else bundled_codebook_path()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise QdaError(tr("{path}: berkas buku kode tidak ditemukan", path=path)) from None
    except UnicodeDecodeError:
        raise QdaError(tr("{path}: buku kode harus berupa teks UTF-8", path=path)) from None
    except OSError as exc:
        raise QdaError(tr("{path}: tidak dapat dibaca ({error})", path=path, error=os_reason(exc))) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise QdaError(
            tr(
                "{path}: JSON tidak valid pada baris {line}, kolom {col}: {msg}",
                path=path,
                line=exc.lineno,
                col=exc.colno,
                msg=exc.msg,
            )
        ) from None
    return codebook_from_dict(data, source=str(path))


def codebook_from_dict(data: Any, source: str = "<buku kode>") -> Codebook:
    """Validate a parsed codebook object; ``source`` names it in error messages."""

    def fail(message: str, **values: object) -> QdaError:
        return QdaError(f"{source}: " + tr(message, **values))

    if not isinstance(data, dict):
        raise fail("isi berkas harus berupa objek JSON dengan kunci \"name\" dan \"codes\"")
    for key in ("name", "codes"):
        if key not in data:
            raise fail("kolom wajib \"{field}\" tidak ada", field=key)
    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        raise fail("kolom \"name\" harus berupa teks yang tidak kosong")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise fail("kolom \"version\" harus berupa bilangan bulat")
    lang = data.get("language", "id")
    if not isinstance(lang, str):
        raise fail("kolom \"language\" harus berupa teks")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail("kolom \"description\" harus berupa teks")
    groups = _parse_groups(data.get("groups"), fail)
    if not isinstance(data["codes"], list):
        raise fail("kolom \"codes\" harus berupa daftar")
    keys = {g.key for g in groups}
    codes: list[CodebookCode] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(data["codes"], start=1):
        code = _parse_code(item, n, fail)
        if code.group not in keys:
            raise fail(
                "kode ke-{n} \"{code}\": kelompok \"{group}\" tidak dikenal (pilihan: {keys})",
                n=n,
                code=code.name,
                group=code.group,
                keys=", ".join(sorted(keys)),
            )
        if code.name.casefold() in seen:
            raise fail(
                "nama kode \"{code}\" muncul dua kali (kode ke-{first} dan ke-{n})",
                code=code.name,
                first=seen[code.name.casefold()],
                n=n,
            )
        seen[code.name.casefold()] = n
        codes.append(code)
    ordered = _parents_first(codes, fail)
    return Codebook(
        name=name.strip(),
        version=version,
        groups=groups,
        codes=ordered,
        language=lang,
        description=description.strip(),
    )


def _parse_groups(raw: Any, fail) -> tuple[CodebookGroup, ...]:
    if raw is None:
        return DEFAULT_GROUPS
    if not isinstance(raw, list):
        raise fail("kolom \"groups\" harus berupa daftar")
    groups: list[CodebookGroup] = []
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise fail("kelompok ke-{n} harus berupa objek", n=n)
        for key in ("key", "name_id"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise fail("kelompok ke-{n}: kolom wajib \"{field}\" tidak ada atau kosong", n=n, field=key)
        if any(g.key == item["key"] for g in groups):
            raise fail("kunci kelompok \"{key}\" muncul dua kali", key=item["key"])
        name_en = item.get("name_en", "")
        if not isinstance(name_en, str):
            raise fail("kelompok ke-{n}: kolom \"{field}\" harus berupa teks", n=n, field="name_en")
        groups.append(CodebookGroup(item["key"].strip(), item["name_id"].strip(), name_en.strip()))
    # the standard groups always exist, so codes of any project can be shown
    for g in DEFAULT_GROUPS:
        if all(x.key != g.key for x in groups):
            groups.append(g)
    return tuple(groups)


def _parse_code(item: Any, n: int, fail) -> CodebookCode:
    if not isinstance(item, dict):
        raise fail("kode ke-{n} harus berupa objek", n=n)
    name = item.get("name")
    if name is None:
        raise fail("kode ke-{n}: kolom wajib \"{field}\" tidak ada", n=n, field="name")
    if not isinstance(name, str) or not name.strip():
        raise fail("kode ke-{n}: kolom \"name\" harus berupa teks yang tidak kosong", n=n)
    name = name.strip()
    if "group" not in item:
        raise fail("kode ke-{n} \"{code}\": kolom wajib \"{field}\" tidak ada", n=n, code=name, field="group")
    values: dict[str, Any] = {"name": name}
    for key in ("group", *CODE_TEXT_FIELDS):
        value = item.get(key, "")
        if not isinstance(value, str):
            raise fail("kode ke-{n} \"{code}\": kolom \"{field}\" harus berupa teks", n=n, code=name, field=key)
        values[key] = value.strip()
    color = item.get("color")
    if color is not None:
        if not isinstance(color, str) or not is_color(color.strip()):
            raise fail(
                "kode ke-{n} \"{code}\": warna \"{color}\" tidak valid (harus #rrggbb)",
                n=n,
                code=name,
                color=color,
            )
        color = color.strip().lower()
    values["color"] = color
    indicators = item.get("indicators", [])
    if not isinstance(indicators, list) or not all(isinstance(t, str) for t in indicators):
        raise fail("kode ke-{n} \"{code}\": kolom \"indicators\" harus berupa daftar teks", n=n, code=name)
    cleaned: list[str] = []
    for term in indicators:
        term = " ".join(term.split())
        if term and term.casefold() not in {t.casefold() for t in cleaned}:
            cleaned.append(term)
    values["indicators"] = tuple(cleaned)
    parent = item.get("parent")
    if parent is not None and (not isinstance(parent, str) or not parent.strip()):
        raise fail("kode ke-{n} \"{code}\": kolom \"parent\" harus berupa nama kode", n=n, code=name)
    values["parent"] = parent.strip() if parent else None
    return CodebookCode(**values)


def _parents_first(codes: list[CodebookCode], fail) -> tuple[CodebookCode, ...]:
    """Order codes so each parent precedes its children (file order otherwise kept)."""
    by_name = {c.name: c for c in codes}
    for c in codes:
        if c.parent is not None and c.parent not in by_name:
            raise fail("kode \"{code}\": induk \"{parent}\" tidak ada di buku kode", code=c.name, parent=c.parent)
        if c.parent == c.name:
            raise fail("kode \"{code}\" tidak boleh menjadi induk bagi dirinya sendiri", code=c.name)
    ordered: list[CodebookCode] = []
    placed: set[str] = set()

    def place(c: CodebookCode, chain: tuple[str, ...]) -> None:
        if c.name in placed:
            return
        if c.name in chain:
            raise fail("hubungan induk melingkar: {chain}", chain=" → ".join((*chain, c.name)))
        if c.parent is not None:
            place(by_name[c.parent], (*chain, c.name))
        placed.add(c.name)
        ordered.append(c)

    for c in codes:
        place(c, ())
    return tuple(ordered)


# ---------------------------------------------------------------------------- saving


def codebook_to_dict(codebook: Codebook) -> dict[str, Any]:
    """The JSON-ready form of a codebook (the file format :func:`load_codebook` reads)."""
    codes = []
    for c in codebook.codes:
        item: dict[str, Any] = {"name": c.name, "name_en": c.name_en, "group": c.group}
        if c.parent is not None:
            item["parent"] = c.parent
        if c.color is not None:
            item["color"] = c.color
        for key in CODE_TEXT_FIELDS[1:]:
            item[key] = getattr(c, key)
        item["indicators"] = list(c.indicators)
        codes.append(item)
    return {
        "name": codebook.name,
        "version": codebook.version,
        "language": codebook.language,
        "description": codebook.description,
        "groups": [asdict(g) for g in codebook.groups],
        "codes": codes,
    }


def save_codebook(codebook: Codebook, path: Path | str) -> None:
    """Write ``codebook`` as UTF-8 JSON (atomically: a crash leaves the old file whole)."""
    path = Path(path)
    text = json.dumps(codebook_to_dict(codebook), ensure_ascii=False, indent=2) + "\n"
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def codebook_from_project(project: Any, name: str | None = None) -> Codebook:
    """Read a project's codes (``project.codes.all()``, tree order) back into a :class:`Codebook`."""
    codes = list(project.codes.all())
    names = {c.id: c.name for c in codes}
    items: list[CodebookCode] = []
    for c in codes:
        items.append(
            CodebookCode(
                name=c.name,
                group=c.group or "own",
                color=c.color,
                parent=names.get(c.parent_id) if c.parent_id is not None else None,
                indicators=tuple(c.indicators or ()),
                **{key: getattr(c, key) or "" for key in CODE_TEXT_FIELDS},
            )
        )
    groups = list(DEFAULT_GROUPS)
    for key in dict.fromkeys(c.group for c in items):
        if all(g.key != key for g in groups):
            groups.append(CodebookGroup(key, key, key))
    if name is None:
        path = getattr(project, "path", None)
        name = Path(path).stem if path else tr("Buku kode proyek")
    return Codebook(name=name, version=1, groups=tuple(groups), codes=_parents_first(items, _no_fail))


def _no_fail(message: str, **values: object) -> QdaError:
    return QdaError(tr(message, **values))


def add_codebook_to(project: Any, codebook: Codebook | None = None) -> int:
    """Add every code of ``codebook`` (default: the bundled one) to ``project``; returns the count.

    Codes whose name the project already has are skipped, so importing a shared codebook
    twice is harmless.
    """
    codebook = codebook or load_codebook()
    existing = {c.name.casefold() for c in project.codes.all()}
    added = 0
    for c in codebook.codes:
        if c.name.casefold() in existing:
            continue
        project.codes.add(
            c.name,
            parent=c.parent,
            group=c.group,
            color=c.color,
            indicators=c.indicators,
            **{key: getattr(c, key) for key in CODE_TEXT_FIELDS},
        )
        existing.add(c.name.casefold())
        added += 1
    return added

