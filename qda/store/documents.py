"""Documents (imported sources), their speaker turns and attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

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
        _check_kind(kind)
        name = name.strip()
        if not name:
            raise InvalidValue(tr("nama dokumen tidak boleh kosong"))
        turn_list = list(turns)
        n = len(text)
        for speaker, _ts, start, end in turn_list:
            if not (0 <= start < end <= n):
                raise InvalidValue(tr("giliran bicara {speaker} di luar teks ({start}–{end})",
                                      speaker=speaker, start=start, end=end))
        if words is None:
            words = len(text.split())
        uid = uuid or new_uuid()
        with self.atomic():
            if self._one("SELECT 1 FROM document WHERE name = ?", (name,)):
                raise AlreadyExists(tr("dokumen bernama {name} sudah ada", name=name))
            case_id = self._project.cases.ensure(case) if case else None
            stamp = now()
            cur = self._exec(
                "INSERT INTO document(uuid, name, kind, text, length, source_file, file_hash, fmt, encoding, words, "
                "turn_count, imported_at, case_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uid, name, kind, text, n, source_file, file_hash, fmt, encoding, words, len(turn_list), stamp,
                 case_id))
            doc_id = int(cur.lastrowid or 0)
            if turn_list:
                self._exec_many(
                    'INSERT INTO turn(document_id, seq, speaker, timestamp, start, "end") VALUES (?,?,?,?,?,?)',
                    [(doc_id, i, sp, ts, s, e) for i, (sp, ts, s, e) in enumerate(turn_list)])
            if attributes:
                self._exec_many(
                    "INSERT INTO document_attribute(document_id, key, value) VALUES (?,?,?)",
                    [(doc_id, attribute_key(k), str(v)) for k, v in attributes.items()
                     if v is not None and str(v) != ""])
            self._log("document.add", "document", uid, name=name, kind=kind, chars=n, hash=file_hash)
        return Document(doc_id, uid, name, kind, source_file, file_hash, fmt, encoding, words, len(turn_list), stamp,
                        case_id)

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
                raise NotFound(tr("dokumen #{id} tidak ditemukan", id=ref))
            from qda.nearest import not_found

            names = [n for (n,) in self._tuples("SELECT name FROM document")]
            raise NotFound(not_found(tr("dokumen"), ref, names, f"qda sources {self._project.path.name}"))
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
                raise NotFound(tr("dokumen #{id} tidak ditemukan", id=doc_id))
        cache[doc_id] = text  # most recently used last
        while len(cache) > _TEXT_CACHE_SIZE:
            cache.pop(next(iter(cache)))
        return text

    def length(self, ref: DocRef) -> int:
        """The length of a document's text in code points."""
        doc_id = ref if isinstance(ref, int) else self.id_of(ref)
        n = self._one("SELECT length FROM document WHERE id = ?", (doc_id,))
        if n is None:
            raise NotFound(tr("dokumen #{id} tidak ditemukan", id=doc_id))
        return int(n)

    def lengths(self) -> dict[int, int]:
        """Document id → text length in code points, for every document."""
        return dict(self._tuples("SELECT id, length FROM document"))

    def names(self) -> dict[int, str]:
        """Document id → name, for every document."""
        return dict(self._tuples("SELECT id, name FROM document"))

    def by_hash(self, file_hash: str) -> Document | None:
        """The document whose content hash is ``file_hash``, if any."""
        rows = self._tuples(f"SELECT {DOC_COLUMNS} FROM document WHERE file_hash = ? LIMIT 1", (file_hash,))
        return Document(*rows[0]) if rows else None

    def rename(self, ref: DocRef, new_name: str) -> Document:
        """Rename a document (names are unique)."""
        doc = self.get(ref)
        new_name = new_name.strip()
        if not new_name:
            raise InvalidValue(tr("nama dokumen tidak boleh kosong"))
        with self.atomic():
            if self._one("SELECT 1 FROM document WHERE name = ? AND id != ?", (new_name, doc.id)):
                raise AlreadyExists(tr("dokumen bernama {name} sudah ada", name=new_name))
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
