"""Every user-facing string of the survey code has an English translation; English output uses it."""

from __future__ import annotations

import pytest

from qda.i18n import missing_translations, set_language, tr


def test_page_titles_and_schemes_are_translated():
    pytest.importorskip("PySide6")
    from qda.gui.survey.tab import DATA_FILTER, SCHEMES
    from qda.survey import continuum

    assert continuum.SCHEMES
    pages = ["Data responden", "Frekuensi butir", "Validitas", "Reliabilitas", "Skor", "Uji prasyarat",
             "Regresi", "Catatan"]
    assert missing_translations(pages + [name for _k, name in SCHEMES] + [DATA_FILTER], "en") == []


def test_english_summary(sako_result):
    from qda.survey.summary import summary_text

    set_language("en")
    text = summary_text(sako_result)
    assert "Simple linear regression (n = 30)" in text and "R = 0.660" in text
    assert "H0 is rejected" in text and "71.93%" in text
    assert tr("baris {row}, kolom {col}", row=5, col="X3") == "row 5, column X3"
