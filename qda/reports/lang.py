"""Report wording in the report's own language.

A report's language is chosen per report, independently of the interface language,
so the wording goes through that language's own :func:`qda.i18n.translator` rather than
:func:`qda.i18n.tr`. Text is written in Indonesian in the code; English comes from the
gettext catalogues (``resources/locale/en/LC_MESSAGES/reports.po``).
"""

from __future__ import annotations

import re

from qda.survey.numfmt import PCT_DECIMALS, fmt, fmt_int, fmt_pct

LANGUAGES = ("id", "en")

#: English number agreement after "1": the catalogue is written for the plural.
_ONE = r"(?<![\d.,])1"
_ENGLISH_SINGULAR = [
    (re.compile(_ONE + r" ((?:coded )?(?:excerpt|source|coder|code|pair|informant|respondent|item|word|segment|case|"
                r"document|memo|reviewer))s\b"), r"1 \1"),
    (re.compile(r"\b(There|there) are 1 "), r"\1 is 1 "),
    (re.compile(_ONE + r" (excerpt|item|segment)? ?are\b"), lambda m: m.group(0)[:-3] + "is"),
    (re.compile(_ONE + r" need revision\b"), "1 needs revision"),
]


def english_agreement(text: str) -> str:
    """``"There are 1 excerpts from 1 sources"`` -> ``"There is 1 excerpt from 1 source"``."""
    for pattern, repl in _ENGLISH_SINGULAR:
        text = pattern.sub(repl, text)
    return text


class Wording:
    """Translate report text and format numbers for one language.

    ``w("Tabel {n}", n=3)`` returns the text in the report language; ``w.num``,
    ``w.pct`` and ``w.int`` format numbers. Texts missing from the English
    catalogue are kept in :attr:`missing` (tests check it stays empty).
    """

    def __init__(self, language: str = "id") -> None:
        if language not in LANGUAGES:
            from qda.errors import QdaError
            from qda.i18n import tr

            raise QdaError(tr("bahasa laporan tidak dikenal: {lang} (pilih id atau en)", lang=language))
        self.language = language
        self.missing: set[str] = set()

    def __call__(self, text: str, /, **values: object) -> str:
        if self.language == "en":
            from qda.i18n import is_translated, translator

            if not is_translated(text, "en"):
                self.missing.add(text)
            return english_agreement(translator("en").tr(text, **values)) if values else translator("en").tr(text)
        return text.format(**values) if values else text

    def n(self, text: str, /, *, count: str | None = None, **values: object) -> str:
        """A text with one count, singular or plural by that count (gettext ``ngettext``)."""
        from qda.i18n import is_translated, translator

        if self.language == "en" and not is_translated(text, "en", plural=True):
            self.missing.add(text)
        return translator(self.language).trn(text, count=count, **values)

    def num(self, value: float | None, decimals: int = 3) -> str:
        """A decimal number in the report language."""
        return fmt(value if value is None or isinstance(value, int) else float(value), decimals, self.language)

    def pct(self, value: float | None, decimals: int = PCT_DECIMALS) -> str:
        """A percentage (0–100) in the report language."""
        return fmt_pct(value, decimals, self.language)

    def int(self, value: float | None) -> str:
        """A whole number with thousands separators."""
        return fmt_int(value, self.language)

    def date(self, iso: str | None) -> str:
        """An ISO date (``2024-03-12``) written out (``12 Maret 2024`` / ``12 March 2024``)."""
        return format_date(iso, self.language)


_MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}


def format_date(value: str | None, language: str = "id") -> str:
    """``2024-03-12`` (or a longer ISO timestamp) as ``12 Maret 2024``; other text is kept as it is."""
    if not value:
        return ""
    text = str(value).strip()
    head = text[:10]
    try:
        year, month, day = int(head[:4]), int(head[5:7]), int(head[8:10])
        if head[4] != "-" or head[7] != "-" or not 1 <= month <= 12:
            raise ValueError
    except (ValueError, IndexError):
        return text
    return f"{day} {_MONTHS[language][month - 1]} {year}"
