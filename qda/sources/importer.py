"""Importing files into a project: read, normalise, parse, then one transaction per document.

Each file is read and parsed outside any transaction; the document, its turns, attributes
and case are then written in one ``project.atomic()`` block, so an interrupted batch keeps
every document that was completed and never half of one.

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
- Progress advances once per file; a cancel stops between files and the report says so.
"""

from __future__ import annotations

import logging

import os
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
            "{imported} dokumen diimpor, {refused} ditolak, {duplicates} duplikat",
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


def prepare_source(path: str | os.PathLike[str], *, kind: str | None = None) -> PreparedSource:
    """Read, normalise and parse one file (no project needed); SourceRefused if unusable."""
    source = read_source(path)
    name = display_name(Path(source.path).name)
    parsed = parse_transcript(source.text, file_name=name, kind=kind)
    digest, words = hash_and_count(source.text)
    return PreparedSource(source.path, name, source.fmt, source.encoding, digest, words, parsed)


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
    cases = {case.name: dict(case.attributes) for case in project.cases.all()}
    for doc in project.documents.all():
        names.add(doc.name)
        if doc.file_hash:
            by_hash.setdefault(doc.file_hash, doc.name)
    if progress is not None:
        progress.start(len(paths), tr("Mengimpor sumber"))
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
                report.imported.append(_store(project, prepared, name, cases))
                names.add(name)
                by_hash[prepared.file_hash] = name
        if progress is not None:
            try:
                progress.step(1, Path(path).name)
            except Cancelled:
                report.cancelled = True
                break
    return report


def _free_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, suffix = os.path.splitext(name)
    number = 2
    while f"{stem} ({number}){suffix}" in taken:
        number += 1
    return f"{stem} ({number}){suffix}"


def _store(project, prepared: PreparedSource, name: str, cases: dict[str, dict[str, str]]):
    """Write one document (with its case and the case's new attributes) in one transaction."""
    parsed = prepared.parsed
    with project.atomic():
        known = cases.get(parsed.case) if parsed.case else None
        if parsed.case and known is None:
            project.cases.add(parsed.case, parsed.case_attributes)
        elif known is not None:
            for key, value in parsed.case_attributes.items():
                if not known.get(key):
                    project.cases.set_attribute(parsed.case, key, value)
        document = project.documents.add(
            name,
            parsed.text,
            parsed.kind,
            source_file=prepared.path,
            file_hash=prepared.file_hash,
            fmt=prepared.fmt,
            encoding=prepared.encoding,
            turns=parsed.turns,
            attributes=parsed.attributes,
            case=parsed.case,
            words=prepared.words,
        )
    if parsed.case:
        merged = dict(parsed.case_attributes)
        merged.update({k: v for k, v in (known or {}).items() if v})
        cases[parsed.case] = merged
    return document
