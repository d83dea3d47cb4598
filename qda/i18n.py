"""Translations with gettext: Bahasa Indonesia in the code, English from .po catalogues.

Every user-facing string is written in Indonesian in the code and passed through
:func:`tr` (``gettext``), :func:`trc` (``pgettext``: the same Indonesian word that needs two
English ones, e.g. a dock titled "Kode" is "Codes", a column "Kode" is "Code") or
:func:`trn` (``ngettext``: "{n} segmen" is "1 segment" / "2 segments"). ``{name}``
placeholders are filled with :meth:`str.format` after translation; a whole number of 1000 or more
is written with the language's thousands separator (``1.079 segmen`` / ``1,079 segments``) unless
its placeholder names a position or an identifier (:data:`PLAIN_NUMBERS`: ``{id}``, ``{line}``,
``{start}``…).

The catalogues are standard gettext ``.po`` files, one per area of the product, in
``resources/locale/<lang>/LC_MESSAGES/<area>.po``; a translator edits them in Poedit or
Weblate. They are read with Babel when a language is first used and turned into
:class:`gettext.GNUTranslations` in memory (no compile step, nothing to get stale).
Indonesian needs no catalogue: the source strings are Indonesian.

The interface language is chosen by :func:`set_language` (the GUI's preferences) or by the
``QDA_LANG`` environment variable (``id`` or ``en``) for the CLI. Reports written in a
language other than the interface's use their own :func:`translator`.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache

from qda.resources import resource

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
_current = os.environ.get("QDA_LANG", "id") if os.environ.get("QDA_LANG") in LANGUAGES else "id"


def set_language(code: str) -> None:
    """Switch the interface language (``"id"`` or ``"en"``)."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _current = code


def language() -> str:
    """The current interface language code."""
    return _current


def catalogue_files(code: str) -> list:
    """The ``.po`` files of language ``code``, in a stable order."""
    folder = resource("locale", code, "LC_MESSAGES")
    return sorted(folder.glob("*.po")) if folder.is_dir() else []


@lru_cache(maxsize=None)
def _translations(code: str) -> gettext.NullTranslations:
    """All catalogues of ``code`` merged into one :class:`gettext.GNUTranslations`."""
    if code == "id":
        return gettext.NullTranslations()
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=code)
    for path in catalogue_files(code):
        with open(path, "rb") as fh:
            for message in read_po(fh, locale=code):
                if message.id and message.string and not message.fuzzy:
                    merged[message.id] = message  # keyed by id and context
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _fill(message: str, values: dict[str, object]) -> str:
    return message.format(**values) if values else message


def _count(values: dict[str, object], count: str | None) -> int:
    if count is not None:
        return int(values[count])  # type: ignore[call-overload]
    ints = [v for v in values.values() if isinstance(v, int) and not isinstance(v, bool)]
    if len(ints) != 1:
        raise ValueError("trn needs exactly one integer placeholder, or count= naming it")
    return ints[0]


#: Placeholders holding positions and identifiers, written as plain digits: offsets and ids are typed
#: back into commands, and baris numbers are cited as they are ("baris 1079").
PLAIN_NUMBERS = frozenset({"id", "ids", "line", "first", "last", "start", "end", "s", "e", "pos", "col", "column",
                           "row", "year", "version"})


def _grouped(values: dict[str, object], language: str) -> dict[str, object]:
    """Integers of ``values`` (counts) as text with thousands separators (the survey's number formatter,
    ``1.079`` / ``1,079``); :data:`PLAIN_NUMBERS` placeholders keep their digits."""
    if not any(isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 1000 for v in values.values()):
        return values
    from qda.survey.numfmt import fmt_int

    return {k: fmt_int(v, language) if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 1000
            and k not in PLAIN_NUMBERS else v for k, v in values.items()}


class Translator:
    """gettext for one language, independent of the interface language (used by reports)."""

    def __init__(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
        self.language = code

    @property
    def _t(self) -> gettext.NullTranslations:
        return _translations(self.language)

    def tr(self, message: str, /, **values: object) -> str:
        """``gettext`` then fill placeholders (counts with the language's thousands separator)."""
        shown = _grouped(values, self.language)
        return _fill(self._t.gettext(message) if self.language != "id" else message, shown)

    def trc(self, context: str, message: str, /, **values: object) -> str:
        """``pgettext`` (falling back to the plain translation) then fill placeholders."""
        shown = _grouped(values, self.language)
        if self.language == "id":
            return _fill(message, shown)
        translated = self._t.pgettext(context, message)
        if translated == message:
            translated = self._t.gettext(message)
        return _fill(translated, shown)

    def trn(self, message: str, /, *, count: str | None = None, **values: object) -> str:
        """``ngettext`` on the message's count placeholder (the only integer one, or ``count``); every
        integer is written with the language's thousands separator (``1.079 segmen`` / ``1,079 segments``)."""
        shown = _grouped(values, self.language)
        if self.language == "id":
            return _fill(message, shown)
        return _fill(self._t.ngettext(message, message, _count(values, count)), shown)


@lru_cache(maxsize=None)
def translator(code: str) -> Translator:
    """The :class:`Translator` of language ``code``."""
    return Translator(code)


def tr(message: str, /, **values: object) -> str:
    """Translate ``message`` (Indonesian) into the current language and fill placeholders."""
    if _current == "id":
        return _fill(message, _grouped(values, "id"))
    return translator(_current).tr(message, **values)


def trc(context: str, message: str, /, **values: object) -> str:
    """Translate ``message`` in a ``context`` where the same Indonesian needs other English (pgettext)."""
    return translator(_current).trc(context, message, **values)


def trn(message: str, /, *, count: str | None = None, **values: object) -> str:
    """Translate a message with one count (ngettext): "{n} segmen" → "1 segment" / "3 segments"."""
    return translator(_current).trn(message, count=count, **values)


def is_translated(message: str, code: str = "en", *, context: str | None = None, plural: bool = False) -> bool:
    """True when the catalogues of ``code`` translate ``message`` (as plain, in ``context``, or plural)."""
    t = _translations(code)
    catalog = getattr(t, "_catalog", {})
    if plural:
        return (message, 0) in catalog and (message, 1) in catalog
    key = f"{context}\x04{message}" if context else message
    return key in catalog


def missing_translations(texts: list[str], code: str = "en") -> list[str]:
    """The texts of ``texts`` that the catalogues of ``code`` do not translate (for tests)."""
    return [t for t in texts if not (is_translated(t, code) or is_translated(t, code, plural=True))]
