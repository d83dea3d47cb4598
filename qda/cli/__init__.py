"""The ``qda`` command line: parse arguments, call the core, print. Thin by design.

``qda PROJECT.qda`` opens that project in the GUI. Each subcommand lives in
``qda/cli/<name>_cmd.py`` with ``register(subparsers)``;
handlers return an exit code and raise :class:`qda.errors.QdaError` for user errors,
which :func:`main` prints as one line (no traceback) with exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from qda import __version__
from qda.errors import QdaError
from qda.i18n import set_language, tr

COMMAND_MODULES = (
    "project_cmd",
    "import_cmd",
    "coding_cmd",
    "search_cmd",
    "codebook_cmd",
    "manage_cmd",
    "demo_cmd",
    "survey_cmd",
    "report_cmd",
)


def _early_language(argv: list[str]) -> None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1] if argv[i + 1] in ("id", "en") else "id")
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            set_language(value if value in ("id", "en") else "id")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="qda",
        description=tr("Analisis data kualitatif dan campuran untuk kinerja pelayanan publik. "
                       "Tanpa subperintah: membuka GUI."))
    parser.add_argument("--version", action="version", version=f"qda {__version__}",
                        help=tr("tampilkan versi program lalu keluar"))
    parser.add_argument("--lang", choices=["id", "en"], help=tr("bahasa antarmuka (bawaan: id)"))
    sub = parser.add_subparsers(dest="command", metavar=tr("PERINTAH"))
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"qda.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"qda.cli.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _early_language(argv)
    from qda.cli.argparse_id import localise_argparse
    from qda.i18n import language

    localise_argparse(language())
    if len(argv) == 1 and argv[0].lower().endswith(".qda"):  # "qda studi.qda": open it in the GUI
        from qda.cli.demo_cmd import open_gui

        return open_gui(argv[0])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from qda.cli.demo_cmd import open_gui

        return open_gui(None)
    try:
        return int(args.func(args) or 0)
    except QdaError as exc:
        print(f"qda: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file named on the command line that cannot be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"qda: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr("qda: dibatalkan"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
