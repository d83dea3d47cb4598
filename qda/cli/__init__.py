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
from qda.errors import QdaError, os_reason
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
    "review_cmd",
    "autocode_cmd",
    "exchange_cmd",
    "edit_cmd",
    "analysis_cmd",
    "file_cmd",
    "joint_cmd",
)


def _subcommand(argv: list[str]) -> str | None:
    """The first word that is neither an option nor the value of a global option."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--lang", "--wait", "--as", "--sebagai"):
            i += 2
            continue
        if not arg.startswith("-"):
            return arg
        i += 1
    return None


def _take_language(argv: list[str]) -> list[str]:
    """Apply ``--lang id|en`` wherever it stands (before or after the subcommand); return the rest.

    ``qda report … --lang en`` keeps its own meaning (the report's language) and is left in place.
    """
    rest: list[str] = []
    i = 0
    reports = _subcommand(argv) == "report"
    while i < len(argv):
        arg = argv[i]
        if reports and arg.startswith("--lang"):
            rest.append(arg)
        elif arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("id", "en"):
            set_language(argv[i + 1])
            i += 1
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in ("id", "en"):
            set_language(arg.split("=", 1)[1])
        else:
            rest.append(arg)
        i += 1
    return rest


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (``qda … | head``): stop quietly, as Unix tools do."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError:
        pass
    return 0


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered, or, given the ``command`` about to
    run, only the subcommand modules up to the one that defines it (each module costs its
    imports and argparse set-up at every start; ``--help`` and unknown words get them all)."""
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
        if command is not None and command in sub.choices:
            break
    from qda.cli.file_faults import add_wait_option
    from qda.cli.session import add_session_options

    add_wait_option(parser, sub)
    add_session_options(parser, sub)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _open_named(name: str) -> int:
    """``qda studi.qda`` or ``qda studi``: open that project in the GUI, or say why not."""
    from pathlib import Path

    from qda.cli.demo_cmd import open_gui

    path = Path(name).expanduser()
    if path.is_dir():
        print(tr("qda: {path} adalah folder, bukan berkas proyek; sebutkan berkas .qda di dalamnya", path=path),
              file=sys.stderr)
        return 2
    if not path.exists() and path.suffix.lower() != ".qda" and path.with_name(path.name + ".qda").is_file():
        path = path.with_name(path.name + ".qda")
    if not path.exists() and path.suffix.lower() != ".qda":
        print(tr("qda: {name} bukan perintah dan bukan berkas proyek yang ada; lihat qda --help, "
                 "atau buat proyek dengan qda new {name}.qda", name=name), file=sys.stderr)
        return 2
    return open_gui(str(path))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = _take_language(list(sys.argv[1:] if argv is None else argv))
    from qda.cli.argparse_id import localise_argparse
    from qda.i18n import language

    localise_argparse(language())
    parser = build_parser(_subcommand(argv))
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in _subcommands(parser):
        return _open_named(argv[0])
    args = parser.parse_args(argv)
    if not args.command:
        from qda.cli.demo_cmd import open_gui

        return open_gui(None)
    from qda.cli import file_faults, session

    file_faults.configure(args)
    session.configure(args)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except QdaError as exc:
        print(f"qda: {file_faults.message(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file named on the command line that cannot be read or written
        fault = file_faults.message(exc)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"qda: {fault or where + os_reason(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr("qda: dibatalkan"), file=sys.stderr)
        return 130
    except Exception as exc:  # a fault of the project file (disk full, I/O, a rule in the file): one line
        fault = file_faults.message(exc)
        if fault is None:
            raise
        print(f"qda: {fault}", file=sys.stderr)
        return 2
    finally:
        file_faults.reset()
        session.reset()
