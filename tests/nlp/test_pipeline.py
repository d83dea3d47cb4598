"""The shared Indonesian pipeline: sentences, lookup lemmas with enclitics, stop words, chunking."""

from __future__ import annotations

from qda.nlp.pipeline import chunks, docs, lemma_of, pipeline, stop_words


def test_pipeline_is_built_once_and_splits_sentences():
    assert pipeline() is pipeline()
    doc = pipeline()("Pegawai melayani masyarakat dengan cepat. Koordinasinya kurang baik.")
    assert [s.text for s in doc.sents] == ["Pegawai melayani masyarakat dengan cepat.", "Koordinasinya kurang baik."]


def test_lemmas_from_the_lookup_table_and_without_enclitics():
    assert lemma_of("melayani") == "layan"
    assert lemma_of("Pelayanannya") == "layan"  # upper case and -nya
    assert lemma_of("koordinasinya") == "koordinasi"  # not in the table: the enclitic is dropped
    assert lemma_of("pelatihan") == "latih"
    assert lemma_of("xyzqwe") == "xyzqwe"


def test_stop_words_are_indonesian():
    words = stop_words()
    assert {"dan", "yang", "di", "itu"} <= words
    assert "pelayanan" not in words


def test_chunks_cover_the_text_exactly_and_cut_at_spaces():
    text = "kata " * 1000
    pieces = list(chunks(text, limit=97))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 97 for _, p in pieces)
    assert all(text[off:off + len(p)] == p for off, p in pieces)
    assert all(p.endswith(" ") for _, p in pieces[:-1])


def test_docs_runs_in_batches():
    out = list(docs(["Satu kalimat.", "Dua kalimat di sini."]))
    assert [len(d) for d in out] == [3, 5]


def test_sentence_starts_on_arrays_equal_the_sentencizer():
    from pathlib import Path

    from qda.nlp.pipeline import docs, sentence_starts

    folder = Path(__file__).resolve().parents[2] / "sample_transcripts"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts += ["", "...", "Ya... (tertawa) Baik! \"Oke.\" Lalu?", "Tanpa tanda akhir", "?? Apa. ."]
    for with_sents, bare in zip(docs(texts), docs(texts, sentences=False)):
        assert [s.start for s in with_sents.sents] == sentence_starts(bare).tolist()


def test_docs_give_the_tokens_of_spacy_as_it_comes_with_the_cache_primed():
    """Priming the tokenizer cache chunk by chunk changes speed only, never the tokens."""
    from pathlib import Path

    import spacy

    from qda.nlp.pipeline import docs

    folder = Path(__file__).resolve().parents[2] / "sample_transcripts"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts += ["Pak. Camat bilang: “dll.” (tertawa) :) e-KTP-nya s.d. 3.000,- Rp.5.000 yg ke-2…", "Pak. Pak. Pak."]
    plain = spacy.blank("id")
    for _round in range(2):  # the second round comes from the cache
        for doc, text in zip(docs(texts, lemmas=False, sentences=False), texts):
            assert [(t.text, t.idx, t.whitespace_) for t in doc] == [
                (t.text, t.idx, t.whitespace_) for t in plain(text)]
