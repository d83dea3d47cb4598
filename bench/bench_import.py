"""Import speed and memory: 200 realistic Indonesian transcripts (about 1.5 million words).

Prints CPU and wall time of ``import_files`` into a new project (encodings, headers, speaker
turns, duplicates and cases all detected) beside two baselines measured in the same run on
the same files, and the ratios:

- *bare read+insert*: read each file and insert its text as a row of a plain SQLite table
  (WAL, one transaction per file) - the least any tool can do;
- *peer-equivalent*: exactly the work QualCoder does for each .txt file it imports
  (``manage_files.py``: ``import_files`` -> ``load_file_text``; see :func:`peer_equivalent`
  and docs/benchmarks.md), without its GUI updates.

Then where qda's time goes (read+decode, normalise, header+turns, hash+word count, store);
the same import through the CLI (``qda new`` + ``qda import PROJECT FOLDER`` in a child
process, start-up included) against a bare read+insert script run the same way; then the
time and peak memory of importing one 20 MB file written on a single line. The transcripts
are built from ``sample_transcripts/`` by :mod:`corpus` (headers, speaker turns, typographic
punctuation: the non-ASCII path of normalisation) with a fixed seed into a temporary folder.

The machine may be shared: CPU time (``time.process_time``, user + system) is the figure to
compare; wall time is printed beside it, with the load average at start and end.

Run: ``python bench/bench_import.py [--files 200] [--words 7500] [--repeat 3] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

def generate(folder: Path, files: int, words: int, seed: int = 20240311) -> tuple[list[Path], int]:
    """Write the realistic corpus (:mod:`corpus`) as UTF-8 files."""
    paths, total = [], 0
    for i, text in enumerate(corpus.transcripts(files, words, seed)):
        path = folder / f"wawancara_{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.split())
    return paths, total


def baseline(paths: list[Path], db_path: Path) -> float:
    """Read each file and insert it into a plain SQLite table, one transaction per file."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE doc (id INTEGER PRIMARY KEY, name TEXT, text TEXT)")
    conn.commit()
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        with conn:
            conn.execute("INSERT INTO doc(name, text) VALUES (?, ?)", (path.name, text))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


#: QualCoder's tables that its .txt import touches (its project schema, ``source`` and ``attribute_type``)
_PEER_SCHEMA = (
    "CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, "
    "owner text, date text, av_text_id integer, risid integer, unique(name))",
    "CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, "
    "valuetype text)",
)


def peer_equivalent(paths: list[Path], folder: Path) -> tuple[float, float]:
    """(wall, CPU) of QualCoder's own work for each .txt file it imports, GUI updates left out.

    As ``DialogManageFiles.import_files`` and ``load_file_text`` do it: stat the file (files
    of 2 GB or more are linked, not copied), copy it into the project's ``documents/``
    folder, read it as UTF-8 with ``errors="backslashreplace"`` (no encoding detection) line
    by line, appending each line to the text, drop a leading BOM, refuse an empty text, skip a
    name already in the project's file list (no content check), insert one ``source`` row
    (name, fulltext, mediapath ``/docs/NAME``, memo, owner, date) and commit, read
    ``last_insert_rowid()``, then look up the file attribute types (none in a new project) to
    add their empty values. The connection is QualCoder's: ``sqlite3.connect(data.qda)``
    with SQLite's defaults (rollback journal, synchronous FULL), one commit per file.
    """
    project = folder / "peer_project"
    shutil.rmtree(project, ignore_errors=True)
    (project / "documents").mkdir(parents=True)
    conn = sqlite3.connect(str(project / "data.qda"))
    for statement in _PEER_SCHEMA:
        conn.execute(statement)
    conn.commit()
    source: list[dict] = []
    started, cpu = time.perf_counter(), time.process_time()
    for import_path in map(str, paths):
        os.stat(import_path)  # the 2 GB check
        filename = import_path.split("/")[-1]
        shutil.copyfile(import_path, str(project / "documents" / filename))
        text = ""
        with open(import_path, "r", encoding="utf-8", errors="backslashreplace") as sourcefile:
            while 1:
                line = sourcefile.readline()
                if not line:
                    break
                text += line
            if text[0:6] == "\ufeff":
                text = text[6:]
        if text == "" or any(d["name"] == filename for d in source):
            continue
        entry = {"name": filename, "id": -1, "fulltext": text, "mediapath": "/docs/" + filename, "memo": "",
                 "owner": "peneliti", "date": datetime.now().strftime("%Y-%m-%d %H:%M:%S")}
        cur = conn.cursor()
        cur.execute("insert into source(name,fulltext,mediapath,memo,owner,date) values(?,?,?,?,?,?)",
                    (entry["name"], entry["fulltext"], entry["mediapath"], entry["memo"], entry["owner"],
                     entry["date"]))
        conn.commit()
        cur.execute("select last_insert_rowid()")
        entry["id"] = cur.fetchone()[0]
        cur.execute('select name from attribute_type where caseOrFile ="file"')
        for (name,) in cur.fetchall():
            cur.execute("insert into attribute (name, attr_type, value, id, date, owner) values(?,'file','',?,?,?)",
                        [name, entry["id"], entry["date"], entry["owner"]])
            conn.commit()
        source.append(entry)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def run_import(paths: list[Path], project_path: Path, *, trace: bool) -> tuple[tuple[float, float], int, object]:
    from qda.sources import import_files
    from qda.store import Project

    project = Project.create(project_path, codebook=False)
    gc.collect()
    if trace:
        tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    report = import_files(project, paths)
    elapsed = (time.perf_counter() - started, time.process_time() - cpu)
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    project.close()
    return elapsed, peak, report


def phases(paths: list[Path]) -> dict[str, float]:
    """Time each step of preparing the files, summed over all files."""
    from qda.sources.normalise import hash_and_count, normalise
    from qda.sources.readers import plain
    from qda.sources.transcript import parse_transcript

    spent = dict.fromkeys(["read+decode", "normalise", "header+turns", "hash+words"], 0.0)
    clock = time.process_time
    for path in paths:
        t0 = clock()
        raw, _encoding, utf8 = plain.read(str(path))
        t1 = clock()
        text, utf8 = normalise(raw, str(path), utf8)
        t2 = clock()
        parse_transcript(text, file_name=path.name)
        t3 = clock()
        hash_and_count(text, utf8)
        t4 = clock()
        for key, value in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            spent[key] += value
    return spent


def store_only(paths: list[Path], project_path: Path) -> tuple[float, float]:
    """(CPU seconds writing prepared files to the store, CPU seconds preparing them)."""
    from qda.sources.importer import BATCH_FILES, _new_document, prepare_source
    from qda.store import Project

    started = time.process_time()
    prepared = [_new_document(item, item.name) for item in map(prepare_source, paths)]
    prepare = time.process_time() - started
    project = Project.create(project_path, codebook=False)
    started = time.process_time()
    for i in range(0, len(prepared), BATCH_FILES):
        project.documents.add_many(prepared[i:i + BATCH_FILES])
    store = time.process_time() - started
    project.close()
    return store, prepare


def single_line(folder: Path) -> None:
    """Import one 20 MB file on a single line; print time and traced peak memory."""
    from qda.sources import import_files
    from qda.store import Project

    path = folder / "satu_baris.txt"
    one = " ".join(corpus.utterances())
    path.write_text(" ".join([one] * (20_000_000 // len(one.encode("utf-8")))), encoding="utf-8")
    project = Project.create(folder / "single_line.qda", codebook=False)
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    report = import_files(project, [path])
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    project.close()
    size = path.stat().st_size
    outcome = f"{report.imported[0].words:,} words imported" if report.imported else f"refused: {report.refused}"
    print(f"one line of {size / 1e6:.1f} MB: {elapsed:.3f} s, peak traced memory {peak / 1e6:.1f} MB ({outcome})")


_BARE = """
import sqlite3, sys
from pathlib import Path
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=NORMAL")
conn.execute("CREATE TABLE doc (id INTEGER PRIMARY KEY, name TEXT, text TEXT)")
conn.commit()
for path in sorted(Path(sys.argv[2]).glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    with conn:
        conn.execute("INSERT INTO doc(name, text) VALUES (?, ?)", (path.name, text))
conn.close()
"""


def child(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a child process, start-up included."""
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def through_cli(folder: Path, repeat: int) -> None:
    """``qda new`` then ``qda import PROJECT FOLDER`` as a user runs them, against a bare script in a child."""
    texts = folder / "transkrip"
    texts.mkdir(exist_ok=True)
    for path in folder.glob("wawancara_*.txt"):
        target = texts / path.name
        if not target.exists():
            target.write_bytes(path.read_bytes())
    runs, bares = [], []
    for attempt in range(repeat):
        project = folder / f"cli{attempt}.qda"
        child([sys.executable, "-m", "qda", "new", str(project), "--no-codebook"])
        runs.append(child([sys.executable, "-m", "qda", "import", str(project), str(texts)]))
        bares.append(child([sys.executable, "-c", _BARE, str(folder / f"cli_bare{attempt}.sqlite"), str(texts)]))
    wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
    base_wall, base_cpu = min(b[0] for b in bares), min(b[1] for b in bares)
    print(f"through the CLI (qda import PROJECT FOLDER, start-up included): wall {wall:.3f} s, CPU {cpu:.3f} s; "
          f"bare python read+insert script: wall {base_wall:.3f} s, CPU {base_cpu:.3f} s; "
          f"ratio wall {wall / base_wall:.2f}x, CPU {cpu / base_cpu:.2f}x")


def fmt(values) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--words", type=int, default=7500, help="words per transcript (about)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--keep", help="write the files and projects here instead of a temp dir")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.qda*"):
            stale.unlink()
        for stale in folder.glob("*.sqlite*"):
            stale.unlink()
        paths, words = generate(folder, args.files, args.words)
        size = sum(p.stat().st_size for p in paths)
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"corpus: {len(paths)} files, {words:,} words, {size / 1e6:.1f} MB; "
              f"{corpus.describe([p.read_text(encoding='utf-8') for p in paths])}")
        # warm the page cache and the imports so both timings start equal
        for p in paths:
            p.read_bytes()
        import qda.sources  # noqa: F401
        import qda.store  # noqa: F401

        bases, peers, runs, stores, prepares = [], [], [], [], []
        for attempt in range(args.repeat):
            bases.append(baseline(paths, folder / f"baseline{attempt}.sqlite"))
            peers.append(peer_equivalent(paths, folder))
            elapsed, _, report = run_import(paths, folder / f"bench{attempt}.qda", trace=False)
            runs.append(elapsed)
            store, prepare = store_only(paths, folder / f"store{attempt}.qda")
            stores.append(store)
            prepares.append(prepare)
        _, peak, _ = run_import(paths, folder / "bench_traced.qda", trace=True)
        base_wall, base_cpu = min(b[0] for b in bases), min(b[1] for b in bases)
        peer_wall, peer_cpu = min(b[0] for b in peers), min(b[1] for b in peers)
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        turns = sum(d.turn_count for d in report.imported)
        print(f"best of {args.repeat} runs; CPU = user + system time of this process, the figure to compare on a "
              f"shared machine (CPU per run: bare {fmt(b[1] for b in bases)}; peer-equivalent "
              f"{fmt(b[1] for b in peers)}; qda {fmt(r[1] for r in runs)})")
        print(f"bare read+insert:          CPU {base_cpu:.3f} s, wall {base_wall:.3f} s "
              f"({words / base_cpu / 1e6:.2f} M words per CPU second)")
        print(f"peer-equivalent QualCoder: CPU {peer_cpu:.3f} s, wall {peer_wall:.3f} s "
              f"({words / peer_cpu / 1e6:.2f} M words per CPU second; copy, read, one row and commit per file)")
        print(f"qda import (API):          CPU {cpu:.3f} s, wall {wall:.3f} s "
              f"({words / cpu / 1e6:.2f} M words per CPU second)")
        print(f"  {len(report.imported)} documents, {turns:,} turns, {len(report.refused)} refused; encodings, headers, "
              f"speaker turns, cases and duplicates detected")
        print(f"ratio qda / bare read+insert: CPU {cpu / base_cpu:.2f}x, wall {wall / base_wall:.2f}x")
        print(f"ratio qda / peer-equivalent:  CPU {cpu / peer_cpu:.2f}x, wall {wall / peer_wall:.2f}x")
        print(f"  CPU split: read+normalise+parse+hash {min(prepares):.3f} s, "
              f"writing to the store (add_many: documents, turns, cases, events) {min(stores):.3f} s")
        print(f"peak traced memory during import: {peak / 1e6:.1f} MB")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak RSS of the process (ru_maxrss): {rss / 1024 if sys.platform != 'darwin' else rss / 1e6:.1f} MB")
        spent = phases(paths)
        print("preparation steps (CPU, one pass, summed over files):")
        for key, value in spent.items():
            print(f"  {key:13s} {value:.3f} s")
        through_cli(folder, args.repeat)
        single_line(folder)
        print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
