"""The message catalogue: Bahasa Indonesia by default, English selectable.

Every user-facing string is written in Indonesian in the code and passed through
:func:`tr`. English translations live in ``resources/i18n/en/*.json`` (one file per
area of the product, each a flat ``{"Indonesian text": "English text"}`` object);
all files of a language are merged when it is first used. ``{name}`` placeholders
are filled with :meth:`str.format` after translation.

The language is chosen by :func:`set_language` (the GUI's preferences), or by the
``QDA_LANG`` environment variable (``id`` or ``en``) for the CLI.

A flat catalogue maps each Indonesian text to one English text; where one Indonesian
word needs two English ones (a dock titled "Kode" is "Codes", a column "Kode" is
"Code"), :func:`trc` adds a context.
"""

from __future__ import annotations

import json
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


@lru_cache(maxsize=None)
def _catalogue(code: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = resource("i18n", code)
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def tr(message: str, /, **values: object) -> str:
    """Translate ``message`` (Indonesian) into the current language and fill placeholders."""
    if _current != "id":
        message = _catalogue(_current).get(message, message)
    return message.format(**values) if values else message


def trc(context: str, message: str, /, **values: object) -> str:
    """Translate ``message`` in a ``context`` where the same Indonesian needs other English.

    The catalogue key is ``"context|message"`` (e.g. ``"dock|Kode"`` → "Codes" beside
    ``"Kode"`` → "Code"); without such a key the plain translation of ``message`` is used.
    Indonesian output is always ``message``.
    """
    if _current != "id":
        cat = _catalogue(_current)
        message = cat.get(f"{context}|{message}", cat.get(message, message))
    return message.format(**values) if values else message


def missing_translations(texts: list[str], code: str = "en") -> list[str]:
    """The texts of ``texts`` that the catalogue of ``code`` does not translate (for tests)."""
    cat = _catalogue(code)
    return [t for t in texts if t not in cat]
