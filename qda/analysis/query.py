"""Code queries: a small language over codes, its parser (errors with positions) and its evaluation.

Syntax (operators in capitals, English or Indonesian; code names as written in the
codebook, case and spacing ignored; a name holding an operator word or a bracket goes
in double quotes)::

    query    := or_term
    or_term  := and_term  (OR | ATAU)  and_term ...
    and_term := near_term ((AND | DAN) [NOT | BUKAN] | NOT | BUKAN) near_term ...
    near_term:= atom (OVERLAPS | TUMPANG | NEAR/n | DEKAT/n | SENTENCE | KALIMAT | TURN | GILIRAN) atom ...
    atom     := CODE NAME | "CODE NAME" | ( query )

Meaning. A query yields *passages*: spans of a document with the codings they come from.

- ``A``: every coding of A (its subcodes included); codings of the same span (two
  coders, say) make one passage.
- ``X OR Y``: the passages of X and those of Y.
- ``X AND Y``: the text coded by both: for every passage of X and passage of Y that
  overlap, the overlapping part (MAXQDA's "intersection", NVivo's AND).
- ``X NOT Y`` (also ``X AND NOT Y``): the passages of X that overlap no passage of Y.
- ``X OVERLAPS Y``: the whole passages of X that overlap a passage of Y by at least
  one character (MAXQDA's "overlapping").
- ``X NEAR/n Y``: the passages of X that lie within *n* characters of a passage of Y
  (overlapping counts as distance 0).
- ``X SENTENCE Y`` / ``X TURN Y``: the passages of X that share a sentence / a
  speaker turn with a passage of Y.

Precedence: the proximity operators bind tightest, then AND/NOT, then OR; brackets
group. Filters (case attributes, document kinds, coders, review statuses) choose the
codings before the query runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from qda.analysis.corpus import Coding, Corpus, Filters, corpus as corpus_of
from qda.errors import QdaError
from qda.i18n import tr

# ---------------------------------------------------------------------------------- syntax

BINARY_WORDS = {
    "OR": "or", "ATAU": "or",
    "AND": "and", "DAN": "and",
    "NOT": "not", "BUKAN": "not",
    "OVERLAPS": "overlaps", "TUMPANG": "overlaps",
    "SENTENCE": "sentence", "KALIMAT": "sentence",
    "TURN": "turn", "GILIRAN": "turn",
}
NEAR_WORDS = ("NEAR", "DEKAT")
PROXIMITY = ("overlaps", "near", "sentence", "turn")
_NEAR = re.compile(r"(NEAR|DEKAT)(?:/(\d+))?$")
_WORD = re.compile(r"[^\s()\"“”]+")


class QuerySyntaxError(QdaError):
    """A malformed query or an unknown code; ``position`` is the 0-based character offset."""

    def __init__(self, message: str, query: str, position: int, length: int = 1) -> None:
        self.query = query
        self.position = max(0, position)
        self.length = max(1, length)
        self.reason = message
        super().__init__(tr("kueri salah pada posisi {pos}: {reason}", pos=self.position + 1, reason=message))

    def caret(self) -> str:
        """The query with a marker under the faulty part (two lines)."""
        return f"{self.query}\n{' ' * self.position}{'^' * self.length}"


@dataclass(frozen=True)
class Token:
    kind: str  # "name", "op", "near", "(", ")", "end"
    text: str
    pos: int
    end: int
    arg: int | None = None


def tokenize(query: str) -> list[Token]:
    """Split a query into tokens; consecutive plain words make one code name."""
    out: list[Token] = []
    i, n = 0, len(query)
    words: list[tuple[str, int, int]] = []

    def flush() -> None:
        if words:
            out.append(Token("name", " ".join(w for w, _, _ in words), words[0][1], words[-1][2]))
            words.clear()

    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            flush()
            out.append(Token(ch, ch, i, i + 1))
            i += 1
            continue
        if ch in "\"“”":
            flush()
            close = min((j for j in (query.find('"', i + 1), query.find("”", i + 1)) if j != -1), default=-1)
            if close == -1:
                raise QuerySyntaxError(tr("tanda kutip tidak ditutup"), query, i)
            name = query[i + 1:close]
            if not name.strip():
                raise QuerySyntaxError(tr("nama kode kosong di antara tanda kutip"), query, i, close - i + 1)
            out.append(Token("name", " ".join(name.split()), i, close + 1))
            i = close + 1
            continue
        m = _WORD.match(query, i)
        assert m is not None
        word = m.group(0)
        near = _NEAR.match(word)
        if word in BINARY_WORDS:
            flush()
            out.append(Token("op", BINARY_WORDS[word], i, m.end()))
        elif near:
            flush()
            if near.group(2) is None:
                raise QuerySyntaxError(tr("{op} perlu jarak dalam karakter, misalnya {op}/50", op=near.group(1)),
                                       query, i, len(word))
            out.append(Token("near", "near", i, m.end(), int(near.group(2))))
        else:
            words.append((word, i, m.end()))
        i = m.end()
    flush()
    out.append(Token("end", "", n, n))
    return out


@dataclass
class Node:
    """A parsed query: a code (``op == "code"``) or an operator over two sub-queries."""

    op: str
    pos: int
    end: int
    name: str = ""
    left: "Node | None" = None
    right: "Node | None" = None
    arg: int | None = None
    code_ids: tuple[int, ...] = field(default=())

    def codes(self) -> list["Node"]:
        """The code leaves, left to right."""
        if self.op == "code":
            return [self]
        return [*(self.left.codes() if self.left else []), *(self.right.codes() if self.right else [])]

    def __str__(self) -> str:
        if self.op == "code":
            return f'"{self.name}"' if _needs_quotes(self.name) else self.name
        word = f"NEAR/{self.arg}" if self.op == "near" else self.op.upper()
        return f"({self.left} {word} {self.right})"


def _needs_quotes(name: str) -> bool:
    return any(w in BINARY_WORDS or _NEAR.match(w) for w in name.split()) or any(c in name for c in "()\"")


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = tokenize(query)
        self.i = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def error(self, tok: Token, message: str) -> QuerySyntaxError:
        return QuerySyntaxError(message, self.query, tok.pos, max(1, tok.end - tok.pos))

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise QuerySyntaxError(tr("kueri kosong: tulis nama kode, misalnya Responsivitas AND Akuntabilitas"),
                                   self.query, 0)
        node = self.or_term()
        tok = self.peek()
        if tok.kind == ")":
            raise self.error(tok, tr("kurung tutup tanpa kurung buka"))
        if tok.kind != "end":
            raise self.error(tok, tr("diharapkan operator (AND, OR, NOT …) sebelum «{t}»", t=tok.text))
        return node

    def or_term(self) -> Node:
        node = self.and_term()
        while self.peek().kind == "op" and self.peek().text == "or":
            self.take()
            right = self.and_term()
            node = Node("or", node.pos, right.end, left=node, right=right)
        return node

    def and_term(self) -> Node:
        node = self.near_term()
        while self.peek().kind == "op" and self.peek().text in ("and", "not"):
            op = self.take().text
            if op == "and" and self.peek().kind == "op" and self.peek().text == "not":
                self.take()
                op = "not"
            right = self.near_term()
            node = Node(op, node.pos, right.end, left=node, right=right)
        return node

    def near_term(self) -> Node:
        node = self.atom()
        while (self.peek().kind == "op" and self.peek().text in PROXIMITY) or self.peek().kind == "near":
            tok = self.take()
            right = self.atom()
            node = Node(tok.text, node.pos, right.end, left=node, right=right, arg=tok.arg)
        return node

    def atom(self) -> Node:
        tok = self.peek()
        if tok.kind == "name":
            self.take()
            return Node("code", tok.pos, tok.end, name=tok.text)
        if tok.kind == "(":
            self.take()
            node = self.or_term()
            close = self.peek()
            if close.kind != ")":
                if close.kind == "end":
                    raise self.error(tok, tr("kurung buka tidak ditutup"))
                raise self.error(close, tr("diharapkan kurung tutup atau operator sebelum «{t}»", t=close.text))
            self.take()
            node.pos, node.end = tok.pos, close.end
            return node
        if tok.kind == "end":
            raise self.error(tok, tr("kueri berakhir terlalu cepat: diharapkan nama kode"))
        if tok.kind == ")":
            raise self.error(tok, tr("kurung kosong atau kurung tutup di tempat nama kode"))
        word = self.query[tok.pos:tok.end]
        if tok.text == "not" and self.i == 0:
            raise self.error(tok, tr("{op} perlu kode di kirinya (A NOT B)", op=word))
        raise self.error(tok, tr("diharapkan nama kode sebelum operator {op}", op=word))


def parse(query: str) -> Node:
    """Parse a query; raises :class:`QuerySyntaxError` with the position of the fault."""
    return _Parser(query).parse()


def resolve(node: Node, corpus: Corpus, query: str, *, include_subcodes: bool = True) -> Node:
    """Attach code ids to the leaves; an unknown code is a :class:`QuerySyntaxError` at its position."""
    for leaf in node.codes():
        code_id = corpus.code_id(leaf.name)
        if code_id is None:
            from rapidfuzz import process

            match = process.extractOne(leaf.name, corpus.code_names(), score_cutoff=60)
            hint = tr("; maksud Anda «{name}»?", name=match[0]) if match else ""
            lowered = [w for w in leaf.name.split() if w.upper() in BINARY_WORDS or _NEAR.match(w.upper())]
            if lowered:
                hint += tr(" (operator ditulis dengan huruf kapital: {op})", op=lowered[0].upper())
            raise QuerySyntaxError(tr("kode tidak dikenal: «{name}»", name=leaf.name) + hint, query, leaf.pos,
                                   leaf.end - leaf.pos)
        leaf.code_ids = (code_id, *(corpus.descendants(code_id) if include_subcodes else ()))
    return node


# ---------------------------------------------------------------------------------- evaluation

class Passage(NamedTuple):
    """A span of one document and the codings it comes from (a named tuple: cheap to make by the thousand)."""

    document_id: int
    start: int
    end: int
    coding_ids: tuple[int, ...]


Ids = tuple[int, ...]  # coding ids, ascending
_Spans = dict[int, list[tuple[int, int, Ids]]]  # doc → [(start, end, coding ids)] by start, then end


def _merge_ids(a: Ids, b: Ids) -> Ids:
    return a if a == b else tuple(sorted(set(a) | set(b)))


def _collapse(items: list[tuple[int, int, Ids]]) -> list[tuple[int, int, Ids]]:
    """``items`` sorted, with entries of the same span made one (their coding ids joined)."""
    items.sort()
    out: list[tuple[int, int, Ids]] = []
    prev_s = prev_e = -1
    for s, e, ids in items:
        if s == prev_s and e == prev_e:
            out[-1] = (s, e, _merge_ids(out[-1][2], ids))
        else:
            out.append((s, e, ids))
            prev_s, prev_e = s, e
    return out


def _group(codings: Iterable[Coding]) -> _Spans:
    by_doc: dict[int, list[tuple[int, int, Ids]]] = {}
    for c in codings:
        found = by_doc.get(c.document_id)
        if found is None:
            found = by_doc[c.document_id] = []
        found.append((c.start, c.end, (c.id,)))
    return {d: _collapse(items) for d, items in by_doc.items()}


class _Neighbours:
    """The spans of one document, searchable by position."""

    def __init__(self, spans: list[tuple[int, int, Ids]]) -> None:
        self.spans = spans
        self.starts = [s for s, _, _ in spans]
        self.longest = max((e - s for s, e, _ in spans), default=0)

    def near(self, start: int, end: int, gap: int = 0) -> Iterable[tuple[int, int, Ids]]:
        """Spans overlapping ``[start - gap, end + gap)`` (gap 0: overlapping the span)."""
        lo = bisect_left(self.starts, start - gap - self.longest)
        hi = bisect_left(self.starts, end + gap)
        for k in range(lo, hi):
            s, e, ids = self.spans[k]
            if e > start - gap:
                yield s, e, ids


def _evaluate(node: Node, corpus: Corpus, by_code: dict[int, list[Coding]]) -> _Spans:
    if node.op == "code":
        return _group(c for cid in node.code_ids for c in by_code.get(cid, ()))
    assert node.left is not None and node.right is not None
    left = _evaluate(node.left, corpus, by_code)
    right = _evaluate(node.right, corpus, by_code)
    if node.op == "or":
        merged = dict(left)
        for doc, spans in right.items():
            merged[doc] = _collapse(left[doc] + spans) if doc in left else spans
        return merged
    if node.op == "not":
        out: _Spans = {}
        for doc, spans in left.items():
            other = right.get(doc)
            if other is None:
                out[doc] = spans
                continue
            index = _Neighbours(other)
            kept = [sp for sp in spans if next(iter(index.near(sp[0], sp[1])), None) is None]
            if kept:
                out[doc] = kept
        return out
    out = {}
    for doc, spans in left.items():
        other = right.get(doc)
        if other is None:
            continue
        if node.op in ("sentence", "turn"):
            kept = _same_unit(corpus, doc, node.op, spans, other)
        elif node.op == "and":
            index = _Neighbours(other)
            found = [(max(s, s2), min(e, e2), _merge_ids(ids, ids2))
                     for s, e, ids in spans for s2, e2, ids2 in index.near(s, e)]
            kept = _collapse(found)
        else:  # overlaps, near
            index = _Neighbours(other)
            # NEAR/n: at most n characters between (n + 1 widens the strict overlap test by n characters)
            gap = (node.arg or 0) + 1 if node.op == "near" else 0
            kept = [sp for sp in spans if next(iter(index.near(sp[0], sp[1], gap)), None) is not None]
        if kept:
            out[doc] = kept
    return out


def _same_unit(corpus: Corpus, doc: int, unit: str, spans, other) -> list:
    from qda.analysis.units import unit_range, units

    unit_spans = units(corpus, doc, "sentence" if unit == "sentence" else "turn")
    if not unit_spans:
        return []
    starts = [s for s, _ in unit_spans]
    marked: set[int] = set()
    for s, e, _ in other:
        marked.update(unit_range(unit_spans, starts, s, e))
    return [sp for sp in spans if any(k in marked for k in unit_range(unit_spans, starts, sp[0], sp[1]))]


@dataclass
class QueryResult:
    """The passages a query found, in document-name order then by position."""

    query: str
    node: Node
    filters: Filters
    passages: list[Passage]
    corpus: Corpus = field(repr=False)

    def rows(self, *, context: int = 0) -> list[dict[str, Any]]:
        """One dict per passage: the ``query --json`` segment shape plus codes, coders, lines, case, status, memo."""
        return passage_rows(self.corpus, self.passages, context=context)


def run_query(project: Any, query: str, filters: Filters | None = None, *, include_subcodes: bool = True,
              corpus: Corpus | None = None) -> QueryResult:
    """Parse, check and run ``query`` on the project's codings that pass ``filters``."""
    data = corpus or corpus_of(project)
    node = resolve(parse(query), data, query, include_subcodes=include_subcodes)
    filters = filters or Filters()
    found = _evaluate(node, data, data.by_code(filters))
    docs = data.documents
    passages = [Passage(doc, s, e, ids)
                for doc in sorted(found, key=lambda d: docs[d].name.casefold())
                for s, e, ids in found[doc]]
    return QueryResult(query, node, filters, passages, data)


def code_passages(data: Corpus, code_id: int, *, include_subcodes: bool = True) -> list[Passage]:
    """Every coding of a code (and of its subcodes), one passage each, by source name and position."""
    ids = {code_id, *(data.descendants(code_id) if include_subcodes else ())}
    docs = data.documents
    chosen = sorted((c for c in data.codings if c.code_id in ids),
                    key=lambda c: (docs[c.document_id].name.casefold(), c.start, c.end, c.id))
    return [Passage(c.document_id, c.start, c.end, (c.id,)) for c in chosen]


def passage_rows(corpus: Corpus, passages: Iterable[Passage], *, context: int = 0) -> list[dict[str, Any]]:
    """Passages as plain dicts (document, start, end, code, coder, text, …) for JSON, tables and files.

    ``code`` and ``coder`` name the codes and coders of the passage's codings (joined
    with "; " when there are several); ``status`` is the latest review of each coding
    (``unreviewed`` when none); with ``context`` > 0, ``before``/``after`` hold that many
    characters around the passage.
    """
    from qda.reports.citations import LineIndex

    codes, coders, by_id = corpus.codes, corpus.coders, corpus.by_id
    lines: dict[int, LineIndex] = {}
    out = []
    for p in passages:
        text = corpus.text(p.document_id)
        index = lines.get(p.document_id)
        if index is None:
            index = lines[p.document_id] = LineIndex(text)
        doc = corpus.documents[p.document_id]
        members = [by_id[i] for i in p.coding_ids if i in by_id]
        code_ids = sorted({m.code_id for m in members}, key=lambda c: (codes[c].position, c))
        coder_names = sorted({coders.get(m.coder_id, "") for m in members}, key=str.casefold)
        statuses = sorted({corpus.status_of(m.id) for m in members})
        memos = [corpus.memos[m.id] for m in members if corpus.memos.get(m.id)]
        first, last = index.span(p.start, p.end)
        row: dict[str, Any] = {
            "document": doc.name, "start": p.start, "end": p.end,
            "code": "; ".join(codes[c].name for c in code_ids), "coder": "; ".join(coder_names),
            "text": text[p.start:p.end],
            "codes": [codes[c].name for c in code_ids], "coders": coder_names,
            "kind": doc.kind, "case": corpus.cases.get(doc.case_id, "") if doc.case_id else "",
            "line_start": first, "line_end": last, "status": "; ".join(statuses), "memo": "\n\n".join(memos),
            "segments": [m.uuid for m in members], "document_id": p.document_id,
        }
        if context:
            row["before"] = text[max(0, p.start - context):p.start]
            row["after"] = text[p.end:p.end + context]
        out.append(row)
    return out
