"""The survey tab's charts: the core chart module's PNGs (:mod:`qda.reports.charts`) shown as pixmaps.

The charts are the same ones the Word chapter embeds, drawn at screen resolution with the
interface language's labels; :func:`render_all` runs on the worker thread next to the
analysis, and the GUI thread only turns the bytes into a QPixmap (:func:`pixmap`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPixmap

from qda.i18n import language, tr
from qda.reports import charts as core


def pixmap(png: bytes) -> QPixmap:
    """A QPixmap of PNG bytes (GUI thread)."""
    pix = QPixmap()
    pix.loadFromData(png, "PNG")
    return pix


def item_bars(summary: Any) -> bytes:
    """One item's answers (the chart beside its frequency table)."""
    return core.item_answers(summary, xlabel=tr("Jumlah responden"), language=language(), dpi=core.SCREEN_DPI)


def validity_bars(validity: Any) -> bytes:
    """r of each item against r table."""
    return core.validity_bars(validity, r_table_label=tr("r tabel"), language=language(), dpi=core.SCREEN_DPI)


def scatter_with_line(reg: Any) -> bytes:
    """The X and Y totals with the fitted line (the same chart as the Word chapter's)."""
    return core.scatter_fit(reg, xlabel=tr("Total {name} (X)", name=reg.x_name),
                            ylabel=tr("Total {name} (Y)", name=reg.y_name), language=language(),
                            dpi=core.SCREEN_DPI)


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
