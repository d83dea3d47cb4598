"""Render the three Word reports to PDF and PNG pages, to look at the layout.

Builds the demo project from the illustrative sample transcripts (or uses the .qda given),
writes the qualitative report, the review report and the survey chapter on the Sako data
set, converts each to PDF with LibreOffice (``soffice --headless``) and to PNG pages with
``pdftoppm``. Usage::

    python docs/render_reports.py [PROJECT.qda] [--out DIR] [--dpi 60] [--keep N]
                                  [--page REPORT=1,3,9 ...]

``--keep N`` copies the first N pages of each report to ``docs/report_pages/`` (small PNGs
kept in the repository) and ``--page`` chosen pages of one report (``REPORT`` is the file
stem, e.g. ``laporan_kualitatif``); without them the pages stay in ``--out``. The survey
chapter is written in Indonesian (``bab4_survei``) and English (``bab4_survei_en``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAKO = next((p for p in (ROOT.parent / "shared" / "sako" / "sako_kuesioner.csv",
                          Path("/work/shared/sako/sako_kuesioner.csv")) if p.is_file()),
            ROOT.parent / "shared" / "sako" / "sako_kuesioner.csv")


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert ``docx`` to PDF in ``out_dir`` with LibreOffice headless; return the PDF path."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"{docx}: LibreOffice wrote no PDF")
    return pdf


def to_png(pdf: Path, out_dir: Path, dpi: int = 60, first: int | None = None, last: int | None = None) -> list[Path]:
    """Render PDF pages to PNG with pdftoppm; return the page files in order."""
    args = ["pdftoppm", "-png", "-r", str(dpi)]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    subprocess.run(args + [str(pdf), str(out_dir / pdf.stem)], check=True, capture_output=True, timeout=300)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def write_reports(project_path: Path | None, out: Path) -> list[Path]:
    """Write the three reports into ``out`` and return their paths."""
    from qda.reports.qualitative import write_qualitative_report
    from qda.reports.review import write_review_report
    from qda.reports.survey_chapter import write_survey_chapter
    from qda.store import Project

    if project_path is None:
        from qda.demo import build_demo

        project_path = build_demo(out / "demo")
    written = []
    with Project.open(project_path, read_only=True) as project:
        written.append(write_qualitative_report(project, out / "laporan_kualitatif.docx"))
        written.append(write_review_report(project, out / "laporan_telaah.docx"))
    if SAKO.is_file():
        from qda.survey.analysis import analyse_columns
        from qda.survey.instrument import load_template
        from qda.survey.loading import load_data

        result = analyse_columns(load_data(SAKO), [f"X{i}" for i in range(1, 11)], [f"Y{i}" for i in range(1, 11)],
                                 base=load_template("sako"))
        written.append(write_survey_chapter(result, out / "bab4_survei.docx"))
        written.append(write_survey_chapter(result, out / "bab4_survei_en.docx", language="en"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "qda_report_pages")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--keep", type=int, default=0, help="pages per report copied to docs/report_pages/")
    parser.add_argument("--page", action="append", default=[], metavar="REPORT=1,3,9",
                        help="pages of one report copied to docs/report_pages/ (repeatable)")
    args = parser.parse_args(argv)
    chosen = {}
    for spec in args.page:
        name, _, numbers = spec.partition("=")
        chosen[name] = {int(n) for n in numbers.split(",") if n.strip()}
    args.out.mkdir(parents=True, exist_ok=True)
    reports = write_reports(args.project, args.out)
    if soffice() is None:
        print("LibreOffice (soffice) is not installed: wrote the .docx files only:", *reports, sep="\n  ")
        return 1
    keep_dir = ROOT / "docs" / "report_pages"
    for docx in reports:
        pdf = to_pdf(docx, args.out)
        pages = to_png(pdf, args.out, args.dpi)
        print(f"{docx.name}: {len(pages)} pages -> {args.out}")
        wanted = set(range(1, args.keep + 1)) | chosen.get(docx.stem, set())
        if wanted:
            keep_dir.mkdir(exist_ok=True)
            for number, page in enumerate(pages, start=1):
                if number in wanted:
                    shutil.copy(page, keep_dir / page.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
