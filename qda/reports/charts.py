"""The charts of the program, drawn once for the screen and for Word: matplotlib (Agg), PNG bytes.

One implementation per chart: the survey tab shows the same PNG a Word chapter embeds (only
the resolution differs: ``dpi``). Figures are built with :class:`matplotlib.figure.Figure`
(no pyplot state), so they can be drawn on a worker thread. Labels are passed in by the caller
in the language of its output (interface language on screen, report language in Word); numbers
go through the one formatter, :mod:`qda.survey.numfmt`.

matplotlib is imported inside each function so importing :mod:`qda.reports` stays cheap.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any, Sequence

from qda.survey.numfmt import fmt

#: Resolution of a chart in a Word report; the screen uses :data:`SCREEN_DPI`.
DPI = 200
SCREEN_DPI = 100
#: Colours of the answer bars, highest score first (5 .. 1).
BAR_COLOURS = ["#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027"]
POINT_COLOUR = "#2c7fb8"
LINE_COLOUR = "#d95f0e"


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    fig.set_layout_engine("tight")
    return fig


def _png(fig: Any, dpi: int = DPI) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _decimal(language: str, decimals: int | None = None) -> Any:
    """Axis ticks with the language's decimal mark (``2,5``)."""
    from matplotlib.ticker import FuncFormatter

    def tick(x: float, _pos: int) -> str:
        if decimals is not None:
            return fmt(float(x), decimals, language)
        text = f"{x:g}"
        return text.replace(".", ",") if language == "id" else text  # the number locale (decimal comma)

    return FuncFormatter(tick)


def _plain(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def text_colour(rgba: Sequence[float]) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgba`` (WCAG relative luminance)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(float(c)) for c in rgba[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.179 else "white"


def heatmap_figure(matrix: Sequence[Sequence[float]], rows: Sequence[str], cols: Sequence[str], *,
                   xlabel: str = "", ylabel: str = "", cmap: str = "YlOrRd", max_width_in: float = 5.5) -> Any:
    """The heat-map figure (see :func:`heatmap`)."""
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    data = np.asarray(matrix, dtype=float) if len(rows) and len(cols) else np.zeros((1, 1))
    dense = max(len(cols), len(rows)) > 12
    font = 6 if dense else 8
    width = min(max_width_in, max(4.0, 0.42 * len(cols) + 3.0))
    height = max(2.4, (0.32 if dense else 0.42) * len(rows) + 1.4)
    fig = _figure(width, height)
    ax = fig.add_subplot(111)
    peak = float(data.max()) if data.size else 0.0
    im = ax.imshow(data, cmap=cmap, aspect="auto", vmin=0, vmax=max(peak, 1.0))
    ax.set_xticks(range(len(cols)))
    long = max((len(c) for c in cols), default=0) > 4
    ax.set_xticklabels(["\n".join(textwrap.wrap(c, 14)) for c in cols], fontsize=font, rotation=45 if long else 0,
                       ha="right" if long else "center", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(["\n".join(textwrap.wrap(r, 28)) for r in rows], fontsize=font)
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            value = data[i, j]
            ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=font,
                    color=text_colour(im.cmap(im.norm(value))))
    ax.set_xlabel(xlabel, fontsize=font + 1)
    ax.set_ylabel(ylabel, fontsize=font + 1)
    bar = fig.colorbar(im, ax=ax, shrink=0.8)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    bar.ax.tick_params(labelsize=font)
    return fig


def heatmap(matrix: Sequence[Sequence[float]], rows: Sequence[str], cols: Sequence[str], *,
            xlabel: str = "", ylabel: str = "", cmap: str = "YlOrRd", max_width_in: float = 5.5,
            dpi: int = DPI) -> bytes:
    """A heat map of counts with each cell's count written in it.

    The colour scale starts at 0; each count is written in black or white by its cell's
    colour; the colour bar has whole-number ticks; a dense matrix gets smaller type and no
    figure is wider than ``max_width_in`` inches (the report's text block).
    """
    return _png(heatmap_figure(matrix, rows, cols, xlabel=xlabel, ylabel=ylabel, cmap=cmap,
                               max_width_in=max_width_in), dpi)


def item_means(items: Sequence[str], means: Sequence[float | None], *, ylabel: str = "", title: str = "",
               language: str = "id", ymax: float = 5.0, dpi: int = DPI) -> bytes:
    """Vertical bars of the items' mean scores (1–5), each labelled with its mean."""
    fig = _figure(6.5, 3.2)
    ax = fig.add_subplot(111)
    values = [m or 0.0 for m in means]
    bars = ax.bar(list(items), values, color="#3b6ea8")
    ax.set_ylim(0, ymax)
    ax.yaxis.set_major_formatter(_decimal(language))
    for bar, m in zip(bars, means):
        ax.text(bar.get_x() + bar.get_width() / 2, (m or 0.0) + 0.05, fmt(m, 2, language),
                ha="center", va="bottom", fontsize=7)
    if title:
        ax.set_title(title, fontsize=10)
    ax.set_ylabel(ylabel)
    _plain(ax)
    return _png(fig, dpi)


def item_answers(summary: Any, *, xlabel: str = "", language: str = "id", dpi: int = DPI) -> bytes:
    """Horizontal bars of one item's answers (count and % per label, highest score on top)."""
    from matplotlib.ticker import MaxNLocator

    fig = _figure(5.0, 2.1)
    ax = fig.add_subplot(111)
    labels = [f"{row.label} ({row.value})" for row in summary.rows]
    counts = [row.count for row in summary.rows]
    y = list(range(len(labels)))[::-1]
    ax.barh(y, counts, color=BAR_COLOURS[: len(counts)], edgecolor="#444444", linewidth=0.5)
    ax.set_yticks(y, labels, fontsize=8)
    for yi, row in zip(y, summary.rows):
        pct = fmt(row.percent, 1, language) + "%" if row.percent is not None else fmt(None)
        ax.text(row.count + max(sum(counts), 1) * 0.01, yi, f"{row.count} ({pct})", va="center", fontsize=7)
    ax.set_xlim(0, max(counts + [1]) * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    _plain(ax)
    return _png(fig, dpi)


def validity_bars(validity: Any, *, r_table_label: str = "r tabel", language: str = "id", dpi: int = DPI) -> bytes:
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
        ax.text(len(names) - 0.5, validity.r_table, f" {r_table_label} {fmt(validity.r_table, 3, language)}",
                fontsize=7, va="bottom", ha="right")
    ax.yaxis.set_major_formatter(_decimal(language, 1))
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("r", fontsize=8)
    _plain(ax)
    return _png(fig, dpi)


def equation_text(a: float | None, b: float | None, language: str = "id") -> str:
    """``Y = 9,472 + 0,641X``: the fitted line as a thesis writes it."""
    sign = "+" if (b or 0) >= 0 else "−"
    return f"Y = {fmt(a, 3, language)} {sign} {fmt(abs(b) if b is not None else None, 3, language)}X"


def scatter_fit(reg: Any, *, xlabel: str, ylabel: str, language: str = "id", dpi: int = DPI) -> bytes:
    """The X and Y totals of a regression with its fitted line, equation and R²."""
    import numpy as np

    fig = _figure(5.6, 3.9)
    ax = fig.add_subplot(111)
    x, y = np.asarray(reg.x_values, dtype=float), np.asarray(reg.y_values, dtype=float)
    ax.scatter(x, y, s=18, color=POINT_COLOUR, alpha=0.75, edgecolor="white", linewidth=0.4)
    a, b = reg.coefficients[0].B, reg.coefficients[1].B
    if a is not None and b is not None and x.size:
        xs = np.linspace(x.min(), x.max(), 50)
        ax.plot(xs, a + b * xs, color=LINE_COLOUR, linewidth=1.6,
                label=f"{equation_text(a, b, language)}   R² = {fmt(reg.R2, 3, language)}")
        ax.legend(fontsize=8, loc="upper left", frameon=False)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.set_ylabel(ylabel, fontsize=8)
    ax.xaxis.set_major_formatter(_decimal(language, 0))
    ax.yaxis.set_major_formatter(_decimal(language, 0))
    ax.tick_params(labelsize=7)
    ax.grid(alpha=0.25)
    _plain(ax)
    return _png(fig, dpi)


def count_bars(labels: Sequence[str], values: Sequence[float], *, title: str = "", xlabel: str = "",
               color: str = "#3b6ea8", dpi: int = DPI) -> bytes:
    """Horizontal bars of counts, largest at the top, each with its value written at its end."""
    from matplotlib.ticker import MaxNLocator

    fig = _figure(6.5, max(2.0, 0.28 * len(labels) + 1.0))
    ax = fig.add_subplot(111)
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, values, color=color)
    ax.set_yticks(ys)
    ax.set_yticklabels(["\n".join(textwrap.wrap(str(label), 34)) for label in labels], fontsize=8)
    peak = max(values, default=0) or 1
    for y, v in zip(ys, values):
        ax.text(v + peak * 0.01, y, f"{v:g}", va="center", fontsize=7)
    ax.set_xlim(0, peak * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(xlabel, fontsize=8)
    _plain(ax)
    return _png(fig, dpi)
