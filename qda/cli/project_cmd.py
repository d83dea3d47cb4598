"""``qda new``, ``qda sources``, ``qda text``, ``qda codes``."""

from __future__ import annotations

import argparse
import sys

from qda.cli.output import print_json, print_table
from qda.i18n import tr


def open_project(path: str, *, write: bool = False, coder: str | None = None):
    """Open a project for a command (read-only unless it writes)."""
    import sys

    from qda.store import Project

    project = Project.open(path, read_only=not write)
    if coder and write:
        known = {c.name.casefold() for c in project.coders()}
        project.set_coder(coder)
        if coder.strip().casefold() not in known:  # say so: a typo must not pass unnoticed
            print(tr("qda: pengode baru dicatat: {name}", name=coder.strip()), file=sys.stderr)
    return project


def cmd_new(args: argparse.Namespace) -> int:
    from qda.store import Project
    from qda.store.codebook_loader import add_bundled_codebook

    with Project.create(args.project, codebook=not (args.no_codebook or args.codebook), coder=args.coder) as p:
        if args.codebook:
            add_bundled_codebook(p, args.codebook)
        n = len(p.codes())
    print(tr("Proyek baru {path} dibuat dengan {n} kode.", path=args.project, n=n))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from qda.summaries import source_rows

    with open_project(args.project) as p:
        rows = source_rows(p)
    if args.json:
        print_json(rows)
        return 0
    shown = ("Informan", "Jabatan", "Tanggal")
    print_table([tr("nama"), tr("jenis"), tr("kata"), tr("giliran"), tr("atribut")],
                [[r["name"], r["kind"], r["words"], r["turns"],
                  "; ".join(f"{k}: {r['attributes'][k]}" for k in shown if k in r["attributes"])[:90]]
                 for r in rows])
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    with open_project(args.project) as p:
        text = p.document_text(p.document(args.doc))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    from qda.summaries import code_rows

    with open_project(args.project) as p:
        rows = code_rows(p)
    if args.json:
        print_json(rows)
        return 0
    from qda.codebook import group_name
    from qda.i18n import language

    print_table([tr("kode"), tr("kelompok"), tr("induk"), tr("warna"), tr("segmen")],
                [[r["name"], group_name(r["group"], language()), r["parent"] or "", r["color"], r["segments"]]
                 for r in rows])
    return 0


def register(sub) -> None:
    """Add the project subcommands."""
    p = sub.add_parser("new", help=tr("buat proyek baru dengan buku kode bawaan"))
    p.add_argument("project", help=tr("berkas proyek baru (.qda)"))
    p.add_argument("--coder", help=tr("nama pengode"))
    p.add_argument("--no-codebook", action="store_true", help=tr("tanpa buku kode bawaan"))
    p.add_argument("--codebook", help=tr("muat buku kode dari berkas JSON ini"))
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("sources", help=tr("daftar sumber: nama, jenis, kata, giliran, atribut"))
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("text", help=tr("cetak teks tersimpan sebuah sumber"))
    p.add_argument("project")
    p.add_argument("--doc", required=True, help=tr("nama dokumen seperti di daftar sumber"))
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("codes", help=tr("buku kode: nama, kelompok, induk, warna, jumlah segmen"))
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_codes)
