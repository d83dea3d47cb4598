"""Normalisation of imported text, done once at import; the result is frozen.

Rules (the stored text, and so every segment position, depends on them):

1. Line breaks ``\\r\\n``, ``\\r``, U+2028, U+2029, U+0085, ``\\x0b`` and ``\\x0c`` become ``\\n``.
2. Every U+FEFF (byte-order mark / zero-width no-break space) is removed.
3. A NUL character means the file is binary, not text: the file is refused.
   Other control characters (C0 except tab and newline, DEL, C1) are removed; if there
   are more than 8 of them and they make up more than 1 % of the text, the file is
   refused as binary.
4. Surrogates (from RTF ``\\uN`` escapes or damaged UTF-16) are made characters: a high and
   low pair becomes the character it encodes (``\\u55357 \\u56832`` → 😀), a lone one U+FFFD.
   Then Unicode NFC (with the ``unicodedata.is_normalized`` fast path).
5. Spaces and tabs at the end of each line are removed, and blank lines at the very
   end of the text; leading text is kept as it is.
6. Text that is empty or only whitespace afterwards is refused.

The content hash is the SHA-256 of the normalised text in UTF-8, so the same content
saved in two encodings or with different line endings is recognised as a duplicate.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from qda.errors import SourceRefused
from qda.i18n import tr

_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_NEWLINE_CHARS = "\r\u2028\u2029\x85\x0b\x0c"  # one `in` test each is ~30x a regex scan of real text
_SURROGATE_BYTES = re.compile(rb"\xed[\xa0-\xbf]")  # a surrogate in UTF-8 with surrogatepass
_C1_BYTES = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
_CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_TRAILING = re.compile("[ \t]+(?=\n)")
_BINARY_SHARE = 0.01
_BINARY_FLOOR = 8


def normalise_text(text: str, path: str) -> str:
    """Return ``text`` normalised by the rules above; raise SourceRefused if unusable."""
    return normalise(text, path)[0]


def normalise(text: str, path: str, utf8: bytes | None = None) -> tuple[str, bytes]:
    """``(normalised text, its UTF-8 bytes)`` by the rules above; raise SourceRefused if unusable.

    ``utf8``, if given, must be exactly ``text`` encoded as UTF-8 (a file's own bytes after a
    strict UTF-8 decode): the checks then run on it without encoding the text again, and it is
    returned as the result's bytes when the text needed no change but its trailing whitespace.
    """
    if any(ch in text for ch in _NEWLINE_CHARS):
        text = _NEWLINES.sub("\n", text)
        utf8 = None
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
        utf8 = None
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    if b"\x00" in data:  # on the bytes: a memchr, 15x faster than on non-ASCII text
        raise SourceRefused(path, tr("berisi byte NUL; kemungkinan berkas biner, bukan teks"))
    changed = False
    if _has_controls(text, data):
        text = _strip_controls(text, path)
        changed = True
    if b"\xed" in data and _SURROGATE_BYTES.search(data):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        changed = True
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        changed = True
    if (" \n" in text or "\t\n" in text) if changed else (b" \n" in data or b"\t\n" in data):
        text = _TRAILING.sub("", text)
        changed = True
    stripped = text.rstrip()
    if not stripped:
        raise SourceRefused(path, tr("berkas kosong atau hanya berisi spasi"))
    if changed:
        return stripped, stripped.encode("utf-8")
    if len(stripped) < len(text):
        data = data[:len(data) - len(text[len(stripped):].encode("utf-8"))]
    return stripped, data


_C0 = bytes(range(1, 9)) + bytes(range(14, 32)) + b"\x7f"
_NOT_C0 = bytes(b for b in range(256) if b not in _C0)


def _has_controls(text: str, data: bytes) -> bool:
    """Any C0, DEL or C1 control character left? Checked on the UTF-8 bytes, where C0 and DEL are
    single bytes no other character contains (bytes.translate) and C1 is ``\xc2`` + one byte:
    about twice as fast as a regular-expression scan of non-ASCII text, 7x of ASCII text."""
    return bool(data.translate(None, _NOT_C0)) or (not text.isascii() and _C1_BYTES.search(data) is not None)


def _strip_controls(text: str, path: str) -> str:
    cleaned, removed = _CONTROLS.subn("", text)
    if removed > _BINARY_FLOOR and removed > _BINARY_SHARE * len(text):
        raise SourceRefused(
            path, tr("berisi {n} karakter kendali; kemungkinan berkas biner, bukan teks", n=removed)
        )
    return cleaned


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_WHITESPACE_BYTES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
_WORD_TABLE = bytes((32 if i in _WHITESPACE_BYTES else 120) for i in range(256))
#: str.split()'s whitespace beyond ASCII, in UTF-8: U+0085 and U+00A0 (C2 ..), U+1680 (E1 9A 80),
#: U+2000-U+200A, U+2028, U+2029, U+202F (E2 80 ..), U+205F (E2 81 9F), U+3000 (E3 80 80). Each test
#: starts with a memchr for the lead byte; only E2, which typographic punctuation shares, needs a scan.
_C2_SPACES = re.compile(rb"\xc2[\x85\xa0]")
_E2_SPACES = re.compile(rb"\xe2(?:\x80[\x80-\x8a\xa8\xa9\xaf]|\x81\x9f)")


def _has_unicode_spaces(data: bytes) -> bool:
    """Does the UTF-8 ``data`` hold whitespace ``str.split`` knows beyond ASCII?"""
    return ((b"\xc2" in data and _C2_SPACES.search(data) is not None)
            or (b"\xe1" in data and b"\xe1\x9a\x80" in data)
            or (b"\xe3" in data and b"\xe3\x80\x80" in data)
            or (b"\xe2" in data and _E2_SPACES.search(data) is not None))


_WORD_CHUNK = 1 << 20


def hash_and_count(text: str, utf8: bytes | None = None) -> tuple[str, int]:
    """(content hash, word count) from one UTF-8 encoding of ``text`` (``utf8``, if already made).

    Words are counted as ``str.split()`` counts them, without building the list: bytes are
    mapped to space / non-space and the starts of non-space runs are counted. Text with
    non-ASCII whitespace (no-break space, ...) falls back to :func:`count_words`.
    """
    data = text.encode("utf-8") if utf8 is None else utf8
    digest = hashlib.sha256(data).hexdigest()
    if not text.isascii() and _has_unicode_spaces(data):
        return digest, count_words(text)
    mapped = data.translate(_WORD_TABLE)
    return digest, mapped.count(b" x") + (mapped[:1] == b"x")


def count_words(text: str) -> int:
    """Number of whitespace-separated words, counted in 1 MB slices so memory stays bounded."""
    if len(text) <= _WORD_CHUNK:
        return len(text.split())
    total, start, size = 0, 0, len(text)
    while start < size:
        stop = min(start + _WORD_CHUNK, size)
        while stop < size and not text[stop].isspace():
            stop += 1
        total += len(text[start:stop].split())
        start = stop
    return total
