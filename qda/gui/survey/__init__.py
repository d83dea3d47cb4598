"""The survey tab: data grid, column mapping, results as tables and charts, Word export."""

from qda.gui.survey.tab import SurveyTab

__all__ = ["SurveyTab"]
