"""Word reports: the qualitative report, the review report and the survey chapter.

The builders are plain functions over the project store (python-docx, no Qt); the CLI
and the GUI only choose options and a path. Imports are lazy so ``qda --help`` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["write_qualitative_report", "write_review_report", "write_survey_chapter"]


def __getattr__(name: str) -> Any:
    if name == "write_qualitative_report":
        from qda.reports.qualitative import write_qualitative_report

        return write_qualitative_report
    if name == "write_review_report":
        from qda.reports.review import write_review_report

        return write_review_report
    if name == "write_survey_chapter":
        from qda.reports.survey_chapter import write_survey_chapter

        return write_survey_chapter
    raise AttributeError(name)
