"""Word frequency and keyword-in-context on texts written for the test (counts by hand)."""

from __future__ import annotations

from functools import lru_cache

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


# A transcript written for the identity tests: spaCy's special cases (abbreviations, an
# emoticon, "Pak." repeated), a URL, numbers, hyphenated forms and typographic punctuation.
TEXT_D = ("P: Pak. Camat, bagaimana pelayanan e-KTP-nya?\n"
          "I: Pelayanan e-KTP-nya cepat, dll. :) Biayanya Rp.5.000 atau 3.000,- saja… "
          "Lihat https://disdukcapil.kedirikota.go.id ya.\n"
          "P: Pelayanan surat?\n"
          "I: “Pelayanan” surat cepat. Surat ke-2 dicatat. Pak. Pak. Pak. Pelayanannya ramah (tertawa) dan "
          "cepat. Jum’at s.d. 10:30 WIB.\n")
# the informants' words, counted by hand from spaCy's tokens ("e-KTP-nya" is e / - / KTP / -nya,
# "Rp.5.000" is Rp / .5.000, "ke-2" is ke / - / 2); no URL, no number, no punctuation
HAND_D = {"cepat": 3, "pak": 3, "pelayanan": 2, "surat": 2, "e": 1, "ktp": 1, "-nya": 1, "dll.": 1,
          "biayanya": 1, "rp": 1, "atau": 1, "saja": 1, "lihat": 1, "ya": 1, "ke": 1, "dicatat": 1,
          "pelayanannya": 1, "ramah": 1, "tertawa": 1, "dan": 1, "jum’at": 1, "s.d.": 1, "wib": 1}


def _with_d(project):
    from tests.analysis.small_project import _turns

    project.documents.add("d.txt", TEXT_D, "interview", turns=_turns(TEXT_D))
    return project


@lru_cache(maxsize=1)
def _plain_nlp():
    """A ``spacy.blank("id")`` of its own: not the shared pipeline, its cache never primed."""
    import spacy

    return spacy.blank("id")


def _plain_words(texts):
    """The words of each text by a plain spaCy pass (tokens with a letter, no URL, no number, lower case)."""
    import re

    letter = re.compile(r"[^\W\d_]")
    return [[t.lower_ for t in _plain_nlp()(text) if not t.like_url and letter.search(t.text) and not t.like_num]
            for text in texts]


def _plain_counts(texts, *, ngram=1, stops=frozenset(), lemma=False):
    from collections import Counter

    from qda.nlp.pipeline import lemma_of

    out: Counter = Counter()
    for words in _plain_words(texts):
        if lemma:
            words = [lemma_of(w) for w in words]
        out.update(" ".join(words[i:i + ngram]) for i in range(len(words) - ngram + 1)
                   if words[i] not in stops and words[i + ngram - 1] not in stops)
    return dict(out)


def test_word_frequency_counts_by_hand_and_equal_a_plain_spacy_pass(small):
    """The shared tokenizer path (primed cache, per-form word test, cached turns) counts what plain spaCy counts."""
    from qda.analysis import textindex
    from qda.analysis.words import stop_list

    _with_d(small)
    informants = [line[3:] for line in TEXT_D.splitlines() if line.startswith("I: ")]
    textindex.clear()
    for _round in range(2):  # the second round reads the cached turns
        found = counts(word_frequencies(small, documents=["d.txt"], keep_stop_words=True))
        assert found == HAND_D == _plain_counts(informants)
    stops = stop_list(small)
    assert {"pak", "atau", "saja", "dan"} <= stops
    assert counts(word_frequencies(small, documents=["d.txt"])) == _plain_counts(informants, stops=stops) == {
        w: n for w, n in HAND_D.items() if w not in stops}
    for n in (2, 3):
        assert counts(word_frequencies(small, documents=["d.txt"], ngram=n)) == _plain_counts(
            informants, ngram=n, stops=stops)
    assert counts(word_frequencies(small, documents=["d.txt"], ngram=2, keep_stop_words=True))["pak pak"] == 2
    lemmas = counts(word_frequencies(small, documents=["d.txt"], lemma=True))
    assert lemmas == _plain_counts(informants, stops=stops, lemma=True)
    assert lemmas["layan"] == 3  # Pelayanan ×2, Pelayanannya
    small.queries.set_stop_words(["cepat"])
    assert counts(word_frequencies(small, documents=["d.txt"])) == _plain_counts(
        informants, stops=stops | {"cepat"})
    everyone = counts(word_frequencies(small, documents=["d.txt"], speakers="all", keep_stop_words=True))
    assert everyone == _plain_counts(TEXT_D.splitlines())  # labels P / I count as words here
    assert everyone["pelayanan"] == 4 and everyone["p"] == 2 and everyone["i"] == 2
    assert counts(word_frequencies(small, documents=["d.txt"], speakers=["P"], keep_stop_words=True)) == \
        _plain_counts(line[3:] for line in TEXT_D.splitlines() if line.startswith("P: "))


def test_word_frequency_of_real_transcripts_equals_a_plain_spacy_pass(small):
    """The sample transcripts, counted whole, give the counts of plain spaCy over the same pieces."""
    from pathlib import Path

    from qda.analysis import textindex
    from qda.analysis.corpus import corpus
    from qda.analysis.words import _pieces, stop_list

    folder = Path(__file__).resolve().parents[2] / "sample_transcripts"
    names = []
    for path in sorted(folder.glob("*.txt")):
        small.documents.add(path.name, path.read_text(encoding="utf-8"), "document")
        names.append(path.name)
    assert names
    data = corpus(small)
    pieces = [p[2] for p in _pieces(data, [small.documents.get(n).id for n in names], "informants")]
    textindex.clear()
    stops = stop_list(small)
    for lemma in (False, True):
        assert counts(word_frequencies(small, documents=names, lemma=lemma)) == _plain_counts(
            pieces, stops=stops, lemma=lemma)
    assert counts(word_frequencies(small, documents=names, ngram=2)) == _plain_counts(pieces, ngram=2, stops=stops)
