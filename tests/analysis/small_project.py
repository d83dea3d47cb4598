"""A small constructed project whose query results and matrices were counted by hand.

Document ``a.txt`` (interview, case Informan 1, Jabatan=Kasubag) is 20 sentences
"Kalimat keNN ada. " of 18 characters: sentence *i* is ``[18i, 18i+17)``. It has no
speaker turns. Codings (code, span, coder):

====  ====  ==========  =====  =========================================
c1    R     [0, 30)     Dewi
c2    R     [0, 30)     Budi   same passage, second coder
c3    K     [10, 20)    Dewi
c4    K     [10, 20)    Budi
c5    K     [25, 50)    Dewi   overlaps R on [25, 30)
c6    R     [100, 120)  Dewi   10 characters before c7
c7    S     [130, 140)  Dewi
c8    A     [200, 210)  Dewi   sentence 11 with c9; overlaps c11
c9    S     [212, 214)  Dewi
c11   S     [205, 215)  Dewi
c10   A     [300, 320)  Budi   approved by the supervisor
c12   K     [305, 310)  Budi   inside c10
====  ====  ==========  =====  =========================================

Document ``b.txt`` (interview, case Informan 2, Jabatan=Staf) is a dialogue with turns
(P asks, I answers); R codes "Layanan cepat", K "Pegawai ramah" (same turn, next
sentence) and K "Pimpinan memberi arahan" (a later turn).

Document ``c.txt`` (document kind, no case, no turns) is a text for word counts.
"""

from __future__ import annotations

from pathlib import Path

R, A, K, S = "Responsivitas", "Akuntabilitas", "Kepemimpinan yang Efektif", "Sumber Daya dan Sarana Prasarana"
TEXT_A = "".join(f"Kalimat ke{i:02d} ada. " for i in range(20))
TEXT_B = "P: Apa kabar layanan?\nI: Layanan cepat. Pegawai ramah.\nP: Lalu?\nI: Pimpinan memberi arahan.\n"
TEXT_C = "Pelayanan surat cepat. Surat masuk dicatat. Pelayanannya ramah dan cepat."


def _turns(text: str) -> list[tuple[str, None, int, int]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        out.append((body.split(":")[0], None, pos, pos + len(body)))
        pos += len(line)
    return out


def build(path: Path):
    """Create the project at ``path`` and return it open (coder Dewi)."""
    from qda.store.project import Project

    p = Project.create(path, codebook=False, coder="Dewi")
    for name, group in ((R, "dimension"), (A, "dimension"), (K, "factor"), (S, "factor")):
        p.codes.add(name, group=group)
    p.codes.add("Rapat", parent=K, group="factor")  # a subcode without codings
    p.documents.add("a.txt", TEXT_A, "interview", case="Informan 1")
    p.documents.add("b.txt", TEXT_B, "interview", case="Informan 2", turns=_turns(TEXT_B))
    p.documents.add("c.txt", TEXT_C, "document")
    p.cases.set_attribute("Informan 1", "Jabatan", "Kasubag")
    p.cases.set_attribute("Informan 2", "Jabatan", "Staf")
    p.coders.set_current("Budi")
    p.coders.set_current("Dewi")
    ids = {}
    for key, code, start, end, coder in (
            ("c1", R, 0, 30, "Dewi"), ("c2", R, 0, 30, "Budi"), ("c3", K, 10, 20, "Dewi"), ("c4", K, 10, 20, "Budi"),
            ("c5", K, 25, 50, "Dewi"), ("c6", R, 100, 120, "Dewi"), ("c7", S, 130, 140, "Dewi"),
            ("c8", A, 200, 210, "Dewi"), ("c9", S, 212, 214, "Dewi"), ("c11", S, 205, 215, "Dewi"),
            ("c10", A, 300, 320, "Budi"), ("c12", K, 305, 310, "Budi")):
        ids[key] = p.segments.add("a.txt", start, end, code, coder=coder).id
    for code, phrase in ((R, "Layanan cepat"), (K, "Pegawai ramah"), (K, "Pimpinan memberi arahan")):
        start = TEXT_B.index(phrase)
        p.segments.add("b.txt", start, start + len(phrase), code)
    p.coders.set_current("Sri", "supervisor")
    p.reviews.add(ids["c10"], "approved")
    p.memos.set(p.segments.get(ids["c6"]), "cepat tanggap")
    p.coders.set_current("Dewi")
    return p
