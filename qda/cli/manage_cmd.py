"""``qda document``, ``qda case``, ``qda memo``, ``qda uncode``: the rest of the core API (``qda review``: review_cmd)."""

from __future__ import annotations

import argparse

from qda.cli.output import print_table, say
from qda.cli.options import KIND_WORDS, word_choice
from qda.cli.project_cmd import open_project
from qda.errors import NotFound, QdaError
from qda.i18n import tr


def cmd_document(args: argparse.Namespace) -> int:
    with open_project(args.project, write=True, coder=args.coder) as p:
        if args.action == "rename":
            p.documents.rename(args.name, args.new)
            say(tr("Sumber {old} diganti nama menjadi {new}", old=args.name, new=args.new))
        elif args.action == "delete":
            n = len(p.segments.all(document=args.name))
            p.documents.delete(args.name)
            say(tr("Sumber {name} dihapus bersama {n} segmennya", name=args.name, n=n))
        elif args.action == "kind":
            p.documents.set_kind(args.name, args.kind)
            from qda.domain import kind_label

            say(tr("Jenis {name} menjadi {kind}", name=args.name, kind=kind_label(args.kind, in_text=True)))
        elif args.action == "attr":
            p.documents.set_attribute(args.name, args.key, args.value)
            say(tr("Atribut {key} dari {name} disimpan", key=args.key, name=args.name) if args.value is not None
                  else tr("Atribut {key} dari {name} dihapus", key=args.key, name=args.name))
    return 0


def _pairs(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QdaError(tr("atribut harus berbentuk KUNCI=NILAI: {item}", item=item))
        out[key.strip()] = value.strip()
    return out


def cmd_case(args: argparse.Namespace) -> int:
    if args.action == "list":
        with open_project(args.project) as p:
            print_table([tr("kasus"), tr("atribut")],
                        [[c.name, "; ".join(f"{k}: {v}" for k, v in c.attributes.items())] for c in p.cases.all()])
        return 0
    with open_project(args.project, write=True, coder=args.coder) as p:
        if args.action == "add":
            p.cases.add(args.name, _pairs(args.attributes))
            say(tr("Kasus {name} dibuat", name=args.name))
        elif args.action == "rename":
            p.cases.rename(args.name, args.new)
            say(tr("Kasus {old} diganti nama menjadi {new}", old=args.name, new=args.new))
        elif args.action == "delete":
            p.cases.delete(args.name)
            say(tr("Kasus {name} dihapus; sumbernya tetap ada", name=args.name))
        elif args.action == "attr":
            p.cases.set_attribute(args.name, args.key, args.value)
            say(tr("Atribut {key} dari {name} disimpan", key=args.key, name=args.name) if args.value is not None
                  else tr("Atribut {key} dari {name} dihapus", key=args.key, name=args.name))
        elif args.action == "assign":
            p.cases.assign(args.document, args.name if args.name != "-" else None)
            say(tr("Sumber {doc} dikaitkan dengan {case}", doc=args.document, case=args.name) if args.name != "-"
                  else tr("Sumber {doc} tidak lagi terkait dengan kasus", doc=args.document))
    return 0


def _find_segment(p, args: argparse.Namespace):
    matches = [s for s in p.segments.all(document=args.doc, code=args.code, coder=args.by)
               if s.start == args.start and s.end == args.end]
    if not matches:
        raise NotFound(tr("tidak ada segmen {code} di {doc} [{start}:{end}]", code=args.code, doc=args.doc,
                          start=args.start, end=args.end))
    if len({s.coder_id for s in matches}) == 1:
        return matches[0]  # the same coding stored twice by one coder: any of them
    if len(matches) > 1:
        raise QdaError(tr("ada {n} segmen {code} di {doc} [{start}:{end}] dari beberapa pengode; pilih dengan --by",
                          n=len(matches), code=args.code, doc=args.doc, start=args.start, end=args.end))
    return matches[0]


def cmd_memo(args: argparse.Namespace) -> int:
    write = args.set is not None or args.file is not None or args.clear
    with open_project(args.project, write=write, coder=args.coder) as p:
        if args.doc and args.start is not None:
            target = _find_segment(p, args)
        elif args.doc:
            target = p.documents.get(args.doc)
        elif args.code:
            target = p.codes.get(args.code)
        elif args.case:
            target = p.cases.get(args.case)
        else:
            target = None
        if not write:
            text = p.memos.get(target)
            if text is None:
                say(tr("(belum ada memo)"))
                return 1
            print(text)
            return 0
        text = "" if args.clear else (args.set if args.set is not None else _read_text(args.file))
        p.memos.set(target, text)
    say(tr("Memo disimpan") if text else tr("Memo dihapus"))
    return 0


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except UnicodeDecodeError:
        raise QdaError(tr("{path}: bukan teks UTF-8", path=path)) from None


def cmd_uncode(args: argparse.Namespace) -> int:
    with open_project(args.project, write=True, coder=args.coder) as p:
        seg = _find_segment(p, args)
        p.segments.remove(seg)
    say(tr("Segmen {code} di {doc} [{start}:{end}] dihapus", code=args.code, doc=args.doc, start=args.start,
             end=args.end))
    return 0


def _segment_args(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--doc", required=required, help=tr("nama sumber"))
    p.add_argument("--start", type=int, required=required, help=tr("posisi awal"))
    p.add_argument("--end", type=int, required=required, help=tr("posisi akhir"))
    p.add_argument("--code", required=required, help=tr("nama kode"))
    p.add_argument("--by", help=tr("pengode segmen itu (bila ada beberapa)"))


def register(sub) -> None:
    """Add the document, case, memo and uncode subcommands (``review`` lives in review_cmd)."""
    p = sub.add_parser("document", help=tr("ganti nama, hapus, ubah jenis atau atribut sumber"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--coder", help=tr("nama pengode"))
    acts = p.add_subparsers(dest="action", required=True, metavar=tr("TINDAKAN"))
    a = acts.add_parser("rename", help=tr("ganti nama sumber"))
    a.add_argument("name")
    a.add_argument("new")
    a = acts.add_parser("delete", help=tr("hapus sumber beserta segmennya"))
    a.add_argument("name")
    a = acts.add_parser("kind", help=tr("ubah jenis sumber"))
    a.add_argument("name")
    a.add_argument("kind", type=word_choice(KIND_WORDS), metavar=tr("JENIS"),
                   help=tr("wawancara/interview, observasi/observation, dokumen/document, lainnya/other"))
    a = acts.add_parser("attr", help=tr("atur atribut sumber (tanpa NILAI: hapus)"))
    a.add_argument("name")
    a.add_argument("key")
    a.add_argument("value", nargs="?")
    p.set_defaults(func=cmd_document)

    p = sub.add_parser("case", help=tr("kasus dan atributnya"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--coder", help=tr("nama pengode"))
    acts = p.add_subparsers(dest="action", required=True, metavar=tr("TINDAKAN"))
    acts.add_parser("list", help=tr("daftar kasus"))
    a = acts.add_parser("add", help=tr("kasus baru, dengan atribut KUNCI=NILAI"))
    a.add_argument("name")
    a.add_argument("attributes", nargs="*")
    a = acts.add_parser("rename", help=tr("ganti nama kasus"))
    a.add_argument("name")
    a.add_argument("new")
    a = acts.add_parser("delete", help=tr("hapus kasus"))
    a.add_argument("name")
    a = acts.add_parser("attr", help=tr("atur atribut kasus (tanpa NILAI: hapus)"))
    a.add_argument("name")
    a.add_argument("key")
    a.add_argument("value", nargs="?")
    a = acts.add_parser("assign", help=tr("kaitkan sumber dengan kasus ('-' untuk melepas)"))
    a.add_argument("document")
    a.add_argument("name")
    p.set_defaults(func=cmd_case)

    p = sub.add_parser("memo", help=tr("baca atau tulis memo proyek, sumber, kode, kasus atau segmen"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--coder", help=tr("nama pengode"))
    _segment_args(p, required=False)
    p.add_argument("--case", help=tr("nama kasus"))
    p.add_argument("--set", help=tr("teks memo baru"))
    p.add_argument("--file", help=tr("baca teks memo dari berkas"))
    p.add_argument("--clear", action="store_true", help=tr("hapus memo"))
    p.set_defaults(func=cmd_memo)

    p = sub.add_parser("uncode", help=tr("hapus satu segmen"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--coder", help=tr("nama pengode"))
    _segment_args(p)
    p.set_defaults(func=cmd_uncode)
