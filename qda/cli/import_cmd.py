"""``qda import PROJECT.qda FILE... [--kind ...]``: add sources to a project.

Directories expand to the supported files inside them. A text progress bar is drawn on
a terminal; a first Ctrl-C stops between files (documents already imported stay), a
second one interrupts at once. Exit code 0 if anything was imported or nothing was
refused, 1 if files were refused and none imported.
"""

from __future__ import annotations

import argparse
import signal

from qda.cli.options import KIND_WORDS, word_choice
from qda.cli.output import say
from qda.errors import QdaError
from qda.i18n import tr


def register(subparsers) -> None:
    """Add the ``import`` subcommand."""
    parser = subparsers.add_parser(
        "import",
        help=tr("impor sumber (txt, md, docx, odt, rtf, pdf) ke proyek"),
        description=tr(
            "Impor transkrip wawancara, catatan observasi dan dokumen ke proyek. Folder diperluas "
            "menjadi berkas yang didukung di dalamnya."
        ),
    )
    parser.add_argument("project", metavar=tr("PROYEK"), help=tr("berkas proyek"))
    parser.add_argument("files", nargs="+", metavar=tr("BERKAS"), help=tr("berkas atau folder sumber"))
    parser.add_argument(
        "--kind",
        type=word_choice(KIND_WORDS), metavar=tr("JENIS"),
        help=tr("jenis sumber: wawancara, observasi, dokumen (bawaan: dari kepala transkrip, nama berkas, "
                "atau giliran bicara)"),
    )
    parser.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """Import the files and print a report; see the module docstring for exit codes."""
    from qda.progress import Progress, text_bar
    from qda.sources import expand_paths, import_files
    from qda.store import Project

    paths = expand_paths(args.files)
    if not paths:
        raise QdaError(tr("tidak ada berkas yang didukung di {paths}", paths=", ".join(args.files)))
    progress = Progress(callback=text_bar())
    from qda.cli import session

    with session.apply(Project.open(args.project), write=True, lists_codings=False) as project, \
            _cancel_on_interrupt(progress):
        report = import_files(project, paths, kind=args.kind, progress=progress)
    from qda.sources.names import display_name as shown

    for path, reason in report.refused:
        say(tr("ditolak: {path}: {reason}", path=shown(path), reason=reason))
    for path, existing in report.duplicates:
        say(tr("duplikat: {path} (isinya sama dengan {name})", path=shown(path), name=existing))
    for path, name in report.renamed:
        say(tr("nama sudah dipakai: {path} diimpor sebagai {name}", path=shown(path), name=name))
    for path, name in report.sanitised:
        say(tr("peringatan: nama berkas {path!r} berisi karakter kendali atau pembalik arah; ditampilkan "
               "sebagai {name}", path=path, name=name))
    say(report.summary())
    if report.cancelled:
        return 130
    return 1 if report.refused else 0


class _cancel_on_interrupt:
    """Within the block, the first SIGINT cancels ``progress``; the second interrupts."""

    def __init__(self, progress) -> None:
        self.progress = progress
        self.previous = None

    def __enter__(self):
        try:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread
            self.previous = None
        return self

    def _handle(self, signum, frame) -> None:
        if self.progress.cancelled:
            raise KeyboardInterrupt
        self.progress.cancel()

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
