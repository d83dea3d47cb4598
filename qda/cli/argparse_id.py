"""argparse's own words (usage, options, errors) in Indonesian when the interface is Indonesian."""

from __future__ import annotations

import argparse
import gettext

ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "perlu satu argumen",
    "expected at least one argument": "perlu sedikitnya satu argumen",
    "expected at most one argument": "paling banyak satu argumen",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
}


def localise_argparse(language: str) -> None:
    """Make argparse speak ``language`` ("id": Indonesian; anything else: argparse's English)."""
    if language == "id":
        argparse._ = lambda text: ARGPARSE_ID.get(text, text)  # type: ignore[attr-defined]
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
