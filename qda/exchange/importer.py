"""Import a REFI-QDA project (.qdpx / .qde) or codebook (.qdc) into a qda project.

Lenient about what real programs write (see ``tests/exchange``): the .qde under any name,
``sources/`` or ``Sources/``, paths with or without ``internal://``, GUIDs in any case or in
braces, codes identified by GUID (names repeat across branches), one, several or no codings
per selection, memos as Notes with NoteRefs, Links or Descriptions, NVivo's UTF-16 positions.
Strict about safety (:mod:`qda.exchange.archive`). The XML is read as a stream
(:func:`qda.exchange.model.stream_project`): users and codes first, then each source with its
codings as soon as its element ends (one ``executemany`` per source), so memory holds one
source at a time. Pictures, audio, video, PDF regions and graphs are not stored; the report
counts them per kind with their codings. Everything goes in one transaction: a
refusal or an error leaves the project as it was. Merging is by GUID, so importing the same
file twice adds nothing. The :class:`ImportReport` says what came in and what was left out.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import uuid as uuidlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from qda.domain import GROUPS, next_color
from qda.exchange import codetext
from qda.exchange.archive import ExchangeRefused, QdpxArchive, SourceMissing
from qda.exchange.model import STREAM_TAGS, NotRefi, RefiCode, RefiProject, RefiSource, stream_project
from qda.exchange.positions import normalised_with_map
from qda.i18n import tr
from qda.progress import Progress
from qda.sources.normalise import hash_and_count

NAMESPACE = uuidlib.UUID("6f0d3c1e-5a7b-4c3e-9f8a-2b1d4e6c8a90")  # qda's namespace for derived GUIDs
GROUP_SET_PREFIX = "qda group: "
_COLOR = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


_NS_BYTES = NAMESPACE.bytes


def derived_guid(*parts: object) -> str:
    """A GUID that is always the same for the same parts (uuid5 in qda's namespace)."""
    digest = bytearray(hashlib.sha1(_NS_BYTES + ":".join(map(str, parts)).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5, as uuid.uuid5 sets it
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _unsupported_words(kind: str) -> tuple[str, str]:
    """How the report words a REFI element qda does not store: (the items, the codings on them)."""
    words = {
        "PictureSource": (tr("sumber gambar (PictureSource)"), tr("segmen pada seluruh sumber gambar")),
        "AudioSource": (tr("sumber audio (AudioSource)"), tr("segmen pada sumber audio")),
        "VideoSource": (tr("sumber video (VideoSource)"), tr("segmen pada sumber video")),
        "PictureSelection": (tr("wilayah gambar (PictureSelection)"), tr("segmen pada wilayah gambar")),
        "AudioSelection": (tr("rentang waktu audio (AudioSelection)"), tr("segmen pada rentang waktu audio")),
        "VideoSelection": (tr("rentang waktu video (VideoSelection)"), tr("segmen pada rentang waktu video")),
        "PDFSelection": (tr("wilayah halaman PDF (PDFSelection)"), tr("segmen pada wilayah halaman PDF")),
        "TranscriptSelection": (tr("seleksi transkrip media (TranscriptSelection)"),
                                tr("segmen pada transkrip media")),
        "Graph": (tr("graf/jaringan (Graph)"), tr("segmen pada graf")),
    }
    return words.get(kind, (kind, kind))


@dataclass
class ImportReport:
    """What an import added, found already present, and left out (with the reason)."""

    file: str
    origin: str = ""
    kind: str = "project"  # or "codebook"
    added: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # reason → number of items
    notes: list[str] = field(default_factory=list)

    unsupported: dict[str, list[int]] = field(default_factory=dict)  # REFI element → [items, codings on them]

    def skip(self, reason: str, n: int = 1) -> None:
        if n:
            self.skipped[reason] += n

    def leave_out(self, kind: str, items: int, codings: int = 0) -> None:
        """Items of a kind qda does not store (pictures, audio, video, PDF regions, graphs …) and their codings."""
        if not (items or codings):
            return
        counts = self.unsupported.setdefault(kind, [0, 0])
        counts[0] += items
        counts[1] += codings
        what, on_it = _unsupported_words(kind)
        self.skip(what, items)
        self.skip(on_it, codings)

    def lines(self) -> list[str]:
        """The report as lines of text for the CLI and the GUI."""
        labels = {"users": tr("pengguna"), "codes": tr("kode"), "sources": tr("sumber"), "codings": tr("segmen"),
                  "memos": tr("memo"), "cases": tr("kasus")}
        out = [tr("Impor {file} (dibuat oleh {origin})", file=Path(self.file).name, origin=self.origin or "?")]
        for key, label in labels.items():
            if self.added[key] or self.present[key]:
                out.append(tr("  {label}: {added} ditambahkan, {present} sudah ada", label=label,
                              added=self.added[key], present=self.present[key]))
        if self.skipped:
            out.append(tr("Dilewati:"))
            out.extend(f"  {n} × {reason}" for reason, n in sorted(self.skipped.items(), key=lambda kv: -kv[1]))
        if self.notes:
            out.append(tr("Catatan:"))
            out.extend(f"  {note}" for note in self.notes)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {"file": self.file, "origin": self.origin, "kind": self.kind, "added": dict(self.added),
                "present": dict(self.present), "skipped": dict(self.skipped),
                "unsupported": {kind: {"items": n, "codings": c} for kind, (n, c) in sorted(self.unsupported.items())},
                "notes": list(self.notes)}


def open_refi(path: str | Path) -> QdpxArchive:
    """Open a .qdpx/.qde/.qdc file and check it (zip structure, safe XML, a REFI root element)
    without reading it all; the caller closes the archive."""
    archive = QdpxArchive(path)
    try:
        tag = archive.root_tag()
        if tag not in ("Project", "CodeBook"):
            raise ExchangeRefused(path, tr("elemen akar {tag} bukan Project atau CodeBook REFI-QDA", tag=tag))
    except BaseException:
        archive.close()
        raise
    return archive


def import_refi(project, path: str | Path, *, progress: Progress | None = None) -> ImportReport:
    """Import a REFI-QDA project or codebook into ``project`` (merging by GUID); one transaction."""
    with open_refi(path) as archive:
        report = ImportReport(str(path))
        _Importer(project, archive, report, progress).run()
    return report


def import_into(target: str | Path, path: str | Path, *, progress: Progress | None = None) -> ImportReport:
    """Import ``path`` into the project file ``target``, made new (without the bundled codebook)
    when it does not exist; a refused or failed import leaves no new file behind."""
    from qda.store import Project

    target = Path(target)
    with open_refi(path) as archive:  # refuse a bad file before a project is made
        created = not target.exists()
        project = Project.create(target, codebook=False) if created else Project.open(target)
        try:
            report = ImportReport(str(path))
            _Importer(project, archive, report, progress).run()
        except BaseException:
            project.close()
            if created:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(target) + suffix).unlink(missing_ok=True)
            raise
    project.close()
    return report


class _Importer:
    def __init__(self, project, archive: QdpxArchive, report: ImportReport, progress: Progress | None) -> None:
        self.project = project
        self.repo = project.exchange
        self.archive = archive
        self.model = RefiProject(name="", origin="", creating_user="")
        self.report = report
        self.progress = progress
        self.users: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.docs: dict[str, int] = {}
        self.cases: dict[str, int] = {}
        self.selection_segment: dict[str, str] = {}  # selection guid → first segment uuid
        self.coding_segment: dict[str, str] = {}  # coding guid → segment uuid
        self.memo_targets: list[tuple[str, str, str, str, str]] = []  # (kind, target key, text, uuid, user)
        self._default_user: int | None = None
        self._read = 0

    # ------------------------------------------------------------------ driver
    def run(self) -> None:
        """Read the XML as a stream and store each part as it arrives, all in one transaction."""
        name = Path(self.report.file).name
        if self.progress:
            self.progress.start(self.archive.project_size + 1, tr("Membaca {name}", name=name))
        with self.repo.atomic(), self.archive.project_events(events=("end",), tag=STREAM_TAGS) as (events, stream):
            self._stream = stream
            try:
                for what, item in stream_project(events):
                    if what == "head":
                        self._head(item)
                    elif what == "source":
                        self._source(item)
                    else:
                        self._tail(item)
                    self._step()
                if self.progress:
                    self.progress.step()
            except NotRefi as exc:
                raise ExchangeRefused(self.report.file, tr("elemen akar {tag} bukan Project atau CodeBook REFI-QDA",
                                                           tag=str(exc))) from None

    def _head(self, model: RefiProject) -> None:
        """The project's users and codebook: stored before the sources that code with them."""
        self.model = model
        self.report.origin = model.origin
        self.report.kind = "codebook" if model.is_codebook else "project"
        if model.name and not model.is_codebook:
            self.repo.keep_project_name(model.name)
        self._users()
        self._codes()

    def _tail(self, model: RefiProject) -> None:
        """What follows the sources: cases, sets, notes; then one summary event."""
        self.model = model
        self._cases()
        self._sets()
        self._memos()
        self.report.leave_out("Graph", model.graphs)
        m = self.model
        self.repo.log_import(Path(self.report.file).name, origin=m.origin, added=dict(self.report.added),
                             present=dict(self.report.present), skipped=sum(self.report.skipped.values()))

    def _step(self) -> None:
        if self.progress:
            done = self._stream.consumed
            self.progress.step(done - self._read)  # raises Cancelled when asked: the transaction rolls back
            self._read = done

    # ------------------------------------------------------------------ users
    def _users(self) -> None:
        by_guid = self.repo.uuid_index("coder")
        by_name = self.repo.names("coder")
        for user in self.model.users:
            guid = user.guid
            if not _GUID.match(guid):
                self.report.skip(tr("pengguna tanpa GUID yang sah"))
                continue
            if guid in by_guid:
                self.users[guid] = by_guid[guid]
                self.report.present["users"] += 1
                continue
            name = user.name or tr("Pengguna {id}", id=guid[:8])
            if name.casefold() in by_name:
                self.users[guid] = by_name[name.casefold()]
                self.report.present["users"] += 1
                continue
            cid = self.repo.insert_coder(guid, name)
            self.users[guid] = by_guid[guid] = by_name[name.casefold()] = cid
            self.report.added["users"] += 1

    def user(self, guid: str) -> int:
        """The coder id for a user GUID; unknown users fall back to the project's creator."""
        if guid in self.users:
            return self.users[guid]
        if self._default_user is None:
            creator = self.users.get(self.model.creating_user)
            if creator is None and self.users:
                creator = next(iter(self.users.values()))
            if creator is None:
                creator = self.project.coders.current.id
            self._default_user = creator
        if guid and guid not in self.users:
            self.users[guid] = self._default_user
            self.report.notes.append(tr("pengguna {guid} tidak ada di daftar Users; dicatat atas nama pembuat proyek",
                                        guid=guid))
        return self._default_user

    # ------------------------------------------------------------------ codes
    def _codes(self) -> None:
        roots = self._atlas_hierarchy(self.model.codes) if self.model.origin.lower().startswith("atlas.ti") \
            else self.model.codes
        by_guid = self.repo.uuid_index("code")
        names = self.repo.names("code")
        position = self.repo.code_count()
        not_codable = 0
        # codes without a colour take the palette's colours that neither the project nor the file uses
        used = [row["color"] for row in self.repo.codes()] + [_color(c.color) for c in _walk(roots)]

        def add(code: RefiCode, parent_id: int | None, parent_name: str, group: str) -> None:
            nonlocal position, not_codable
            guid = code.guid if _GUID.match(code.guid) else derived_guid("code", parent_name, code.name)
            if guid in by_guid:
                cid = by_guid[guid]
                self.report.present["codes"] += 1
                name = code.name
                child_group = self.repo.code_group(cid)
            else:
                name = code.name or tr("Kode tanpa nama")
                if name.casefold() in names:
                    tries = ([f"{name} ({parent_name})"] if parent_name else []) + \
                        [f"{name} ({n})" for n in range(2, len(names) + 3)]
                    candidate = next(t for t in tries if t.casefold() not in names)
                    self.report.notes.append(tr("kode {name} berganti nama menjadi {new} (nama sudah dipakai)",
                                                name=name, new=candidate))
                    name = candidate
                fields = codetext.parse(code.description)
                color = _color(code.color) or next_color(used)
                used.append(color)
                cid = self.repo.insert_code(guid, name, parent_id=parent_id, group=group, color=color,
                                            position=position, fields=fields)
                position += 1
                by_guid[guid] = cid
                names[name.casefold()] = cid
                self.report.added["codes"] += 1
                not_codable += not code.codable
                child_group = group
            self.codes[code.guid] = cid
            for note in code.note_refs:
                self.memo_targets.append(("code", code.guid, "", note, ""))
            for child in code.children:
                add(child, cid, name, child_group)

        for root in roots:
            add(root, None, "", "own")
        if not_codable:
            self.report.notes.append(tr("{n} kode bertanda tidak dapat dikode (isCodable=false) diimpor sebagai kode "
                                        "biasa", n=not_codable))

    def _atlas_hierarchy(self, codes: list[RefiCode]) -> list[RefiCode]:
        """ATLAS.ti writes groups into names (``Coke::diet Coke``): put such codes under their parent."""
        by_name = {c.name: c for c in codes}
        roots: list[RefiCode] = []
        moved = 0
        for code in codes:
            prefix, sep, leaf = code.name.rpartition("::")
            parent = by_name.get(prefix) if sep else None
            if parent is not None and parent is not code and leaf.strip():
                code.name = leaf.strip()
                parent.children.append(code)
                moved += 1
            else:
                roots.append(code)
        if moved:
            self.report.notes.append(tr("{n} kode ATLAS.ti bernama 'Induk::anak' ditempatkan di bawah induknya",
                                        n=moved))
        return roots

    # ------------------------------------------------------------------ sources
    def _source(self, src: RefiSource) -> None:
        rep = self.report
        n_sel = sum(len(s.codings) for s in src.selections) + len(src.codings)
        for kind, n in src.other.items():
            rep.leave_out(kind, n, src.other_codings.get(kind, 0))
        if src.kind not in ("TextSource", "PDFSource"):
            rep.leave_out(src.kind, 1, src.other_codings.get(src.kind, 0) + n_sel)
            return
        label = src.name or posixpath.basename(src.plain_path.replace("\\", "/")) or src.guid
        guid = src.guid if _GUID.match(src.guid) else derived_guid("source", label)
        existing = self._doc_index.get(guid)
        pmap = None
        if existing is not None:
            doc_id = existing
            rep.present["sources"] += 1
            text = self.repo.text(doc_id)
            raw = self._raw_text(src, label, quiet=True)
            if raw is not None:
                _, pmap = normalised_with_map(raw, label, utf16=self.model.counts_utf16)
        else:
            raw = self._raw_text(src, label)
            if raw is None:
                rep.skip(tr("segmen pada sumber yang teksnya tidak ada"), n_sel)
                return
            text, pmap = normalised_with_map(raw, label, utf16=self.model.counts_utf16)
            if not text:
                rep.notes.append(tr("sumber {name} tidak berisi teks", name=label))
            name = self._free_name(label)
            digest, words = hash_and_count(text)
            doc_id = self.repo.insert_document(guid, name, text, kind="document" if src.kind == "PDFSource"
                                               else "interview", source_file=src.plain_path or None,
                                               file_hash=digest, words=words,
                                               imported_at=_when(src.created))
            self._doc_index[guid] = doc_id
            rep.added["sources"] += 1
        self.docs[src.guid] = doc_id
        if src.variables:
            self.repo.set_document_attributes(doc_id, src.variables)
        if src.description:
            self.memo_targets.append(("document", src.guid, src.description, derived_guid("description", src.guid),
                                      ""))
        for note in src.note_refs:
            self.memo_targets.append(("document", src.guid, "", note, ""))
        if pmap is None:
            rep.skip(tr("segmen pada sumber yang teksnya tidak ada"), n_sel)
            return
        self._codings(src, doc_id, text, pmap)

    @property
    def _doc_index(self) -> dict[str, int]:
        if not hasattr(self, "_doc_index_cache"):
            self._doc_index_cache = self.repo.uuid_index("document")
            self._doc_names = self.repo.names("document")
        return self._doc_index_cache

    def _free_name(self, name: str) -> str:
        self._doc_index  # noqa: B018 - loads the name index
        taken = self._doc_names
        candidate, n = name, 2
        stem, dot, ext = name.rpartition(".")
        while candidate.casefold() in taken:
            candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
            n += 1
        if candidate != name:
            self.report.notes.append(tr("sumber {name} berganti nama menjadi {new} (nama sudah dipakai)",
                                        name=name, new=candidate))
        taken[candidate.casefold()] = 0
        return candidate

    def _raw_text(self, src: RefiSource, label: str, *, quiet: bool = False) -> str | None:
        if src.plain_content is not None and not src.plain_path:
            return src.plain_content
        if not src.plain_path:
            if not quiet:
                self.report.skip(tr("sumber tanpa teks polos (plainTextPath/PlainTextContent)"))
            return None
        try:
            data = self.archive.read_source(src.plain_path)
        except SourceMissing as exc:
            if src.plain_content is not None:
                return src.plain_content
            if not quiet:
                self.report.skip(tr("sumber yang berkas teksnya tidak ada di arsip"))
                self.report.notes.append(tr("{name}: {reason}", name=label, reason=exc))
            return None
        return _decode(data, label, self.report)

    def _codings(self, src: RefiSource, doc_id: int, text: str, pmap) -> None:
        rep = self.report
        seg_index = self._seg_index
        identities = self.repo.segment_identities([doc_id])
        rows: list[tuple[str, int, int, int, int, int, str]] = []
        spans = [(sel, sel.start, sel.end) for sel in src.selections]
        whole = [(c, 0, None) for c in src.codings]
        for sel, start, end in spans:
            if not sel.codings:
                rep.skip(tr("seleksi tanpa segmen"))
                continue
            if start < 0 or end < 0:
                rep.skip(tr("segmen dengan posisi tidak sah"), len(sel.codings))
                continue
            s, e = pmap(start), pmap(end)
            if not (0 <= s < e <= len(text)):
                rep.skip(tr("segmen di luar panjang teks"), len(sel.codings))
                continue
            for coding in sel.codings:
                uid = self._coding_row(coding, sel.guid, doc_id, s, e, identities, seg_index, rows)
                if uid and sel.guid not in self.selection_segment:
                    self.selection_segment[sel.guid] = uid
            for note in sel.note_refs:
                self.memo_targets.append(("selection", sel.guid, "", note, ""))
            if sel.description:
                self.memo_targets.append(("selection", sel.guid, sel.description,
                                          derived_guid("description", sel.guid), sel.user))
        for coding, _s, _e in whole:
            if not text:
                rep.skip(tr("segmen di luar panjang teks"))
                continue
            self._coding_row(coding, src.guid, doc_id, 0, len(text), identities, seg_index, rows)
        if rows:
            self.repo.insert_segments(rows)
            for r in rows:
                seg_index[r[0]] = -1
            rep.added["codings"] += len(rows)

    @property
    def _seg_index(self) -> dict[str, int]:
        if not hasattr(self, "_seg_index_cache"):
            self._seg_index_cache = self.repo.uuid_index("segment")
        return self._seg_index_cache

    def _coding_row(self, coding, owner: str, doc_id: int, s: int, e: int, identities: set, seg_index: dict,
                    rows: list) -> str | None:
        rep = self.report
        code_id = self.codes.get(coding.code)
        if code_id is None:
            rep.skip(tr("segmen dengan kode yang tidak ada di buku kode"))
            return None
        uid = coding.guid if _GUID.match(coding.guid) else derived_guid("coding", owner, coding.code)
        coder = self.user(coding.user)
        self.coding_segment[coding.guid] = uid
        for note in coding.note_refs:
            self.memo_targets.append(("coding", coding.guid, "", note, ""))
        if uid in seg_index:
            rep.present["codings"] += 1
            return uid
        key = (doc_id, s, e, code_id, coder)
        if key in identities:
            rep.present["codings"] += 1
            rep.skip(tr("segmen ganda (rentang, kode dan pengode sama)"))
            self.coding_segment.pop(coding.guid, None)
            return None
        identities.add(key)
        rows.append((uid, doc_id, code_id, s, e, coder, _when(coding.created) or _now()))
        return uid

    # ------------------------------------------------------------------ cases and sets
    def _cases(self) -> None:
        by_guid = self.repo.uuid_index("case")
        names = self.repo.names("case")
        for case in self.model.cases:
            guid = case.guid if _GUID.match(case.guid) else derived_guid("case", case.name)
            if guid in by_guid:
                cid = by_guid[guid]
                self.report.present["cases"] += 1
            else:
                name = case.name or tr("Kasus {id}", id=guid[:8])
                base, n = name, 2
                while name.casefold() in names:
                    name, n = f"{base} ({n})", n + 1
                cid = self.repo.insert_case(guid, name)
                names[name.casefold()] = by_guid[guid] = cid
                self.report.added["cases"] += 1
            self.cases[case.guid] = cid
            self.repo.set_case_attributes(cid, case.variables)
            for ref in case.sources:
                if ref in self.docs:
                    self.repo.link_case(self.docs[ref], cid)
            if case.description:
                self.memo_targets.append(("case", case.guid, case.description,
                                          derived_guid("description", case.guid), ""))

    def _sets(self) -> None:
        group_of = set(GROUPS)
        other_code_sets = 0
        for s in self.model.sets:
            if s.name.startswith(GROUP_SET_PREFIX) and s.name[len(GROUP_SET_PREFIX):] in group_of:
                ids = [self.codes[g] for g in s.codes if g in self.codes]
                self.repo.set_code_group(ids, s.name[len(GROUP_SET_PREFIX):])
                continue
            other_code_sets += bool(s.codes)
            if s.sources:
                key, sep, value = s.name.partition(":")
                if not (sep and key.strip() and value.strip()):
                    key, value = tr("Kelompok"), s.name
                for ref in s.sources:
                    if ref in self.docs:
                        doc_id = self.docs[ref]
                        self.repo.set_document_attributes(doc_id, {key.strip(): value.strip()})
        if other_code_sets:
            self.report.skip(tr("set kode (qda memakai hierarki dan kelompok kode)"), other_code_sets)
        if any(s.sources for s in self.model.sets):
            self.report.notes.append(tr("set dokumen menjadi atribut sumber (\"nama: nilai\" atau Kelompok)"))

    # ------------------------------------------------------------------ memos
    def _memos(self) -> None:
        m = self.model
        notes = {n.guid: n for n in m.notes}
        used: set[str] = set()
        targets: list[tuple[str, str, str, str, str]] = []
        if m.description:
            targets.append(("project", "", m.description, derived_guid("description", "project", m.name), ""))
        for ref in m.note_refs:
            targets.append(("project", "", "", ref, ""))
        targets.extend(self.memo_targets)
        for origin, target in m.links:  # ATLAS.ti: a Link from a Note to a selection, code or source
            for note_guid, other in ((origin, target), (target, origin)):
                if note_guid in notes:
                    kind = self._kind_of(other)
                    if kind:
                        targets.append((kind, other, "", note_guid, ""))
        # notes nobody refers to belong to the project
        referenced = {t[3] for t in targets}
        for note in m.notes:
            if note.guid not in referenced:
                targets.append(("project", "", "", note.guid, ""))
        grouped: dict[tuple[str, int | None], list[tuple[str, str, str]]] = {}
        for kind, key, text, guid, user in targets:
            if not text:
                note = notes.get(guid)
                if note is None:
                    self.report.skip(tr("rujukan ke memo (Note) yang tidak ada"))
                    continue
                text = self._note_text(note)
                user = note.user
                if not text:
                    self.report.skip(tr("memo (Note) kosong"))
                    continue
            resolved = self._memo_target(kind, key)
            if resolved is None:
                self.report.skip(tr("memo pada unsur yang tidak diimpor"))
                continue
            grouped.setdefault(resolved, []).append((guid, text, user))
        memo_uuids = self.repo.uuid_index("memo")
        for (kind, target_id), items in grouped.items():
            existing = self.repo.memo_of(kind, target_id)
            first_guid = items[0][0]
            texts = [t for _g, t, _u in items]
            if existing:
                new = [t for t in texts if t.strip() not in existing[2]]
                self.report.present["memos"] += len(texts) - len(new)
                if new:
                    self.repo.append_memo(existing[0], existing[1], "\n\n".join(new))
                    self.report.added["memos"] += len(new)
                continue
            uid = first_guid if _GUID.match(first_guid) and first_guid not in used and first_guid not in memo_uuids \
                else derived_guid("memo", kind, target_id, first_guid)
            used.add(first_guid)
            user = items[0][2]
            note = notes.get(first_guid)
            self.repo.insert_memo(uid, kind, target_id, "\n\n".join(texts),
                                  self.user(user) if user else None, _when(note.created) if note else None)
            memo_uuids[uid] = 0
            self.report.added["memos"] += len(texts)

    def _kind_of(self, guid: str) -> str | None:
        for kind, table in (("selection", self.selection_segment), ("coding", self.coding_segment),
                            ("code", self.codes), ("document", self.docs), ("case", self.cases)):
            if guid in table:
                return kind
        return None

    def _memo_target(self, kind: str, key: str) -> tuple[str, int | None] | None:
        if kind == "project":
            return ("project", None)
        if kind in ("selection", "coding"):
            seg_uuid = (self.selection_segment if kind == "selection" else self.coding_segment).get(key)
            if seg_uuid is None:
                return None
            seg_id = self.repo.segment_ids([seg_uuid]).get(seg_uuid)
            return ("segment", seg_id) if seg_id is not None else None
        table = {"code": self.codes, "document": self.docs, "case": self.cases}[kind]
        return (kind, table[key]) if key in table else None

    def _note_text(self, note) -> str:
        text = note.text
        if text is None and note.plain_path:
            try:
                text = _decode(self.archive.read_source(note.plain_path), note.name or note.guid, self.report)
            except SourceMissing:
                text = None
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        name = note.name.strip()
        if name and text and not text.startswith(name):
            return f"{name}\n{text}"
        return text or name


def _decode(data: bytes, label: str, report: ImportReport) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.notes.append(tr("{name}: bukan UTF-8; dibaca sebagai Windows-1252", name=label))
        return data.decode("cp1252", errors="replace")


def _walk(codes: list[RefiCode]) -> Iterator[RefiCode]:
    for code in codes:
        yield code
        yield from _walk(code.children)


def _color(value: str | None) -> str | None:
    value = (value or "").strip()
    if not _COLOR.match(value):
        return None
    if len(value) == 4:
        value = "#" + "".join(ch * 2 for ch in value[1:])
    return value.lower()


def _when(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if _DATETIME.match(value) else None


def _now() -> str:
    from qda.store.base import now

    return now()
