"""Readable side areas: stripes ≥ 3:1 against the margin, numbers, labels, hints and timestamps ≥ 4.5:1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qda.colours import contrast_ratio
from qda.domain import PALETTE
from qda.resources import resource

pytestmark = pytest.mark.gui

GUI = Path(__file__).resolve().parents[2] / "qda" / "gui"


def _bundled_colours():
    out = set(PALETTE)
    for name in ("kinerja_pelayanan", "indikator_sako"):
        out |= {c["color"] for c in json.loads(resource("codebook", f"{name}.json").read_text("utf-8"))["codes"]}
    return sorted(out)


def test_margin_stripes_labels_gutter_and_timestamps_contrast(qtbot):
    from PySide6.QtGui import QColor

    from qda.gui.viewer import highlighter, margins

    assert contrast_ratio(margins.GUTTER_FG, margins.GUTTER_BG) >= 4.5
    assert contrast_ratio(highlighter.TIMESTAMP_COLOR, "#ffffff") >= 4.5
    for color in _bundled_colours():
        assert contrast_ratio(color, margins.MARGIN_BG) >= 3.0, color  # the stripe
        label = QColor(color).darker(margins.LABEL_DARKER).name()
        assert contrast_ratio(label, margins.MARGIN_BG) >= 4.5, (color, label)  # the code name beside it


def test_grey_hint_text_in_the_interface_reads_on_white():
    """Every text colour written in a style sheet or rich text under qda/gui reaches 4.5:1 on white."""
    low = []
    for path in GUI.rglob("*.py"):
        for m in re.finditer(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", path.read_text(encoding="utf-8")):
            if m.group(1).lower() != "#ffffff" and contrast_ratio(m.group(1), "#ffffff") < 4.5:  # white: on a dark badge
                low.append(f"{path.name}: {m.group(1)}")
    assert not low, low


def test_overlap_shows_the_two_codes_colours_and_no_third(qtbot):
    from PySide6.QtGui import QColor

    from qda.colours import blend
    from qda.domain import HIGHLIGHT_ALPHA
    from qda.gui.viewer.text_view import DocumentView, ShownSegment

    view = DocumentView()
    qtbot.addWidget(view)
    text = "satu dua tiga empat lima enam"
    view.show_document(1, text, [], [ShownSegment(1, 1, 0, 18), ShownSegment(2, 2, 5, 13)],
                       {1: ("Responsivitas", PALETTE[2]), 2: ("Responsibilitas", PALETTE[3])})
    fmt = view.highlighter.format_for((1, 2))
    assert fmt.background().color().name() == blend([PALETTE[2]], HIGHLIGHT_ALPHA)  # the outer code's tint
    assert fmt.underlineColor() == QColor(PALETTE[3])  # the inner code's colour, as an underline
    assert len(view.bars()) == 2 and {b.column for b in view.bars()} == {0, 1}  # two stripes side by side
