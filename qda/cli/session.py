"""How a command opens its project: who is looking (``--as NAMA``, for blind coding) and ``--review-mode``.

Both are global options, accepted before or after the subcommand:

- ``--as NAMA`` names the person running the command. While the project's blind coding is on,
  every listing (segments, codes and their counts, queries, excerpt exports, reports, the
  review queue) holds only that person's codings, unless they are a supervisor; without
  ``--as`` (or the ``--coder`` of a writing command) a blind project is refused, so nobody sees
  the others' codings by leaving the name out.
- ``--review-mode`` opens the project as a supervisor reviews it: any change to codings, codes
  or sources is refused with a message; reviews and memos are written as usual.
"""

from __future__ import annotations

import argparse
from typing import Any

from qda.errors import QdaError
from qda.i18n import tr

#: Global options that take a value (the CLI's parser skips it when looking for the subcommand).
VALUE_OPTIONS = ("--as", "--sebagai")

_viewer: str | None = None
_review_mode = False


def add_session_options(parser: argparse.ArgumentParser, sub: argparse._SubParsersAction) -> None:
    """``--as NAMA`` and ``--review-mode`` on the main parser and on every subcommand."""
    as_help = tr("nama Anda sebagai pengode atau pembimbing (koding buta: pengode hanya melihat segmennya)")
    mode_help = tr("mode telaah: koding, kode dan sumber tidak dapat diubah; hanya telaah dan memo yang ditulis")
    for target, default in ((parser, None), *((p, argparse.SUPPRESS) for p in sub.choices.values())):
        if any("--as" in action.option_strings for action in target._actions):
            continue
        target.add_argument("--as", "--sebagai", dest="viewer", metavar=tr("NAMA"), default=default, help=as_help)
        target.add_argument("--review-mode", "--mode-telaah", dest="review_mode", action="store_true",
                            default=False if default is None else argparse.SUPPRESS, help=mode_help)


def configure(args: argparse.Namespace) -> None:
    """Remember this command's ``--as`` and ``--review-mode`` for every project it opens."""
    global _viewer, _review_mode
    _viewer = (getattr(args, "viewer", None) or "").strip() or None
    _review_mode = bool(getattr(args, "review_mode", False))


def reset() -> None:
    """Back to no viewer and no review mode (``main()`` may run several times in one process)."""
    global _viewer, _review_mode
    _viewer = None
    _review_mode = False


def in_review_mode() -> bool:
    """Whether the running command was given ``--review-mode``."""
    return _review_mode


def apply(project: Any, *, write: bool, coder: str | None = None, lists_codings: bool = True) -> Any:
    """Set who is looking and the review-mode guard on a freshly opened ``project``; returns it.

    Raises :class:`QdaError` (and closes the project) for a blind project opened without a name
    by a command that may show codings (``lists_codings``) and names no ``coder``.
    """
    try:
        if _viewer:
            project.coders.act_as(_viewer)
        elif lists_codings and not coder and project.supervision.blind():
            raise QdaError(tr("{path}: koding buta aktif; sebutkan siapa Anda dengan --as NAMA (pengode hanya "
                              "melihat segmennya sendiri, pembimbing melihat semua segmen)", path=project.path.name))
        if _review_mode and write and not project.read_only:
            project.supervision.enter_review_mode()
    except BaseException:
        project.close()
        raise
    return project
