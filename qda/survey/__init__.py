"""Survey statistics of a Likert questionnaire (the Kelurahan Sako procedure), headless.

``load_data`` reads CSV / XLSX / SPSS files, ``Instrument`` describes variables, indicators
and items (``load_template("sako")`` is the bundled one), ``analyse`` / ``analyse_columns``
run the whole procedure and return a :class:`qda.survey.result.SurveyResult`;
``to_contract`` gives the JSON of ``qda survey --json``. Names are loaded on first use so
that importing the package stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "load_data": "qda.survey.loading", "DataSet": "qda.survey.loading",
    "Instrument": "qda.survey.instrument", "load_template": "qda.survey.instrument",
    "analyse": "qda.survey.analysis", "analyse_columns": "qda.survey.analysis",
    "Settings": "qda.survey.result", "SurveyResult": "qda.survey.result",
    "to_contract": "qda.survey.contract", "summary_text": "qda.survey.summary",
    "SurveyDataError": "qda.survey.scoring",
}
__all__ = sorted(_EXPORTS)  # noqa: PLE0605 (the names of the lazy exports above)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'qda.survey' has no attribute {name!r}")
