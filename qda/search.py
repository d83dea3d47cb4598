"""Text search within a document and across a project's documents, exact or fuzzy.

Positions are Unicode code points into the searched text, end exclusive (a Python
slice), like every position in qda. Matching ignores case (unless asked not to) and
diacritics and compatibility forms: the text is *folded* (case-folded, NFKD, combining
marks dropped) with a map from folded positions back to the original ones, so a hit
always slices the original text.

Fuzzy search compares the query (one or several words) with windows of words of the
text using rapidfuzz's ``ratio`` (0–100). To stay interactive on a million words it
first matches the query's words against the text's distinct vocabulary, then scores
only the windows around occurrences of those candidate words. Words are found with a
regular expression (:data:`WORD_RE`): on transcripts it is some 60–80 times faster than
spaCy's blank Indonesian tokenizer (``bench/bench_search.py`` prints both).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Literal, Sequence

from qda.errors import QdaError
from qda.i18n import tr
from qda.progress import Progress
from qda.sources.lines import LineIndex

Mode = Literal["exact", "fuzzy"]

#: A word: letters/digits, joined by inner hyphens or apostrophes ("kupu-kupu", "ber-AC").
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_JOINERS = "-'’"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass(frozen=True)
class Hit:
    """One match: ``text[start:end] == match``, with some context either side."""

    start: int
    end: int
    score: float
    before: str
    match: str
    after: str


@dataclass(frozen=True)
class DocHit(Hit):
    """A match in one document of a project; ``line`` is 1-based."""

    document_id: int
    document_name: str
    line: int


# ---------------------------------------------------------------------------- folding


@lru_cache(maxsize=8192)
def _fold_char(ch: str, casefold: bool) -> str:
    s = ch.casefold() if casefold else ch
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


class _Folded:
    """A folded copy of a text and the map from folded positions to original ones.

    Most characters fold to exactly one character, so the map is the identity plus a
    few breakpoints where a character folds to nothing (a combining mark) or to several
    (``ß`` → ``ss``, ``ﬁ`` → ``fi``).
    """

    __slots__ = ("original", "text", "_f", "_o", "_const")

    def __init__(self, original: str, casefold: bool = True) -> None:
        self.original = original
        self._f: list[int] = []
        self._o: list[int] = []
        self._const: list[bool] = []
        if original.isascii():
            self.text = original.lower() if casefold else original
            return
        pieces: list[str] = []
        f_at, o_at, const = [0], [0], [False]
        last = fpos = 0
        for run in _NON_ASCII.finditer(original):
            i = run.start()
            if i > last:
                chunk = original[last:i]
                pieces.append(chunk.lower() if casefold else chunk)
                fpos += i - last
            for j in range(i, run.end()):
                folded = _fold_char(original[j], casefold)
                pieces.append(folded)
                n = len(folded)
                if n != 1:
                    if n > 1:  # several folded characters all map to original j
                        f_at.append(fpos), o_at.append(j), const.append(True)
                    fpos += n
                    f_at.append(fpos), o_at.append(j + 1), const.append(False)
                else:
                    fpos += 1
            last = run.end()
        tail = original[last:]
        pieces.append(tail.lower() if casefold else tail)
        self.text = "".join(pieces)
        if len(f_at) > 1:
            self._f, self._o, self._const = f_at, o_at, const

    def start(self, f: int) -> int:
        """Original position of folded position ``f`` (a match start)."""
        if not self._f:
            return f
        k = bisect_right(self._f, f) - 1
        return self._o[k] if self._const[k] else self._o[k] + f - self._f[k]

    def end(self, f: int) -> int:
        """Original end for a match ending (exclusively) at folded ``f``.

        Combining marks that follow are included, so a hit never splits a letter from
        its accent.
        """
        if f <= 0:
            return 0
        end = self.start(f - 1) + 1
        text = self.original
        if self._f:
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
        return end


def fold(text: str, case_sensitive: bool = False) -> str:
    """``text`` as the search compares it (lower case, no diacritics, NFKD forms)."""
    return _Folded(text, casefold=not case_sensitive).text


# ---------------------------------------------------------------------------- search_text


def search_text(
    text: str,
    query: str,
    *,
    mode: Mode = "exact",
    case_sensitive: bool = False,
    whole_word: bool = False,
    threshold: float = 80.0,
    context: int = 40,
    limit: int | None = None,
) -> list[Hit]:
    """Find ``query`` in ``text``; hits are sorted by position and never overlap.

    ``exact`` finds the query's words in order (any run of white space between them),
    ignoring case and diacritics; ``whole_word`` requires word boundaries at both ends.
    ``fuzzy`` finds runs of words whose rapidfuzz ``ratio`` with the query is at least
    ``threshold`` (0–100), e.g. "kordinasi" finds "koordinasi"; its hits always cover
    whole words. ``score`` is 100 for exact hits. ``context`` characters of text are
    given either side; ``limit`` keeps the first hits only.
    """
    if mode not in ("exact", "fuzzy"):
        raise QdaError(tr("mode pencarian \"{mode}\" tidak dikenal (pilihan: exact, fuzzy)", mode=mode))
    if not 0 <= threshold <= 100:
        raise QdaError(tr("ambang kemiripan harus antara 0 dan 100, bukan {value}", value=threshold))
    if not query.strip() or not text or limit == 0:
        return []
    folded = _Folded(text, casefold=not case_sensitive)
    if mode == "exact":
        spans = _exact_spans(folded.text, query, case_sensitive, whole_word, limit)
        scored = [(s, e, 100.0) for s, e in spans]
    else:
        scored = _fuzzy_spans(folded.text, query, case_sensitive, threshold)
        if limit is not None:
            scored = scored[:limit]
    hits = []
    for fs, fe, score in scored:
        start, end = folded.start(fs), folded.end(fe)
        hits.append(
            Hit(
                start=start,
                end=end,
                score=score,
                before=text[max(0, start - context) : start],
                match=text[start:end],
                after=text[end : end + context],
            )
        )
    return hits


def _exact_spans(
    ftext: str, query: str, case_sensitive: bool, whole_word: bool, limit: int | None
) -> list[tuple[int, int]]:
    words = fold(query, case_sensitive).split()
    if not words:
        return []
    body = r"\s+".join(re.escape(w) for w in words)
    if whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    spans: list[tuple[int, int]] = []
    for m in re.finditer(body, ftext):
        spans.append(m.span())
        if limit is not None and len(spans) >= limit:
            break
    return spans


def _fuzzy_spans(ftext: str, query: str, case_sensitive: bool, threshold: float) -> list[tuple[int, int, float]]:
    """Non-overlapping (start, end, score) in folded coordinates, by position."""
    from rapidfuzz import fuzz, process

    qwords = WORD_RE.findall(fold(query, case_sensitive))
    if not qwords:
        return []
    qnorm = " ".join(qwords)
    n = len(qwords)
    words = WORD_RE.findall(ftext)
    if not words:
        return []
    import numpy as np

    vocab = list(set(words))
    # 1. candidate words for each long query word, matched against the distinct vocabulary
    word_cutoff = max(30.0, threshold - 20.0)
    long_words = list(dict.fromkeys(w for w in qwords if len(w) >= 4)) or [max(qwords, key=len)]
    masks: dict[str, int] = {}
    for bit, w in enumerate(long_words[:30]):
        for cand, _score, _i in process.extract(w, vocab, scorer=fuzz.ratio, score_cutoff=word_cutoff, limit=None):
            masks[cand] = masks.get(cand, 0) | (1 << bit)
    if not masks:
        return []
    marks = np.array([masks.get(w, 0) for w in words], dtype=np.int64)
    # 2. anchor on the query word whose candidates occur least often; score the windows
    #    of n-1..n+1 words that contain one of its occurrences
    counts = [int(np.count_nonzero(marks & (1 << bit))) for bit in range(min(len(long_words), 30))]
    bit = min((c, b) for b, c in enumerate(counts) if c > 0)[1]
    anchors = np.flatnonzero(marks & (1 << bit))
    total = len(words)
    base = n + 2
    keys = []
    for k in range(max(1, n - 1), n + 2):
        for offset in range(k):
            s = anchors - offset
            s = s[(s >= 0) & (s + k <= total)]
            keys.append(s * base + k)
    window_keys = np.sort(np.concatenate(keys))
    if len(window_keys) == 0:
        return []
    window_keys = window_keys[np.concatenate(([True], window_keys[1:] != window_keys[:-1]))]
    starts = (window_keys // base).tolist()
    sizes = (window_keys % base).tolist()
    texts = [" ".join(words[s : s + k]) for s, k in zip(starts, sizes)]
    scores = process.cdist(
        [qnorm], texts, scorer=fuzz.ratio, score_cutoff=threshold, workers=-1, dtype=np.float64
    )[0]
    good = np.flatnonzero(scores >= threshold) if threshold > 0 else np.arange(len(texts))
    if len(good) == 0:
        return []
    # 3. best windows first; a window overlapping a better one, or running over a line
    #    break (into the next speaker's turn), is dropped
    tok_starts, tok_ends = _token_spans(ftext, total)
    order = sorted(good.tolist(), key=lambda j: (-float(scores[j]), abs(sizes[j] - n), starts[j]))
    used: set[int] = set()
    chosen: list[tuple[int, int, float]] = []
    for j in order:
        s, k = starts[j], sizes[j]
        if any(t in used for t in range(s, s + k)):
            continue
        a, b = int(tok_starts[s]), int(tok_ends[s + k - 1])
        if k > 1 and "\n" in ftext[a:b]:
            continue
        used.update(range(s, s + k))
        chosen.append((a, b, float(scores[j])))
    chosen.sort()
    return chosen


def _token_spans(ftext: str, expected: int) -> tuple[Sequence[int], Sequence[int]]:
    """Start and end offsets of the ``expected`` :data:`WORD_RE` tokens of ``ftext``."""
    starts, ends = _token_spans_vectorised(ftext)
    if len(starts) != expected:  # a rule the vectorised scan does not mirror: use the regex
        pairs = [m.span() for m in WORD_RE.finditer(ftext)]
        return [a for a, _ in pairs], [b for _, b in pairs]
    return starts, ends


def _token_spans_vectorised(ftext: str) -> tuple[Sequence[int], Sequence[int]]:
    """Token offsets by a numpy scan (word characters, joined by inner hyphens/apostrophes)."""
    import numpy as np

    cps = np.frombuffer(ftext.encode("utf-32-le"), dtype=np.uint32)
    table = np.zeros(128, dtype=bool)
    for c in range(128):
        table[c] = chr(c).isalnum() or c == ord("_")
    ascii_mask = cps < 128
    is_word = np.zeros(len(cps), dtype=bool)
    is_word[ascii_mask] = table[cps[ascii_mask]]
    if not ascii_mask.all():
        others = np.unique(cps[~ascii_mask])
        wordy = np.array([chr(int(u)).isalnum() for u in others], dtype=bool)
        idx = np.searchsorted(others, cps[~ascii_mask])
        is_word[~ascii_mask] = wordy[idx]
    joiner = np.zeros(len(cps), dtype=bool)
    for c in _JOINERS:
        joiner |= cps == ord(c)
    if joiner.any():
        inner = np.zeros(len(cps), dtype=bool)
        inner[1:-1] = joiner[1:-1] & is_word[:-2] & is_word[2:]
        is_word |= inner
    padded = np.concatenate(([False], is_word, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return edges[0::2], edges[1::2]


# ---------------------------------------------------------------------------- search_project


def search_project(
    project: Any,
    query: str,
    *,
    mode: Mode = "exact",
    documents: Iterable[Any] | None = None,
    case_sensitive: bool = False,
    whole_word: bool = False,
    threshold: float = 80.0,
    context: int = 40,
    limit: int | None = None,
    progress: Progress | None = None,
) -> list[DocHit]:
    """Search every document of ``project`` (or only ``documents``: records, ids or names).

    Hits come in document order (as ``project.documents.all()`` lists them), then by
    position. ``progress`` advances one step per document; cancelling it stops the
    search with :class:`~qda.errors.Cancelled`. ``limit`` caps the total number of hits.
    """
    docs = list(project.documents.all()) if documents is None else [_resolve(project, d) for d in documents]
    if progress is not None:
        progress.start(len(docs), tr("Mencari \"{query}\"", query=query))
    found: list[DocHit] = []
    for doc in docs:
        if progress is not None and progress.cancelled:
            progress.step(0)  # raises Cancelled
        remaining = None if limit is None else limit - len(found)
        if remaining is not None and remaining <= 0:
            break
        text = project.documents.text(doc)
        hits = search_text(
            text,
            query,
            mode=mode,
            case_sensitive=case_sensitive,
            whole_word=whole_word,
            threshold=threshold,
            context=context,
            limit=remaining,
        )
        index = LineIndex(text) if hits else None
        for h in hits:
            line = index.first_line_of(h.start) if index is not None else 1
            found.append(
                DocHit(
                    start=h.start,
                    end=h.end,
                    score=h.score,
                    before=h.before,
                    match=h.match,
                    after=h.after,
                    document_id=doc.id,
                    document_name=doc.name,
                    line=line,
                )
            )
        if progress is not None:
            progress.step(1, doc.name)
    return found


def _resolve(project: Any, doc: Any) -> Any:
    if hasattr(doc, "id") and hasattr(doc, "name"):
        return doc
    return project.documents.get(doc)
