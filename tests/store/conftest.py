"""Fixtures for the project store tests."""

from __future__ import annotations

import pytest

from qda.store import Project

TEXT = ("Judul: Wawancara uji\nInforman: Informan 1\n\nP: Bagaimana layanan surat di sini?\n"
        "I: Cepat tanggap 🙂, surat masuk langsung didisposisi hari itu juga.\n"
        "P: Ada kendala?\nI: Printer sering rusak, 𝔸rsip menumpuk.\n")


@pytest.fixture
def project(tmp_path):
    """A new project with the bundled codebook and one interview."""
    p = Project.create(tmp_path / "uji.qda", coder="Rina", role="coder")
    p.documents.add("uji.txt", TEXT, "interview", turns=[("P", None, 34, 71), ("I", None, 71, 140)],
                   attributes={"Judul": "Wawancara uji"}, case="Informan 1")
    yield p
    p.close()
