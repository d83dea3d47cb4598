"""Rich Text Format through striprtf (ASCII with escapes; ``\\'xx`` in the declared code page)."""

from __future__ import annotations

import re

from qda.errors import SourceRefused
from qda.i18n import tr
from qda.sources.readers import fault_reason, read_bytes

_ANSICPG = re.compile(rb"\\ansicpg(\d+)")


def read(path: str) -> tuple[str, str]:
    """Return ``(text, code page)`` of an .rtf file."""
    from striprtf.striprtf import rtf_to_text

    data = read_bytes(path)
    if not data.lstrip()[:5] == b"{\\rtf":
        raise SourceRefused(path, tr("bukan berkas RTF yang sah (tidak diawali {{\\rtf)"))
    if b"\x00" in data:
        raise SourceRefused(path, tr("berisi byte NUL; kemungkinan berkas biner, bukan teks"))
    found = _ANSICPG.search(data[:4096])
    codepage = f"cp{found.group(1).decode()}" if found else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    source = data.decode("latin-1")
    try:
        text = rtf_to_text(source, encoding=codepage, errors="replace")
    except (ValueError, IndexError, UnicodeError, OverflowError) as exc:
        raise SourceRefused(path, tr("berkas RTF rusak ({detail})", detail=fault_reason(exc))) from None
    return text, codepage
