"""``qda search``: exact or fuzzy search across a project's documents."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from qda.cli.output import print_json, print_table, say
from qda.cli.options import add_filters, decimal, split_values
from qda.cli.project_cmd import open_project
from qda.i18n import tr


def cmd_search(args: argparse.Namespace) -> int:
    from qda.search import search_project

    with open_project(args.project) as p:
        hits = search_project(p, args.query, mode="fuzzy" if args.fuzzy else "exact",
                              documents=split_values(args.doc) or None, whole_word=args.whole_word, threshold=args.threshold,
                              limit=args.limit)
    if args.json:
        print_json([asdict(h) for h in hits])
        return 0
    print_table([tr("dokumen"), tr("baris"), tr("awal"), tr("akhir"), tr("skor"), tr("konteks")],
                [[h.document_name, h.line, h.start, h.end, f"{h.score:.0f}",
                  f"…{h.before}[{h.match}]{h.after}…".replace("\n", " ")] for h in hits], cell_width=110)
    say(tr("{n} temuan", n=len(hits)))
    return 0


def register(sub) -> None:
    """Add ``qda search``."""
    p = sub.add_parser("search", help=tr("cari kata atau frasa di semua sumber (persis atau fuzzy)"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("query", metavar=tr("KATA"), help=tr("kata atau frasa yang dicari"))
    p.add_argument("--fuzzy", action="store_true", help=tr("pencarian fuzzy (salah ketik, ejaan lain)"))
    p.add_argument("--threshold", type=decimal, metavar=tr("SKOR"), default=80.0, help=tr("skor minimum pencarian fuzzy (0–100)"))
    p.add_argument("--whole-word", action="store_true", help=tr("hanya kata utuh"))
    add_filters(p, code=False, coder=False)
    p.add_argument("--limit", type=int, help=tr("jumlah temuan maksimum"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_search)
