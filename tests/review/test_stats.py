"""Agreement statistics against published worked examples, a textbook κ and reference packages."""

from __future__ import annotations

import random

import numpy as np
import pytest

from qda.review.stats import (cohen_kappa, krippendorff_alpha, patterns_from_coders, patterns_from_rows,
                              percent_agreement)

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units,
# nominal data with missing values; the paper gives α = 0.743.
KRIPP_C = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
           [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
           [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
           [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]
# Example A of the same paper: two observers, binary data, ten units; α = 0.095.
KRIPP_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
           [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]


def test_krippendorff_published_examples():
    assert krippendorff_alpha(patterns_from_coders(KRIPP_C)) == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(patterns_from_coders(KRIPP_A)) == pytest.approx(0.095, abs=5e-4)
    # the paper's exact fraction for example A: 1 - 9 * 4 / (14 * 6 - ... ) = 0.0952...
    assert krippendorff_alpha(patterns_from_coders(KRIPP_A)) == pytest.approx(2 / 21)


def test_textbook_cohen_kappa():
    # 50 proposals read by two referees: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no
    # p_o = 35/50 = 0.70, p_e = 0.5*0.6 + 0.5*0.4 = 0.50, kappa = 0.40 (the common textbook example)
    rows = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    patterns = patterns_from_rows(rows)
    assert percent_agreement(patterns) == pytest.approx(0.70)
    assert cohen_kappa(patterns) == pytest.approx(0.40)


def test_identical_coders_agree_fully():
    rows = [(v, v, v) for v in [1, 2, 2, 3, 1, 1, 3]]
    patterns = patterns_from_rows(rows)
    assert percent_agreement(patterns) == 1.0
    assert krippendorff_alpha(patterns) == pytest.approx(1.0)
    assert cohen_kappa(patterns_from_rows([(a, b) for a, b, _ in rows])) == pytest.approx(1.0)


def test_undefined_cases_are_none():
    assert cohen_kappa(patterns_from_rows([(1, 1), (1, 1)])) is None  # one value throughout
    assert krippendorff_alpha(patterns_from_rows([(1, None), (None, 2)])) is None  # nothing pairable
    assert percent_agreement({}) is None


@pytest.mark.parametrize("seed", range(8))
def test_cohen_kappa_against_sklearn(seed):
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(seed)
    a = [rng.choice("abc") for _ in range(300)]
    b = [x if rng.random() < 0.6 else rng.choice("abc") for x in a]
    assert cohen_kappa(patterns_from_coders([a, b])) == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)


@pytest.mark.parametrize("seed", range(8))
def test_krippendorff_against_reference_package(seed):
    krippendorff = pytest.importorskip("krippendorff")
    rng = random.Random(seed)
    coders, units = rng.choice([2, 3, 4]), 200
    truth = [rng.randint(1, 4) for _ in range(units)]
    matrix = [[None if rng.random() < 0.15 else (t if rng.random() < 0.7 else rng.randint(1, 4)) for t in truth]
              for _ in range(coders)]
    ours = krippendorff_alpha(patterns_from_coders(matrix))
    ref = krippendorff.alpha(reliability_data=np.array([[np.nan if v is None else v for v in r] for r in matrix],
                                                       dtype=float), level_of_measurement="nominal")
    assert ours == pytest.approx(ref, abs=1e-9)


def test_weights_equal_repeated_units():
    rows = [(1, 0)] * 3 + [(0, 0)] * 7 + [(1, 1)] * 2
    weighted = {(1, 0): 3, (0, 0): 7, (1, 1): 2}
    assert krippendorff_alpha(weighted) == pytest.approx(krippendorff_alpha(patterns_from_rows(rows)))
    assert cohen_kappa(weighted) == pytest.approx(cohen_kappa(patterns_from_rows(rows)))
