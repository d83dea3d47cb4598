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
    r"(?i)\btelaah kutipan\b|^kutipan ini\b|\bkutipan (?:yang cocok|ditampilkan)": "segmen (a passage under review is a segmen)",
    r"\((?:Pengode|Pembimbing)\)|Pembimbing \(": "pengode / pembimbing in lower case inside a sentence",
    r"(?i)\bpenelaah\b": "pembimbing (the role)",
    # a source is a sumber; "dokumen" is only one kind of source and a Word/ODT file
    r"(?i)\b(?:memo|semua|daftar|setiap|tiap|nama|teks|atribut|di|urut) dokumen\b(?! Word| teks)": "sumber (source)",
    r"\{\w+\}(?:/\{\w+\})? dokumen\b|\bdokumennya\b": "sumber (sources are counted in sumber)",
    r"(?i)\bdokumen (?:ini|itu|berikutnya|sebelumnya|#|bernama|tidak ditemukan|tidak boleh|yang kasusnya)": "sumber",
    # a case is a kasus; "informan" is only the person speaking in an interview and a report's pseudonym
    r"(?i)\bkasus \(informan\)|\binforman \(kasus\)|\bmemo informan\b|\btautkan (?:setiap )?informan\b":
        "kasus (the case record)",
    r"\{\w+\} informan\b|\binforman[–-]responden\b|(?i:^informan(?: yang jawabannya| sebagai responden|:))":
        "kasus (the case record)",
    # a memo is a memo, not a catatan
    r"(?i)\bcatatan (?:analitis|umum penelitian|tentang makna|kuning|\(Note\))|\bditandai catatan\b":
        "memo (catatan is kept for field notes, the survey's notes and the joint display's notes)",
}
#: English: rejected synonym → the glossary's term.
REJECTED_EN = {
    r"(?i)\bmissing codes?\b": "missing value",
    r"\{\w+\} codings?\b": "segment(s)",
    r"(?i)\b(?:remove|check|move|list every|number of)(?: one| the)? coding\b": "segment",
    r"(?i)(?<!\{)\bcodings\b(?!\})": "segments",
    r"(?i)(?<!--)\breviewers?\b": "supervisor (the role)",
    r"(?i)\b(?:all|this|next|previous|the|a) documents?\b(?! style)|\{\w+\}(?:/\{\w+\})? documents?\b": "source(s)",
    r"(?i)\bdocument(?:'s| memo| name| #|s whose)": "source",
    r"(?i)\binformant (?:memo|\(case\))|\bcase \(informant\)|\blink (?:each )?informants?\b|informants? linked"
    r"|informant–respondent|^informants(?: whose| as respondents)": "case (the case record)",
    r"(?i)\b(?:analytic|research) notes\b|\bnotes on the meaning\b|\byellow note\b": "memo",
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


def test_counts_in_messages_carry_thousands_separators_and_positions_keep_their_digits():
    from qda.i18n import set_language, tr, translator

    assert translator("id").tr("Analisis selesai: {n} responden.", n=1079) == "Analisis selesai: 1.079 responden."
    assert translator("en").tr("Analisis selesai: {n} responden.", n=1079) == "Analysis finished: 1,079 respondents."
    assert translator("id").tr("(hanya {max} hasil pertama ditampilkan)", max=2000) == \
        "(hanya 2.000 hasil pertama ditampilkan)"
    assert translator("en").trc("citation", "baris {first}–{last}", first=1079, last=1085) == "lines 1079–1085"
    assert translator("id").tr("Segmen #{id} dipindahkan", id=1234) == "Segmen #1234 dipindahkan"
    assert translator("id").tr("baris {line}", line=1079) == "baris 1079"
    set_language("en")
    try:
        assert tr("Analisis selesai: {n} responden.", n=12345) == "Analysis finished: 12,345 respondents."
    finally:
        set_language("id")
    assert tr("Analisis selesai: {n} responden.", n=12345) == "Analisis selesai: 12.345 responden."
