"""Imported codes without a colour take the one palette's colours that the project and the file leave free."""

from __future__ import annotations

from qda.domain import PALETTE
from qda.exchange import import_refi
from qda.store import Project

QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>
  <Code guid="11111111-1111-1111-1111-111111111111" name="Tanpa warna" isCodable="true"/>
  <Code guid="22222222-2222-2222-2222-222222222222" name="Berwarna" isCodable="true" color="{taken}"/>
  <Code guid="33333333-3333-3333-3333-333333333333" name="Induk" isCodable="true">
    <Code guid="44444444-4444-4444-4444-444444444444" name="Anak" isCodable="true"/>
  </Code>
</Codes></CodeBook>"""


def test_colourless_codes_take_the_free_palette_colours(tmp_path):
    path = tmp_path / "buku.qdc"
    path.write_text(QDC.format(taken=PALETTE[1].upper()), encoding="utf-8")
    project = Project.create(tmp_path / "p.qda", codebook=False)
    try:
        project.codes.add("Sudah ada", color=PALETTE[0])
        import_refi(project, path)
        colours = {c.name: c.color for c in project.codes.all()}
    finally:
        project.close()
    assert colours == {"Sudah ada": PALETTE[0], "Berwarna": PALETTE[1], "Tanpa warna": PALETTE[2],
                       "Induk": PALETTE[3], "Anak": PALETTE[4]}
