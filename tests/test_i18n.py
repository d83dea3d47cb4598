"""Every user-facing string has an English translation, and placeholders survive translation."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from qda import i18n

ROOT = Path(__file__).resolve().parents[1] / "qda"


def tr_literals() -> dict[str, str]:
    """Every literal first argument of a ``tr(...)`` call in the package → where it is."""
    found: dict[str, str] = {}
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return found


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
