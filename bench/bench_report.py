"""Speed and memory of the Word reports: a qualitative report with 20,000 excerpts.

Prints seconds and peak memory for
  1. appending N quotation paragraphs with python-docx's ``add_paragraph(text, style="Quote")``
     (the baseline) and with :class:`qda.reports.docx_kit.ReportDocument` (lxml elements,
     style ids resolved once, cached ``sectPr``), and their ratio;
  2. the whole qualitative report of a generated project with N excerpts
     (illustrative text, fixed seed).

Usage: ``python bench/bench_report.py [N]`` (default 20000). Measured on the development machine
(20,000): python-docx plain 7.6 s, styled 25.8 s; ReportDocument 0.8 s (32x faster than styled);
the whole qualitative report 2.2 s, max RSS 250 MiB.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)



def sentence(rng: random.Random) -> str:
    """One utterance of the sample transcripts with the punctuation of real ones (:mod:`corpus`)."""
    return corpus.typographic(rng, rng.choice(corpus.utterances()))


def run_case(case: str, n: int) -> None:
    """Run one case in this (fresh) process and print its time and peak resident memory."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if case == "report":
            build_project(out / "bench.qda", n)
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        label = CASES[case][0].format(n=n)
        size = CASES[case][1](n, out)
        seconds = time.perf_counter() - t0
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{label:<52} {seconds:8.2f} s   max RSS {rss1 / 1024:7.1f} MiB (+{(rss1 - rss0) / 1024:6.1f}) "
          f"  .docx {size / 2**20:5.1f} MiB", flush=True)
    print(f"SECONDS {seconds}", flush=True)


def _texts(n: int) -> list[str]:
    rng = random.Random(1)
    return [sentence(rng) for _ in range(n)]


def baseline(n: int, out: Path) -> int:
    from docx import Document

    doc = Document()
    for t in _texts(n):
        doc.add_paragraph(t, style="Quote")
    doc.save(str(out / "baseline.docx"))
    return (out / "baseline.docx").stat().st_size


def baseline_plain(n: int, out: Path) -> int:
    from docx import Document

    doc = Document()
    for t in _texts(n):
        doc.add_paragraph(t)
    doc.save(str(out / "plain.docx"))
    return (out / "plain.docx").stat().st_size


def kit(n: int, out: Path) -> int:
    from qda.reports.docx_kit import ReportDocument

    doc = ReportDocument()
    for t in _texts(n):
        doc.quote(t, "(Informan 1, baris 1–2)")
    doc.save(out / "kit.docx")
    return (out / "kit.docx").stat().st_size


def report(n: int, out: Path) -> int:
    from qda.reports.qualitative import write_qualitative_report
    from qda.store import Project

    with Project.open(out / "bench.qda", read_only=True) as project:
        write_qualitative_report(project, out / "report.docx")
    return (out / "report.docx").stat().st_size


def build_project(path: Path, n: int) -> None:
    from qda.store import Project

    rng = random.Random(7)
    p = Project.create(path, codebook=True, coder="Peneliti")
    codes = [c.id for c in p.codes.all()]
    docs = []
    n_docs = 40
    for d in range(n_docs):
        lines = [sentence(rng) for _ in range(600)]
        text = "\n".join(lines) + "\n"
        doc = p.documents.add(f"wawancara_{d + 1:02d}.txt", text, "interview" if d % 4 else "observation",
                             attributes={"Tanggal": f"2024-03-{d % 28 + 1:02d}", "Lokasi": "kantor kelurahan"},
                             case=f"Informan {d + 1}")
        docs.append((doc.id, len(text)))
    rows = []
    for i in range(n):
        doc_id, length = docs[i % n_docs]
        start = rng.randrange(0, length - 400)
        rows.append((doc_id, start, start + rng.randint(40, 400), rng.choice(codes)))
    p.segments.add_many(rows)
    p.close()


CASES = {
    "plain": ("python-docx add_paragraph(text) x {n:,}", baseline_plain),
    "baseline": ("python-docx add_paragraph(text, style='Quote') x {n:,}", baseline),
    "kit": ("ReportDocument.quote(text, citation) x {n:,}", kit),
    "report": ("qualitative report with {n:,} excerpts", report),
}


def main() -> None:
    import subprocess

    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        run_case(sys.argv[2], int(sys.argv[3]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    print("Each case runs in a fresh process (time excludes start-up; the report case excludes building "
          "the project).")
    seconds = {}
    for case in CASES:
        done = subprocess.run([sys.executable, __file__, "--case", case, str(n)], capture_output=True, text=True)
        for line in done.stdout.splitlines():
            if line.startswith("SECONDS "):
                seconds[case] = float(line.split()[1])
            else:
                print(line)
        if done.returncode:
            print(done.stderr)
    if "baseline" in seconds and "kit" in seconds:
        print(f"{'ratio styled python-docx / ReportDocument':<52} {seconds['baseline'] / seconds['kit']:8.1f} x")


if __name__ == "__main__":
    main()
