"""Fuzzy matching of code names, shared by the code tree filter and the quick-code picker.

Plain Python over rapidfuzz (no Qt), so the ranking can be reasoned about and tested on its
own. A code matches a query when a name contains it (case- and accent-insensitive after
rapidfuzz's default processing) or when rapidfuzz's ``WRatio``/``partial_ratio`` reaches the
threshold. Ranking puts names that *start* with the query first, then names with a word
starting with it, then any substring, then the rest by score. Near misses are only shown
when no name contains the query (:func:`prune`): what the user typed literally wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

#: Default score (0–100) a fuzzy match must reach to count.
DEFAULT_THRESHOLD = 80.0


@dataclass(frozen=True)
class Match:
    """One code that matched a query: its id, the tier (0 best) and the rapidfuzz score."""

    code_id: int
    tier: int
    score: float


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    from rapidfuzz import utils

    return utils.default_process(text)


def _tier(query: str, name: str) -> int:
    """0: name starts with query; 1: a word starts with it; 2: substring; 3: fuzzy only."""
    if name.startswith(query):
        return 0
    if any(word.startswith(query) for word in name.split()):
        return 1
    if query in name:
        return 2
    return 3


def rank(
    query: str,
    names: Mapping[int, Sequence[str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int | None = None,
) -> list[Match]:
    """Codes of ``names`` (id -> its names, e.g. Indonesian and English) matching ``query``.

    Best first: by tier (prefix, word prefix, substring, fuzzy), then by score, then by
    the order of ``names``. An empty query matches nothing.
    """
    from rapidfuzz import fuzz

    q = _norm(query)
    if not q:
        return []
    found: list[tuple[int, float, int, int]] = []
    for order, (code_id, variants) in enumerate(names.items()):
        best_tier, best_score = 4, 0.0
        for raw in variants:
            if not raw:
                continue
            name = _norm(raw)
            tier = _tier(q, name)
            score = max(fuzz.WRatio(q, name), fuzz.partial_ratio(q, name) if len(q) >= 3 else 0.0)
            if tier < 3:
                score = max(score, 100.0 - tier)
            if (tier, -score) < (best_tier, -best_score):
                best_tier, best_score = tier, score
        if best_tier < 3 or best_score >= threshold:
            found.append((best_tier, -best_score, order, code_id))
    found.sort()
    matches = [Match(code_id, tier, -neg) for tier, neg, _order, code_id in found]
    return matches[:limit] if limit is not None else matches


def matching_ids(query: str, names: Mapping[int, Sequence[str]], threshold: float = DEFAULT_THRESHOLD) -> set[int]:
    """The ids of the codes matching ``query`` (see :func:`rank` and :func:`prune`).

    "kerja" shows the four "... Kerja" codes, not "Kinerja"; "responsif", which no name
    contains, finds Responsivitas by similarity.
    """
    return {m.code_id for m in best_matches(query, names, threshold=threshold)}


def best_matches(query: str, names: Mapping[int, Sequence[str]], threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
    """The codes the tree filter shows for ``query``, best first (the quick-code picker lists the same)."""
    return prune(rank(query, names, threshold=threshold))


def prune(matches: list[Match]) -> list[Match]:
    """Only the literal matches when there are any (order kept); otherwise the near misses."""
    literal = [m for m in matches if m.tier < 3]
    return literal or matches
