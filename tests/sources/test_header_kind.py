"""Header attributes, the informant case, and kind inference."""

from __future__ import annotations

import pytest

from qda.sources.header import parse_header, split_case
from qda.sources.transcript import infer_kind, parse_transcript

HEADER = (
    "Judul: Wawancara dengan Petugas Arsip\n"
    "Jenis: Wawancara\n"
    "Tanggal: 13 Maret 2024\n"
    "Waktu: 10.15–10.48 WIB\n"
    "Lokasi: Ruang Arsip lantai 1\n"
    "Informan: Informan 3\n"
    "Nama: Ratna Dewi Kusumawati, A.Md.\n"
    "Jabatan: Arsiparis Terampil\n"
    "Jenis Kelamin: Perempuan\n"
    "Usia: 46 tahun\n"
    "Pendidikan: D3 Kearsipan\n"
    "Masa Kerja: 19 tahun\n"
    "Pewawancara: Dewi Anggraini\n"
    "Durasi: 32 menit\n"
    "Keterangan: Data ilustratif; nama rekaan.\n"
)
BODY = "\nP: Selamat pagi, Bu.\n\nI: Pagi, Mbak."


def test_header_fields_case_and_document_attributes():
    parsed = parse_transcript(HEADER + BODY, file_name="rekaman_03.txt")
    assert parsed.case == "Informan 3"
    assert parsed.case_attributes == {
        "Nama": "Ratna Dewi Kusumawati, A.Md.",
        "Jabatan": "Arsiparis Terampil",
        "Jenis Kelamin": "Perempuan",
        "Usia": "46 tahun",
        "Pendidikan": "D3 Kearsipan",
        "Masa Kerja": "19 tahun",
    }
    assert parsed.attributes == {
        "Judul": "Wawancara dengan Petugas Arsip",
        "Jenis": "Wawancara",
        "Tanggal": "13 Maret 2024",
        "Waktu": "10.15–10.48 WIB",
        "Lokasi": "Ruang Arsip lantai 1",
        "Pewawancara": "Dewi Anggraini",
        "Durasi": "32 menit",
        "Keterangan": "Data ilustratif; nama rekaan.",
    }
    assert parsed.kind == "interview"
    assert parsed.header_end == len(HEADER) - 1
    assert parsed.text.startswith(HEADER)  # the header stays in the stored text


def test_english_keys_map_to_indonesian_and_unknown_keys_kept():
    header = parse_header("Title: Meeting\nDate: 1 May 2024\nUnit Layanan: Loket 2\n\nbody")
    assert header.fields == {"Judul": "Meeting", "Tanggal": "1 May 2024", "Unit Layanan": "Loket 2"}


def test_dialogue_at_the_top_is_not_a_header():
    text = "P: Selamat pagi.\nI: Pagi.\n\nP: Mulai ya."
    assert parse_header(text).fields == {}
    assert len(parse_transcript(text).turns) == 3


def test_block_with_a_prose_line_is_not_a_header():
    assert parse_header("Judul: Catatan\nIni baris biasa tanpa titik dua\n\nisi").end == 0


def test_no_informant_keeps_person_fields_on_the_document():
    case, case_attrs, doc_attrs = split_case({"Nama": "Bu Tari", "Tanggal": "1 Mei"})
    assert case is None and case_attrs == {}
    assert doc_attrs == {"Nama": "Bu Tari", "Tanggal": "1 Mei"}


@pytest.mark.parametrize(
    ("explicit", "jenis", "name", "turns", "expected"),
    [
        ("document", "Wawancara", "wawancara_01.txt", True, "document"),
        (None, "Wawancara", "observasi_01.txt", False, "interview"),
        (None, "Observasi", "wawancara_01.txt", True, "observation"),
        (None, "Analisis Dokumen", "x.txt", True, "document"),
        (None, "Dokumen", "x.txt", True, "document"),
        (None, None, "wawancara_07_lurah.docx", False, "interview"),
        (None, None, "interview-lurah.txt", False, "interview"),
        (None, None, "observasi_02.txt", True, "observation"),
        (None, None, "observation_02.txt", True, "observation"),
        (None, None, "dokumen_sop.pdf", True, "document"),
        (None, None, "rekaman.txt", True, "interview"),
        (None, None, "rekaman.txt", False, "document"),
    ],
)
def test_kind_inference_order(explicit, jenis, name, turns, expected):
    assert infer_kind(explicit, jenis, name, turns) == expected


def test_unknown_explicit_kind_rejected():
    with pytest.raises(ValueError, match="unknown kind"):
        infer_kind("wawancara", None, "x.txt", False)


def test_observation_header_has_no_case_and_no_turns():
    text = (
        "Judul: Observasi Meja Layanan\nJenis: Observasi\nPengamat: Dewi\n\n"
        "07.25 WIB — Pengamat tiba di lobi.\n\nCatatan: pintu sudah terbuka.\n\n"
        "Pukul 08.15: warga pertama datang.\n\nCatatan: printer macet."
    )
    parsed = parse_transcript(text, file_name="catatan.txt")
    assert parsed.kind == "observation"
    assert parsed.case is None
    assert parsed.turns == []
    assert parsed.attributes["Pengamat"] == "Dewi"


@pytest.mark.parametrize("first_turn", ["P: Selamat pagi.", "[00:00:05] Pewawancara: Selamat pagi."])
def test_header_followed_by_dialogue_without_blank_line(first_turn):
    text = f"Judul: Wawancara Lurah\nInforman: Informan 7\nNama: Siti\n{first_turn}\nI: Pagi."
    parsed = parse_transcript(text)
    assert parsed.case == "Informan 7"
    assert parsed.attributes == {"Judul": "Wawancara Lurah"}
    assert parsed.header_end == text.index(first_turn) - 1
    assert [text[t.start : t.end] for t in parsed.turns] == [first_turn, "I: Pagi."]
