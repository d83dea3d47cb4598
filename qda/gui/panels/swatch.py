"""Small colour swatch icons for codes (cached per colour)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

FALLBACK_COLOR = "#9e9e9e"


def valid_color(color: str | None) -> QColor:
    """``color`` as a QColor, grey when missing or unparsable."""
    c = QColor(color or FALLBACK_COLOR)
    return c if c.isValid() else QColor(FALLBACK_COLOR)


@lru_cache(maxsize=512)
def swatch_icon(color: str | None, size: int = 14) -> QIcon:
    """A rounded square of ``color`` with a thin darker border."""
    fill = valid_color(color)
    pix = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays crisp on high-DPI screens
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill.darker(140), 1.0))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    painter.end()
    return QIcon(pix)


@lru_cache(maxsize=8)
def group_icon(size: int = 14) -> QIcon:
    """A neutral folder-like icon for the codebook groups."""
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#5f6b7a"), 1.0))
    painter.setBrush(QColor("#dfe6ee"))
    painter.drawRoundedRect(QRectF(1.5, 3.5, size - 3, size - 5), 2, 2)
    painter.drawRect(QRectF(1.5, 2.5, size / 2.5, 2))
    painter.end()
    return QIcon(pix)
