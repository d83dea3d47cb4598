"""The header block of a transcript: ``Key: value`` lines at the top, before the first blank line.

The block counts as a header only if every line in it is ``Key: value`` (key up to 40
characters, starting with a letter) and at least one key is a known header key that is
never a speaker label (Judul, Jenis, Tanggal, ...). So ``P: Selamat pagi`` at the top of a
transcript without a header is dialogue, not a header. The header stays in the stored
text; its fields become attributes. If dialogue follows the header without a blank line,
the header ends at the first line that starts with a timestamp or a speaker label such as
``P:`` or ``Peneliti:``. Known keys (Indonesian or English) are stored under
their Indonesian name (``Date`` -> ``Tanggal``); other keys are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qda.sources.turns import KNOWN_LABELS

#: casefolded key -> canonical Indonesian key
CANONICAL_KEYS: dict[str, str] = {
    "judul": "Judul", "title": "Judul",
    "jenis": "Jenis", "jenis data": "Jenis", "type": "Jenis",
    "tanggal": "Tanggal", "date": "Tanggal", "hari/tanggal": "Tanggal", "hari, tanggal": "Tanggal",
    "waktu": "Waktu", "time": "Waktu",
    "lokasi": "Lokasi", "tempat": "Lokasi", "location": "Lokasi", "place": "Lokasi",
    "informan": "Informan", "informant": "Informan", "narasumber": "Informan",
    "nama": "Nama", "name": "Nama",
    "jabatan": "Jabatan", "position": "Jabatan", "role": "Jabatan",
    "jenis kelamin": "Jenis Kelamin", "gender": "Jenis Kelamin", "sex": "Jenis Kelamin",
    "usia": "Usia", "umur": "Usia", "age": "Usia",
    "pendidikan": "Pendidikan", "pendidikan terakhir": "Pendidikan", "education": "Pendidikan",
    "masa kerja": "Masa Kerja", "tenure": "Masa Kerja", "years of service": "Masa Kerja",
    "pewawancara": "Pewawancara", "interviewer": "Pewawancara",
    "pengamat": "Pengamat", "observer": "Pengamat",
    "durasi": "Durasi", "duration": "Durasi",
    "keterangan": "Keterangan", "catatan": "Keterangan", "notes": "Keterangan", "note": "Keterangan",
    "unit kerja": "Unit Kerja", "instansi": "Instansi",
}
#: keys that make a block a header (a speaker label such as ``Informan:`` alone does not)
HEADER_ONLY_KEYS = frozenset(
    k for k, v in CANONICAL_KEYS.items() if v not in ("Informan", "Pewawancara", "Pengamat")
)
#: header fields describing the informant (the case), not the document
CASE_KEYS = ("Nama", "Jabatan", "Jenis Kelamin", "Usia", "Pendidikan", "Masa Kerja")

_LINE = re.compile(r"[ \t]*(?:\*\*)?([^\W\d_][^:\n]{0,39}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(.*?)[ \t]*")
_TIMESTAMP_START = re.compile(r"[ \t]*[\[(]?\d{1,2}:\d{2}")
_MAX_LINES = 60
_MAX_SCAN = 20_000


@dataclass(frozen=True)
class Header:
    """Fields of a header block and where the block ends in the text (0 = no header)."""

    fields: dict[str, str] = field(default_factory=dict)
    end: int = 0


def parse_header(text: str) -> Header:
    """Find the header block at the top of ``text`` (see module doc); Header() if none."""
    head = text[:_MAX_SCAN]
    start = len(head) - len(head.lstrip("\n"))
    stop = head.find("\n\n", start)
    if stop < 0:
        if len(text) > _MAX_SCAN:
            return Header()
        stop = len(text)
    lines = head[start:stop].split("\n")
    if not lines or len(lines) > _MAX_LINES:
        return Header()
    fields: dict[str, str] = {}
    known = False
    end = start
    for line in lines:
        if _TIMESTAMP_START.match(line):
            break  # dialogue starts right after the header, without a blank line
        match = _LINE.fullmatch(line)
        if match is None:
            return Header()
        raw_key = " ".join(match.group(1).split())
        folded = raw_key.casefold()
        if known and folded in KNOWN_LABELS and folded not in CANONICAL_KEYS:
            break
        known = known or folded in HEADER_ONLY_KEYS
        key = CANONICAL_KEYS.get(folded, raw_key)
        if match.group(2):
            fields[key] = match.group(2)
        end += len(line) + 1
    if not known:
        return Header()
    return Header(fields, end - 1)


def split_case(fields: dict[str, str]) -> tuple[str | None, dict[str, str], dict[str, str]]:
    """Split header fields into (case name, case attributes, document attributes).

    The case is the ``Informan`` field; without it there is no case and every field
    stays with the document.
    """
    case = fields.get("Informan")
    if not case:
        return None, {}, dict(fields)
    case_attrs = {k: fields[k] for k in CASE_KEYS if k in fields}
    doc_attrs = {k: v for k, v in fields.items() if k not in case_attrs and k != "Informan"}
    return case, case_attrs, doc_attrs
