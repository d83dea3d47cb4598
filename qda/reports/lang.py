"""Report wording in the report's own language.

A report's language is chosen per report, independently of the interface language,
so the wording goes through that language's own :func:`qda.i18n.translator` rather than
:func:`qda.i18n.tr`. Text is written in Indonesian in the code; English comes from the
gettext catalogues (``resources/locale/en/LC_MESSAGES/reports.po``).
"""

from __future__ import annotations

from typing import Sequence

from qda.dates import format_date  # noqa: F401  (the one date formatter; reports import it from here)
from qda.survey.numfmt import PCT_DECIMALS, fmt, fmt_int, fmt_pct

LANGUAGES = ("id", "en")

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
        from qda.i18n import is_translated, translator

        if self.language != "id" and not is_translated(text, self.language):
            self.missing.add(text)
        return translator(self.language).tr(text, **values)

    def n(self, text: str, /, *, count: str | None = None, **values: object) -> str:
        """A text with one count, singular or plural by that count (gettext ``ngettext``)."""
        from qda.i18n import is_translated, translator

        if self.language != "id" and not is_translated(text, self.language, plural=True):
            self.missing.add(text)
        return translator(self.language).trn(text, count=count, **values)

    def c(self, context: str, text: str, /, **values: object) -> str:
        """A text whose translation depends on ``context`` (gettext ``pgettext``)."""
        from qda.i18n import is_translated, translator

        if self.language != "id" and not (is_translated(text, self.language, context=context)
                                          or is_translated(text, self.language)):
            self.missing.add(text)
        return translator(self.language).trc(context, text, **values)

    def count(self, text: str, k: int) -> str:
        """``"{n} kode"`` with ``k`` written in: "1 code" / "3 codes" (``{n}`` gets the formatted number)."""
        return self.n(text, count="k", k=int(k), n=self.int(k))

    def join(self, parts: Sequence[str], context: str = "daftar") -> str:
        """``a, b dan c`` / ``a, b, and c`` (the list pattern of the report language).

        ``context`` "daftar atau" is a list after a negation: Indonesian keeps "dan", English says "or".
        """
        parts = [p for p in parts if p]
        if len(parts) <= 1:
            return "".join(parts)
        if len(parts) == 2:
            return self.c(context, "{a} dan {b}", a=parts[0], b=parts[1])
        return self.c(context, "{rest} dan {last}", rest=", ".join(parts[:-1]), last=parts[-1])

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
