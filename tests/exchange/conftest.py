"""Fixtures for REFI-QDA exchange: the shared interop files, the XSDs and a constructed project."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from qda.store import Project
from tests.helpers import write_zip
from tests.shared_data import SHARED_DIR, require

INTEROP = SHARED_DIR / "interop"


@pytest.fixture
def interop() -> Path:
    """The folder of real REFI-QDA files written by other programs (skips without it)."""
    return require(INTEROP)


@pytest.fixture(scope="session")
def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(require(INTEROP / "schema" / "Project-mrt2019.xsd"))))


@pytest.fixture(scope="session")
def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(require(INTEROP / "schema" / "Codebook.xsd"))))


def qde_of(path: Path) -> bytes:
    """The project XML inside a .qdpx."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.lower().endswith(".qde"))
        return zf.read(name)


TEXT_A = ("Pewawancara: Bagaimana pelayanan di kantor kelurahan?\n"
          "Informan: Pelayanannya cepat 😀 dan ramah, antrean tertib.\n"
          "Pewawancara: Apa kendalanya?\n"
          "Informan: Sarana komputer kurang 🖥️, jaringan sering putus.")
TEXT_B = "Catatan observasi: loket dibuka pukul 08.00; pegawai hadir lengkap.\nWarga menunggu ± 10 menit."


@pytest.fixture
def rich_project(tmp_path) -> Project:
    """A project using every part REFI-QDA carries: coders, a code tree with definitions and colours,
    two documents (emoji in one), codings by two coders (two codes on one span), memos on the
    project, a document, a code, a segment and a case, cases with attributes, document attributes."""
    p = Project.create(tmp_path / "studi.qda", codebook=False, coder="Ani")
    parent = p.codes.add("Kualitas Layanan", group="dimension", color="#112233", definition_id="Mutu layanan.",
                        definition_en="Service quality.", example="pelayanan cepat", indicators=["cepat", "ramah"])
    child = p.codes.add("Kecepatan", parent=parent, color="#445566", when_to_use_id="Bila waktu disebut.")
    infra = p.codes.add("Sarana", group="factor", color="#abcdef")
    a = p.documents.add("wawancara_01.txt", TEXT_A, attributes={"Jabatan": "Lurah"}, case="Informan 1")
    b = p.documents.add("observasi_01.txt", TEXT_B, kind="observation")
    s1 = TEXT_A.index("cepat 😀")
    seg = p.segments.add(a, s1, s1 + len("cepat 😀 dan ramah"), child)
    p.segments.add(a, s1, s1 + len("cepat 😀 dan ramah"), parent)
    s2 = TEXT_A.index("Sarana komputer")
    p.coders.set_current("Budi")
    p.segments.add(a, s2, s2 + len("Sarana komputer kurang 🖥️"), infra)
    p.segments.add(b, 0, 17, parent)
    p.coders.set_current("Ani")
    p.cases.set_attribute("Informan 1", "Umur", "45")
    p.cases.add("Informan 2", {"Jabatan": "Staf"})
    p.memos.set(None, "Memo proyek: fokus pada kelurahan.")
    p.memos.set(a, "Wawancara pagi hari.\nSuasana tenang.")
    p.memos.set(infra, "Kode ini sering muncul.")
    p.memos.set(seg, "Contoh kuat kecepatan.")
    p.memos.set(p.cases.get("Informan 1"), "Lurah sejak 2019.")
    yield p
    p.close()


def make_qdpx(tmp_path: Path, entries: dict[str, bytes], name: str = "x.qdpx") -> Path:
    """A REFI-QDA archive named ``name`` in ``tmp_path`` holding ``entries``."""
    return write_zip(tmp_path / name, entries)
