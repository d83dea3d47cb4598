"""Every user-facing string has an English translation in the gettext catalogues, and placeholders survive."""

from __future__ import annotations

import re
import string

from babel.messages.pofile import read_po

from qda import i18n
from tests.i18n_scan import calls, string_literals


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def catalogue_messages():
    for path in i18n.catalogue_files("en"):
        with open(path, "rb") as fh:
            for message in read_po(fh, locale="en"):
                if message.id:
                    yield path.name, message


def test_every_call_has_an_english_translation():
    found = calls()
    assert len(found) > 200
    missing = []
    for (name, context, text), where in found.items():
        if name == "trn":
            ok = i18n.is_translated(text, "en", plural=True)
        elif name == "trc":
            ok = i18n.is_translated(text, "en", context=context) or i18n.is_translated(text, "en")
        else:
            ok = i18n.is_translated(text, "en")
        if not ok:
            missing.append(f"{where}: {name}({context + ', ' if context else ''}{text!r})")
    assert not missing, "untranslated:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders():
    bad = []
    for name, message in catalogue_messages():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if text and fields(text) != fields(ids[0]):
                bad.append((name, ids[0], text))
    assert not bad, bad


def test_no_text_is_translated_two_ways():
    """The area catalogues agree: one Indonesian text (in one context) has one English text."""
    seen: dict[tuple, dict[str, object]] = {}
    for name, message in catalogue_messages():
        seen.setdefault((message.context, message.id), {})[name] = message.string
    clashes = {k: v for k, v in seen.items() if len({str(s) for s in v.values()}) > 1}
    assert not clashes, clashes


def test_every_catalogue_entry_is_used():
    """A catalogue text that no code holds any more is dead weight for translators: remove it."""
    literals = string_literals()
    unused = sorted(f"{name}: {message.context + '|' if message.context else ''}"
                    f"{message.id[0] if isinstance(message.id, tuple) else message.id}"
                    for name, message in catalogue_messages()
                    if (message.id[0] if isinstance(message.id, tuple) else message.id) not in literals)
    assert not unused, "unused catalogue entries:\n" + "\n".join(unused)


def test_switching_language():
    text = "segmen tidak ditemukan: {ref}"
    i18n.set_language("en")
    english = i18n.tr(text, ref="x.txt")
    i18n.set_language("id")
    assert english != i18n.tr(text, ref="x.txt") and "x.txt" in english
    assert re.search(r"[Ss]egment", english)


def test_context_translations():
    i18n.set_language("en")
    try:
        assert i18n.trc("dock", "Kode") == "Codes"
        assert i18n.tr("Kode") == "Code"
        assert i18n.trc("tidak-ada", "Kode") == "Code"
    finally:
        i18n.set_language("id")
    assert i18n.trc("dock", "Kode") == "Kode"


def test_plural_forms_follow_the_count():
    en = i18n.translator("en")
    assert en.trn("{n} segmen", n=1) == "1 segment" and en.trn("{n} segmen", n=0) == "0 segments"
    assert en.trn("{n} segmen", n=21) == "21 segments"
    assert en.trn("{group} · {n} segmen · Enter untuk memilih", group="Dimensi", n=1).startswith("Dimensi · 1 segment ")
    assert i18n.translator("id").trn("{n} segmen", n=1) == "1 segmen"


def test_report_translator_is_independent_of_the_interface_language():
    i18n.set_language("id")
    assert i18n.translator("en").tr("Kode") == "Code" and i18n.tr("Kode") == "Kode"


def test_catalogues_are_gettext_po_files_a_translator_can_open():
    files = i18n.catalogue_files("en")
    assert {p.name for p in files} >= {"core.po", "gui.po", "reports.po", "survey.po"}
    for path in files:
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale="en")
        assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
        assert len(catalog) > 0
