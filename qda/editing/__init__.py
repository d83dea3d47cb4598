"""Editing sources after coding has started: corrections and anonymisation that keep every coding.

- :func:`plan_edit` / :func:`apply_edit` — replace a document's text, re-anchoring codings,
  memos and reviews (they follow their coding), speaker turns and pending suggestions;
  what cannot be placed with confidence is flagged ("perlu dicek"), never moved silently.
- :func:`anonymise` — replace a name with a case code in one source or all, as the same kind of edit.
- :class:`EditText` / :class:`Anonymise` — the same as one step on the undo stack.
"""

from qda.editing.anchor import Placement, Span
from qda.editing.anonymise import anonymise, plan_anonymise
from qda.editing.command import Anonymise, EditText, ResolveFlag
from qda.editing.edit import EditPlan, EditResult, apply_edit, apply_plan, plan_edit

__all__ = ["Placement", "Span", "anonymise", "plan_anonymise", "Anonymise", "EditText", "ResolveFlag",
           "EditPlan", "EditResult", "apply_edit", "apply_plan", "plan_edit"]
