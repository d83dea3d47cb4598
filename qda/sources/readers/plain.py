"""Plain text and Markdown: decoded (BOM, UTF-8, detection) and kept exactly as written.

Markdown is stored as written, marks included: the stored text is what gets coded, and
removing ``#`` or ``*`` would make it differ from the file the researcher sees.
"""

from __future__ import annotations

from qda.sources.encoding import decode_bytes
from qda.sources.readers import read_bytes


def read(path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of a .txt/.md file."""
    return decode_bytes(read_bytes(path), path)
