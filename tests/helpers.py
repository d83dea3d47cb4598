"""Small helpers shared by tests in several folders."""

from __future__ import annotations

import zipfile
from pathlib import Path


def span(text: str, phrase: str) -> tuple[int, int]:
    """Code-point span of the first occurrence of ``phrase`` in ``text``."""
    start = text.index(phrase)
    return start, start + len(phrase)


def write_zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    """A zip archive (deflated) at ``path`` holding ``entries`` (name → content)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry, data in entries.items():
            zf.writestr(entry, data)
    return path
