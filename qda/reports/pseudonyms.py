"""Informants' names replaced by their case codes, for reports that promise confidentiality.

A case (informant) is known by its code ("Informan 3"); its identifying attributes (``Nama``,
``Nama Lengkap`` ...) and those of the documents linked to it give the names to hide. Each
name is hidden whole ("Bambang Sutrisno, S.Sos."), by its parts ("Bambang", "Sutrisno") and
with the forms of address Indonesians use ("Pak Bambang", "Bu Tari", "Mas Yoga", "Mbak Nisa").
A short form after a form of address that begins or ends a listed name is that person's
nickname, as Javanese names are shortened ("Bu Tari" for Sri Lestari, "Pak Met" for Slamet).
Names the attributes do not list otherwise ("Mbak Nisa" when no case names Nisa) cannot be
hidden safely by guessing; :meth:`Pseudonyms.unknown_names` lists them so the user is warned.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

#: Attribute names that hold a person's name (compared case-insensitively).
NAME_ATTRIBUTES = ("nama", "nama lengkap", "nama informan", "name", "full name", "nama panggilan", "panggilan")
#: Attribute names that hold a person's position (a one-person position identifies them).
POSITION_ATTRIBUTES = frozenset({"jabatan", "position", "peran", "role"})
#: Forms of address written before a name.
HONORIFICS = ("Bapak", "Ibu", "Pak", "Bu", "Mas", "Mbak", "Mba", "Bang", "Kak", "Dik", "Adik", "Cak", "Ning",
              "Uda", "Uni", "Om", "Tante", "Sdr.", "Sdri.", "Saudara", "Saudari")
#: Words after a form of address that name a role, not a person ("Pak Lurah", "Bu Kabag").
ROLE_WORDS = frozenset(w.casefold() for w in (
    "Lurah", "Camat", "Kabag", "Kasubag", "Kasi", "Kadis", "Kepala", "Sekda", "Sekretaris", "Wali", "Walikota",
    "Bupati", "Gubernur", "Asisten", "RT", "RW", "Kades", "Dokter", "Guru", "Direktur", "Ketua", "Menteri",
    "Kapolsek", "Danramil", "Haji", "Hajah", "Dosen", "Pimpinan", "Atasan", "Kasubbag", "Sekdes", "Kadus"))
#: Academic and religious titles that are not part of the name to hide.
_TITLE = re.compile(r"^(?:Drs?|Dra|Ir|Prof|Hj?|S\.\w+|M\.\w+|Dr)\.?$", re.IGNORECASE)
_HONORIFIC = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
_ADDRESSED = re.compile(rf"\b(?:{_HONORIFIC})\s+([A-Z][a-z]{{2,}})\b")


def name_parts(full: str) -> list[str]:
    """The parts of a personal name worth hiding: ``"Bambang Sutrisno, S.Sos."`` -> ``["Bambang", "Sutrisno"]``."""
    head = full.split(",")[0]
    parts = []
    for token in head.split():
        token = token.strip(".()")
        if len(token) >= 3 and not _TITLE.match(token) and token[:1].isupper():
            parts.append(token)
    return parts


def names_of(attributes: Mapping[str, str] | None) -> list[str]:
    """The personal names an attribute set lists."""
    out = []
    for key, value in (attributes or {}).items():
        if str(key).strip().casefold() in NAME_ATTRIBUTES and str(value).strip():
            out.append(str(value).strip())
    return out


class Pseudonyms:
    """Replace every known name of every case by that case's code."""

    def __init__(self, people: Iterable[tuple[str, Iterable[str]]],
                 positions: Iterable[tuple[str, str]] = ()) -> None:
        """``people``: ``(case code, [names])`` pairs; ``positions``: ``(case code, position)`` pairs to hide too."""
        self._codes: dict[str, str] = {}
        self.known: set[str] = set()
        self._part_codes: dict[str, str] = {}
        variants: list[tuple[str, str]] = []
        for code, names in people:
            for full in names:
                head = full.split(",")[0].strip()
                if head:
                    variants.append((head, code))
                    variants.append((full.strip(), code))
                for part in name_parts(full):
                    variants.append((part, code))
                    self.known.add(part.casefold())
                    self._part_codes.setdefault(part.casefold(), code)
        for code, position in positions:
            if position and len(position.strip()) >= 3:
                variants.append((position.strip(), code))
        seen: dict[str, str] = {}
        for text, code in variants:
            seen.setdefault(text, code)  # a part two cases share goes to the first
        self._codes = seen
        if seen:
            alternatives = "|".join(re.escape(v) for v in sorted(seen, key=len, reverse=True))
            self._pattern: re.Pattern | None = re.compile(
                rf"(?:\b(?:{_HONORIFIC})\s+)?(?<![\w])({alternatives})(?![\w])")
        else:
            self._pattern = None

    @classmethod
    def from_cases(cls, cases: Iterable, documents: Iterable = (),
                   doc_attributes: Mapping[int, Mapping[str, str]] | None = None,
                   hide_positions: bool = False) -> Pseudonyms:
        """From the project's cases (``name``, ``attributes``) and the name attributes of their documents.

        ``hide_positions``: each case's position (``Jabatan``) is replaced by its code as well.
        """
        people: dict[str, list[str]] = {}
        positions: list[tuple[str, str]] = []
        by_id = {}
        for case in cases:
            by_id[case.id] = case
            people.setdefault(case.name, []).extend(names_of(case.attributes))
            if hide_positions:
                positions += [(case.name, str(v)) for k, v in case.attributes.items()
                              if str(k).strip().casefold() in POSITION_ATTRIBUTES]
        for doc in documents:
            case = by_id.get(getattr(doc, "case_id", None))
            attrs = (doc_attributes or {}).get(doc.id, {})
            if case is not None:
                people.setdefault(case.name, []).extend(names_of(attrs))
        return cls(((code, names) for code, names in people.items() if names), positions)

    def __bool__(self) -> bool:
        return self._pattern is not None

    def nickname_code(self, word: str) -> str | None:
        """The case whose listed name ``word`` shortens ("Tari" of "Lestari"), if exactly one."""
        key = word.casefold()
        if len(key) < 3 or key in ROLE_WORDS:
            return None
        codes = {code for part, code in self._part_codes.items()
                 if part != key and (part.endswith(key) or part.startswith(key))}
        return codes.pop() if len(codes) == 1 else None

    def apply(self, text: str) -> str:
        """``text`` with every known name (with its form of address) replaced by the case code."""
        if not text or self._pattern is None:
            return text
        text = self._pattern.sub(lambda m: self._codes[m.group(1)], text)

        def nickname(m: re.Match) -> str:
            word = m.group(1)
            if word.casefold() in self.known:
                return m.group(0)
            return self.nickname_code(word) or m.group(0)

        return _ADDRESSED.sub(nickname, text)

    def unknown_names(self, text: str) -> set[str]:
        """Names after a form of address ("Mbak Nisa") that no case lists (roles such as "Pak Lurah" aside)."""
        found = set()
        for m in _ADDRESSED.finditer(text or ""):
            word = m.group(1)
            if (word.casefold() not in self.known and word.casefold() not in ROLE_WORDS
                    and self.nickname_code(word) is None):
                found.add(m.group(0))
        return found
