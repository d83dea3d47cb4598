"""The illustrative sample transcripts and their demo coding, read directly from the files.

The files are read here with the format libraries themselves (python-docx, odfpy, striprtf),
independently of the product's importer, so a mistake in either shows up.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_transcripts"
BUILD = SAMPLES / "_build"
DOC_EXTS = {".txt", ".docx", ".odt", ".rtf", ".md", ".pdf"}
KETERANGAN = "Keterangan: Data ilustratif untuk demo qda; nama dan peristiwa rekaan."
KINDS = {"wawancara": "Wawancara", "observasi": "Observasi", "dokumen": "Analisis Dokumen"}
HEADER_LINE = re.compile(r"^[A-Z][A-Za-z /]*: \S.*$")
TIMESTAMP = r"(\d\d):(\d\d):(\d\d)"
CLOCK = re.compile(r"^(\d\d)\.(\d\d) WIB — \S")
LABEL = re.compile(r"^(?:\[" + TIMESTAMP + r"\] |\(" + TIMESTAMP + r"\) )?([A-Z][A-Za-z .]{0,24}): \S")


# --- reading the files ---------------------------------------------------------------------

def _docx_lines(path: Path) -> tuple[list[str], list[str]]:
    import docx

    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs], cells


def _odt_lines(path: Path) -> list[str]:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    body = load(str(path)).text
    return [teletype.extractText(el) for el in body.childNodes if el.qname in ((TEXTNS, "p"), (TEXTNS, "h"))]


def read_lines(path: Path) -> tuple[list[str], list[str]]:
    """A sample file as (lines in reading order, table cell texts)."""
    ext = path.suffix.lower()
    if ext in (".txt", ".md"):
        return path.read_text(encoding="utf-8").split("\n"), []
    if ext == ".rtf":
        from striprtf.striprtf import rtf_to_text

        return rtf_to_text(path.read_text(encoding="ascii")).split("\n"), []
    if ext == ".docx":
        return _docx_lines(path)
    if ext == ".odt":
        return _odt_lines(path), []
    raise AssertionError(f"no reader for {path.name}")


class Sample:
    """One sample document: header fields and body text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        lines, self.cells = read_lines(path)
        assert "" in lines, f"{path.name}: no blank line after the header"
        end = lines.index("")
        self.header_lines = lines[:end]
        self.header = dict(line.split(": ", 1) for line in self.header_lines)
        self.body_lines = lines[end + 1:]
        self.body = "\n".join(self.body_lines)

    @property
    def words(self) -> int:
        return len(self.body.split()) + sum(len(c.split()) for c in self.cells)

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.body_lines if line.strip()]


def document_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir()
                  if p.is_file() and p.suffix.lower() in DOC_EXTS and p.name.lower() != "readme.md")


@pytest.fixture(scope="module")
def samples() -> dict[str, Sample]:
    return {p.name: Sample(p) for p in document_files()}


@pytest.fixture(scope="module")
def coding() -> dict:
    return json.loads((SAMPLES / "demo_coding.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def codebook_names() -> list[str]:
    data = json.loads((ROOT / "resources" / "codebook" / "kinerja_pelayanan.json").read_text(encoding="utf-8"))
    return [c["name"] for c in data["codes"]]


# --- the material ---------------------------------------------------------------------------

def test_kinds_counts_and_formats(samples):
    names = list(samples)
    stems = [Path(n).stem for n in names]
    assert len(stems) == len(set(stems)), "a document exists in more than one format"
    by_kind = collections.Counter(n.split("_", 1)[0] for n in names)
    assert by_kind["wawancara"] >= 6 and by_kind["observasi"] == 3 and by_kind["dokumen"] == 1
    assert set(by_kind) == set(KINDS), by_kind
    for name, sample in samples.items():
        assert re.fullmatch(r"(wawancara|observasi|dokumen)_\d\d_[a-z0-9_]+\.[a-z]+", name), name
        assert sample.header["Jenis"] == KINDS[name.split("_", 1)[0]], name
    formats = collections.Counter(Path(n).suffix for n in names)
    assert formats[".docx"] >= 2 and formats[".odt"] >= 1 and formats[".md"] >= 1 and formats[".rtf"] >= 1
    assert formats[".txt"] == max(formats.values()), formats
    assert any(samples[n].cells for n in names if n.endswith(".docx")), "no .docx sample holds a table"


def test_header_block(samples):
    for name, sample in samples.items():
        assert sample.header_lines, name
        for line in sample.header_lines:
            assert HEADER_LINE.match(line), f"{name}: not a header line: {line!r}"
        assert KETERANGAN in sample.header_lines, name
        assert sample.header_lines[0].startswith("Judul: "), name
        for key in ("Tanggal", "Lokasi"):
            assert key in sample.header, f"{name}: no {key}"
        if name.startswith("wawancara"):
            for key in ("Informan", "Nama", "Jabatan", "Jenis Kelamin", "Pewawancara", "Durasi"):
                assert key in sample.header, f"{name}: no {key}"
    informants = [s.header["Informan"] for n, s in samples.items() if n.startswith("wawancara")]
    assert len(informants) == len(set(informants)), "informant codes are not unique"


@pytest.mark.parametrize("path", document_files(), ids=lambda p: p.name)
def test_body_length(path):
    words = Sample(path).words
    assert 1000 <= words <= 3000, f"{path.name}: {words} words in the body"


def _turns(sample: Sample) -> list[tuple[str, int | None]]:
    """(speaker, seconds or None) of each labelled paragraph of an interview."""
    out = []
    for line in sample.paragraphs:
        m = LABEL.match(line)
        if not m:
            continue
        h, mi, s = (m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6))
        seconds = int(h) * 3600 + int(mi) * 60 + int(s) if h else None
        out.append((m.group(7), seconds))
    return out


def test_interview_turn_conventions(samples):
    conventions = set()
    timestamped = {"[": 0, "(": 0}
    for name, sample in samples.items():
        if not name.startswith("wawancara"):
            continue
        turns = _turns(sample)
        speakers = collections.Counter(sp for sp, _ in turns)
        assert len(speakers) == 2, f"{name}: speakers {speakers}"
        assert len(turns) >= 20, name
        assert LABEL.match(sample.paragraphs[0]), f"{name}: body does not open with a turn"
        # the two speakers alternate
        assert all(a[0] != b[0] for a, b in zip(turns, turns[1:])), f"{name}: a speaker follows itself"
        conventions.add(frozenset(speakers))
        stamps = [sec for _, sec in turns]
        if any(s is not None for s in stamps):
            assert all(s is not None for s in stamps), f"{name}: some turns lack a timestamp"
            assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps), f"{name}: timestamps not increasing"
            minutes = int(re.match(r"(\d+) menit", sample.header["Durasi"]).group(1))
            assert stamps[-1] <= minutes * 60 < stamps[-1] + 5 * 60, f"{name}: last timestamp vs Durasi"
            timestamped[sample.paragraphs[0][0]] += 1
    assert timestamped["["] >= 1 and timestamped["("] >= 1
    assert len(conventions) == sum(1 for n in samples if n.startswith("wawancara")), "a convention is repeated"
    expected = [{"P", "I"}, {"Pewawancara", "Informan"}, {"Peneliti", "Narasumber"}, {"T", "J"}]
    for pair in expected:
        assert frozenset(pair) in conventions, pair
    assert any(any(sp.startswith(("Bu ", "Pak ")) for sp in pair) for pair in conventions)


def test_observations_are_timed_paragraphs(samples):
    for name, sample in samples.items():
        if not name.startswith("observasi"):
            continue
        assert "Pengamat" in sample.header and "Waktu" in sample.header
        times = []
        for par in sample.paragraphs:
            m = CLOCK.match(par)
            assert m, f"{name}: paragraph without a time: {par[:40]!r}"
            times.append(int(m.group(1)) * 60 + int(m.group(2)))
            assert not LABEL.match(par), f"{name}: speaker turn in an observation note"
        assert times == sorted(times), f"{name}: times not in order"
        assert len(times) >= 12, name


def test_document_analysis_has_table_with_consistent_totals(samples):
    (name,) = [n for n in samples if n.startswith("dokumen")]
    import docx

    table = docx.Document(str(SAMPLES / name)).tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    months, total = rows[1:-1], rows[-1]
    assert len(months) == 12 and total[0] == "Jumlah"

    def num(text: str) -> float:
        return float(text.replace(".", "").replace(",", "."))

    for col in (1, 2, 3, 4, 6):
        assert sum(num(r[col]) for r in months) == num(total[col]), rows[0][col]
    for r in months:
        assert num(r[1]) + num(r[2]) == num(r[3])
        assert abs(num(r[4]) / num(r[3]) * 100 - num(r[5])) < 0.051, r
    assert abs(num(total[4]) / num(total[3]) * 100 - num(total[5])) < 0.051
    assert total[5] in samples[name].body, "the narrative does not quote the table's total"


def test_binary_samples_match_their_sources(tmp_path):
    spec = importlib.util.spec_from_file_location("make_binary_samples", BUILD / "make_binary_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path)
    assert {p.name for p in built} == {f"{s}.{e}" for s, e in module.FORMATS.items()}
    for fresh in built:
        committed = SAMPLES / fresh.name
        assert read_lines(fresh) == read_lines(committed), f"{fresh.name} is out of date; rerun the build script"
        source = (BUILD / f"{fresh.stem}.src.txt").read_text(encoding="utf-8")
        sample = Sample(committed)
        assert sample.header_lines == source.split("\n\n", 1)[0].split("\n")
        for line in source.split("\n\n", 1)[1].split("\n"):
            text = line[3:] if line.startswith("## ") else line
            if text.strip() and not text.startswith("|"):
                assert text in sample.body_lines, f"{fresh.name}: missing paragraph {text[:50]!r}"


def test_build_folder_and_readme_are_not_sources():
    names = {p.name for p in document_files()}
    assert "README.md" not in names and not any(n.endswith(".src.txt") for n in names)
    assert not any(p.suffix.lower() in DOC_EXTS for p in BUILD.iterdir() if not p.name.endswith((".src.txt", ".py")))
    demo = pytest.importorskip("qda.demo")
    assert {p.name for p in demo.sample_files()} == names


def test_every_sample_is_marked_illustrative():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "ILUSTRATIF" in readme and "illustrative" in readme
    for path in document_files():
        assert KETERANGAN in "\n".join(read_lines(path)[0])


# --- the demo coding ------------------------------------------------------------------------

def test_quotes_are_exact_unique_and_well_cut(samples, coding):
    assert coding["segments"]
    seen = set()
    for seg in coding["segments"]:
        doc, quote = seg["document"], seg["quote"]
        body = samples[doc].body
        assert "\n" not in quote, f"{doc}: newline in quote {quote[:40]!r}"
        assert body.count(quote) == 1, f"{doc}: quote found {body.count(quote)} times: {quote[:60]!r}"
        assert 60 <= len(quote) <= 400, f"{doc}: quote of {len(quote)} characters"
        i = body.index(quote)
        before, after = body[i - 1:i], body[i + len(quote):i + len(quote) + 1]
        assert not before.isalnum() and not after.isalnum(), f"{doc}: quote cuts a word: {quote[:40]!r}"
        assert quote == quote.strip()
        assert not LABEL.match(quote) and not CLOCK.match(quote), f"{doc}: quote includes a label: {quote[:40]!r}"
        key = (doc, quote, seg["code"], seg["coder"])
        assert key not in seen, f"duplicate segment {key}"
        seen.add(key)


def test_codes_coders_and_counts(samples, coding, codebook_names):
    assert len(codebook_names) == 15
    own = {c["name"]: c for c in coding["own_codes"]}
    assert {"Koordinasi Internal", "Inovasi Layanan", "Digitalisasi Persuratan"} <= set(own)
    for code in own.values():
        assert code.get("parent") in (None, *own), code
        assert re.fullmatch(r"#[0-9a-f]{6}", code["color"]) and code["definition_id"] and code["definition_en"]
    roles = {c["name"]: c["role"] for c in coding["coders"]}
    assert sorted(roles.values()) == ["coder", "coder", "supervisor"]
    segments = coding["segments"]
    assert 180 <= len(segments) <= 260
    uses = collections.Counter(s["code"] for s in segments)
    docs_of = collections.defaultdict(set)
    for s in segments:
        assert s["code"] in codebook_names or s["code"] in own, s["code"]
        assert roles.get(s["coder"]) == "coder", s["coder"]
        docs_of[s["code"]].add(s["document"])
    for name in codebook_names:
        assert uses[name] >= 5, f"{name} used {uses[name]} times"
        assert len(docs_of[name]) >= 3, f"{name} used in {len(docs_of[name])} documents"
    for name in own:
        assert uses[name] >= 3, f"own code {name} used {uses[name]} times"
    coded_docs = {s["document"] for s in segments}
    assert coded_docs == set(samples), set(samples) - coded_docs
    # overlaps: some passages carry a dimension and a factor at once
    codes_per_passage = collections.defaultdict(set)
    for s in segments:
        codes_per_passage[(s["document"], s["quote"], s["coder"])].add(s["code"])
    assert sum(len(c) > 1 for c in codes_per_passage.values()) >= 10


def test_double_coding_agrees_mostly_but_not_fully(coding):
    by = collections.defaultdict(set)
    for s in coding["segments"]:
        by[s["coder"]].add((s["document"], s["quote"], s["code"]))
    rina, agus = by["Rina Marlina"], by["Agus Prasetyo"]
    rina_docs = {d for d, _, _ in rina}
    agus_docs = {d for d, _, _ in agus}
    assert len(rina_docs) == len({s["document"] for s in coding["segments"]}), "Rina codes every document"
    assert len(agus_docs) == 3 and all(d.startswith("wawancara") for d in agus_docs)
    rina_same_docs = {x for x in rina if x[0] in agus_docs}
    shared = rina_same_docs & agus
    assert len(shared) >= 0.7 * len(agus), "the second coder agrees on too little"
    assert agus - rina_same_docs and rina_same_docs - agus, "the second coder agrees on everything"
    rina_quotes = {(d, q) for d, q, _ in rina_same_docs}
    assert any((d, q) not in rina_quotes for d, q, _ in agus - rina_same_docs), "no shifted span"
    assert any((d, q) in rina_quotes for d, q, _ in agus - rina_same_docs), "no differently coded passage"


def test_reviews_refer_to_segments(coding):
    keys = {(s["document"], s["quote"], s["code"], s["coder"]) for s in coding["segments"]}
    supervisors = {c["name"] for c in coding["coders"] if c["role"] == "supervisor"}
    reviews = coding["reviews"]
    assert 25 <= len(reviews) <= 40
    for r in reviews:
        assert (r["document"], r["quote"], r["code"], r["coder"]) in keys, f"review of a missing segment: {r}"
        assert r["reviewer"] in supervisors
        assert r["status"] in {"approved", "needs_revision", "rejected"}
        if r["status"] != "approved":
            assert len(r["comment"]) >= 20, "a review that asks for change explains why"
    statuses = collections.Counter(r["status"] for r in reviews)
    assert statuses["approved"] > statuses["needs_revision"] > statuses["rejected"] >= 2


def test_memos_have_valid_targets(samples, coding, codebook_names):
    memos = coding["memos"]
    assert 6 <= len(memos) <= 10
    coders = {c["name"] for c in coding["coders"]}
    codes = set(codebook_names) | {c["name"] for c in coding["own_codes"]}
    targets = collections.Counter(m["target"] for m in memos)
    assert targets["project"] == 1 and targets["document"] >= 2 and targets["code"] >= 2
    for m in memos:
        assert m["coder"] in coders and len(m["text"]) > 50
        if m["target"] == "document":
            assert m["name"] in samples
        elif m["target"] == "code":
            assert m["name"] in codes
        else:
            assert "name" not in m


def test_quotes_are_found_once_in_the_imported_text(coding):
    """The demo locates quotes in the text the importer stores, so check that text too."""
    readers = pytest.importorskip("qda.sources.readers")
    stored = {p.name: readers.read_source(p).text for p in document_files()}
    for seg in coding["segments"]:
        count = stored[seg["document"]].count(seg["quote"])
        assert count == 1, f"{seg['document']}: quote found {count} times in the imported text: {seg['quote'][:60]!r}"
