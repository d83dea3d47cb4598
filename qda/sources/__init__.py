"""Importing sources: readers per format, normalisation, header attributes, speaker turns.

The public entry points:

- :func:`import_files` - read, parse and store files in a project (a few files per transaction).
- :func:`prepare_source` - read, normalise and parse one file without a project.
- :func:`read_source` - a file's normalised plain text and how it was read.
- :func:`parse_transcript` - header attributes, case, turns and kind of a text.
"""

from qda.sources.importer import ImportReport, PreparedSource, expand_paths, import_files, prepare_source
from qda.sources.readers import SUPPORTED_EXTENSIONS, SourceText, read_source
from qda.sources.transcript import ParsedSource, parse_transcript
from qda.sources.turns import SpeakerTurn

__all__ = [
    "ImportReport", "PreparedSource", "expand_paths", "import_files", "prepare_source",
    "SUPPORTED_EXTENSIONS", "SourceText", "read_source", "ParsedSource", "parse_transcript", "SpeakerTurn",
]
