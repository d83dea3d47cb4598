"""``qda backup``, ``qda restore``, ``qda strip-foreign``: the project file itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qda.cli.output import print_table
from qda.errors import ProjectExists
from qda.i18n import tr


def cmd_backup(args: argparse.Namespace) -> int:
    from qda.store import Project
    from qda.store.backups import backup_target

    target = Path(args.target) if args.target else None
    if target is not None and target.is_dir():
        target = target / backup_target(args.project).name
    if target is not None and target.exists():
        raise ProjectExists(tr("{path}: berkas sudah ada; cadangan tidak menimpa berkas, pilih nama lain",
                               path=target))
    with Project.open(args.project, read_only=True) as project:
        written = project.backup(target)
    print(tr("Cadangan ditulis: {path}", path=written), file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from qda.dates import format_datetime
    from qda.store.backups import list_backups, restore

    if not args.backup:
        backups = list_backups(args.project)
        if not backups:
            print(tr("Tidak ada cadangan {name}.bak-* di folder {folder}", name=Path(args.project).name,
                     folder=Path(args.project).parent), file=sys.stderr)
            return 0
        print_table([tr("cadangan"), tr("waktu"), tr("ukuran (KB)")],
                    [[b.path.name, format_datetime(b.modified), round(b.size / 1024)] for b in backups])
        print(tr("Folder: {folder}; pulihkan dengan: qda restore {path} NAMA-CADANGAN",
                 folder=Path(args.project).parent, path=args.project), file=sys.stderr)
        return 0
    backup = Path(args.backup)
    if not backup.exists() and (Path(args.project).parent / backup.name).is_file():
        backup = Path(args.project).parent / backup.name  # a name as listed, in the project's folder
    kept = restore(args.project, backup)
    if kept is not None:
        print(tr("Proyek {path} dipulihkan dari {backup}; berkas sebelumnya disimpan sebagai {kept}",
                 path=args.project, backup=backup, kept=kept), file=sys.stderr)
    else:
        print(tr("Proyek {path} dipulihkan dari {backup}", path=args.project, backup=backup), file=sys.stderr)
    return 0


def cmd_strip_foreign(args: argparse.Namespace) -> int:
    from qda.store import Project

    removed, backup = Project.strip_foreign(args.project)
    if not removed:
        print(tr("{path}: tidak ada objek asing; tidak ada yang diubah", path=args.project), file=sys.stderr)
        return 0
    print(tr("{path}: dibuang: {objects}; salinan sebelumnya: {backup}", path=args.project,
             objects=", ".join(removed), backup=backup), file=sys.stderr)
    return 0


def register(sub) -> None:
    """Add the project-file subcommands."""
    p = sub.add_parser("backup", help=tr("tulis salinan cadangan proyek (tanpa TUJUAN: di samping proyek, "
                                         "bernama menurut waktu)"))
    p.add_argument("project", help=tr("berkas proyek (.qda)"))
    p.add_argument("target", nargs="?", help=tr("berkas atau folder tujuan (tidak pernah ditimpa)"))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help=tr("pulihkan proyek dari cadangan (tanpa CADANGAN: daftar cadangan)"))
    p.add_argument("project", help=tr("berkas proyek (.qda)"))
    p.add_argument("backup", nargs="?", help=tr("berkas cadangan; berkas proyek sekarang disimpan sebagai cadangan"))
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("strip-foreign", help=tr("buang trigger, view dan tabel yang tidak dibuat qda "
                                                "(cadangan dibuat dulu)"))
    p.add_argument("project", help=tr("berkas proyek (.qda)"))
    p.set_defaults(func=cmd_strip_foreign)
