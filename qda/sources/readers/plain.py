"""Plain text and Markdown: decoded (BOM, UTF-8, detection) and kept exactly as written.

Markdown is stored as written, marks included: the stored text is what gets coded, and
removing ``#`` or ``*`` would make it differ from the file the researcher sees.
"""

from __future__ import annotations

import codecs

from qda.sources.encoding import decode_bytes
from qda.sources.readers import read_bytes


def read(path: str) -> tuple[str, str, bytes | None]:
    """Return ``(text, encoding, UTF-8 bytes of the text or None)`` of a .txt/.md file.

    A file in UTF-8 already holds the text's UTF-8 bytes (after its BOM, if any): normalising,
    hashing and counting words then work on them without encoding the text again.
    """
    data = read_bytes(path)
    if b"\x00" not in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # trailing blanks go anyway (normalisation rule 5): dropped from the bytes, in any ASCII-based
        # encoding, they spare the decoded text a copy of itself
        data = data.rstrip(b" \t\n\r\x0b\x0c")
    text, encoding = decode_bytes(data, path)
    if encoding == "utf-8":
        return text, encoding, data
    if encoding == "utf-8-sig":
        return text, encoding, data[3:]
    return text, encoding, None
