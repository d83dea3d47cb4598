"""Code colours that can be told apart (CIE76 ΔE ≥ 20 as highlights) and stripes that stand out (≥ 3:1)."""

from __future__ import annotations

import itertools
import json

import pytest

from qda.colours import blend, contrast_ratio, delta_e
from qda.domain import HIGHLIGHT_ALPHA, PALETTE
from qda.resources import resource, sample_transcripts_dir

PAGE = "#ffffff"
MARGIN = "#fafafa"  # the stripe margin's background (qda.gui.viewer.margins.MARGIN_BG, checked in the GUI test)
TEXT = "#1f2328"  # the viewer's text colour


def _bundled(name):
    data = json.loads(resource("codebook", f"{name}.json").read_text(encoding="utf-8"))
    return {c["name"]: c["color"] for c in data["codes"]}


def _closest_pair(colors: dict[str, str]) -> tuple[float, str, str]:
    return min((delta_e(blend([a], HIGHLIGHT_ALPHA, PAGE), blend([b], HIGHLIGHT_ALPHA, PAGE)), x, y)
               for (x, a), (y, b) in itertools.combinations(colors.items(), 2))


def test_colour_arithmetic_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # WCAG's classic borderline grey
    assert delta_e("#ff0000", "#ff0000") == 0
    assert delta_e("#000000", "#ffffff") == pytest.approx(100.0, abs=0.01)  # L* 0 → 100
    assert blend(["#000000"], 0.5, "#ffffff") == "#808080"


@pytest.mark.parametrize("codebook", ["kinerja_pelayanan", "indikator_sako"])
def test_bundled_codes_differ_by_delta_e_20_as_highlights(codebook):
    colors = _bundled(codebook)
    assert len(colors) >= 14
    de, a, b = _closest_pair(colors)
    assert de >= 20, f"{a} vs {b}: ΔE {de:.1f}"
    # the two pairs the issue named
    if codebook == "kinerja_pelayanan":
        for x, y in (("Responsivitas", "Responsibilitas"), ("Produktivitas", "Digitalisasi Persuratan")):
            if x in colors and y in colors:
                assert delta_e(blend([colors[x]], HIGHLIGHT_ALPHA), blend([colors[y]], HIGHLIGHT_ALPHA)) >= 20


def test_new_code_palette_differs_and_reads():
    assert len(set(PALETTE)) == len(PALETTE)
    de, a, b = _closest_pair({c: c for c in PALETTE})
    assert de >= 20, f"{a} vs {b}: ΔE {de:.1f}"
    for color in PALETTE + tuple(_bundled("kinerja_pelayanan").values()) + tuple(_bundled("indikator_sako").values()):
        assert contrast_ratio(color, MARGIN) >= 3.0, color  # a stripe in the margin
        assert contrast_ratio(blend([color], HIGHLIGHT_ALPHA, PAGE), TEXT) >= 4.5, color  # text on its highlight


def test_new_codes_take_the_palette_in_turn():
    from qda.domain import next_color

    assert next_color([]) == PALETTE[0]
    assert next_color(PALETTE[:3]) == PALETTE[3]


def test_demo_codes_differ_too():
    """The demo project's own codes (Digitalisasi Persuratan …) stand apart from the bundled ones as well."""
    colors = _bundled("kinerja_pelayanan")
    demo = json.loads((sample_transcripts_dir() / "demo_coding.json").read_text(encoding="utf-8"))
    own = {c["name"]: c["color"] for c in demo["own_codes"]}
    assert "Digitalisasi Persuratan" in own
    colors.update(own)
    de, a, b = _closest_pair(colors)
    assert de >= 20, f"{a} vs {b}: ΔE {de:.1f}"
    assert delta_e(blend([colors["Produktivitas"]], HIGHLIGHT_ALPHA),
                   blend([colors["Digitalisasi Persuratan"]], HIGHLIGHT_ALPHA)) >= 20
