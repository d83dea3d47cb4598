"""``qda autocode``: make code suggestions from indicator terms; accept or reject them (scripts)."""

from __future__ import annotations

import argparse

from qda.cli.options import add_filters, decimal, split_values, word_choice
from qda.cli.output import print_table, say, write_json
from qda.cli.project_cmd import open_project
from qda.errors import InvalidValue
from qda.i18n import tr


UNIT_WORDS = {"sentence": "sentence", "kalimat": "sentence", "turn": "turn", "giliran": "turn"}


def _ids(value: str, pending: list[int]) -> list[int]:
    if value == "all":
        return pending
    try:
        ids = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise InvalidValue(tr("nomor saran harus bilangan bulat dipisahkan koma, atau 'all': {v}", v=value)) from None
    return ids


def _pending_ids(p, codes, docs) -> list[int]:
    out = []
    for code in codes or [None]:
        for doc in docs or [None]:
            out += [s.id for s in p.suggestions.all(code=code, document=doc)]
    return sorted(set(out))


def _show(rows: list[dict], json_out: str | None) -> None:
    if json_out:
        write_json(rows, json_out)
        if json_out == "-":
            return
        say(tr("{n} saran ditulis ke {path}", n=len(rows), path=json_out))
    print_table([tr("no."), tr("dokumen"), tr("awal"), tr("akhir"), tr("kode"), tr("skor"), tr("istilah"), tr("teks")],
                [[r["id"], r["document"], r["start"], r["end"], r["code"], f"{r['score']:.2f}", ", ".join(r["terms"]),
                  (t := r["text"].replace("\n", " "))[:50] + ("…" if len(t) > 50 else "")] for r in rows])


def cmd_autocode(args: argparse.Namespace) -> int:
    import qda.autocode as autocode
    from qda.progress import Progress, text_bar

    codes, docs = split_values(args.code) or None, split_values(args.doc) or None
    deciding = args.accept is not None or args.reject is not None
    if args.accept is not None and args.reject is not None:
        raise InvalidValue(tr("pilih --accept atau --reject, tidak keduanya"))
    with open_project(args.project, write=not args.list, coder=args.coder) as p:
        if deciding:
            pending = _pending_ids(p, codes, docs)
            ids = _ids(args.accept if args.accept is not None else args.reject, pending)
            if args.accept is not None:
                n = len(p.suggestions.accept(ids))
                say(tr("{n} saran diterima menjadi segmen oleh {coder}", n=n, coder=p.coders.current.name))
            else:
                n = p.suggestions.reject(ids)
                say(tr("{n} saran ditolak; tidak akan disarankan lagi", n=n))
            return 0
        if not args.list:
            made = autocode.run(p, unit=args.unit, codes=codes, documents=docs,
                                include_interviewer=args.all_speakers, min_score=args.min_score,
                                progress=Progress(callback=text_bar()))
            say(tr("{n} saran dibuat (satuan: {unit}); terima atau tolak dengan --accept/--reject",
                   n=made, unit=tr("kalimat") if args.unit == "sentence" else tr("giliran bicara")))
        rows = []
        for code in codes or [None]:
            for doc in docs or [None]:
                rows += p.suggestions.rows(code=code, document=doc)
    _show(rows, args.json)
    return 0


def register(sub) -> None:
    """Add ``qda autocode``."""
    import qda.autocode.engine as engine

    p = sub.add_parser("autocode", help=tr("sarankan kode dari istilah indikator (diputuskan oleh pengode)"))
    p.add_argument("project")
    p.add_argument("--unit", type=word_choice(UNIT_WORDS), default="sentence", metavar="sentence|turn",
                   help=tr("satuan saran: kalimat atau giliran bicara (bawaan: sentence)"))
    add_filters(p, coder=False)
    p.add_argument("--codes", dest="code", action="append", help=argparse.SUPPRESS)
    p.add_argument("--min-score", type=decimal, default=engine.DEFAULT_MIN_SCORE,
                   help=tr("skor terendah sebuah saran, 0–1 (bawaan: {v})", v=engine.DEFAULT_MIN_SCORE))
    p.add_argument("--all-speakers", action="store_true",
                   help=tr("sertakan giliran pewawancara (bawaan: hanya informan)"))
    p.add_argument("--json", metavar="OUT", help=tr("tulis saran sebagai JSON ke berkas ('-' untuk layar)"))
    p.add_argument("--list", action="store_true", help=tr("tampilkan saran yang menunggu tanpa membuat yang baru"))
    p.add_argument("--accept", nargs="?", const="all", metavar="ID,…",
                   help=tr("terima saran bernomor ini (tanpa nomor: semua yang menunggu, menurut --code/--doc)"))
    p.add_argument("--reject", nargs="?", const="all", metavar="ID,…",
                   help=tr("tolak saran bernomor ini (tanpa nomor: semua yang menunggu, menurut --code/--doc)"))
    p.add_argument("--coder", help=tr("nama pengode yang memutuskan"))
    p.set_defaults(func=cmd_autocode)
