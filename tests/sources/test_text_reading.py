"""Plain-text decoding and normalisation against files written with known content."""

from __future__ import annotations

import unicodedata

import pytest

from qda.errors import SourceRefused
from qda.sources import read_source
from qda.sources.normalise import content_hash, count_words, hash_and_count, normalise_text

TEXT = (
    "Judul: Wawancara di Kafé Layanan\n"
    "Jenis: Wawancara\n"
    "\n"
    "P: Bagaimana pelayanan di loket? 😊\n"
    "I: Cukup baik, petugasnya ramah — tapi antre “lama” sekali."
)
# The same text without the emoji, for single-byte code pages.
TEXT_1252 = TEXT.replace(" 😊", "")


@pytest.mark.parametrize(
    ("encoding", "bom", "recorded"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ],
)
def test_unicode_encodings_give_the_same_text(tmp_path, encoding, bom, recorded):
    path = tmp_path / "wawancara.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    source = read_source(path)
    assert source.text == TEXT
    assert source.encoding == recorded
    assert source.fmt == "txt"


def test_cp1252_is_detected_and_recorded(tmp_path):
    path = tmp_path / "catatan.txt"
    body = TEXT_1252 + "\n" + "Petugas menjelaskan prosedur legalisasi dengan sabar, café di depan kantor ramai.\n" * 5
    path.write_bytes(body.encode("cp1252"))
    source = read_source(path)
    assert source.encoding == "cp1252"
    assert source.text == body.rstrip("\n")


def test_latin1_letters_decode(tmp_path):
    path = tmp_path / "latin.txt"
    body = "Pegawai menyebut kafé dan resumé beberapa kali. Situasi ruang tunggu cukup tenang.\n" * 3
    path.write_bytes(body.encode("latin-1"))
    assert read_source(path).text == body.rstrip("\n")


def test_same_content_in_two_encodings_has_one_hash(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    b.write_bytes(b"\xff\xfe" + TEXT.encode("utf-16-le"))
    assert content_hash(read_source(a).text) == content_hash(read_source(b).text)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"])
def test_every_newline_becomes_lf(newline):
    assert normalise_text(f"satu{newline}dua{newline}tiga", "x.txt") == "satu\ndua\ntiga"


def test_nfc_bom_trailing_space_and_controls():
    decomposed = unicodedata.normalize("NFD", "Kafé   \t\n\ufeffResumé\x07 baik\n\n  \n")
    assert normalise_text(decomposed, "x.txt") == "Kafé\nResumé baik"


def test_leading_whitespace_is_kept():
    assert normalise_text("\n  P: halo\n", "x.txt") == "\n  P: halo"


def test_nul_refused_as_binary():
    with pytest.raises(SourceRefused, match="NUL"):
        normalise_text("abc\x00def", "x.txt")


def test_many_control_characters_refused_as_binary():
    with pytest.raises(SourceRefused, match="karakter kendali"):
        normalise_text("a\x01b\x02" * 100, "x.txt")


def test_count_words_matches_split_on_large_text():
    text = ("kata  satu\tdua\ntiga " * 200_000) + "akhir"
    assert count_words(text) == len(text.split())


def test_markdown_is_stored_as_written(tmp_path):
    path = tmp_path / "wawancara_md.md"
    body = "# Wawancara\n\n**P:** Apa kendala *utama*?\n\n**I:** Jaringan _sering_ putus."
    path.write_text(body, encoding="utf-8")
    source = read_source(path)
    assert source.text == body
    assert source.fmt == "md"


@pytest.mark.parametrize(
    "text",
    [
        "satu dua  tiga\n\nempat\tlima ",
        "  awal spasi dan akhir  ",
        "kafé résumé 😊 kata\u00a0dengan\u00a0nbsp dan\u3000ideografis",
        "x",
        "\x1ckendali\x1fpemisah",
    ],
)
def test_hash_and_count_agree_with_split_and_sha(text):
    digest, words = hash_and_count(text)
    assert digest == content_hash(text)
    assert words == len(text.split())


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, codec):
    path = tmp_path / "tanpa_bom.txt"
    path.write_bytes(TEXT.encode(codec))
    source = read_source(path)
    assert source.text == TEXT
    assert source.encoding == codec
