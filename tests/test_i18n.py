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


def test_no_text_is_translated_two_ways():
    """The area catalogues agree: one Indonesian key has one English text (use trc() for a context)."""
    import json

    from qda.resources import resource

    seen: dict[str, dict[str, str]] = {}
    for path in sorted(resource("i18n", "en").glob("*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            seen.setdefault(key, {})[path.name] = value
    clashes = {k: v for k, v in seen.items() if len(set(v.values())) > 1}
    assert not clashes, clashes


def test_context_translations():
    i18n.set_language("en")
    try:
        assert i18n.trc("dock", "Kode") == "Codes"
        assert i18n.tr("Kode") == "Code"
        assert i18n.trc("tidak-ada", "Kode") == "Code"
    finally:
        i18n.set_language("id")
    assert i18n.trc("dock", "Kode") == "Kode"
