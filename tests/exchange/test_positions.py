"""Positions written by other programs land on the same characters in qda's stored text."""

from __future__ import annotations

from qda.exchange.positions import normalised_with_map


def test_code_points_through_bom_crlf_and_trailing_spaces():
    raw = "\ufeffBaris satu  \r\nBaris dua\r\n\r\nakhir   \r\n"
    text, pos = normalised_with_map(raw, "x.txt")
    assert text == "Baris satu\nBaris dua\n\nakhir"
    # "dua" in the raw text (BOM not counted, CRLF counted as two)
    start = raw[1:].index("dua")
    assert text[pos(start):pos(start + 3)] == "dua"
    start = raw[1:].index("akhir")
    assert text[pos(start):pos(start + 5)] == "akhir"
    assert pos(len(raw) + 10) == len(text)


def test_nvivo_counts_utf16_units():
    raw = "A😀😀 kata\r\nB 🖥️ lagi kata"
    text, pos = normalised_with_map(raw, "x.txt", utf16=True)
    units = raw.encode("utf-16-le")
    i = units.index("kata".encode("utf-16-le")) // 2
    assert text[pos(i):pos(i + 4)] == "kata"
    j = units.rindex("kata".encode("utf-16-le")) // 2
    assert text[pos(j):pos(j + 4)] == "kata"
    assert text == "A😀😀 kata\nB 🖥️ lagi kata"


def test_decomposed_text_is_composed_and_positions_follow():
    raw = "Cafe\u0301 enak\nlagi"
    text, pos = normalised_with_map(raw, "x.txt")
    assert text == "Café enak\nlagi"
    i = raw.index("enak")
    assert text[pos(i):pos(i + 4)] == "enak"


def test_blank_text_is_empty():
    text, pos = normalised_with_map("\n", "x.txt")
    assert text == "" and pos(5) == 0
