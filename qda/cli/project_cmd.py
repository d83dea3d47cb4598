"""``qda new``, ``qda sources``, ``qda text``, ``qda codes``."""

from __future__ import annotations

import argparse
import sys

from qda.cli.output import print_json, print_table, say
from qda.i18n import tr


def open_project(path: str, *, write: bool = False, coder: str | None = None, lists_codings: bool = True):
    """Open a project for a command (read-only unless it writes), as :mod:`qda.cli.session` says.

    ``--as`` (who is looking) and ``--review-mode`` of the command apply to it.
    """
    import sys

    from qda.cli import session
    from qda.store import Project

    project = Project.open(path, read_only=not write)
    if coder and write:
        known = {c.name.casefold() for c in project.coders.all()}
        try:
            project.coders.set_current(coder)
        except BaseException:
            project.close()
            raise
        if coder.strip().casefold() not in known:  # say so: a typo must not pass unnoticed
            print(tr("qda: pengode baru dicatat: {name}", name=coder.strip()), file=sys.stderr)
    return session.apply(project, write=write, coder=coder if write else None, lists_codings=lists_codings)


def cmd_new(args: argparse.Namespace) -> int:
    from qda.store import Project
    from qda.store.codebook_loader import add_bundled_codebook

    with Project.create(args.project, codebook=not (args.no_codebook or args.codebook), coder=args.coder) as p:
        if args.codebook:
            add_bundled_codebook(p, args.codebook)
        n = len(p.codes.all())
    say(tr("Proyek baru {path} dibuat dengan {n} kode.", path=args.project, n=n))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from qda.summaries import source_rows

    with open_project(args.project) as p:
        rows = source_rows(p)
    if args.json:
        print_json(rows)
        return 0
    from qda.domain import kind_label

    shown = ("Informan", "Jabatan", "Tanggal")
    print_table([tr("nama"), tr("jenis"), tr("kata"), tr("giliran"), tr("atribut")],
                [[r["name"], kind_label(r["kind"], in_text=True), r["words"], r["turns"],
                  "; ".join(f"{k}: {r['attributes'][k]}" for k in shown if k in r["attributes"])[:90]]
                 for r in rows])
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    with open_project(args.project) as p:
        text = p.documents.text(p.documents.get(args.doc))
    if not args.offsets:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    from qda.sources.lines import numbered_lines

    lines = numbered_lines(text)
    if args.json:
        print_json([{"line": n, "start": a, "end": b, "text": line} for n, a, b, line in lines])
        return 0
    width = len(str(len(text)))
    for n, a, b, line in lines:
        sys.stdout.write(f"{n or '':>5}  {a:>{width}}–{b:<{width}}  {line}\n")
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
    p.add_argument("--codebook", metavar=tr("TEMPLAT|BERKAS"),
                   help=tr("buku kode awal: dwiyanto (bawaan), sako (indikator kuesioner Sako), kosong, "
                           "atau berkas JSON"))
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("sources", help=tr("daftar sumber: nama, jenis, kata, giliran, atribut"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("text", help=tr("cetak teks tersimpan sebuah sumber"),
                       description=tr("Cetak teks tersimpan sebuah sumber. Dengan --offsets setiap baris diawali "
                                      "nomor baris serta posisi awal–akhir (titik kode, mulai 0, akhir eksklusif) "
                                      "yang dipakai qda code --start/--end."))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--doc", required=True, metavar=tr("SUMBER"), help=tr("nama sumber seperti di daftar sumber"))
    p.add_argument("--offsets", action="store_true", help=tr("tampilkan nomor baris dan posisi awal–akhir"))
    p.add_argument("--json", action="store_true", help=tr("dengan --offsets: keluaran JSON"))
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("codes", help=tr("buku kode: nama, kelompok, induk, warna, jumlah segmen"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_codes)
