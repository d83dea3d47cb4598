"""``qda code``, ``qda segments``, ``qda excerpts``."""

from __future__ import annotations

import argparse

from qda.cli.output import print_json, print_table
from qda.cli.project_cmd import open_project
from qda.i18n import tr


def cmd_code(args: argparse.Namespace) -> int:
    with open_project(args.project, write=True, coder=args.coder) as p:
        seg = p.add_segment(p.document(args.doc), args.start, args.end, args.code)
        text = p.segment_text(seg)
    print(tr("Kode {code} diterapkan pada {doc} [{start}:{end}]: «{text}»", code=args.code, doc=args.doc,
             start=args.start, end=args.end, text=text if len(text) < 80 else text[:77] + "…"))
    return 0


def cmd_segments(args: argparse.Namespace) -> int:
    from qda.summaries import segment_rows

    with open_project(args.project) as p:
        rows = segment_rows(p, code=args.code, document=args.doc, coder=args.coder)
    if args.json:
        print_json(rows)
        return 0
    print_table([tr("dokumen"), tr("awal"), tr("akhir"), tr("kode"), tr("pengode"), tr("teks")],
                [[r["document"], r["start"], r["end"], r["code"], r["coder"],
                  (t := r["text"].replace("\n", " "))[:60] + ("…" if len(t) > 60 else "")] for r in rows])
    return 0


def cmd_excerpts(args: argparse.Namespace) -> int:
    from qda.excerpts import export_excerpts

    with open_project(args.project) as p:
        n = export_excerpts(p, args.output, code=args.code, document=args.doc, coder=args.coder)
    print(tr("{n} kutipan ditulis ke {path}", n=n, path=args.output))
    return 0


def register(sub) -> None:
    """Add the coding subcommands."""
    p = sub.add_parser("code", help=tr("terapkan kode pada rentang teks (untuk skrip)"))
    p.add_argument("project")
    p.add_argument("--doc", required=True, help=tr("nama dokumen"))
    p.add_argument("--start", type=int, required=True, help=tr("posisi awal (titik kode, mulai 0)"))
    p.add_argument("--end", type=int, required=True, help=tr("posisi akhir (eksklusif)"))
    p.add_argument("--code", required=True, help=tr("nama kode"))
    p.add_argument("--coder", help=tr("nama pengode"))
    p.set_defaults(func=cmd_code)

    for name, func, helptext in (("segments", cmd_segments, tr("daftar segmen terkode")),):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("project")
        p.add_argument("--code", help=tr("hanya kode ini"))
        p.add_argument("--doc", help=tr("hanya dokumen ini"))
        p.add_argument("--coder", help=tr("hanya pengode ini"))
        p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
        p.set_defaults(func=func)

    p = sub.add_parser("excerpts", help=tr("ekspor kutipan terkode ke CSV atau XLSX"))
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True, help=tr("berkas keluaran .csv atau .xlsx"))
    p.add_argument("--code", help=tr("hanya kode ini (dengan subkodenya)"))
    p.add_argument("--doc", help=tr("hanya dokumen ini"))
    p.add_argument("--coder", help=tr("hanya pengode ini"))
    p.set_defaults(func=cmd_excerpts)
