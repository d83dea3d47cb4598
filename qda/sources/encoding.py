"""Decoding the bytes of a plain-text file: byte-order marks, a UTF-8 fast path, then detection.

Order: a BOM (UTF-8, UTF-32, UTF-16) decides at once; bytes that contain NUL are UTF-16
without a BOM if NUL fills every other byte (mostly-ASCII text), otherwise they are refused
as binary; then a strict UTF-8 decode is tried (most files, and by far the cheapest); the
rest goes to charset-normalizer (cp1252, latin-1, ...).
"""

from __future__ import annotations

import codecs

from qda.errors import SourceRefused
from qda.i18n import tr

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_NAMES = {
    codecs.BOM_UTF8: "utf-8-sig",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding name)`` or raise SourceRefused."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), _BOM_NAMES[bom]
            except UnicodeDecodeError as exc:
                raise SourceRefused(
                    path, tr("bukan teks {enc} yang sah (byte ke-{pos})", enc=_BOM_NAMES[bom], pos=exc.start)
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise SourceRefused(path, tr("berisi byte NUL; kemungkinan berkas biner, bukan teks"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, path)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: NUL in every other byte of mostly-ASCII text."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > 0.6 * half and other == 0:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


_LATIN_FAMILY = frozenset(
    {"cp1252", "cp1250", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9", "iso8859_15", "mac_roman",
     "mac_latin2"}
)


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceRefused(path, tr("pengodean karakter tidak dikenali; kemungkinan berkas biner, bukan teks"))
    encoding = best.encoding
    if encoding in _LATIN_FAMILY:
        # Text in the Latin alphabet saved by Windows tools in Indonesia is cp1252; the
        # detector cannot always tell it from its Central European / ISO siblings, which
        # agree on the letters Indonesian and English use.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode(encoding, errors="strict"), encoding
