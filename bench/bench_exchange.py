"""Benchmark REFI-QDA exchange: export and re-import of a 1.5-million-word project.

The project: 200 realistic Indonesian transcripts built by :mod:`corpus` from
``sample_transcripts/`` (headers, speaker turns, typographic punctuation; about 1.5 million
words in all), 100,000 codings by two coders on 30 codes (two levels) with spans of 40–400
characters on word boundaries, a memo on every tenth document, one case per transcript with
an attribute. Then, each in a fresh process so that its peak memory is its own:

- ``export_qdpx`` of the project (aim: < 10 s, peak < 500 MB);
- baseline for export, same run: read the same texts from the project and write them to a
  plain zip (no XML, no codings);
- ``import_into`` of that .qdpx into a new project (aim: < 10 s, peak < 500 MB);
- baseline for import, same run: a bare ``lxml.etree.iterparse`` of the same .qde streamed
  out of the same zip (elements cleared as it goes) plus reading every source entry.

Each line gives wall-clock seconds, the process's CPU seconds (the steadier figure on a
shared machine) and its peak resident memory (``VmHWM`` of the child process, which
includes the Python interpreter, the imported modules and SQLite's page cache). Asserts nothing.

Run: ``python bench/bench_exchange.py [--scale 1.0] [--validate] [--keep DIR]``
(``--scale 0.1`` for a quick try: 150,000 words and 10,000 codings; ``--validate`` checks
the exported .qde against the REFI XSD from ``$QDA_SHARED_DIR/interop/schema``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

DOCS = 200
WORDS = 1_500_000
CODINGS = 100_000


def build(path: Path, scale: float) -> str:
    """The project to exchange; returns a line describing it."""
    from qda.sources.normalise import normalise_text
    from qda.store import Project

    rng = random.Random(7)
    texts = [normalise_text(t, "bench.txt") for t in corpus.transcripts(DOCS, int(WORDS * scale / DOCS))]
    codings = int(CODINGS * scale)
    with Project.create(path, codebook=False, coder="Ani") as p:
        p.coders.set_current("Budi")
        coders = [c.id for c in p.coders.all()]
        codes = []
        for i in range(6):
            parent = p.codes.add(f"Dimensi {i + 1}", definition_id=f"Definisi dimensi {i + 1}.")
            codes.append(parent.id)
            codes += [p.codes.add(f"Indikator {i + 1}.{j + 1}", parent=parent).id for j in range(4)]
        docs = []
        for d, text in enumerate(texts):
            doc = p.documents.add(f"wawancara_{d:03d}.txt", text, case=f"Informan {d + 1}")
            docs.append((doc.id, text))
            p.cases.set_attribute(f"Informan {d + 1}", "Kelompok", "ASN" if d % 2 else "Warga")
            if d % 10 == 0:
                p.memos.set(doc, f"Catatan lapangan untuk wawancara {d + 1}.")
        per_doc = codings // len(docs) // len(coders)
        for coder in coders:
            rows = []
            for doc_id, text in docs:
                starts = [i + 1 for i, ch in enumerate(text) if ch == " "]
                seen: set[tuple[int, int, int]] = set()
                while len(seen) < per_doc:
                    s = rng.choice(starts)
                    e = text.find(" ", s + rng.randint(40, 400))
                    e = len(text) if e < 0 else e
                    key = (s, e, rng.choice(codes))
                    if key not in seen:
                        seen.add(key)
                        rows.append((doc_id, *key))
            p.segments.add_many(rows, coder=coder)
        stats = p.stats()
    return (f"{corpus.describe(texts)}; {stats['segments']:,} codings by 2 coders on {stats['codes']} codes, "
            f"{stats['memos']} memos, {DOCS} cases")


def child(mode: str, a: str, b: str) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    extra: dict = {}
    if mode == "export":
        from qda.exchange import export_qdpx
        from qda.store import Project

        with Project.open(a, read_only=True) as p:
            export_qdpx(p, b)
    elif mode == "import":
        from qda.exchange import import_into

        report = import_into(b, a)
        extra = {"added": dict(report.added), "skipped": sum(report.skipped.values())}
    elif mode == "export-baseline":
        from qda.store import Project

        with Project.open(a, read_only=True) as p, zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as zf:
            for doc in p.documents.all():
                zf.writestr(f"sources/{doc.uuid}.txt", p.documents.text(doc).encode("utf-8"))
    elif mode == "import-baseline":
        from lxml import etree

        elements = 0
        with zipfile.ZipFile(a) as zf:
            with zf.open("project.qde") as stream:
                for _event, el in etree.iterparse(stream, events=("end",), resolve_entities=False,
                                                  no_network=True, load_dtd=False):
                    elements += 1
                    el.clear()
                    while el.getprevious() is not None:
                        del el.getparent()[0]
            for name in zf.namelist():
                if name.startswith("sources/"):
                    zf.read(name).decode("utf-8")
        extra = {"elements": elements}
    print(json.dumps({"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                      "peak_mb": peak_mb(), **extra}))


def peak_mb() -> float:
    """The process's peak resident memory: VmHWM (reset by exec, unlike ``ru_maxrss``, which a child
    inherits from the parent it was forked from), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for row in fh:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(mode: str, a: Path, b: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(a), str(b)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def validate(qdpx: Path) -> str:
    from lxml import etree

    shared = Path(os.environ.get("QDA_SHARED_DIR", "/work/shared")) / "interop" / "schema" / "Project-mrt2019.xsd"
    if not shared.is_file():
        return "XSD not found (set QDA_SHARED_DIR)"
    schema = etree.XMLSchema(etree.parse(str(shared)))
    with zipfile.ZipFile(qdpx) as zf, zf.open("project.qde") as stream:
        doc = etree.parse(stream, etree.XMLParser(huge_tree=True))
    return "valid against Project-mrt2019.xsd" if schema.validate(doc) else f"INVALID: {schema.error_log}"


def line(label: str, r: dict, base: dict | None = None, aim: str = "") -> str:
    text = f"{label:<44} {r['seconds']:6.2f} s  (CPU {r['cpu']:6.2f} s)   peak {r['peak_mb']:5.0f} MB"
    if base:
        text += f"   {r['cpu'] / max(base['cpu'], 1e-9):4.1f}x baseline CPU"
    return text + (f"   {aim}" if aim else "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of 1.5 M words and 100,000 codings")
    ap.add_argument("--validate", action="store_true", help="validate the exported .qde against the REFI XSD")
    ap.add_argument("--keep", type=Path, help="keep the project and the .qdpx in this folder")
    ap.add_argument("--child", nargs=3)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        project, qdpx, back = folder / "besar.qda", folder / "besar.qdpx", folder / "kembali.qda"
        for stale in (project, qdpx, back):
            for suffix in ("", "-wal", "-shm"):
                Path(str(stale) + suffix).unlink(missing_ok=True)
        t = time.perf_counter()
        described = build(project, args.scale)
        print(f"data: {described} (built in {time.perf_counter() - t:.1f} s)")
        exp_base = run("export-baseline", project, folder / "teks.zip")
        exp = run("export", project, qdpx)
        size = qdpx.stat().st_size / 1e6
        with zipfile.ZipFile(qdpx) as zf:
            qde_mb = zf.getinfo("project.qde").file_size / 1e6
        imp_base = run("import-baseline", qdpx, folder / "unused")
        imp = run("import", qdpx, back)
        aim = "aim < 10 s, < 500 MB" if args.scale == 1.0 else ""
        print(line("baseline: the texts to a plain zip", exp_base))
        print(line(f"export .qdpx ({size:.1f} MB, project.qde {qde_mb:.1f} MB)", exp, exp_base, aim))
        print(line(f"baseline: bare iterparse ({imp_base['elements']:,} elements) + texts", imp_base))
        print(line("import .qdpx into a new project", imp, imp_base, aim))
        print(f"import added {imp['added']}, skipped {imp['skipped']}")
        if args.validate:
            print(f"export {validate(qdpx)}")


if __name__ == "__main__":
    main()
