"""Shared fixtures: a real project in tmp_path and a good transcript to import beside bad input."""

from __future__ import annotations

import pytest

GOOD = (
    "Judul: Wawancara dengan Staf Persuratan\n"
    "Jenis: Wawancara\n"
    "Informan: Informan 2\n"
    "Nama: Sri Lestari\n"
    "Jabatan: Pengadministrasi Persuratan\n"
    "Keterangan: Data ilustratif; nama rekaan.\n"
    "\n"
    "P: Berapa surat masuk hari ini, Bu?\n"
    "\n"
    "I: Sekitar tiga puluh, Mbak. Sebagian sudah didisposisi.\n"
    "\n"
    "P: Apa kendalanya?\n"
    "\n"
    "I: Pemindai cuma satu, jadi harus antre.\n"
)


@pytest.fixture
def project(tmp_path):
    from qda.store import Project

    p = Project.create(tmp_path / "penelitian.qda", codebook=False, coder="Dewi")
    yield p
    p.close()


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "wawancara_02_staf.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path
