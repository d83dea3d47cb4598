"""Every user-facing string has an English translation, and placeholders survive translation."""

from __future__ import annotations

import re
import string

from qda import i18n
from tests.i18n_scan import tr_literals

def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_tr_string_has_an_english_translation():
    literals = tr_literals()
    assert len(literals) > 200
    missing = [f"{where}: {text!r}" for text, where in literals.items() if text not in i18n._catalogue("en")]
    assert not missing, "untranslated:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders():
    catalogue = i18n._catalogue("en")
    bad = [k for k, v in catalogue.items() if fields(k) != fields(v)]
    assert not bad, bad


def test_switching_language():
    text = "dokumen tidak ditemukan: {ref}"
    i18n.set_language("en")
    english = i18n.tr(text, ref="x.txt")
    i18n.set_language("id")
    assert english != i18n.tr(text, ref="x.txt") and "x.txt" in english
    assert re.search(r"[Dd]ocument", english)
