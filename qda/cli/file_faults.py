"""The CLI's side of file faults: ``--wait`` for the write lock, and every fault as one ``qda:`` line.

Writers wait up to ``--wait`` seconds (default :data:`DEFAULT_WAIT`) for another
program's write lock, saying on stderr that they wait; then they stop with a message
saying what to do. Full disk, read-only media, I/O errors, damaged or foreign files
and rules inside a project file are told by :func:`message` in the interface language.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qda.errors import ProjectInUse, QdaError
from qda.i18n import tr

DEFAULT_WAIT = 20.0
_project: str | None = None  # the project named by the running command, for messages


def add_wait_option(parser: argparse.ArgumentParser, sub: argparse._SubParsersAction) -> None:
    """``--wait SECONDS`` before or after any subcommand."""
    help_text = tr("detik menunggu bila program lain sedang menulis proyek (bawaan: {n})", n=int(DEFAULT_WAIT))
    parser.add_argument("--wait", type=_seconds, default=DEFAULT_WAIT, metavar=tr("DETIK"), help=help_text)
    for subparser in sub.choices.values():
        if not any("--wait" in action.option_strings for action in subparser._actions):
            subparser.add_argument("--wait", type=_seconds, default=argparse.SUPPRESS, metavar=tr("DETIK"),
                                   help=help_text)


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(tr("bukan jumlah detik: {value}", value=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(tr("jumlah detik tidak boleh negatif: {value}", value=text))
    return value


def configure(args: argparse.Namespace) -> None:
    """Make every project opened for writing by this command wait ``args.wait`` seconds for the lock."""
    from qda.store.lock import set_write_wait

    global _project
    project = getattr(args, "project", None)
    _project = project if isinstance(project, str) else None
    set_write_wait(getattr(args, "wait", DEFAULT_WAIT), _say_waiting)


def reset() -> None:
    """Back to the library's defaults (no waiting) once the command is done (main() may run in-process)."""
    from qda.store.lock import set_write_wait

    global _project
    _project = None
    set_write_wait(0.0)


def _say_waiting(path: Path, seconds: float) -> None:
    print(tr("qda: {path} sedang ditulis program lain; menunggu paling lama {n} detik …", path=path,
             n=_number(seconds)), file=sys.stderr, flush=True)


def _number(seconds: float) -> str:
    return str(int(seconds)) if float(seconds).is_integer() else str(seconds).replace(".", ",")


def message(exc: BaseException) -> str | None:
    """The one line (without ``qda:``) for ``exc``, or None if it is not a user-facing fault."""
    if isinstance(exc, ProjectInUse) and exc.path is not None:
        return tr("{path}: proyek sedang dibuka untuk menulis oleh program lain dan tidak dibebaskan dalam {n} detik; "
                  "tutup proyek di program itu (mis. jendela qda) lalu ulangi, atau tunggu lebih lama dengan "
                  "--wait DETIK", path=exc.path, n=_number(exc.waited))
    if isinstance(exc, QdaError):
        return str(exc)
    from qda.store.faults import user_error

    path = getattr(exc, "filename", None) or _project
    if path is None:
        return None
    fault = user_error(exc, path)
    return None if fault is None or fault is exc else str(fault)
