"""Importing files into a project: read, normalise, parse, then write in a few short transactions.

Each file is read and parsed outside any transaction; the documents, with their turns,
attributes and cases, are written together in one transaction once about a second's worth
of files is ready (at most :data:`BATCH_FILES` files or :data:`BATCH_CHARS` characters, or
after :data:`BATCH_SECONDS`), and only then is progress advanced for them. So an interrupted
import keeps every document whose progress step was reported, never half of one, and the
store pays one commit per batch instead of one per file.

- A file whose normalised content (SHA-256) is already in the project, or earlier in the
  same batch, is reported as a duplicate and skipped.
- A document is named by its file name. If that name is taken by different content, the
  new document gets a numbered name: ``wawancara_01.txt`` -> ``wawancara_01 (2).txt``; the
  rename is listed in :attr:`ImportReport.renamed`.
- A file name with control characters, escape sequences or direction overrides is shown
  by a sanitised name (:func:`qda.sources.names.display_name`; the original path stays the
  source file) and listed in :attr:`ImportReport.sanitised`.
- A refused file (see :mod:`qda.sources.readers`) is listed with its reason; the rest of the
  batch goes on. An unexpected error of a parser library on a file is reported the same
  way (with the error's type), so one odd file cannot stop a batch; errors of the project
  store are not caught.
- Header fields describing the informant (Nama, Jabatan, ...) fill the case's attributes
  that are still empty; values already present on the case are kept.
- Progress advances once per file, after the file is stored; a cancel stops between files
  (what was read by then is stored) and the report says so.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from qda.domain import KINDS
from qda.errors import Cancelled, SourceRefused
from qda.i18n import tr
from qda.progress import Progress
from qda.sources.names import display_name
from qda.sources.normalise import hash_and_count
from qda.sources.readers import is_supported, read_source
from qda.sources.transcript import ParsedSource, parse_transcript


@dataclass
class ImportReport:
    """What happened to each file of a batch."""

    imported: list = field(default_factory=list)  # list[qda.store.Document]
    refused: list[tuple[str | os.PathLike[str], str]] = field(default_factory=list)  # (file, reason)
    duplicates: list[tuple[str | os.PathLike[str], Any]] = field(default_factory=list)  # (file, stored document)
    renamed: list[tuple[str | os.PathLike[str], str]] = field(default_factory=list)  # (file, name given)
    sanitised: list[tuple[str | os.PathLike[str], str]] = field(default_factory=list)  # (original path, name shown)
    cancelled: bool = False

    def summary(self) -> str:
        """One line such as ``3 dokumen diimpor, 1 ditolak, 1 duplikat``."""
        text = tr(
            "{imported} sumber diimpor, {refused} ditolak, {duplicates} duplikat",
            imported=len(self.imported),
            refused=len(self.refused),
            duplicates=len(self.duplicates),
        )
        return text + (tr(" (dibatalkan)") if self.cancelled else "")


@dataclass(frozen=True)
class PreparedSource:
    """A file read, normalised and parsed, ready to be written."""

    path: str
    name: str
    fmt: str
    encoding: str | None
    file_hash: str
    words: int
    parsed: ParsedSource
    utf8: bytes | None = field(default=None, repr=False, compare=False)  # the text in UTF-8, as normalised


def prepare_source(path: str | os.PathLike[str], *, kind: str | None = None) -> PreparedSource:
    """Read, normalise and parse one file (no project needed); SourceRefused if unusable."""
    source = read_source(path)
    name = display_name(Path(source.path).name)
    parsed = parse_transcript(source.text, file_name=name, kind=kind)
    digest, words = hash_and_count(source.text, source.utf8)
    return PreparedSource(source.path, name, source.fmt, source.encoding, digest, words, parsed, source.utf8)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Paths with each directory replaced by its supported files (recursively, sorted).

    Inside directories, hidden files and folders, folders whose name starts with "_"
    (build or scratch material), README files and Word's ``~$`` lock files are skipped.
    """
    out: list[str] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and is_supported(p) and not p.name.startswith((".", "~$"))
                and not p.stem.upper() == "README"
                and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts[:-1])
            )
            out.extend(str(p) for p in found)
        else:
            out.append(str(path))
    return out


#: a batch is written once it holds this many files, this many characters, or is this old
BATCH_FILES = 64
BATCH_CHARS = 8_000_000
BATCH_SECONDS = 0.5


def import_files(
    project,
    paths: Iterable[str | os.PathLike[str]],
    *,
    kind: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``paths`` into ``project`` (a :class:`qda.store.Project`); see the module doc."""
    paths = [str(p) for p in paths]
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    report = ImportReport()
    by_hash: dict[str, str] = {}
    names: set[str] = set()
    stored = project.documents.names()
    names.update(stored.values())
    for file_hash, doc_id in project.documents.hashes():
        by_hash.setdefault(file_hash, stored[doc_id])
    if progress is not None:
        progress.start(len(paths), tr("Mengimpor sumber"))
    batch = _Batch(project, report, progress)
    for path in paths:
        if progress is not None and progress.cancelled:
            report.cancelled = True
            break
        try:
            prepared = prepare_source(path, kind=kind)
        except SourceRefused as exc:
            report.refused.append((exc.path, exc.reason))
        except Exception as exc:  # a parser library failing on untrusted input
            logging.getLogger(__name__).info("reader failed on %s: %r", path, exc)
            report.refused.append((path, tr("berkas tidak dapat dibaca; mungkin rusak, atau isinya bukan format "
                                            "yang disebut ekstensinya")))
        else:
            existing = by_hash.get(prepared.file_hash)
            if existing is not None:
                report.duplicates.append((path, existing))
            else:
                if prepared.name != Path(path).name:
                    report.sanitised.append((path, prepared.name))
                name = _free_name(prepared.name, names)
                if name != prepared.name:
                    report.renamed.append((path, name))
                batch.documents.append(_new_document(prepared, name))
                batch.chars += len(prepared.parsed.text)
                names.add(name)
                by_hash[prepared.file_hash] = name
        batch.steps.append(Path(path).name)
        if batch.full() and not batch.write():
            break
    batch.write()
    return report


class _Batch:
    """Documents read but not yet written, and the progress steps waiting for that write."""

    def __init__(self, project, report: ImportReport, progress: Progress | None) -> None:
        self.project = project
        self.report = report
        self.progress = progress
        self.documents: list = []  # list[qda.store.documents.NewDocument]
        self.steps: list[str] = []
        self.chars = 0
        self.started = time.monotonic()

    def full(self) -> bool:
        return (len(self.steps) >= BATCH_FILES or self.chars >= BATCH_CHARS
                or time.monotonic() - self.started >= BATCH_SECONDS)

    def write(self) -> bool:
        """Store the pending documents in one transaction, then report their steps; False if cancelled."""
        if self.documents:
            self.report.imported.extend(self.project.documents.add_many(self.documents))
        steps, self.documents, self.steps, self.chars = self.steps, [], [], 0
        self.started = time.monotonic()
        if self.progress is not None:
            for name in steps:
                try:
                    self.progress.step(1, name)
                except Cancelled:
                    self.report.cancelled = True
                    return False
        return True


def _free_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, suffix = os.path.splitext(name)
    number = 2
    while f"{stem} ({number}){suffix}" in taken:
        number += 1
    return f"{stem} ({number}){suffix}"


def _new_document(prepared: PreparedSource, name: str):
    """The store's record of a prepared file to write (its case's attributes fill the case's empty ones)."""
    from qda.store.documents import NewDocument

    parsed = prepared.parsed
    return NewDocument(name, parsed.text, parsed.kind, source_file=prepared.path, file_hash=prepared.file_hash,
                       fmt=prepared.fmt, encoding=prepared.encoding, turns=parsed.turns,
                       attributes=parsed.attributes, case=parsed.case,
                       case_attributes=parsed.case_attributes or None, words=prepared.words, utf8=prepared.utf8)
