"""Safe display names for files: a name cannot pretend to be another or drive the terminal.

A file name may hold control characters, a newline, ANSI escape sequences or Unicode
direction overrides (``wawancara_\\u202egpj.txt`` shows as ``wawancara_txt.jpg``). The
document keeps the original path as its source file; its name — shown everywhere and
used by ``--doc`` — is the sanitised one, and the import report says which names changed.
"""

from __future__ import annotations

import re

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]")  # zero-width, bidi marks
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def display_name(name: str) -> str:
    """``name`` without escape sequences, direction overrides and invisible characters; controls
    and line breaks become one space; an undecodable byte (a lone surrogate) becomes U+FFFD."""
    cleaned = _ANSI.sub("", name)
    cleaned = _INVISIBLE.sub("", cleaned)
    cleaned = _CONTROL.sub(" ", cleaned)
    cleaned = _SURROGATE.sub("\ufffd", cleaned)
    cleaned = " ".join(cleaned.split())
    return cleaned or "_"
