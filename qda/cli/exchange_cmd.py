"""``qda export``, ``qda export-codebook`` and ``qda import-qdpx``: REFI-QDA exchange.

``qda export PROJECT.qda -o OUT.qdpx`` (or ``OUT.qdpx`` as a second argument) writes the
whole project; ``--codebook OUT.qdc`` (or ``qda export-codebook PROJECT.qda OUT.qdc``) the
codebook alone. ``qda import-qdpx FILE PROJECT.qda`` reads a .qdpx, .qde or .qdc written by
ATLAS.ti, MAXQDA, NVivo, QualCoder, Taguette … into the project (made new, without the
bundled codebook, when it does not exist), merging by GUID, and prints what came in and
what was left out (``--json`` for the same as data).
"""

from __future__ import annotations

import argparse
from qda.cli.output import print_json
from qda.errors import QdaError
from qda.i18n import tr


def register(subparsers) -> None:
    """Add the REFI-QDA subcommands."""
    exp = subparsers.add_parser("export", help=tr("ekspor proyek sebagai REFI-QDA (.qdpx) atau buku kode (.qdc)"),
                                description=tr("Ekspor proyek ke format pertukaran REFI-QDA (ATLAS.ti, MAXQDA, "
                                               "NVivo, QualCoder)."))
    exp.add_argument("project", metavar="PROJECT.qda", help=tr("berkas proyek"))
    exp.add_argument("out", nargs="?", metavar="OUT.qdpx", help=tr("berkas .qdpx tujuan"))
    exp.add_argument("-o", "--output", metavar="OUT.qdpx", help=tr("berkas .qdpx tujuan"))
    exp.add_argument("--codebook", metavar="OUT.qdc", help=tr("tulis juga (atau hanya) buku kode sebagai .qdc"))
    exp.set_defaults(func=cmd_export)
    book = subparsers.add_parser("export-codebook", help=tr("ekspor buku kode sebagai REFI-QDA .qdc"))
    book.add_argument("project", metavar="PROJECT.qda", help=tr("berkas proyek"))
    book.add_argument("out", metavar="OUT.qdc", help=tr("berkas .qdc tujuan"))
    book.set_defaults(func=cmd_export_codebook)
    imp = subparsers.add_parser("import-qdpx", help=tr("impor proyek REFI-QDA (.qdpx/.qde) atau buku kode (.qdc)"),
                                description=tr("Impor berkas REFI-QDA dari program lain. Proyek yang belum ada "
                                               "dibuat baru; impor ulang tidak menambah apa pun (digabung menurut "
                                               "GUID)."))
    imp.add_argument("file", metavar="FILE.qdpx", help=tr("berkas .qdpx, .qde atau .qdc"))
    imp.add_argument("project", metavar="PROJECT.qda", help=tr("berkas proyek (dibuat bila belum ada)"))
    imp.add_argument("--json", action="store_true", help=tr("laporan sebagai JSON"))
    imp.set_defaults(func=cmd_import_qdpx)


def cmd_export(args: argparse.Namespace) -> int:
    from qda.cli.project_cmd import open_project
    from qda.exchange import export_qdc, export_qdpx
    from qda.progress import Progress, text_bar

    out = args.output or args.out
    if not out and not args.codebook:
        raise QdaError(tr("sebutkan berkas tujuan: qda export PROJECT.qda -o OUT.qdpx (atau --codebook OUT.qdc)"))
    with open_project(args.project) as project:
        if out:
            counts = export_qdpx(project, out, progress=Progress(callback=text_bar()))
            print(tr("{out}: {sources} sumber, {codes} kode, {codings} segmen, {memos} memo diekspor.", out=out,
                     **{k: counts[k] for k in ("sources", "codes", "codings", "memos")}))
        if args.codebook:
            n = export_qdc(project, args.codebook)
            print(tr("{out}: {n} kode diekspor.", out=args.codebook, n=n))
    return 0


def cmd_export_codebook(args: argparse.Namespace) -> int:
    from qda.cli.project_cmd import open_project
    from qda.exchange import export_qdc

    with open_project(args.project) as project:
        n = export_qdc(project, args.out)
    print(tr("{out}: {n} kode diekspor.", out=args.out, n=n))
    return 0


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    from qda.exchange import import_into
    from qda.progress import Progress, text_bar

    report = import_into(args.project, args.file, progress=Progress(callback=text_bar()))
    if args.json:
        print_json(report.to_dict())
    else:
        print("\n".join(report.lines()))
    return 0
