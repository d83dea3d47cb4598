"""Regenerate the .docx, .odt and .rtf sample transcripts from their plain-text sources.

Each ``<name>.src.txt`` next to this script holds a header block of ``Key: value`` lines,
one blank line, then the body. The target format of each source is listed in ``FORMATS``;
the output is written to the sample folder (the parent of this folder) as ``<name>.<ext>``.

Body conventions in the sources:

- every non-blank line is one paragraph (a speaker turn or a continuation paragraph);
- ``## Title`` is a section heading (Heading 2 in Word, a heading in ODF);
- lines starting with ``|`` form a table (a ``|---|`` line separates the header row);
- a line like ``Tabel 1. ...`` is a table caption (Word's Caption style).

Outputs are reproducible: document dates are fixed and zip entries carry a fixed time.

Run from the repository root (``--out DIR`` writes elsewhere, e.g. to compare)::

    .venv/bin/python sample_transcripts/_build/make_binary_samples.py
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE.parent
FORMATS = {
    "wawancara_02_staf_persuratan": "docx",
    "wawancara_05_operator_eoffice": "odt",
    "wawancara_06_masyarakat_rekomendasi": "rtf",
    "dokumen_01_sop_dan_lkjip": "docx",
}
FIXED_TIME = dt.datetime(2024, 3, 20, 8, 0, 0)
AUTHOR = "Data ilustratif qda"
CAPTION = re.compile(r"^Tabel \d+\. ")


def read_source(path: Path) -> tuple[list[str], list[str]]:
    """Split a source file into header lines and body lines (blank lines kept in the body)."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    header, _, body = text.partition("\n\n")
    return header.strip("\n").split("\n"), body.strip("\n").split("\n")


def blocks(body: list[str]) -> list[tuple[str, object]]:
    """Group body lines into ("heading"|"caption"|"para", text) and ("table", rows) blocks."""
    out: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in body + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
            continue
        if table:
            out.append(("table", table))
            table = []
        if not line.strip():
            continue
        if line.startswith("## "):
            out.append(("heading", line[3:].strip()))
        elif CAPTION.match(line):
            out.append(("caption", line))
        else:
            out.append(("para", line))
    return out


def _split_label(line: str) -> tuple[str, str]:
    """Split ``"Speaker: words"`` into its label (with colon) and the rest, if it has one."""
    head, sep, rest = line.partition(": ")
    if sep and 0 < len(head) <= 25 and not any(ch.isdigit() for ch in head):
        return head + ":", " " + rest
    return "", line


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip so every entry has the same timestamp (mimetype stays first, stored)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            new.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            dst.writestr(new, src.read(info.filename))
    return buf.getvalue()


def write_docx(header: list[str], body: list[str], target: Path) -> None:
    """Write a Word document: header paragraphs, an empty paragraph, then the body."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = next((h.split(": ", 1)[1] for h in header if h.startswith("Judul: ")), "")
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    for line in header:
        key, _, value = line.partition(": ")
        par = document.add_paragraph()
        par.add_run(key + ":").bold = True
        par.add_run(" " + value)
    document.add_paragraph()
    for kind, content in blocks(body):
        if kind == "heading":
            document.add_heading(str(content), level=2)
        elif kind == "caption":
            document.add_paragraph(str(content), style="Caption")
        elif kind == "table":
            rows = list(content)  # type: ignore[arg-type]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
        else:
            label, rest = _split_label(str(content))
            par = document.add_paragraph()
            if label:
                par.add_run(label).bold = True
            par.add_run(rest)
            if str(content).startswith("Sumber: "):
                for run in par.runs:
                    run.italic = True
    buf = io.BytesIO()
    document.save(buf)
    target.write_bytes(_fixed_zip(buf.getvalue()))


def write_odt(header: list[str], body: list[str], target: Path) -> None:
    """Write an OpenDocument text: header paragraphs, an empty paragraph, then the body."""
    from odf import teletype
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    doc = OpenDocumentText()
    bold = Style(name="Tebal", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)

    def paragraph(line: str, label: str = "") -> P:
        par = P()
        if label:
            span = Span(stylename=bold)
            teletype.addTextToElement(span, label)
            par.addElement(span)
        teletype.addTextToElement(par, line)
        return par

    for line in header:
        key, _, value = line.partition(": ")
        doc.text.addElement(paragraph(" " + value, key + ":"))
    doc.text.addElement(P())
    for kind, content in blocks(body):
        if kind == "heading":
            h = H(outlinelevel=2)
            teletype.addTextToElement(h, str(content))
            doc.text.addElement(h)
        elif kind == "table":
            raise ValueError("tables are only supported in .docx samples")
        else:
            label, rest = _split_label(str(content))
            doc.text.addElement(paragraph(rest, label))
    doc.meta.childNodes[:] = [n for n in doc.meta.childNodes if n.qname[1] != "generator"]
    buf = io.BytesIO()
    doc.write(buf)
    target.write_bytes(_fixed_zip(buf.getvalue()))


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        elif code < 0x10000:
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            raise ValueError(f"character {ch!r} outside the Basic Multilingual Plane")
    return "".join(out)


def write_rtf(header: list[str], body: list[str], target: Path) -> None:
    """Write a plain RTF file: one paragraph per source line, blank lines kept."""
    lines = header + [""] + body
    parts = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1",
        "{\\fonttbl{\\f0\\fswiss Calibri;}}",
        "{\\info{\\author " + AUTHOR + "}}",
        "\\f0\\fs22",
    ]
    for number, line in enumerate(lines):
        if number < len(header):
            key, _, value = line.partition(": ")
            label, rest = key + ":", " " + value
        else:
            label, rest = _split_label(line) if line else ("", "")
        bold = "{\\b " + _rtf_escape(label) + "}" if label else ""
        parts.append(bold + _rtf_escape(rest) + "\\par")
    parts.append("}")
    target.write_text("\n".join(parts) + "\n", encoding="ascii", newline="\n")


WRITERS = {"docx": write_docx, "odt": write_odt, "rtf": write_rtf}


def build(out_dir: Path = OUT_DIR) -> list[Path]:
    """Build every binary sample listed in ``FORMATS`` into ``out_dir``; return the files written."""
    written = []
    for stem, ext in FORMATS.items():
        header, body = read_source(HERE / f"{stem}.src.txt")
        target = Path(out_dir) / f"{stem}.{ext}"
        WRITERS[ext](header, body, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command line: ``make_binary_samples.py [--out DIR]`` (default: the sample folder)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write the samples to")
    args = parser.parse_args(argv)
    for target in build(args.out):
        print(target)


if __name__ == "__main__":
    main()
