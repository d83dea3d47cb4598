"""One word per concept (docs/glossary.md): no rejected synonym in any source string or English translation."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from i18n_scan import calls

ROOT = Path(__file__).resolve().parents[1]

#: Indonesian: rejected synonym → the glossary's term.
REJECTED_ID = {
    r"\b(?:tinjauan|ditinjau|meninjau|peninjau|Tinjauan|Peninjau)\b": "telaah (review)",
    r"(?i)^kode kosong$|\bkode kosong:": "nilai hilang (missing value)",
    r"\{\w+\} koding\b": "segmen (a coded passage is counted in segmen)",
    r"(?i)\b(?:hapus|daftar semua|jumlah|periksa|pindahkan|terima posisi|tolak)(?: satu)? koding\b(?! buta)":
        "segmen (the passage, not the activity)",
    r"(?i)\bkoding (?:#|ini\b|yang perlu|yang bergeser|terpilih|tepat|\{)": "segmen (the passage)",
    r"\bkodingnya\b": "segmennya",
    r"\bpengodean\b(?! karakter)": "segmen (pengodean karakter = character encoding is another word)",
    r"(?i)\btelaah kutipan\b|^kutipan ini\b": "segmen (a passage under review is a segmen)",
    r"\((?:Pengode|Pembimbing)\)|Pembimbing \(": "pengode / pembimbing in lower case inside a sentence",
}
#: English: rejected synonym → the glossary's term.
REJECTED_EN = {
    r"(?i)\bmissing codes?\b": "missing value",
    r"\{\w+\} codings?\b": "segment(s)",
    r"(?i)\b(?:remove|check|move|list every|number of)(?: one| the)? coding\b": "segment",
    r"(?i)(?<!\{)\bcodings\b(?!\})": "segments",
}


def _english() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((ROOT / "resources" / "locale" / "en" / "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as fh:
            for message in read_po(fh):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for s in strings:
                    if s:
                        out[s] = path.name
    return out


def test_source_strings_use_the_glossary_terms():
    bad = []
    for (_fn, _ctx, text), where in calls().items():
        for pattern, term in REJECTED_ID.items():
            if re.search(pattern, text):
                bad.append(f"{where}: {text!r} → {term}")
    assert not bad, "\n".join(bad)


def test_english_translations_use_the_glossary_terms():
    bad = []
    for text, where in _english().items():
        for pattern, term in REJECTED_EN.items():
            if re.search(pattern, text):
                bad.append(f"{where}: {text!r} → {term}")
    assert not bad, "\n".join(bad)


def test_glossary_names_one_term_per_concept():
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for concept, indonesian, english in (("coded passage", "segmen", "segment"), ("review", "telaah", "review"),
                                         ("missing value (survey)", "nilai hilang", "missing value"),
                                         ("roles", "pengode", "coder"), ("memo", "memo", "memo"),
                                         ("source", "sumber", "source"), ("case", "kasus", "case"),
                                         ("code", "kode", "code")):
        row = next(line for line in text.splitlines() if line.startswith(f"| {concept} |"))
        assert f"**{indonesian}**" in row and f"**{english}**" in row, row
