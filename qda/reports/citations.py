"""Line numbers of an excerpt and the citation written after a quotation.

A citation reads like "(Informan 3, Kasubag TU, wawancara 12 Maret 2024, baris 45–52)"
for an interview or "(Observasi, ruang arsip, 14 Maret 2024, baris 10–14)" for an
observation. The informant code and position come from the case (informant) attributes,
then the document's header attributes (``Informan``, ``Jabatan``, ``Tanggal``, ``Lokasi``);
"baris" are the paragraph numbers of :mod:`qda.sources.lines` (non-empty lines, counted
consecutively, the same for every import format).
"""

from __future__ import annotations

import re
from typing import Mapping

from qda.dates import MONTHS
from qda.domain import KINDS, kind_label
from qda.i18n import translator
from qda.reports.lang import format_date
from qda.sources.lines import LineIndex, line_span  # noqa: F401  (the one baris numbering, re-exported)

#: Attribute names looked up for each part of a citation (first match wins, case-insensitive).
ATTRIBUTE_KEYS = {
    "informant": ("informan", "informant", "kode informan", "narasumber"),
    "position": ("jabatan", "position", "peran", "role"),
    "date": ("tanggal", "date", "tanggal wawancara", "tanggal observasi"),
    "location": ("lokasi", "location", "tempat"),
    "title": ("judul", "title", "judul dokumen", "nama dokumen"),
}


def lookup(attributes: Mapping[str, str] | None, part: str) -> str:
    """The value of citation part ``part`` (``informant``, ``position``, ``date``, ``location``)."""
    if not attributes:
        return ""
    lowered = {str(k).strip().lower(): v for k, v in attributes.items()}
    for key in ATTRIBUTE_KEYS[part]:
        value = lowered.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def lines_text(first: int, last: int, language: str = "id") -> str:
    """``baris 45–52`` (or ``baris 45`` for one line; ``lines``/``line`` in English)."""
    t = translator(language)
    if first == last:
        return t.trc("citation", "baris {first}", first=first)
    return t.trc("citation", "baris {first}–{last}", first=first, last=last)


def document_title(document_name: str, document_attributes: Mapping[str, str] | None = None,
                   case_name: str | None = None) -> str:
    """How a thesis names a source: its title (``Judul``), else its case code, else its file name without extension."""
    title = lookup(document_attributes, "title")
    if title:
        return title
    if case_name:
        return case_name
    stem = document_name.rsplit(".", 1)[0] if "." in document_name else document_name
    return " ".join(stem.replace("_", " ").split()) or document_name


_WRITTEN_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]+) (\d{4})")


def cited_date(value: str, language: str) -> str:
    """A date attribute in the report language: ISO (``2024-03-11``) or written in either language
    (``11 Maret 2024``, ``11 March 2024``) reads ``11 Maret 2024`` / ``11 March 2024``; other text is kept."""
    m = _WRITTEN_DATE.fullmatch(value.strip()) if value else None
    if m:
        names = {name.lower(): k for months in MONTHS.values() for k, name in enumerate(months, 1)}
        month = names.get(m.group(2).lower())
        if month is not None:
            value = f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"
    return format_date(value, language)


def citation(kind: str, lines: tuple[int, int], *, document_name: str = "",
             document_attributes: Mapping[str, str] | None = None,
             case_name: str | None = None, case_attributes: Mapping[str, str] | None = None,
             language: str = "id", hide_position: bool = False) -> str:
    """The parenthesised citation of an excerpt of a document of ``kind``.

    Documents are cited by their title (or case code), never by file name; ``hide_position``
    leaves the informant's position out (a one-person position identifies them).
    """
    def part(name: str) -> str:
        return lookup(case_attributes, name) or lookup(document_attributes, name)

    t = translator(language)
    # the kind's name, capitalised where it opens the citation; a source of another kind is a "sumber"
    words = {kind: kind_label(kind, in_text=kind != "observation", translate=t.tr) for kind in KINDS}
    words["other"] = t.trc("citation", "sumber")
    date = cited_date(part("date"), language)
    where = lines_text(*lines, language=language)
    if kind == "observation":
        parts = [words["observation"], part("location"), date, where]
    elif kind == "interview":
        informant = part("informant") or (case_name or "") or document_title(document_name, document_attributes)
        if informant.isdigit():
            informant = translator(language).trc("citation", "Informan {code}", code=informant)
        said = f"{words['interview']} {date}".strip()
        parts = [informant, "" if hide_position else part("position"), said, where]
    else:
        label = document_title(document_name, document_attributes, case_name)
        parts = [label, words.get(kind, words["other"]), date, where]
    return "(" + ", ".join(p for p in parts if p) + ")"
