"""Time the whole survey procedure on 10,000 respondents x 40 items (two variables of 20).

Prints seconds for: reading the CSV, scoring the text cells, the statistics (validity,
reliability, scores, normality, linearity, regression) and the §5 JSON; aim: analysis < 1 s.
Run: ``python bench/bench_survey.py [N_RESPONDENTS]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def make_data(n: int, k: int = 20, seed: int = 2024):
    """Illustrative Likert answers: a latent X drives 20 X items and, partly, 20 Y items."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 1))
    y = 0.6 * x + 0.8 * rng.normal(size=(n, 1))
    xs = np.clip(np.round(3.4 + 0.8 * x + 0.8 * rng.normal(size=(n, k))), 1, 5).astype(int)
    ys = np.clip(np.round(3.6 + 0.7 * y + 0.8 * rng.normal(size=(n, k))), 1, 5).astype(int)
    frame = pd.DataFrame(np.hstack([xs, ys]), columns=[f"X{i}" for i in range(1, k + 1)] +
                         [f"Y{i}" for i in range(1, k + 1)])
    frame.insert(0, "responden", [f"R{i:05d}" for i in range(1, n + 1)])
    return frame


def main(n: int = 10_000) -> None:
    from qda.survey.analysis import analyse_columns
    from qda.survey.contract import to_contract
    from qda.survey.loading import DataSet, load_data

    frame = make_data(n)
    xs = [c for c in frame.columns if c.startswith("X")]
    ys = [c for c in frame.columns if c.startswith("Y")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survei_besar.csv"
        frame.to_csv(path, index=False)
        analyse_columns(DataSet(frame.head(50).astype(str), str(path)), xs, ys)  # import the libraries first
        t0 = time.perf_counter()
        data = load_data(path)
        t1 = time.perf_counter()
        result = analyse_columns(data, xs, ys)
        t2 = time.perf_counter()
        to_contract(result)
        t3 = time.perf_counter()
    numeric = frame[xs + ys].to_numpy(float)
    from qda.survey.analysis import reliability

    t4 = time.perf_counter()
    reliability(numeric, xs + ys, "all")
    t5 = time.perf_counter()
    base = baseline(frame[xs + ys])
    print(f"respondents: {n:,}  items: {len(xs) + len(ys)} ({len(xs)} X + {len(ys)} Y)")
    print(f"read CSV:                      {t1 - t0:7.3f} s")
    print(f"score + whole procedure:       {t2 - t1:7.3f} s   (aim < 1 s)")
    print(f"JSON contract:                 {t3 - t2:7.3f} s")
    print(f"total (read to JSON):          {t3 - t0:7.3f} s")
    print(f"alpha + item-total, 40 items:  {t5 - t4:7.3f} s")
    if base is not None:
        print(f"baseline, item by item (scipy pearsonr + pingouin alpha if deleted): {base:7.3f} s"
              f"   -> vectorised is {base / (t5 - t4):.0f}x faster")
    print(f"R = {result.regression.R:.3f}, alpha(all valid) = {result.reliability_all_valid.alpha:.3f}, "
          f"valid items: {len(result.x.used_items)} + {len(result.y.used_items)}")


def baseline(frame) -> float | None:
    """Seconds for item-total r and alpha-if-deleted computed one item at a time with scipy/pingouin."""
    try:
        import pingouin as pg
    except ImportError:
        return None
    from scipy import stats

    t0 = time.perf_counter()
    total = frame.sum(axis=1)
    for col in frame.columns:
        stats.pearsonr(frame[col], total)
        stats.pearsonr(frame[col], total - frame[col])
        pg.cronbach_alpha(frame.drop(columns=[col]))
    return time.perf_counter() - t0


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
