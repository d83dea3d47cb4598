"""A small project with known documents, informants, codes, segments, memos and reviews."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from qda.store import Project
from tests.helpers import span

# Illustrative content: invented for the tests, not real interview material.
INTERVIEW = (
    "P: Bagaimana pelayanan di kantor kelurahan?\n"
    "I: Pelayanan KTP sekarang lebih cepat, biasanya selesai dalam satu hari.\n"
    "I: Tapi kalau jaringan SIMAK putus, warga harus menunggu.\n"
    "P: Apakah pegawai mendapat pelatihan?\n"
    "I: Pelatihan aplikasi baru diberikan sekali setahun,\n"
    "belum cukup untuk pegawai baru.\n"
    "I: Lurah selalu memantau antrean setiap pagi.\n"
)
OBSERVATION = (
    "Pukul 08.10 antrean di loket sudah 14 orang.\n"
    "Petugas arsip mencari berkas secara manual di lemari.\n"
    "Ruang tunggu panas, kipas angin tidak berfungsi.\n"
)


@dataclass
class Built:
    path: object
    spans: dict


def build_project(path) -> Built:
    """Create the project file and return the spans used (name -> (doc, start, end, code, coder))."""
    p = Project.create(path, codebook=True, coder="Rina", role="coder")
    p.cases.add("Informan 3", {"Informan": "3", "Jabatan": "Kasubag TU", "Jenis Kelamin": "Perempuan",
                              "Usia": "41", "Pendidikan": "S1"})
    wawancara = p.documents.add("wawancara_kasubag.txt", INTERVIEW, "interview",
                               attributes={"Tanggal": "2024-03-12"}, case="Informan 3")
    observasi = p.documents.add("observasi_arsip.txt", OBSERVATION, "observation",
                               attributes={"Lokasi": "ruang arsip", "Tanggal": "2024-03-14"})
    p.codes.add("Koordinasi Internal", group="own", definition_id="Kerja sama antarbagian.")
    spans = {
        "cepat": (wawancara, *span(INTERVIEW, "Pelayanan KTP sekarang lebih cepat, biasanya selesai dalam satu hari."),
                  "Produktivitas", "Rina"),
        "jaringan": (wawancara, *span(INTERVIEW, "kalau jaringan SIMAK putus, warga harus menunggu."),
                     "Sumber Daya dan Sarana Prasarana", "Rina"),
        "jaringan_resp": (wawancara, *span(INTERVIEW, "Tapi kalau jaringan SIMAK putus"), "Responsivitas", "Budi"),
        "pelatihan": (wawancara, *span(INTERVIEW, "Pelatihan aplikasi baru diberikan sekali setahun,\n"
                                                   "belum cukup untuk pegawai baru."),
                      "Kompetensi dan Pelatihan", "Budi"),
        "lurah": (wawancara, *span(INTERVIEW, "Lurah selalu memantau antrean setiap pagi."),
                  "Kepemimpinan yang Efektif", "Rina"),
        "lurah_resp": (wawancara, *span(INTERVIEW, "memantau antrean"), "Responsivitas", "Rina"),
        "antrean": (observasi, *span(OBSERVATION, "antrean di loket sudah 14 orang.\nPetugas arsip mencari berkas"),
                    "Responsivitas", "Rina"),
        "arsip": (observasi, *span(OBSERVATION, "Petugas arsip mencari berkas secara manual di lemari."),
                  "Sumber Daya dan Sarana Prasarana", "Budi"),
        "koordinasi": (observasi, *span(OBSERVATION, "Ruang tunggu panas"), "Koordinasi Internal", "Rina"),
    }
    segs = {}
    p.coders.set_current("Budi")
    p.coders.set_current("Dr. Sari", role="supervisor")
    for key, (doc, start, end, code, coder) in spans.items():
        segs[key] = p.segments.add(doc, start, end, code, coder=coder)
    p.reviews.add(segs["cepat"], "needs_revision", "Perjelas konteks", reviewer="Dr. Sari")
    p.reviews.add(segs["cepat"], "approved", "Sudah jelas", reviewer="Dr. Sari")
    p.reviews.add(segs["jaringan"], "approved", reviewer="Dr. Sari")
    p.reviews.add(segs["pelatihan"], "rejected", "Bukan pelatihan", reviewer="Dr. Sari")
    p.reviews.add(segs["arsip"], "approved", reviewer="Dr. Sari")
    p.reviews.add(segs["antrean"], "approved", reviewer="Rina")
    p.reviews.add(segs["antrean"], "needs_revision", "Terlalu panjang", reviewer="Dr. Sari")
    p.memos.set(None, "Memo proyek: fokus pada loket KTP.")
    p.memos.set(p.codes.get("Responsivitas"), "Catatan tentang responsivitas.")
    p.memos.set(segs["lurah"], "Perlu dicek ke lurah.")
    p.memos.set(wawancara, "Wawancara berlangsung di ruang TU.")
    p.coders.set_current("Rina")
    p.close()
    return Built(path, {k: (v[0].name, v[1], v[2], v[3], v[4]) for k, v in spans.items()})


@pytest.fixture
def built(tmp_path) -> Built:
    return build_project(tmp_path / "uji.qda")


@pytest.fixture
def project(built):
    with Project.open(built.path) as p:
        yield p


@pytest.fixture
def missing_english(monkeypatch):
    """Call ``check(write)``: runs ``write()`` and returns every Indonesian text it wanted in English but lacked."""
    from qda.reports.lang import Wording

    made: list = []
    real_init = Wording.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Wording, "__init__", init)

    def check(write) -> set:
        made.clear()
        write()
        assert made, "no wording was used"
        return set().union(*(w.missing for w in made))

    return check
