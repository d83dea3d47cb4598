"""Parsing a normalised text into what a source holds: header attributes, case, speaker turns, kind.

Kind is decided in this order: an explicit kind; the header's ``Jenis`` (Wawancara ->
interview, Observasi -> observation, Analisis Dokumen / Dokumen -> document); the file
name's prefix (``wawancara_``/``interview`` -> interview, ``observasi_``/``observation`` ->
observation, ``dokumen_``/``document`` -> document); else interview if speaker turns were
found, otherwise document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from qda.domain import KINDS
from qda.sources.header import parse_header, split_case
from qda.sources.turns import SpeakerTurn, find_turns

_JENIS = (
    (re.compile(r"wawancara|interview|fgd|diskusi kelompok|focus group", re.I), "interview"),
    (re.compile(r"observasi|pengamatan|observation|catatan lapangan|field ?note", re.I), "observation"),
    (re.compile(r"dokumen|document|arsip", re.I), "document"),
)
_PREFIX = (
    (re.compile(r"(wawancara|interview|transkrip|fgd)", re.I), "interview"),
    (re.compile(r"(observasi|observation|pengamatan|catatan_lapangan)", re.I), "observation"),
    (re.compile(r"(dokumen|document|doc_|arsip)", re.I), "document"),
)


@dataclass(frozen=True)
class ParsedSource:
    """A source ready to store: text, turns, document attributes, kind, and its case."""

    text: str
    turns: list[SpeakerTurn]
    attributes: dict[str, str]
    kind: str
    case: str | None = None
    case_attributes: dict[str, str] = field(default_factory=dict)
    header_end: int = 0


def infer_kind(explicit: str | None, jenis: str | None, file_name: str, has_turns: bool) -> str:
    """The document kind by the order described in the module docstring."""
    if explicit:
        if explicit not in KINDS:
            raise ValueError(f"unknown kind {explicit!r}; choose one of {', '.join(KINDS)}")
        return explicit
    if jenis:
        for pattern, kind in _JENIS:
            if pattern.search(jenis):
                return kind
    stem = PurePath(file_name).name
    for pattern, kind in _PREFIX:
        if pattern.match(stem):
            return kind
    return "interview" if has_turns else "document"


def parse_transcript(text: str, *, file_name: str = "", kind: str | None = None) -> ParsedSource:
    """Header, case, turns and kind of a normalised ``text`` (see :mod:`qda.sources.header`
    and :mod:`qda.sources.turns` for the rules)."""
    header = parse_header(text)
    turns = find_turns(text, header.end)
    case, case_attrs, doc_attrs = split_case(header.fields)
    resolved = infer_kind(kind, header.fields.get("Jenis"), file_name, bool(turns))
    return ParsedSource(text, turns, doc_attrs, resolved, case, case_attrs, header.end)
