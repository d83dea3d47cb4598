"""``qda report PROJECT.qda -o OUT.docx``: the qualitative report or the review report as Word."""

from __future__ import annotations

import argparse
import sys

from qda.cli.options import split_values
from qda.errors import QdaError
from qda.i18n import tr


def _names(values: list[str] | None) -> list[str] | None:
    return split_values(values) or None


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` subcommand."""
    p = subparsers.add_parser(
        "report", help=tr("tulis laporan Word: laporan kualitatif atau laporan telaah"),
        description=tr("Menulis laporan kualitatif (metode, buku kode, kutipan per dimensi dan faktor, matriks, "
                       "ringkasan telaah) atau laporan telaah untuk pembimbing, sebagai dokumen Word."))
    p.add_argument("project", metavar=tr("PROYEK"), help=tr("berkas proyek .qda"))
    p.add_argument("-o", "--output", required=True, metavar=tr("KELUARAN"), help=tr("berkas .docx yang ditulis"))
    p.add_argument("--kind", choices=["qualitative", "review"], default="qualitative",
                   help=tr("jenis laporan (bawaan: qualitative)"))
    p.add_argument("--lang", dest="report_lang", choices=["id", "en"],
                   help=tr("bahasa laporan (bawaan: bahasa antarmuka)"))
    p.add_argument("--code", "--codes", dest="codes", action="append", metavar=tr("KODE"),
                   help=tr("hanya kode ini (dan subkodenya); boleh berulang atau dipisah koma"))
    p.add_argument("--doc", "--docs", dest="docs", action="append", metavar=tr("SUMBER"),
                   help=tr("hanya sumber ini; boleh berulang atau dipisah koma"))
    p.add_argument("--coder", "--coders", dest="coders", action="append", metavar=tr("PENGODE"),
                   help=tr("hanya kutipan pengode ini; boleh berulang atau dipisah koma"))
    p.add_argument("--include-names", action="store_true",
                   help=tr("cantumkan nama dan identitas informan (bawaan: disembunyikan)"))
    p.add_argument("--hide-positions", action="store_true",
                   help=tr("sembunyikan juga jabatan informan (jabatan satu orang mengungkap identitasnya)"))
    p.add_argument("--no-coder-tags", action="store_true",
                   help=tr("jangan tandai kutipan dengan nama pengode ([pengode: …])"))
    p.add_argument("--quote-order", choices=["kind", "document"], default="kind",
                   help=tr("urutan kutipan: kind (wawancara, observasi, dokumen) atau document (urutan sumber)"))
    p.add_argument("--look", choices=["thesis", "modern"], default="thesis",
                   help=tr("gaya dokumen tanpa templat: thesis (Times New Roman 12, spasi 1,5) atau modern"))
    p.add_argument("--approved-only", action="store_true", help=tr("hanya kutipan yang status telaah terakhirnya disetujui"))
    p.add_argument("--reviewer", metavar=tr("PEMBIMBING"), help=tr("laporan telaah: hanya telaah dari pembimbing ini"))
    p.add_argument("--template", metavar=tr("TEMPLAT"), help=tr("dokumen .docx yang gaya dan tata halamannya dipakai"))
    p.add_argument("--title", help=tr("judul laporan"))
    p.add_argument("--author", help=tr("nama penyusun di halaman judul"))
    p.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    """Open the project read-only and write the chosen report."""
    from qda.i18n import language
    from qda.progress import Progress, text_bar
    from qda.store import Project

    lang = args.report_lang or language()
    if not str(args.output).lower().endswith(".docx"):
        raise QdaError(tr("{path}: berkas keluaran harus berakhiran .docx", path=args.output))
    progress = Progress(callback=text_bar(sys.stderr))
    warnings: list[str] = []
    from qda.cli import session

    with session.apply(Project.open(args.project, read_only=True), write=False) as project:
        if args.kind == "review":
            if args.codes or args.docs or args.coders or args.approved_only:
                raise QdaError(tr("--code, --doc, --coder dan --approved-only hanya untuk --kind qualitative"))
            from qda.reports.review import write_review_report

            path = write_review_report(project, args.output, language=lang, reviewer=args.reviewer,
                                       template=args.template, progress=progress, look=args.look,
                                       include_names=args.include_names, hide_positions=args.hide_positions,
                                       warnings=warnings)
        else:
            if args.reviewer:
                raise QdaError(tr("--reviewer hanya untuk --kind review"))
            from qda.reports.qualitative import write_qualitative_report

            path = write_qualitative_report(project, args.output, language=lang, codes=_names(args.codes),
                                            documents=_names(args.docs), coders=_names(args.coders),
                                            approved_only=args.approved_only, template=args.template,
                                            title=args.title, author=args.author,
                                            include_names=args.include_names, progress=progress,
                                            hide_positions=args.hide_positions, coder_tags=not args.no_coder_tags,
                                            quote_order=args.quote_order, look=args.look, warnings=warnings)
    for warning in warnings:
        print(tr("Peringatan: {text}", text=warning), file=sys.stderr)
    print(tr("Laporan ditulis ke {path}", path=path), file=sys.stderr)
    return 0
