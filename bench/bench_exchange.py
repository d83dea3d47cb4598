"""Benchmark REFI-QDA exchange: export and re-import of a large project.

Builds a project of ~1.5 million words in 50 documents (with emoji, so positions are not
trivially bytes) and 100,000 codings by two coders on 20 codes, spans on word boundaries.
Then, each in a fresh process so its peak memory is its own:

- ``export_qdpx`` of the project (aim: < 10 s, peak RSS < 500 MB);
- ``import_refi`` of that .qdpx into a new project (aim: < 10 s, peak RSS < 500 MB);

and, as a baseline measured in the same run, writing the same texts to a plain zip
(no XML, no database reads beyond the texts). Prints figures and ratios; asserts nothing.

Run: ``python bench/bench_exchange.py [--words 1500000] [--codings 100000]``
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

WORDS = ("pelayanan surat masuk keluar disposisi arsip pegawai kepala bagian umum masyarakat cepat lambat "
         "antrean berkas tanda tangan elektronik aplikasi srikandi rapat koordinasi laporan kinerja 😀").split()


def build(path: Path, words: int, codings: int) -> None:
    from qda.store import Project

    rng = random.Random(7)
    n_docs = 50
    with Project.create(path, codebook=False, coder="Ani") as p:
        p.coders.set_current("Budi")
        coders = [c.id for c in p.coders.all()]
        codes = [p.codes.add(f"Kode {i:02d}").id for i in range(20)]
        docs = []
        for d in range(n_docs):
            text = " ".join(rng.choice(WORDS) for _ in range(words // n_docs))
            docs.append((p.documents.add(f"wawancara_{d:02d}.txt", text).id, text))
        per_doc = codings // n_docs
        for coder in coders:
            rows = []
            for doc_id, text in docs:
                starts = [i + 1 for i, ch in enumerate(text) if ch == " "]
                for _ in range(per_doc // len(coders)):
                    s = rng.choice(starts)
                    e = text.find(" ", s + rng.randint(40, 400))
                    e = len(text) if e < 0 else e
                    rows.append((doc_id, s, e, rng.choice(codes)))
            p.segments.add_many(rows, coder=coder)


def child(mode: str, a: str, b: str) -> None:
    t = time.perf_counter()
    if mode == "export":
        from qda.exchange import export_qdpx
        from qda.store import Project

        with Project.open(a, read_only=True) as p:
            export_qdpx(p, b)
    elif mode == "import":
        from qda.exchange import import_into

        import_into(b, a)
    elif mode == "baseline":
        from qda.store import Project

        with Project.open(a, read_only=True) as p, zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as zf:
            for doc in p.documents.all():
                zf.writestr(f"{doc.uuid}.txt", p.documents.text(doc).encode("utf-8"))
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run(mode: str, a: Path, b: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(a), str(b)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=1_500_000)
    ap.add_argument("--codings", type=int, default=100_000)
    ap.add_argument("--child", nargs=3)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        project = tmp_path / "besar.qda"
        t = time.perf_counter()
        build(project, args.words, args.codings)
        print(f"built {args.words:,} words, {args.codings:,} codings in {time.perf_counter() - t:.1f} s")
        base = run("baseline", project, tmp_path / "teks.zip")
        exp = run("export", project, tmp_path / "besar.qdpx")
        imp = run("import", tmp_path / "besar.qdpx", tmp_path / "kembali.qda")
        size = (tmp_path / "besar.qdpx").stat().st_size / 1e6
        print(f"baseline (texts to a zip):  {base['seconds']:6.2f} s   peak {base['peak_mb']:6.0f} MB")
        print(f"export .qdpx ({size:.1f} MB):    {exp['seconds']:6.2f} s   peak {exp['peak_mb']:6.0f} MB   "
              f"({exp['seconds'] / base['seconds']:.1f}x baseline)  aim < 10 s, < 500 MB")
        print(f"import .qdpx:               {imp['seconds']:6.2f} s   peak {imp['peak_mb']:6.0f} MB   "
              f"({imp['seconds'] / base['seconds']:.1f}x baseline)  aim < 10 s, < 500 MB")


if __name__ == "__main__":
    main()
