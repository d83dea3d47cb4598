"""Size limits applied to every imported file, checked before anything is read or extracted.

The limits keep memory bounded whatever a file claims to hold:

- ``MAX_FILE_BYTES``: a file on disk larger than this is refused unread (100 MB;
  a 20 MB transcript on one line is well inside it and imports).
- ``MAX_XML_BYTES``: the declared uncompressed size of all XML parts of a .docx/.odt
  archive together (50 MB); a word-processor document of a long interview needs
  a few MB of XML.
- ``MAX_ARCHIVE_BYTES``: the declared uncompressed size of all members of such an archive,
  images included (200 MB).
- ``MAX_COMPRESSION_RATIO``: a zip member that expands more than this many times
  over its compressed size (and is larger than ``RATIO_FLOOR_BYTES``) is treated
  as a zip bomb. Ordinary Word XML compresses 5-20 times.
"""

from __future__ import annotations

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_XML_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 5000
