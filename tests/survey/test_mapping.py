"""Auto-matching data columns to the instrument's items by name, id tag or question text."""

from __future__ import annotations

from qda.survey.instrument import Instrument, load_template
from qda.survey.mapping import auto_map


def test_forms_headers_match_by_question_text():
    inst = load_template("sako")
    items = [it for var in inst.variables for it in var.items]
    headers = ["Stempel waktu", "Nama (boleh dikosongkan)"]
    headers += [f"{n}. {it.text.upper()}" for n, it in enumerate(items, start=1)]  # numbered, shouting
    found = auto_map(list(reversed(headers)), inst)
    assert found == {it.id: f"{n}. {it.text.upper()}" for n, it in enumerate(items, start=1)}


def test_id_tags_and_prefixes_do_not_confuse_x1_with_x10():
    inst = load_template("sako")
    headers = ["X10. Sikap mental", "X1. Kuantitas", "Kuesioner [Y1]", "(Y10) Keseimbangan", "x2"]
    found = auto_map(headers, inst)
    assert found["X1"] == "X1. Kuantitas" and found["X10"] == "X10. Sikap mental"
    assert found["Y1"] == "Kuesioner [Y1]" and found["Y10"] == "(Y10) Keseimbangan" and found["X2"] == "x2"
    assert found["X3"] is None


def test_instrument_round_trips_through_json():
    inst = load_template("sako")
    again = Instrument.from_json(inst.to_json())
    assert again == inst
    assert len(again.variable("X").items) == 10 and again.variable("Y").indicators[0].name == "Transparansi"
    assert all(it.wording == "rekonstruksi" for var in inst.variables for it in var.items)
    assert "ilustratif" in inst.note
