"""``qda codebook``: add, rename, recolour, move, merge, delete codes; export/import a codebook."""

from __future__ import annotations

import argparse

from qda.cli.options import GROUP_WORDS, word_choice
from qda.cli.output import say
from qda.cli.project_cmd import open_project
from qda.errors import CodeHasSegments, QdaError
from qda.i18n import tr


def cmd_codebook(args: argparse.Namespace) -> int:
    action = args.action
    if action == "export":
        from qda.codebook import codebook_from_project, save_codebook

        with open_project(args.project) as p:
            save_codebook(codebook_from_project(p), args.path)
        say(tr("Buku kode ditulis ke {path}", path=args.path))
        return 0
    with open_project(args.project, write=True, coder=args.coder) as p:
        if action == "add":
            fields = {k: v for k, v in (("definition_id", args.definition), ("definition_en", args.definition_en),
                                        ("example", args.example)) if v}
            code = p.codes.add(args.name, parent=args.parent, group=args.group or "own", color=args.color, **fields)
            say(tr("Kode {code} dibuat ({color})", code=code.name, color=code.color))
        elif action == "rename":
            say(tr("Kode {old} diganti nama menjadi {new}", old=args.name, new=p.codes.rename(args.name, args.new).name))
        elif action == "recolor":
            p.codes.recolor(args.name, args.color)
            say(tr("Warna {code} menjadi {color}", code=args.name, color=args.color.lower()))
        elif action == "move":
            p.codes.move(args.name, args.parent)
            say(tr("Kode {code} dipindah ke {parent}", code=args.name, parent=args.parent or tr("tingkat teratas")))
        elif action == "merge":
            n = p.codes.merge(args.name, args.target)
            say(tr("Kode {source} digabung ke {target}; {n} segmen dipindah", source=args.name, target=args.target,
                     n=n))
        elif action == "delete":
            try:
                n = p.codes.delete(args.name, delete_segments=args.with_segments)
            except CodeHasSegments as exc:
                raise CodeHasSegments(f"{exc} (--with-segments)") from None
            say(tr("Kode {code} dihapus ({n} segmen ikut dihapus)", code=args.name, n=n))
        elif action == "import":
            from qda.store.codebook_loader import add_bundled_codebook

            added = add_bundled_codebook(p, args.path)
            say(tr("{n} kode ditambahkan dari {path}", n=added, path=args.path))
        else:  # pragma: no cover - argparse restricts the choices
            raise QdaError(action)
    return 0


def register(sub) -> None:
    """Add ``qda codebook``."""
    p = sub.add_parser("codebook", help=tr("ubah buku kode: tambah, ganti nama, warna, pindah, gabung, hapus, "
                                           "ekspor/impor"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--coder", help=tr("nama pengode"))
    acts = p.add_subparsers(dest="action", required=True, metavar=tr("TINDAKAN"))
    a = acts.add_parser("add", help=tr("kode baru"))
    a.add_argument("name")
    a.add_argument("--parent", help=tr("kode induk"))
    a.add_argument("--group", type=word_choice(GROUP_WORDS), metavar=tr("KELOMPOK"),
                   help=tr("kelompok: dimensi/dimension, faktor/factor, sendiri/own (bawaan: sendiri)"))
    a.add_argument("--color", help="#rrggbb")
    a.add_argument("--definition", help=tr("definisi (Indonesia)"))
    a.add_argument("--definition-en", help=tr("definisi (Inggris)"))
    a.add_argument("--example", help=tr("contoh kutipan"))
    a = acts.add_parser("rename", help=tr("ganti nama kode"))
    a.add_argument("name")
    a.add_argument("new")
    a = acts.add_parser("recolor", help=tr("ganti warna kode"))
    a.add_argument("name")
    a.add_argument("color", help="#rrggbb")
    a = acts.add_parser("move", help=tr("pindahkan kode ke bawah induk lain (tanpa --parent: ke tingkat teratas)"))
    a.add_argument("name")
    a.add_argument("--parent")
    a = acts.add_parser("merge", help=tr("gabungkan kode ke kode lain"))
    a.add_argument("name")
    a.add_argument("target")
    a = acts.add_parser("delete", help=tr("hapus kode"))
    a.add_argument("name")
    a.add_argument("--with-segments", action="store_true", help=tr("hapus juga semua segmennya (harus tegas)"))
    a = acts.add_parser("export", help=tr("tulis buku kode proyek ke berkas JSON"))
    a.add_argument("path")
    a = acts.add_parser("import", help=tr("tambahkan kode dari templat (dwiyanto, sako, kosong) atau berkas buku kode JSON"))
    a.add_argument("path")
    p.set_defaults(func=cmd_codebook)
