"""Documents (imported sources), their speaker turns and attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

from qda.errors import AlreadyExists, InvalidValue, NotFound
from qda.i18n import tr
from qda.store.base import new_uuid, now
from qda.store.records import KINDS, Document, Turn
from qda.store.repository import Repository

if TYPE_CHECKING:
    from qda.store.project import Project

DOC_COLUMNS = ("id, uuid, name, kind, source_file, file_hash, fmt, encoding, words, turn_count, "
               "imported_at, case_id")
_KIND_ORDER = "CASE kind " + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS)) + f" ELSE {len(KINDS)} END"
_TEXT_CACHE_SIZE = 8

DocRef = Document | int | str


class NewDocument(NamedTuple):
    """One document to store with :meth:`DocumentRepository.add_many` (the arguments of ``add``).

    ``case_attributes`` fill the attributes of ``case`` that are still empty (a new case gets
    them all); values already on the case are kept. ``utf8``, if given, must be exactly
    ``text.encode("utf-8")``.
    """

    name: str
    text: str
    kind: str = "interview"
    source_file: str | None = None
    file_hash: str | None = None
    fmt: str | None = "txt"
    encoding: str | None = None
    turns: Sequence[tuple[str, str | None, int, int]] = ()
    attributes: dict[str, str] | None = None
    case: str | None = None
    case_attributes: dict[str, str] | None = None
    words: int | None = None
    uuid: str | None = None
    #: ``text`` encoded as UTF-8, if the caller has it already (the importer does): stored as it is,
    #: saving SQLite's driver the encoding of the text
    utf8: bytes | None = None


def attribute_key(key: str) -> str:
    """An attribute name, stripped; an empty one is refused."""
    key = (key or "").strip()
    if not key:
        raise InvalidValue(tr("nama atribut tidak boleh kosong"))
    return key


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidValue(tr("jenis sumber tidak dikenal: {kind} (pilih: {kinds})", kind=kind, kinds=", ".join(KINDS)))
    return kind


class DocumentRepository(Repository):
    """``project.documents``: add, list, rename and delete documents; turns and document attributes."""

    def __init__(self, project: Project) -> None:
        super().__init__(project)
        self._text_cache: dict[int, str] = {}

    def add(self, name: str, text: str, kind: str = "interview", *, source_file: str | None = None,
            file_hash: str | None = None, fmt: str | None = "txt", encoding: str | None = None,
            turns: Iterable[tuple[str, str | None, int, int]] = (), attributes: dict[str, str] | None = None,
            case: str | None = None, words: int | None = None, uuid: str | None = None) -> Document:
        """Store a document whose text is already normalised; one transaction for all of it."""
        return self.add_many([NewDocument(name, text, kind, source_file, file_hash, fmt, encoding, list(turns),
                                          attributes, case, None, words, uuid)])[0]

    def add_many(self, docs: Sequence[NewDocument]) -> list[Document]:
        """Store documents (texts already normalised) with their turns, attributes and cases in one transaction.

        All or nothing: a name already taken (in the project or earlier in ``docs``), a bad
        kind or a turn outside its text stores none of them. Each document is logged as a
        ``document.add`` event, as :meth:`add` logs it.
        """
        checked = []
        for doc in docs:
            _check_kind(doc.kind)
            name = doc.name.strip()
            if not name:
                raise InvalidValue(tr("nama sumber tidak boleh kosong"))
            n = len(doc.text)
            if doc.utf8 is not None and not n <= len(doc.utf8) <= 4 * n:
                raise ValueError(f"utf8 of {name!r} is not the UTF-8 of its text")
            for speaker, _ts, start, end in doc.turns:
                if not (0 <= start < end <= n):
                    raise InvalidValue(tr("giliran bicara {speaker} di luar teks ({start}–{end})",
                                          speaker=speaker, start=start, end=end))
            checked.append((name, doc))
        names = [name for name, _doc in checked]
        if len(set(names)) < len(names):
            twice = next(name for name in names if names.count(name) > 1)
            raise AlreadyExists(tr("sumber bernama {name} sudah ada", name=twice))
        stored: list[Document] = []
        cases = self._project.cases
        with self.atomic():
            for name, doc in checked:
                if self._one("SELECT 1 FROM document WHERE name = ?", (name,)):
                    raise AlreadyExists(tr("sumber bernama {name} sudah ada", name=name))
                case_id = cases.ensure(doc.case, doc.case_attributes) if doc.case else None
                text, kind, file_hash = doc.text, doc.kind, doc.file_hash
                n = len(text)
                words = len(text.split()) if doc.words is None else doc.words
                uid = doc.uuid or new_uuid()
                stamp = now()
                # CAST: the UTF-8 bytes, when given, are stored as the text they encode (same value, type TEXT)
                cur = self._exec(
                    "INSERT INTO document(uuid, name, kind, text, length, source_file, file_hash, fmt, encoding, "
                    "words, turn_count, imported_at, case_id) VALUES (?,?,?,CAST(? AS TEXT),?,?,?,?,?,?,?,?,?)",
                    (uid, name, kind, text if doc.utf8 is None else doc.utf8, n, doc.source_file, file_hash, doc.fmt,
                     doc.encoding, words, len(doc.turns), stamp, case_id))
                doc_id = int(cur.lastrowid or 0)
                if doc.turns:
                    self._exec_many(
                        'INSERT INTO turn(document_id, seq, speaker, timestamp, start, "end") VALUES (?,?,?,?,?,?)',
                        [(doc_id, i, sp, ts, s, e) for i, (sp, ts, s, e) in enumerate(doc.turns)])
                if doc.attributes:
                    self._exec_many(
                        "INSERT INTO document_attribute(document_id, key, value) VALUES (?,?,?)",
                        [(doc_id, attribute_key(k), str(v)) for k, v in doc.attributes.items()
                         if v is not None and str(v) != ""])
                self._log("document.add", "document", uid, name=name, kind=kind, chars=n, hash=file_hash)
                stored.append(Document(doc_id, uid, name, kind, doc.source_file, file_hash, doc.fmt, doc.encoding,
                                       words, len(doc.turns), stamp, case_id))
        return stored

    def all(self) -> list[Document]:
        """All documents, ordered by kind then name."""
        return [Document(*r) for r in self._tuples(f"SELECT {DOC_COLUMNS} FROM document ORDER BY {_KIND_ORDER}, name")]

    def get(self, ref: DocRef) -> Document:
        """Resolve a document given as record, id or name (:class:`NotFound` otherwise)."""
        if isinstance(ref, Document):
            return ref
        if isinstance(ref, int):
            rows = self._tuples(f"SELECT {DOC_COLUMNS} FROM document WHERE id = ?", (ref,))
        else:
            rows = self._tuples(f"SELECT {DOC_COLUMNS} FROM document WHERE name = ?", (ref,))
        if not rows:
            if isinstance(ref, int):
                raise NotFound(tr("sumber #{id} tidak ditemukan", id=ref))
            from qda.nearest import not_found

            names = [n for (n,) in self._tuples("SELECT name FROM document")]
            raise NotFound(not_found(tr("sumber"), ref, names, f"qda sources {self._project.path.name}"))
        return Document(*rows[0])

    def id_of(self, ref: DocRef) -> int:
        """The id of a document given as record, id or name."""
        if isinstance(ref, Document):
            return ref.id
        return self.get(ref).id

    def text(self, ref: DocRef) -> str:
        """The stored (frozen) plain text of a document (recently used texts are cached)."""
        doc_id = ref if isinstance(ref, int) else self.id_of(ref)
        cache = self._text_cache
        text = cache.pop(doc_id, None)
        if text is None:
            text = self._one("SELECT text FROM document WHERE id = ?", (doc_id,))
            if text is None:
                raise NotFound(tr("sumber #{id} tidak ditemukan", id=doc_id))
        cache[doc_id] = text  # most recently used last
        while len(cache) > _TEXT_CACHE_SIZE:
            cache.pop(next(iter(cache)))
        return text

    def length(self, ref: DocRef) -> int:
        """The length of a document's text in code points."""
        doc_id = ref if isinstance(ref, int) else self.id_of(ref)
        n = self._one("SELECT length FROM document WHERE id = ?", (doc_id,))
        if n is None:
            raise NotFound(tr("sumber #{id} tidak ditemukan", id=doc_id))
        return int(n)

    def lengths(self) -> dict[int, int]:
        """Document id → text length in code points, for every document."""
        return dict(self._tuples("SELECT id, length FROM document"))

    def names(self) -> dict[int, str]:
        """Document id → name, for every document."""
        return dict(self._tuples("SELECT id, name FROM document"))

    def hashes(self) -> list[tuple[str, int]]:
        """(content hash, document id) of every document that has a hash, oldest first (read from the index alone)."""
        rows = self._tuples("SELECT file_hash, id FROM document WHERE file_hash IS NOT NULL")  # the hash index covers it
        return sorted(rows, key=lambda row: row[1])

    def by_hash(self, file_hash: str) -> Document | None:
        """The document whose content hash is ``file_hash``, if any."""
        rows = self._tuples(f"SELECT {DOC_COLUMNS} FROM document WHERE file_hash = ? LIMIT 1", (file_hash,))
        return Document(*rows[0]) if rows else None

    def rename(self, ref: DocRef, new_name: str) -> Document:
        """Rename a document (names are unique)."""
        doc = self.get(ref)
        new_name = new_name.strip()
        if not new_name:
            raise InvalidValue(tr("nama sumber tidak boleh kosong"))
        with self.atomic():
            if self._one("SELECT 1 FROM document WHERE name = ? AND id != ?", (new_name, doc.id)):
                raise AlreadyExists(tr("sumber bernama {name} sudah ada", name=new_name))
            self._exec("UPDATE document SET name = ? WHERE id = ?", (new_name, doc.id))
            self._log("document.rename", "document", doc.uuid, old=doc.name, new=new_name)
        return self.get(doc.id)

    def set_kind(self, ref: DocRef, kind: str) -> Document:
        """Change whether a document is an interview, observation, document or other."""
        doc = self.get(ref)
        _check_kind(kind)
        with self.atomic():
            self._exec("UPDATE document SET kind = ? WHERE id = ?", (kind, doc.id))
            self._log("document.kind", "document", doc.uuid, old=doc.kind, new=kind)
        return self.get(doc.id)

    def forget_text(self, doc_id: int) -> None:
        """Drop a document's cached text (its text was just rewritten by an edit)."""
        self._text_cache.pop(doc_id, None)

    def delete(self, ref: DocRef) -> None:
        """Delete a document with its turns, segments, memos and reviews."""
        doc = self.get(ref)
        with self.atomic():
            n = self._one("SELECT COUNT(*) FROM segment WHERE document_id = ?", (doc.id,))
            self._exec("DELETE FROM document WHERE id = ?", (doc.id,))
            self._text_cache.pop(doc.id, None)
            self._log("document.delete", "document", doc.uuid, name=doc.name, segments=n)

    def turns(self, ref: DocRef) -> list[Turn]:
        """The speaker turns of a document in order."""
        return [Turn(*r) for r in self._tuples(
            'SELECT id, document_id, seq, speaker, timestamp, start, "end" FROM turn WHERE document_id = ? ORDER BY seq',
            (self.id_of(ref),))]

    def attributes(self, ref: DocRef) -> dict[str, str]:
        """The document's own attributes (from its header block or set by hand)."""
        return dict(self._tuples("SELECT key, value FROM document_attribute WHERE document_id = ? ORDER BY rowid",
                                 (self.id_of(ref),)))

    def set_attribute(self, ref: DocRef, key: str, value: str | None) -> None:
        """Set (or with ``None`` remove) one document attribute."""
        doc = self.get(ref)
        key = attribute_key(key)
        with self.atomic():
            if value is None:
                self._exec("DELETE FROM document_attribute WHERE document_id = ? AND key = ?", (doc.id, key))
            else:
                self._exec("INSERT INTO document_attribute(document_id, key, value) VALUES (?,?,?) "
                           "ON CONFLICT(document_id, key) DO UPDATE SET value = excluded.value", (doc.id, key, value))
            self._log("document.attribute", "document", doc.uuid, key=key, value=value)
