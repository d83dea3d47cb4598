"""Properties over generated text: normalisation is idempotent, turns are well-formed spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qda.errors import SourceRefused
from qda.sources.normalise import hash_and_count, normalise_text
from qda.sources.transcript import parse_transcript

pieces = st.sampled_from(
    ["P:", "I:", "Bu Ratna:", "Catatan:", "[00:01:23]", "(00:12:05)", "Judul: X", "Jenis: Wawancara", "\n", "\n\n",
     "\r\n", " ", "\t", "kata", "Kafé", "e\u0301", "😊", "\u2028", "\ufeff", "\x07", "Pak Hendra Wijaya:", "**P:**",
     "\xa0", "\u2003", "\u202f", "\u205f", "\u3000", "\u1680", "–", "…", "“"]
)
texts = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalise_is_idempotent_and_clean(raw):
    try:
        text = normalise_text(raw, "x.txt")
    except SourceRefused:
        return
    assert normalise_text(text, "x.txt") == text
    assert "\r" not in text and "\ufeff" not in text and "\u2028" not in text
    assert text == text.rstrip()
    digest, words = hash_and_count(text)
    assert words == len(text.split())


@settings(max_examples=300, deadline=None)
@given(texts)
def test_turns_are_ordered_disjoint_spans_starting_at_their_label(raw):
    try:
        text = normalise_text(raw, "x.txt")
    except SourceRefused:
        return
    parsed = parse_transcript(text)
    previous_end = parsed.header_end
    for turn in parsed.turns:
        assert previous_end <= turn.start < turn.end <= len(text)
        assert turn.speaker.split()[0] in text[turn.start : turn.end]
        assert not text[turn.end - 1].isspace()
        previous_end = turn.end


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["", "\ufeff"]), st.sampled_from(["", "\n", " \n\t", "\u3000", "\r\n\r\n"]))
def test_a_utf8_file_keeps_its_bytes_as_the_texts_utf8(tmp_path_factory, raw, bom, tail):
    """The bytes read from a UTF-8 file and handed on for hashing and storing are exactly the
    normalised text's UTF-8, whatever had to change (line breaks, BOM, controls, trailing blanks)."""
    from qda.sources.importer import prepare_source

    path = tmp_path_factory.mktemp("utf8") / "x.txt"
    path.write_bytes((bom + raw + tail).encode("utf-8", "surrogatepass"))
    try:
        prepared = prepare_source(path)
    except SourceRefused:
        return
    text = prepared.parsed.text
    assert text == normalise_text(raw + tail, "x.txt")
    if prepared.utf8 is not None:
        assert prepared.utf8 == text.encode("utf-8")
    assert (prepared.file_hash, prepared.words) == hash_and_count(text)
