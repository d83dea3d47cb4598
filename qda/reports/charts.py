"""Charts for reports, drawn with matplotlib's Agg backend and returned as PNG bytes.

matplotlib is imported inside each function so importing :mod:`qda.reports` stays cheap.
"""

from __future__ import annotations

import io
import textwrap
from typing import Sequence

DPI = 200


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _png(fig) -> bytes:
    plt = _pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _decimal(language: str):
    from matplotlib.ticker import FuncFormatter

    def fmt(x, _pos):
        text = f"{x:g}"
        return text.replace(".", ",") if language == "id" else text

    return FuncFormatter(fmt)


def heatmap(matrix: Sequence[Sequence[float]], rows: Sequence[str], cols: Sequence[str], *,
            xlabel: str = "", ylabel: str = "", cmap: str = "YlOrRd") -> bytes:
    """A heat map with each cell's count written in it."""
    plt = _pyplot()
    import numpy as np

    data = np.asarray(matrix, dtype=float) if len(rows) and len(cols) else np.zeros((1, 1))
    width = max(5.0, 0.55 * len(cols) + 3.2)
    height = max(2.4, 0.45 * len(rows) + 1.4)
    fig, ax = plt.subplots(figsize=(width, height))
    im = ax.imshow(data, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(cols)))
    long = max((len(c) for c in cols), default=0) > 4
    ax.set_xticklabels(["\n".join(textwrap.wrap(c, 14)) for c in cols], fontsize=8, rotation=45 if long else 0,
                       ha="right" if long else "center", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(rows, fontsize=8)
    peak = data.max() if data.size else 0
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            value = data[i, j]
            ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=8,
                    color="white" if peak and value > 0.6 * peak else "black")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.colorbar(im, ax=ax, shrink=0.8)
    return _png(fig)


def item_bars(items: Sequence[str], means: Sequence[float], *, title: str = "", ylabel: str = "",
              language: str = "id", ymax: float = 5.0) -> bytes:
    """Vertical bars of the items' mean scores (1–5)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 3.2))
    bars = ax.bar(items, means, color="#3b6ea8")
    ax.set_ylim(0, ymax)
    ax.yaxis.set_major_formatter(_decimal(language))
    for bar, m in zip(bars, means):
        label = f"{m:.2f}"
        ax.text(bar.get_x() + bar.get_width() / 2, m + 0.05, label.replace(".", ",") if language == "id" else label,
                ha="center", va="bottom", fontsize=7)
    ax.set_title(title, fontsize=10)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def scatter_fit(x: Sequence[float], y: Sequence[float], a: float, b: float, *, xlabel: str, ylabel: str,
                equation: str, language: str = "id") -> bytes:
    """A scatter plot of totals with the fitted line ``y = a + b x``."""
    plt = _pyplot()
    import numpy as np

    fig, ax = plt.subplots(figsize=(6.0, 4.0))
    ax.scatter(x, y, s=18, color="#3b6ea8", alpha=0.8)
    xs = np.linspace(min(x), max(x), 50) if len(x) else np.array([0, 1])
    ax.plot(xs, a + b * xs, color="#c0392b", linewidth=1.5, label=equation)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, loc="upper left")
    ax.xaxis.set_major_formatter(_decimal(language))
    ax.yaxis.set_major_formatter(_decimal(language))
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
