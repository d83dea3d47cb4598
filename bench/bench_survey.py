"""Time the whole survey procedure on a realistic questionnaire: 10,000 respondents x 40 items.

The data is built like the Kelurahan Sako questionnaire (``/work/shared/sako``), only larger:
a respondent number, the profile columns (``kelompok``, ``jabatan``, ``jenis_kelamin``,
``usia``, ``pendidikan``) with Indonesian values, and 40 items X1-X20 and Y1-Y20 whose cells
hold the answer *labels* the respondents ticked ("Sangat Baik", "Cukup Sesuai", "Tidak Tepat
Waktu" ...; each item uses one of the label sets of the bundled Sako instrument, in turn),
with a latent X driving the X items and, partly, the Y items. A fixed seed makes it the same
every run. This is what a researcher exports from a form: labels, not scores.

Prints CPU and wall seconds for reading the CSV, scoring the label cells and the whole
procedure (validity, reliability, scores, normality, linearity, regression; aim < 1 s), the
JSON contract, and two baselines from the same run on the same file:

- *bare*: pandas ``read_csv``, one dictionary from label to score, then numpy item-total
  correlations, Cronbach's alpha and the simple regression of the Y total on the X total -
  the least any tool can do for the core figures, with no checks and no report;
- *item by item* (if pingouin is installed): item-total r and alpha-if-deleted computed one
  item at a time with scipy and pingouin, as a script would.

The machine may be shared: CPU time (user + system of this process) is the figure to compare.
Run: ``python bench/bench_survey.py [N_RESPONDENTS]``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITEMS_PER_VARIABLE = 20
PROFILE = {
    "kelompok": (["Masyarakat", "Pegawai"], [0.8, 0.2]),
    "jabatan": (["Masyarakat", "Staf", "Kasi Pemerintah", "Kasi Pembangunan", "Kasi Kesos", "Sekretaris"],
                [0.8, 0.1, 0.03, 0.03, 0.03, 0.01]),
    "jenis_kelamin": (["Laki-laki", "Perempuan"], [0.48, 0.52]),
    "pendidikan": (["SD", "SLTP", "SLTA", "Diploma", "S1", "S2"], [0.05, 0.1, 0.4, 0.15, 0.25, 0.05]),
}


def label_sets() -> list[list[str]]:
    """The answer label sets of the bundled Sako instrument (best first), in file order."""
    data = json.loads((ROOT / "resources" / "survey" / "sako.json").read_text(encoding="utf-8"))
    return list(data["label_sets"].values())


def make_data(n: int, k: int = ITEMS_PER_VARIABLE, seed: int = 2024):
    """The questionnaire as a DataFrame of strings, and the label set of each item (see the module doc)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 1))
    y = 0.6 * x + 0.8 * rng.normal(size=(n, 1))
    xs = np.clip(np.round(3.4 + 0.8 * x + 0.8 * rng.normal(size=(n, k))), 1, 5).astype(int)
    ys = np.clip(np.round(3.6 + 0.7 * y + 0.8 * rng.normal(size=(n, k))), 1, 5).astype(int)
    sets = label_sets()
    columns = [f"X{i}" for i in range(1, k + 1)] + [f"Y{i}" for i in range(1, k + 1)]
    item_sets = {col: sets[i % len(sets)] for i, col in enumerate(columns)}
    scores = np.hstack([xs, ys])
    frame = pd.DataFrame({"responden": [f"R{i:05d}" for i in range(1, n + 1)]})
    for col, (values, weights) in PROFILE.items():
        frame[col] = rng.choice(values, size=n, p=weights)
        if col == "jenis_kelamin":
            frame["usia"] = rng.integers(17, 65, size=n).astype(str)
    for j, col in enumerate(columns):
        labels = np.array(item_sets[col][::-1], dtype=object)  # index 0 = score 1
        frame[col] = labels[scores[:, j] - 1]
    return frame, item_sets


def main(n: int = 10_000) -> None:
    from qda.survey.analysis import analyse_columns
    from qda.survey.contract import to_contract
    from qda.survey.loading import load_data

    frame, item_sets = make_data(n)
    xs = [c for c in frame.columns if c.startswith("X")]
    ys = [c for c in frame.columns if c.startswith("Y")]
    clock = time.process_time
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survei_besar.csv"
        frame.to_csv(path, index=False)
        small = Path(tmp) / "survei_kecil.csv"
        frame.head(50).to_csv(small, index=False)
        analyse_columns(load_data(small), xs, ys)  # import the libraries first
        w0, c0 = time.perf_counter(), clock()
        data = load_data(path)
        w1, c1 = time.perf_counter(), clock()
        result = analyse_columns(data, xs, ys)
        w2, c2 = time.perf_counter(), clock()
        to_contract(result)
        w3, c3 = time.perf_counter(), clock()
        bare_wall, bare_cpu, bare_r = bare(path, xs, ys, item_sets)
    cells = n * len(frame.columns)
    print(f"load average after the run: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    print(f"data: {n:,} respondents x {len(xs) + len(ys)} items ({len(xs)} X + {len(ys)} Y) + "
          f"{len(frame.columns) - len(xs) - len(ys)} profile columns = {cells:,} cells; answers written as "
          f"Indonesian labels ({len({tuple(v) for v in item_sets.values()})} label sets of the Sako instrument)")
    print(f"read CSV:                      CPU {c1 - c0:7.3f} s   wall {w1 - w0:7.3f} s")
    print(f"score + whole procedure:       CPU {c2 - c1:7.3f} s   wall {w2 - w1:7.3f} s   (aim < 1 s)")
    print(f"JSON contract:                 CPU {c3 - c2:7.3f} s   wall {w3 - w2:7.3f} s")
    print(f"total (read to JSON):          CPU {c3 - c0:7.3f} s   wall {w3 - w0:7.3f} s")
    print(f"bare baseline (read_csv, label->score dict, numpy r, alpha, regression): "
          f"CPU {bare_cpu:7.3f} s   wall {bare_wall:7.3f} s")
    print(f"ratio qda / bare (read to JSON): CPU {(c3 - c0) / bare_cpu:.1f}x, wall {(w3 - w0) / bare_wall:.1f}x "
          f"(qda also checks every cell, drops invalid items, tests the prerequisites and writes the report contract)")
    numeric = _scores(frame, xs + ys, item_sets)
    from qda.survey.analysis import reliability

    w4, c4 = time.perf_counter(), clock()
    reliability(numeric, xs + ys, "all")
    w5, c5 = time.perf_counter(), clock()
    print(f"alpha + item-total, 40 items:  CPU {c5 - c4:7.3f} s   wall {w5 - w4:7.3f} s")
    base = item_by_item(frame, xs + ys, item_sets)
    if base is not None:
        print(f"baseline, item by item (scipy pearsonr + pingouin alpha if deleted): CPU {base[1]:7.3f} s   "
              f"wall {base[0]:7.3f} s   -> vectorised is {base[1] / max(c5 - c4, 1e-9):.0f}x less CPU")
    print(f"R = {result.regression.R:.3f} (bare: {bare_r:.3f}), alpha(all valid) = "
          f"{result.reliability_all_valid.alpha:.3f}, valid items: {len(result.x.used_items)} + "
          f"{len(result.y.used_items)}")


def _scores(frame, columns: list[str], item_sets: dict[str, list[str]]):
    """The answers as scores 1-5 (numpy array), by each item's label set."""
    import numpy as np

    return np.column_stack([frame[c].map({label: 5 - i for i, label in enumerate(item_sets[c])}).to_numpy(float)
                            for c in columns])


def bare(path: Path, xs: list[str], ys: list[str], item_sets: dict[str, list[str]]) -> tuple[float, float, float]:
    """(wall, CPU, R) of the least work for the core figures: read, map labels, r, alpha, regression."""
    import numpy as np
    import pandas as pd

    w0, c0 = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path, dtype=str)
    scores = {label: 5 - i for labels in item_sets.values() for i, label in enumerate(labels)}
    m = frame[xs + ys].replace(scores).to_numpy(float)
    total = m.sum(axis=1)
    centred = m - m.mean(axis=0)
    t = total - total.mean()
    _r = centred.T @ t / np.sqrt((centred ** 2).sum(axis=0) * (t ** 2).sum())
    k = m.shape[1]
    _alpha = k / (k - 1) * (1 - m.var(axis=0, ddof=1).sum() / total.var(ddof=1))
    x, y = m[:, :len(xs)].sum(axis=1), m[:, len(xs):].sum(axis=1)
    slope, intercept = np.polyfit(x, y, 1)
    r = float(np.corrcoef(x, y)[0, 1])
    return time.perf_counter() - w0, time.process_time() - c0, r


def item_by_item(frame, columns: list[str], item_sets: dict[str, list[str]]) -> tuple[float, float] | None:
    """(wall, CPU) of item-total r and alpha-if-deleted computed one item at a time with scipy/pingouin."""
    try:
        import pingouin as pg
    except ImportError:
        return None
    import pandas as pd
    from scipy import stats

    numeric = pd.DataFrame(_scores(frame, columns, item_sets), columns=columns)
    w0, c0 = time.perf_counter(), time.process_time()
    total = numeric.sum(axis=1)
    for col in numeric.columns:
        stats.pearsonr(numeric[col], total)
        stats.pearsonr(numeric[col], total - numeric[col])
        pg.cronbach_alpha(numeric.drop(columns=[col]))
    return time.perf_counter() - w0, time.process_time() - c0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
