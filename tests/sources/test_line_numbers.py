"""Baris numbers: the same passage has the same baris whatever format the transcript came in."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qda.excerpts import excerpt_table
from qda.reports.citations import line_span as citation_span
from qda.review.queue import TextCache
from qda.search import search_project
from qda.sources import import_files
from qda.sources.lines import LineIndex, numbered_lines
from .builders import write_docx, write_odt, write_rtf

PARAGRAPHS = [
    "Judul: Wawancara Kasubag Umum",
    "Jenis: Wawancara",
    "P: Bagaimana alur surat masuk di kantor ini?",
    "I: Surat masuk dicatat di buku agenda, lalu didisposisi oleh kepala.",
    "P: Apa kendalanya?",
    "I: Pemindai cuma satu, jadi harus antre. Kadang sampai sore.",
    "P: Ada rencana perbaikan?",
    "I: Tahun depan kami usulkan aplikasi persuratan.",
]
PASSAGE = "Pemindai cuma satu"


def _paragraphs(fmt: str) -> list[str]:
    return [f"{PARAGRAPHS[0]} ({fmt})", *PARAGRAPHS[1:]]  # each file its own content (no duplicate refusal)


def _files(tmp_path):
    for fmt in ("txt", "md"):
        (tmp_path / f"w_{fmt}.{fmt}").write_text("\n\n".join(_paragraphs(fmt)) + "\n", encoding="utf-8")
    write_rtf(tmp_path / "w_rtf.rtf", "\\par\\par ".join(_paragraphs("rtf")) + "\\par ")
    write_docx(tmp_path / "w_docx.docx", _paragraphs("docx"))
    write_odt(tmp_path / "w_odt.odt", "".join(f"<text:p>{p}</text:p>" for p in _paragraphs("odt")))
    return sorted(tmp_path.glob("w_*"))


def test_index_numbers_non_empty_paragraphs_consecutively():
    text = "satu\n\ndua\n   \n\ntiga"
    index = LineIndex(text)
    assert index.count == 3
    assert [index.line_of(text.index(w)) for w in ("satu", "dua", "tiga")] == [1, 2, 3]
    assert index.line_of(text.index("dua") - 1) == 1  # the blank line after paragraph 1 counts to it
    assert index.first_line_of(text.index("dua") - 1) == 2  # a span starting there begins with paragraph 2
    assert index.span(text.index("dua") - 1, len(text)) == (2, 3)
    assert index.start_of(3) == text.index("tiga") and index.start_of(4) is None
    assert [(n, line) for n, _a, _b, line in numbered_lines(text)] == [
        (1, "satu"), (None, ""), (2, "dua"), (None, "   "), (None, ""), (3, "tiga")]


def test_same_passage_same_baris_in_txt_md_rtf_docx_odt(project, tmp_path):
    import_files(project, _files(tmp_path))
    docs = list(project.documents.all())
    assert sorted(d.name for d in docs) == ["w_docx.docx", "w_md.md", "w_odt.odt", "w_rtf.rtf", "w_txt.txt"]
    code = project.codes.add("Kendala sarana")
    for doc in docs:
        text = project.documents.text(doc)
        start = text.index(PASSAGE)
        end = text.index("sore.") + len("sore.")
        project.segments.add(doc, start, end, code)
        # the viewer, the report citations and the review queue all give baris 6
        assert LineIndex(text).line_of(start) == 6, doc.name
        assert citation_span(text, start, end) == (6, 6), doc.name
        cache = TextCache(project)
        assert cache.line(doc.id, start) == 6, doc.name
        # a span that reaches from paragraph 4 to 6 is "baris 4–6" in every format
        wide = (text.index("I: Surat masuk"), end)
        assert citation_span(text, *wide) == (4, 6), doc.name
    hits = search_project(project, PASSAGE)
    assert sorted((h.document_name, h.line) for h in hits) == sorted((d.name, 6) for d in docs)
    rows = excerpt_table(project, code="Kendala sarana")
    assert {(r["document"], r["line_start"], r["line_end"]) for r in rows} == {(d.name, 6, 6) for d in docs}


@pytest.mark.parametrize("name", ["w_txt.txt", "w_docx.docx"])
def test_cli_text_offsets_numbers_paragraphs(tmp_path, name):
    from qda.store import Project

    path = tmp_path / "p.qda"
    with Project.create(path, codebook=False, coder="Dewi") as p:
        import_files(p, [f for f in _files(tmp_path) if f.name == name])
    run = subprocess.run([sys.executable, "-m", "qda", "text", str(path), "--doc", name, "--offsets", "--json"],
                         capture_output=True, text=True, check=True)
    numbered = [(line["line"], line["text"]) for line in json.loads(run.stdout) if line["line"] is not None]
    assert numbered == list(enumerate(_paragraphs(name.split(".")[1]), start=1))
    table = subprocess.run([sys.executable, "-m", "qda", "text", str(path), "--doc", name, "--offsets"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    row = next(r for r in table if PASSAGE in r)
    assert row.split()[0] == "6"
