"""Inter-coder agreement statistics on weighted reliability data (pure Python, no store).

Reliability data are given as a mapping ``pattern → weight``: a pattern is one unit's
values, one per coder in a fixed order, ``None`` where that coder gave no value
(missing). The weight says how many units share that pattern, so millions of
uncoded characters cost one entry. Values are any hashable labels (nominal data).

- :func:`percent_agreement`: the share of units with at least two values on which all
  coders with a value agree.
- :func:`cohen_kappa`: two coders, units both coded; κ = (pₒ − pₑ) / (1 − pₑ) with pₑ from
  each coder's own marginal distribution (Cohen 1960; as ``sklearn.metrics.cohen_kappa_score``).
- :func:`krippendorff_alpha`: nominal α for any number of coders with missing values
  (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"): α = 1 − (n − 1)·Σ_{c≠k} o_ck /
  Σ_{c≠k} n_c·n_k over the coincidence matrix of pairable values.

Each returns ``None`` when the statistic is undefined (no pairable units; for κ and α a
single value used throughout, where the expected disagreement is zero).
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable, Iterable, Mapping, Sequence

Pattern = tuple[Hashable | None, ...]


def patterns_from_rows(rows: Iterable[Sequence[Hashable | None]]) -> Counter:
    """Reliability data unit by unit (one row per unit, one value per coder) as pattern weights."""
    return Counter(tuple(r) for r in rows)


def patterns_from_coders(matrix: Sequence[Sequence[Hashable | None]]) -> Counter:
    """Reliability data coder by coder (one row per coder, one column per unit) as pattern weights."""
    return Counter(zip(*matrix))


def percent_agreement(patterns: Mapping[Pattern, float]) -> float | None:
    """Share (0–1) of units with two or more values on which those values are all the same."""
    total = agree = 0.0
    for pattern, weight in patterns.items():
        values = [v for v in pattern if v is not None]
        if len(values) < 2:
            continue
        total += weight
        if all(v == values[0] for v in values):
            agree += weight
    return agree / total if total else None


def cohen_kappa(patterns: Mapping[Pattern, float]) -> float | None:
    """Cohen's κ of two coders over the units both coded (patterns of length 2)."""
    n = 0.0
    observed = 0.0
    first: Counter = Counter()
    second: Counter = Counter()
    for pattern, weight in patterns.items():
        if len(pattern) != 2:
            raise ValueError("Cohen's kappa needs exactly two coders")
        a, b = pattern
        if a is None or b is None:
            continue
        n += weight
        first[a] += weight
        second[b] += weight
        if a == b:
            observed += weight
    if not n:
        return None
    p_o = observed / n
    p_e = sum(first[c] * second[c] for c in first) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def coincidences(patterns: Mapping[Pattern, float]) -> Counter:
    """Krippendorff's coincidence matrix ``{(c, k): o_ck}`` of the pairable values."""
    o: Counter = Counter()
    for pattern, weight in patterns.items():
        counts = Counter(v for v in pattern if v is not None)
        m = sum(counts.values())
        if m < 2:
            continue
        scale = weight / (m - 1)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                if pairs:
                    o[(c, k)] += pairs * scale
    return o


def krippendorff_alpha(patterns: Mapping[Pattern, float]) -> float | None:
    """Krippendorff's α for nominal data, any number of coders, missing values allowed."""
    o = coincidences(patterns)
    marginals: Counter = Counter()
    for (c, _k), value in o.items():
        marginals[c] += value
    n = sum(marginals.values())
    if n <= 1:
        return None
    disagree = sum(v for (c, k), v in o.items() if c != k)
    expected = n * n - sum(v * v for v in marginals.values())  # Σ_{c≠k} n_c·n_k
    if expected <= 0:
        return None
    return 1.0 - (n - 1) * disagree / expected
