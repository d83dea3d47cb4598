"""``qda code``, ``qda segments``, ``qda excerpts``."""

from __future__ import annotations

import argparse

from qda.cli.options import add_filters, split_values
from qda.cli.output import cut, print_json, print_table, say
from qda.cli.project_cmd import open_project
from qda.errors import InvalidValue, NotFound
from qda.i18n import tr


def find_span(text: str, phrase: str, nth: int = 1) -> tuple[int, int]:
    """Code-point span of the ``nth`` (1-based) occurrence of ``phrase`` in ``text``."""
    if not phrase:
        raise InvalidValue(tr("--find: frasa kosong"))
    if nth < 1:
        raise InvalidValue(tr("--nth harus 1 atau lebih"))
    start = -1
    for _ in range(nth):
        start = text.find(phrase, start + 1)
        if start < 0:
            found = text.count(phrase)
            raise NotFound(tr("«{phrase}» muncul {n} kali di sumber ini; kemunculan ke-{nth} tidak ada",
                              phrase=phrase, n=found, nth=nth))
    return start, start + len(phrase)


def cmd_code(args: argparse.Namespace) -> int:
    with open_project(args.project, write=True, coder=args.coder) as p:
        doc = p.documents.get(args.doc)
        if args.find is not None:
            if args.start is not None or args.end is not None:
                raise InvalidValue(tr("pakai --find atau --start/--end, bukan keduanya"))
            start, end = find_span(p.documents.text(doc), args.find, args.nth)
        elif args.start is None or args.end is None:
            raise InvalidValue(tr("sebutkan --start dan --end (lihat qda text --offsets), atau --find \"TEKS\""))
        else:
            start, end = args.start, args.end
        seg = p.segments.add(doc, start, end, args.code)
        text = p.segments.text(seg)
        code_name = p.codes.get(seg.code_id).name
    say(tr("Kode {code} diterapkan pada {doc} [{start}:{end}]: «{text}»", code=code_name, doc=doc.name,
           start=start, end=end, text=cut(text, 80)))
    return 0


def cmd_segments(args: argparse.Namespace) -> int:
    from qda.summaries import segment_rows

    with open_project(args.project) as p:
        rows = segment_rows(p, code=split_values(args.code), document=split_values(args.doc),
                            coder=split_values(args.coder))
    if args.json:
        print_json(rows)
        return 0
    print_table([tr("dokumen"), tr("awal"), tr("akhir"), tr("kode"), tr("pengode"), tr("teks")],
                [[r["document"], r["start"], r["end"], r["code"], r["coder"], r["text"]] for r in rows])
    return 0


def cmd_excerpts(args: argparse.Namespace) -> int:
    from qda.excerpts import export_excerpts

    with open_project(args.project) as p:
        n = export_excerpts(p, args.output, code=split_values(args.code), document=split_values(args.doc),
                            coder=split_values(args.coder))
    say(tr("{n} kutipan ditulis ke {path}", n=n, path=args.output))
    return 0


def register(sub) -> None:
    """Add the coding subcommands."""
    p = sub.add_parser("code", help=tr("terapkan kode pada rentang teks (untuk skrip)"),
                       description=tr("Terapkan kode pada rentang teks. Posisi adalah titik kode (mulai 0, akhir "
                                      "eksklusif) seperti yang dicetak qda text --offsets dan qda search; atau "
                                      "pakai --find \"TEKS\" untuk mengode kemunculan frasa itu."))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--doc", required=True, metavar=tr("SUMBER"), help=tr("nama sumber"))
    p.add_argument("--start", type=int, metavar="N", help=tr("posisi awal (titik kode, mulai 0)"))
    p.add_argument("--end", type=int, metavar="N", help=tr("posisi akhir (eksklusif)"))
    p.add_argument("--find", metavar=tr("TEKS"), help=tr("kode kemunculan frasa ini (bukan --start/--end)"))
    p.add_argument("--nth", type=int, default=1, metavar="N", help=tr("kemunculan ke-N dari --find (bawaan 1)"))
    p.add_argument("--code", required=True, metavar=tr("KODE"), help=tr("nama kode"))
    p.add_argument("--coder", metavar=tr("PENGODE"), help=tr("nama pengode"))
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("segments", help=tr("daftar segmen terkode"))
    p.add_argument("project", metavar=tr("PROYEK"))
    add_filters(p)
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_segments)

    p = sub.add_parser("excerpts", help=tr("ekspor kutipan terkode ke CSV atau XLSX"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("-o", "--output", required=True, metavar=tr("KELUARAN"), help=tr("berkas keluaran .csv atau .xlsx"))
    add_filters(p)
    p.set_defaults(func=cmd_excerpts)
