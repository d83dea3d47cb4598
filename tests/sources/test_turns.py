"""Speaker turns for each labelling convention, checked by slicing the text, and false positives."""

from __future__ import annotations

import pytest

from qda.sources.transcript import parse_transcript
from qda.sources.turns import find_turns


def spans(text: str):
    return [(t.speaker, t.timestamp, text[t.start : t.end]) for t in find_turns(text)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("P", "I"),
        ("Pewawancara", "Informan"),
        ("Peneliti", "Narasumber"),
        ("T", "J"),
        ("Q", "A"),
        ("Peneliti", "R"),
        ("Pewawancara", "Bu Ratna"),
        ("P", "Pak Hendra Wijaya"),
        ("Peneliti", "Ibu Kasubag"),
        ("P", "Informan 3"),
    ],
)
def test_label_conventions(a, b):
    text = (
        f"{a}: Bagaimana alur surat masuk?\n\n"
        f"{b}: Surat diterima, dicatat, lalu didisposisi.\n"
        "Setelah itu didistribusikan ke bidang.\n\n"
        f"{a}: Berapa lama prosesnya?\n\n"
        f"{b}: Paling lama satu hari kerja."
    )
    assert spans(text) == [
        (a, None, f"{a}: Bagaimana alur surat masuk?"),
        (b, None, f"{b}: Surat diterima, dicatat, lalu didisposisi.\nSetelah itu didistribusikan ke bidang."),
        (a, None, f"{a}: Berapa lama prosesnya?"),
        (b, None, f"{b}: Paling lama satu hari kerja."),
    ]


@pytest.mark.parametrize(
    ("line_a", "line_b", "stamp_a", "stamp_b"),
    [
        ("[00:01:23] P: Sejak kapan?", "[00:01:30] I: Sejak 2022.", "00:01:23", "00:01:30"),
        ("(00:12:05) Peneliti: Sejak kapan?", "(00:12:09) Bu Ratna: Sejak 2022.", "00:12:05", "00:12:09"),
        ("00:12:05 P: Sejak kapan?", "00:12:09 I: Sejak 2022.", "00:12:05", "00:12:09"),
        ("[01:23] T: Sejak kapan?", "[01:30] J: Sejak 2022.", "01:23", "01:30"),
        ("P [00:01:23]: Sejak kapan?", "I [00:01:30]: Sejak 2022.", "00:01:23", "00:01:30"),
        ("Bu Ratna (00:12:05): Sejak kapan?", "Pak Hendra (00:12:09): Sejak 2022.", "00:12:05", "00:12:09"),
        ("P: [00:01:23] Sejak kapan?", "I: [00:01:30] Sejak 2022.", "00:01:23", "00:01:30"),
        ("[00:01:23] - P: Sejak kapan?", "[00:01:30] - I: Sejak 2022.", "00:01:23", "00:01:30"),
    ],
)
def test_timestamps_before_or_after_label(line_a, line_b, stamp_a, stamp_b):
    text = f"{line_a}\n{line_b}"
    turns = find_turns(text)
    assert [(t.timestamp, text[t.start : t.end]) for t in turns] == [(stamp_a, line_a), (stamp_b, line_b)]


def test_speaker_names_and_spans_exact():
    text = "Pengantar singkat.\n\n  Bu Ratna: Arsip kami penuh.\n\nPak Hendra Wijaya: Sudah lapor?\n\nBu Ratna: Sudah.\n"
    turns = find_turns(text)
    first = text.index("Bu Ratna")
    second = text.index("Pak Hendra")
    third = text.rindex("Bu Ratna")
    assert [(t.speaker, t.start, t.end) for t in turns] == [
        ("Bu Ratna", first, first + len("Bu Ratna: Arsip kami penuh.")),
        ("Pak Hendra Wijaya", second, second + len("Pak Hendra Wijaya: Sudah lapor?")),
        ("Bu Ratna", third, len(text) - 1),
    ]


def test_markdown_bold_labels():
    text = "**P:** Apa kendalanya?\n\n**I:** Printer macet."
    assert [t.speaker for t in find_turns(text)] == ["P", "I"]


def test_observation_note_with_catatan_and_pukul_has_no_turns():
    text = (
        "Pukul 08.15: Warga pertama datang membawa surat permohonan.\n\n"
        "Catatan: petugas belum membuka aplikasi.\n\n"
        "Pukul 08:40: Kasubag keluar dari ruangannya.\n\n"
        "Catatan: antrean mulai panjang.\n\n"
        "Keterangan: data ilustratif."
    )
    assert find_turns(text) == []


def test_single_colon_line_in_prose_is_not_a_turn():
    text = "Petugas menjelaskan prosedur.\n\nKasubag: menanyakan jumlah surat pagi ini.\n\nSuasana tenang."
    assert find_turns(text) == []


def test_two_names_once_each_is_not_dialogue():
    text = "Bu Tari: menyapa warga.\n\nLalu petugas mencatat.\n\nMas Yoga: memperbaiki printer."
    # two honorific names once each: no speaker recurs and none is a known label
    assert find_turns(text) == []


def test_lowercase_sentence_before_colon_is_not_a_label():
    text = "P: Apa kendalanya?\n\nI: Begini.\nJadi begini: printernya macet.\n\nP: Lalu?\n\nI: Diperbaiki."
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["P", "I", "P", "I"]
    assert text[turns[1].start : turns[1].end] == "I: Begini.\nJadi begini: printernya macet."


def test_note_inside_interview_stays_in_the_turn():
    text = "P: Apa kendalanya?\n\nI: Printer macet.\n\nCatatan: informan tertawa.\n\nP: Lalu?\n\nI: Diperbaiki."
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["P", "I", "P", "I"]
    assert text[turns[1].start : turns[1].end] == "I: Printer macet.\n\nCatatan: informan tertawa."


def test_third_person_speaking_once_with_honorific_is_a_turn():
    text = "P: Apa kendalanya?\n\nI: Printer macet.\n\nPak Kasi: Maaf, ada tamu.\n\nP: Lanjut.\n\nI: Baik."
    assert [t.speaker for t in find_turns(text)] == ["P", "I", "Pak Kasi", "P", "I"]


def test_timestamped_monologue():
    text = "[00:00:05] Narasumber: Saya mulai.\n\n[00:01:05] Narasumber: Lanjut."
    assert [t.timestamp for t in find_turns(text)] == ["00:00:05", "00:01:05"]


def test_header_lines_are_not_turns():
    text = "Judul: Wawancara\nInforman: Informan 2\nPewawancara: Dewi\n\nP: Halo.\n\nI: Halo juga."
    parsed = parse_transcript(text)
    assert [t.speaker for t in parsed.turns] == ["P", "I"]
    assert parsed.turns[0].start == text.index("P: Halo")


def test_long_single_line_is_linear():
    import time

    line = "kata " * 400_000 + ": akhir"
    started = time.perf_counter()
    assert find_turns(line) == []
    assert time.perf_counter() - started < 5  # generous: a quadratic scan would take minutes


def test_turns_are_contiguous_and_in_bounds_on_sample(tmp_path):
    from qda.resources import sample_transcripts_dir
    from qda.sources import read_source

    path = sample_transcripts_dir() / "wawancara_01_kasubag_tu.txt"
    text = read_source(path).text
    turns = parse_transcript(text).turns
    assert len(turns) > 10
    for before, after in zip(turns, turns[1:]):
        assert before.end <= after.start
        assert text[before.end : after.start].strip() == ""
    assert {t.speaker for t in turns} == {"P", "I"}
    assert all(text[t.start : t.end].lstrip("[0123456789:] ").startswith(t.speaker + ":") for t in turns)


def test_role_in_brackets_is_part_of_the_speaker():
    text = (
        "Moderator: Silakan mulai.\n\nInforman (Kasubag): Surat masuk naik.\n\n"
        "Informan (Staf): Betul, Pak.\n\nModerator: Terima kasih."
    )
    assert [t.speaker for t in find_turns(text)] == ["Moderator", "Informan (Kasubag)", "Informan (Staf)", "Moderator"]


def test_dotted_timestamps_in_brackets():
    text = "[00.01.23] P: Sejak kapan?\n[00.01.30] I: Sejak 2022."
    assert [(t.speaker, t.timestamp) for t in find_turns(text)] == [("P", "00.01.23"), ("I", "00.01.30")]


def test_role_with_timestamp():
    text = "Bu Ratna (Arsiparis) [00:03:10]: Arsipnya penuh.\nPeneliti [00:03:20]: Sejak kapan?"
    assert [(t.speaker, t.timestamp) for t in find_turns(text)] == [
        ("Bu Ratna (Arsiparis)", "00:03:10"),
        ("Peneliti", "00:03:20"),
    ]
