"""Known content and small helpers shared by the panel tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qda.store import Project
from qda.undo import UndoStack
from tests.helpers import span  # noqa: F401  (the panel tests import it from here)

import os
import tempfile

# Tests write their screenshots to a scratch folder; set QDA_SCREENSHOTS=docs/screenshots to refresh
# the published ones.
SCREENSHOTS = Path(os.environ.get("QDA_SCREENSHOTS") or Path(tempfile.gettempdir()) / "qda-screenshots")

# Illustrative content: invented for the tests, not real interview material.
INTERVIEW = (
    "P: Bagaimana pelayanan surat keterangan di kelurahan sekarang, Bu?\n"
    "I: Sekarang lebih cepat. Surat pengantar biasanya selesai dalam satu hari kerja.\n"
    "I: Kalau ada keluhan, petugas langsung menanggapi lewat grup WhatsApp kelurahan.\n"
    "P: Apakah pegawai mendapat pelatihan aplikasi yang baru?\n"
    "I: Pelatihan hanya sekali setahun, belum cukup untuk pegawai baru.\n"
    "I: Pak Lurah selalu memantau antrean setiap pagi dan menegur kalau loket kosong.\n"
)
OBSERVATION = (
    "Pukul 08.10 antrean di loket pelayanan sudah 14 orang.\n"
    "Petugas arsip mencari berkas secara manual di lemari besi.\n"
    "Ruang tunggu panas; kipas angin tidak berfungsi sejak minggu lalu.\n"
)


@dataclass
class Fixture:
    """A project with two documents and its undo stack."""

    project: Project
    stack: UndoStack
    interview: object
    observation: object

    def code_id(self, name: str) -> int:
        return self.project.codes.get(name).id

    def code_phrase(self, doc, phrase: str, code: str, coder: str | None = None):
        text = INTERVIEW if doc is self.interview else OBSERVATION
        start, end = span(text, phrase)
        return self.project.segments.add(doc, start, end, code, coder=coder)


def save_screenshot(widget, name: str) -> Path:
    """Save ``widget.grab()`` as ``<SCREENSHOTS>/<name>.png`` (a scratch folder unless QDA_SCREENSHOTS is set)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # let pending layout requests settle before grabbing
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def shown(qtbot, widget, size: tuple[int, int], *project_args):
    """``widget`` sized, attached to a project (``set_project(*project_args)``) and shown on screen."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_project(*project_args)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
