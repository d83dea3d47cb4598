"""Word frequency and keyword-in-context on texts written for the test (counts by hand)."""

from __future__ import annotations

import pytest

from qda.analysis.words import kwic, word_frequencies
from qda.errors import InvalidValue
from qda.nlp.pipeline import stop_words


def counts(words):
    return {w.word: w.count for w in words}


def test_surface_forms_without_stop_words(small):
    # c.txt: "Pelayanan surat cepat. Surat masuk dicatat. Pelayanannya ramah dan cepat."
    assert "dan" in stop_words()
    assert counts(word_frequencies(small, documents=["c.txt"])) == {
        "surat": 2, "cepat": 2, "pelayanan": 1, "masuk": 1, "dicatat": 1, "pelayanannya": 1, "ramah": 1}
    ranked = [w.word for w in word_frequencies(small, documents=["c.txt"])]
    assert ranked[:2] == ["cepat", "surat"]  # ties alphabetical


def test_lemmas_join_forms_with_enclitics(small):
    found = counts(word_frequencies(small, documents=["c.txt"], lemma=True))
    assert found["layan"] == 2 and "pelayanan" not in found


def test_ngrams_skip_those_starting_or_ending_with_a_stop_word(small):
    found = counts(word_frequencies(small, documents=["c.txt"], ngram=2))
    assert found["pelayanan surat"] == 1 and found["surat cepat"] == 1 and found["cepat surat"] == 1
    assert "ramah dan" not in found and "dan cepat" not in found
    assert counts(word_frequencies(small, documents=["c.txt"], ngram=3))["ramah dan cepat"] == 1
    with pytest.raises(InvalidValue):
        word_frequencies(small, ngram=4)


def test_informant_turns_only_by_default(small):
    # b.txt: P asks "Apa kabar layanan?" and "Lalu?"; I answers; speaker labels are not words
    informants = counts(word_frequencies(small, documents=["b.txt"], keep_stop_words=True))
    assert informants == {"layanan": 1, "cepat": 1, "pegawai": 1, "ramah": 1, "pimpinan": 1, "memberi": 1,
                          "arahan": 1}
    everyone = counts(word_frequencies(small, documents=["b.txt"], keep_stop_words=True, speakers="all"))
    assert everyone["layanan"] == 2 and everyone["kabar"] == 1 and everyone["p"] == 2
    assert counts(word_frequencies(small, documents=["b.txt"], speakers=["P"])) == {"kabar": 1, "layanan": 1}


def test_own_stop_words_are_stored_and_used(small):
    small.queries.set_stop_words(["Surat", " cepat ", ""])
    assert small.queries.stop_words() == ["cepat", "surat"]
    assert "surat" not in counts(word_frequencies(small, documents=["c.txt"]))
    assert small.events.all()[-1].action == "stop_words.set"


def test_kwic_word_phrase_and_lemma(small):
    lines = kwic(small, "cepat", documents=["c.txt"], width=10)
    assert [(k.start, k.end, k.match, k.line) for k in lines] == [(16, 21, "cepat", 1), (67, 72, "cepat", 1)]
    assert lines[0].left == "nan surat " and lines[0].right == ". Surat ma"
    assert lines[1].left == "ramah dan " and lines[1].right == "."
    assert [k.match for k in kwic(small, "surat   masuk", documents=["c.txt"])] == ["Surat masuk"]
    assert [k.match for k in kwic(small, "layanan", lemma=True)] == ["layanan", "Layanan", "Pelayanan",
                                                                      "Pelayanannya"]
    assert kwic(small, "layanan", lemma=True)[0].document == "b.txt"
    assert kwic(small, "layan") == []  # not a word of the texts: whole words only


def test_kwic_sorting_and_speakers(small):
    left = kwic(small, "cepat", sort="left")
    # words just before "cepat": "Layanan" (b.txt), "surat" and "dan" (c.txt)
    assert [k.left.split()[-1] for k in left] == ["dan", "Layanan", "surat"]
    right = kwic(small, "cepat", sort="right", width=12)
    # right contexts read as words: "" (end of c.txt), "Pegawai ramah", "Surat masuk"
    assert [(k.document, k.start) for k in right] == [("c.txt", 67), ("b.txt", 33), ("c.txt", 16)]
    assert [k.document for k in kwic(small, "layanan", speakers="informants", documents=["b.txt"])] == ["b.txt"]
    with pytest.raises(InvalidValue):
        kwic(small, "cepat", sort="middle")


def test_word_index_finds_exactly_what_a_whole_word_scan_finds():
    import re

    from qda.analysis.textindex import word_starts
    from qda.analysis.words import _matches

    text = ("Pelayanan-pelayanan  kantor; e-KTP dan pelayanan… “Pelayanan” pelayanannya, "
            "sub_pelayanan pelayanan2 PELAYANAN\npelayanan publik, pelayanan\tpublik.")
    index = word_starts(text)
    assert index["pelayanan"] == [0, 39, 51, 101, 111, 129]  # not after a hyphen, not inside longer words
    assert "ktp" not in index and index["e"] == [29]
    for term in ("pelayanan", "pelayanan publik", "e-KTP", "kantor;", "sub_pelayanan"):
        words = term.split()
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])", re.IGNORECASE)
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches(text, pattern, {words[0].lower()})] == expected, term
        assert expected
    assert [m.span() for m in _matches(text, pattern, {"“pelayanan”"})] == [m.span() for m in pattern.finditer(text)]


def test_word_index_follows_an_edited_text(small):
    assert [k.start for k in kwic(small, "cepat", documents=["c.txt"])] == [16, 67]
    from qda.editing.edit import apply_edit

    doc = small.documents.get("c.txt")
    apply_edit(small, doc, "Cepat sekali. " + small.documents.text(doc.id))
    assert [k.start for k in kwic(small, "cepat", documents=["c.txt"])] == [0, 30, 81]
