"""Import reads the XML as a stream; pictures, audio, video and PDF regions are reported per kind,
and a PDF's text representation comes in with its text codings."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from qda.exchange import ExchangeRefused, export_qdpx, import_into, import_refi
from qda.exchange.archive import QdpxArchive
from qda.exchange.model import STREAM_TAGS, stream_project
from qda.store import Project
from tests.exchange.conftest import make_qdpx as make

U = "aaaaaaaa-0000-4000-8000-000000000001"
C = "cccccccc-0000-4000-8000-000000000001"
PDF_TEXT = "Prosedur layanan: berkas diterima di loket, lalu diverifikasi petugas.\n"


def guid(n: int) -> str:
    return f"0000{n:04d}-0000-4000-8000-000000000000"


def coding(n: int) -> str:
    return f'<Coding guid="{guid(n)}" creatingUser="{U}"><CodeRef targetGUID="{C}"/></Coding>'


MIXED = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="campuran" origin="Uji 1.0" creatingUserGUID="{U}">
 <Users><User guid="{U}" name="Sari"/></Users>
 <CodeBook><Codes><Code guid="{C}" name="Verifikasi" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <PDFSource guid="{guid(1)}" name="sop.pdf" path="internal://{guid(1)}.pdf">
   <PDFSelection guid="{guid(2)}" page="1" firstX="1" firstY="1" secondX="90" secondY="40">{coding(3)}</PDFSelection>
   <PDFSelection guid="{guid(4)}" page="2" firstX="1" firstY="1" secondX="90" secondY="40"/>
   <Representation guid="{guid(5)}" plainTextPath="internal://{guid(5)}.txt">
    <PlainTextSelection guid="{guid(6)}" startPosition="{PDF_TEXT.index('diverifikasi')}"
      endPosition="{PDF_TEXT.index('diverifikasi') + len('diverifikasi petugas')}">{coding(7)}</PlainTextSelection>
   </Representation>
  </PDFSource>
  <PictureSource guid="{guid(10)}" name="loket.jpg" path="internal://{guid(10)}.jpg">
   <PictureSelection guid="{guid(11)}" firstX="0" firstY="0" secondX="10" secondY="10">{coding(12)}{coding(13)}</PictureSelection>
  </PictureSource>
  <AudioSource guid="{guid(20)}" name="wawancara.m4a" path="internal://{guid(20)}.m4a">
   <Transcript guid="{guid(21)}" plainTextPath="internal://{guid(5)}.txt">
    <SyncPoint guid="{guid(22)}" position="0" timeStamp="0"/>
    <SyncPoint guid="{guid(23)}" position="10" timeStamp="5000"/>
    <TranscriptSelection guid="{guid(24)}" fromSyncPoint="{guid(22)}" toSyncPoint="{guid(23)}">{coding(25)}</TranscriptSelection>
   </Transcript>
   <AudioSelection guid="{guid(26)}" begin="0" end="4000">{coding(27)}</AudioSelection>
  </AudioSource>
  <VideoSource guid="{guid(30)}" name="rapat.mp4" path="internal://{guid(30)}.mp4">
   <VideoSelection guid="{guid(31)}" begin="0" end="9000">{coding(32)}</VideoSelection>
   <VideoSelection guid="{guid(33)}" begin="9000" end="12000"/>
   {coding(34)}
  </VideoSource>
 </Sources>
</Project>"""


@pytest.fixture
def mixed(tmp_path):
    return make(tmp_path, {"project.qde": MIXED.encode(), f"sources/{guid(5)}.txt": PDF_TEXT.encode()})


def test_the_mixed_file_is_valid_refi(mixed, project_schema):
    with zipfile.ZipFile(mixed) as zf:
        assert project_schema.validate(etree.fromstring(zf.read("project.qde"))), project_schema.error_log


def test_pdf_text_comes_in_and_media_are_reported_per_kind(mixed, tmp_path):
    with Project.create(tmp_path / "p.qda", codebook=False) as p:
        report = import_refi(p, mixed)
        doc = p.documents.get("sop.pdf")
        assert p.documents.text(doc) == PDF_TEXT.rstrip("\n")
        (seg,) = p.segments.all()
        assert p.segments.text(seg) == "diverifikasi petugas" and seg.uuid == guid(7)
        assert p.stats()["documents"] == 1
    assert report.added["sources"] == 1 and report.added["codings"] == 1
    # [items, codings on them], per REFI element, exactly as the XML holds them
    assert report.unsupported == {"PDFSelection": [2, 1], "PictureSource": [1, 0], "PictureSelection": [1, 2],
                                  "AudioSource": [1, 0], "TranscriptSelection": [1, 1], "AudioSelection": [1, 1],
                                  "VideoSource": [1, 1], "VideoSelection": [2, 1]}
    assert report.skipped["wilayah halaman PDF (PDFSelection)"] == 2
    assert report.skipped["segmen pada wilayah gambar"] == 2
    assert report.skipped["segmen pada sumber video"] == 1
    # every coding in the file is either imported or counted as skipped
    assert 1 + sum(n for reason, n in report.skipped.items() if "segmen" in reason) == MIXED.count("<Coding ")
    lines = "\n".join(report.lines())
    assert "2 × wilayah halaman PDF (PDFSelection)" in lines and "1 × sumber audio (AudioSource)" in lines


def test_cli_shows_what_was_left_out(mixed, tmp_path, capsys):
    from qda.cli import main

    assert main(["import-qdpx", str(mixed), str(tmp_path / "cli.qda")]) == 0
    out = capsys.readouterr().out
    assert "2 × rentang waktu video (VideoSelection)" in out and "1 × sumber gambar (PictureSource)" in out
    assert main(["import-qdpx", str(mixed), str(tmp_path / "json.qda"), "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["unsupported"]["PictureSelection"] == {"items": 1, "codings": 2}


def test_sources_are_handed_over_before_the_xml_is_read_to_the_end(tmp_path):
    """The reader yields each source when its element ends, not after the whole file."""
    with Project.create(tmp_path / "big.qda", codebook=False, coder="Ani") as p:
        code = p.codes.add("Layanan")
        for d in range(30):
            doc = p.documents.add(f"d{d:02d}.txt", "kata " * 2000)
            p.segments.add_many([(doc.id, i * 10, i * 10 + 4, code.id) for i in range(100)])
        export_qdpx(p, tmp_path / "big.qdpx")
    seen: list[tuple[str, int]] = []
    roots: list = []

    def watch(events):
        for event, el in events:
            if not roots:
                roots.append(el.getroottree().getroot())
            yield event, el

    with QdpxArchive(tmp_path / "big.qdpx") as archive:
        total = archive.project_size
        with archive.project_events(events=("end",), tag=STREAM_TAGS) as (events, stream):
            for what, item in stream_project(watch(events)):
                seen.append((what, stream.consumed))
                if what == "source":
                    assert len(item.selections) == 100 and len(item.selections[0].codings) == 1
                    # what has been read is dropped: the tree holds this source and at most the next,
                    # which the parser has begun, never the earlier ones
                    assert len(roots[0].find("{urn:QDA-XML:project:1.0}Sources")) <= 2
    kinds = [w for w, _ in seen]
    assert kinds == ["head"] + ["source"] * 30 + ["end"]
    first_source = next(n for w, n in seen if w == "source")
    assert first_source < total / 2


def test_sources_before_the_codebook_still_get_their_codings(tmp_path):
    """Out of schema order (Sources before CodeBook): the sources wait for the codes."""
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="test">
      <Sources><TextSource guid="{guid(1)}" name="doc" plainTextPath="d.txt">
        <PlainTextSelection guid="{guid(2)}" startPosition="0" endPosition="4">{coding(3)}</PlainTextSelection>
      </TextSource></Sources>
      <Users><User guid="{U}" name="Sari"/></Users>
      <CodeBook><Codes><Code guid="{C}" name="Verifikasi" isCodable="true"/></Codes></CodeBook>
    </Project>"""
    path = make(tmp_path, {"project.qde": qde.encode(), "sources/d.txt": b"kata lain"})
    with Project.create(tmp_path / "p.qda", codebook=False) as p:
        report = import_refi(p, path)
        assert report.added["codings"] == 1 and not report.skipped
        assert [p.segments.text(s) for s in p.segments.all()] == ["kata"]


def test_doctype_far_into_the_stream_is_refused(tmp_path):
    """The declaration check runs on every chunk read, across chunk boundaries."""
    for pad in (65530, 65536 - 4, 200_000):
        qde = b'<?xml version="1.0"?>' + b" " * pad + b'<!DOCTYPE p [<!ENTITY x "y">]><Project/>'
        path = make(tmp_path, {"project.qde": qde}, name=f"pad{pad}.qdpx")
        target = tmp_path / f"baru{pad}.qda"
        with pytest.raises(ExchangeRefused, match="DOCTYPE"):
            import_into(target, path)
        assert not target.exists()


def test_broken_xml_midway_leaves_the_project_unchanged(tmp_path):
    good = MIXED.split("<PictureSource")[0]
    path = make(tmp_path, {"project.qde": (good + "<PictureSource guid=").encode(),
                           f"sources/{guid(5)}.txt": PDF_TEXT.encode()})
    with Project.create(tmp_path / "p.qda", codebook=False) as p:
        before = (p.stats(), len(p.events.all()))
        with pytest.raises(ExchangeRefused, match="bukan XML"):
            import_refi(p, path)
        assert (p.stats(), len(p.events.all())) == before


def test_a_huge_text_node_is_refused_with_a_plain_message(tmp_path):
    """The parser runs without huge_tree: one element holding more than 10 MB of text is refused."""
    words = " ".join(f"kata{i}" for i in range(1_300_000))  # > 10 MB, not compressible past the bomb ratio
    qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="test"><Sources>'
           f'<TextSource guid="{guid(1)}" name="besar"><PlainTextContent>{words}</PlainTextContent>'
           f'</TextSource></Sources></Project>')
    path = make(tmp_path, {"project.qde": qde.encode()})
    target = tmp_path / "baru.qda"
    with pytest.raises(ExchangeRefused, match="batas aman parser XML") as info:
        import_into(target, path)
    assert "\n" not in str(info.value) and "x.qdpx" in str(info.value)
    assert not target.exists()


def test_a_pdf_whose_text_is_inline_comes_in_with_its_codings(tmp_path, project_schema):
    text = "Laporan kinerja 2023: target pelayanan tercapai 92 persen."
    start = text.index("target pelayanan")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="Uji 1.0">
 <Users><User guid="{U}" name="Sari"/></Users>
 <CodeBook><Codes><Code guid="{C}" name="Capaian" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <PDFSource guid="{guid(1)}" name="lkjip.pdf" path="relative:///lkjip.pdf">
   <Representation guid="{guid(2)}" name="lkjip.txt">
    <PlainTextContent>{text}</PlainTextContent>
    <PlainTextSelection guid="{guid(3)}" startPosition="{start}" endPosition="{start + len('target pelayanan')}">
     {coding(4)}</PlainTextSelection>
   </Representation>
   {coding(5)}
  </PDFSource>
 </Sources>
</Project>"""
    assert project_schema.validate(etree.fromstring(qde.encode())), project_schema.error_log
    path = make(tmp_path, {"project.qde": qde.encode()})
    with Project.create(tmp_path / "p.qda", codebook=False) as p:
        report = import_refi(p, path)
        assert not report.skipped and report.added["codings"] == 2
        doc = p.documents.get("lkjip.pdf")
        assert p.documents.text(doc) == text
        texts = sorted(p.segments.text(s) for s in p.segments.all())
        assert texts == sorted(["target pelayanan", text])  # a region and the whole PDF
