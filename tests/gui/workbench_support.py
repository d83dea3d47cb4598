"""Known content and a second-connection reader shared by the GUI tests."""

from __future__ import annotations

# An illustrative transcript with astral characters (🙂, 𝔸) before the coded words.
TEXT = (
    "Judul: Wawancara ilustratif\n"
    "\n"
    "[00:00:05] P: Bagaimana pelayanan surat di bagian ini? 🙂\n"
    "\n"
    "[00:00:12] I: Jujur saja 𝔸 pelayanan kami cepat tetapi arsip sering terlambat karena pegawai kurang.\n"
)


#: The phrase most workbench tests select and code, and its code-point span in TEXT.
WORD = "pelayanan kami cepat"
START = TEXT.index(WORD)
END = START + len(WORD)


def read_segments(path):
    """Segments as stored in the file, read by a second, read-only connection."""
    from qda.store import Project

    with Project.open(path, read_only=True) as p:
        return [(s.start, s.end, p.codes.get(s.code_id).name) for s in p.segments.all()]


def merged_pieces(pieces):
    """Highlight pieces with the same codes that touch, joined (an update may cut a piece where it began)."""
    out = []
    for p in pieces:
        codes = sorted(p.codes)
        if out and out[-1][1] == p.start and out[-1][2] == codes:
            out[-1] = (out[-1][0], p.end, codes)
        else:
            out.append((p.start, p.end, codes))
    return out
