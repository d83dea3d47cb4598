"""Charts of the survey result, drawn with matplotlib's Agg canvas as PNG bytes.

Drawing needs no Qt, so :func:`render_all` runs on the worker thread next to the analysis;
the GUI thread only turns the bytes into a QPixmap (:func:`pixmap`).
"""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtGui import QPixmap

from qda.i18n import language, tr
from qda.survey.numfmt import fmt

BAR_COLOURS = ["#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027"]  # 5 .. 1


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    fig.set_layout_engine("tight")
    return fig


def _png(fig: Any) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def pixmap(png: bytes) -> QPixmap:
    """A QPixmap of PNG bytes (GUI thread)."""
    pix = QPixmap()
    pix.loadFromData(png, "PNG")
    return pix


def render_all(result: Any) -> dict[str, bytes]:
    """Every chart of ``result`` as PNG bytes: "item:X1", "validity:X", "scatter"."""
    charts: dict[str, bytes] = {}
    for var in result.variables.values():
        for s in var.item_summaries:
            charts[f"item:{s.item}"] = item_bars(s)
        if var.validity.items:
            charts[f"validity:{var.key}"] = validity_bars(var.validity)
    if result.regression is not None and result.regression.x_values:
        charts["scatter"] = scatter_with_line(result.regression)
    return charts


def _decimal_formatter(decimals: int) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: fmt(float(v), decimals))


def item_bars(summary: Any) -> bytes:
    """Horizontal bars of one item's answers (counts per label, highest score on top)."""
    fig = _figure(5.0, 2.1)
    ax = fig.add_subplot(111)
    labels = [f"{row.label} ({row.value})" for row in summary.rows]
    counts = [row.count for row in summary.rows]
    y = list(range(len(labels)))[::-1]
    ax.barh(y, counts, color=BAR_COLOURS[: len(counts)], edgecolor="#444444", linewidth=0.5)
    ax.set_yticks(y, labels, fontsize=8)
    total = sum(counts) or 1
    for yi, c in zip(y, counts):
        ax.text(c + total * 0.01, yi, f"{c} ({fmt(100 * c / total, 1)}%)", va="center", fontsize=7)
    ax.set_xlim(0, max(counts + [1]) * 1.3)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(tr("Jumlah responden"), fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def scatter_with_line(reg: Any) -> bytes:
    """The X and Y totals with the fitted regression line and its equation."""
    import numpy as np

    fig = _figure(5.4, 3.9)
    ax = fig.add_subplot(111)
    x, y = np.asarray(reg.x_values), np.asarray(reg.y_values)
    ax.scatter(x, y, s=18, color="#2c7fb8", alpha=0.75, edgecolor="white", linewidth=0.4)
    a, b = reg.coefficients[0].B, reg.coefficients[1].B
    if a is not None and b is not None and x.size:
        xs = np.linspace(x.min(), x.max(), 50)
        sign = "+" if b >= 0 else "−"
        ax.plot(xs, a + b * xs, color="#d95f0e", linewidth=1.6,
                label=f"Y = {fmt(a, 3)} {sign} {fmt(abs(b), 3)}X   R² = {fmt(reg.R2, 3)}")
        ax.legend(fontsize=8, loc="upper left", frameon=False)
    ax.set_xlabel(tr("Total {name} (X)", name=reg.x_name), fontsize=8)
    ax.set_ylabel(tr("Total {name} (Y)", name=reg.y_name), fontsize=8)
    ax.xaxis.set_major_formatter(_decimal_formatter(0))
    ax.yaxis.set_major_formatter(_decimal_formatter(0))
    ax.tick_params(labelsize=7)
    ax.grid(alpha=0.25)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def validity_bars(validity: Any) -> bytes:
    """r of each item against the r table line (valid items in green)."""
    fig = _figure(5.2, 2.6)
    ax = fig.add_subplot(111)
    names = [iv.item for iv in validity.items]
    values = [iv.r if iv.r is not None else 0.0 for iv in validity.items]
    colours = ["#1a9850" if iv.valid else "#d73027" for iv in validity.items]
    ax.bar(range(len(names)), values, color=colours)
    ax.set_xticks(range(len(names)), names, fontsize=7)
    if validity.r_table is not None:
        ax.axhline(validity.r_table, color="#333333", linestyle="--", linewidth=1)
        ax.text(len(names) - 0.5, validity.r_table, f" r tabel {fmt(validity.r_table, 3)}" if language() == "id"
                else f" r table {fmt(validity.r_table, 3)}", fontsize=7, va="bottom", ha="right")
    ax.yaxis.set_major_formatter(_decimal_formatter(1))
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("r", fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)
