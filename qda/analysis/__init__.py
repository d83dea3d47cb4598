"""Finding patterns in coded data: code queries, matrices, co-occurrence, word frequency, keyword in context.

Headless and typed; the CLI (``qda query``, ``qda matrix``, ``qda words``, ``qda kwic``),
the GUI's analysis tab and the Word report call these functions.
"""

from __future__ import annotations

from qda.analysis.corpus import Corpus, Filters, corpus
from qda.analysis.query import Passage, QueryResult, QuerySyntaxError, code_passages, parse, passage_rows, run_query

__all__ = ["Corpus", "Filters", "Passage", "QueryResult", "QuerySyntaxError", "code_passages", "corpus", "parse",
           "passage_rows", "run_query"]
