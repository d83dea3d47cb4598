"""REFI-QDA exchange: .qdpx projects and .qdc codebooks to and from other QDA programs.

- :func:`export_qdpx` / :func:`export_qdc` write a project or its codebook (valid against
  the REFI schemas, stable GUIDs: qda's own UUIDs, or GUIDs derived from them).
- :func:`import_refi` reads a .qdpx, .qde or .qdc into a project in one transaction, merging
  by GUID, and returns an :class:`ImportReport`.
"""

from __future__ import annotations

from qda.exchange.archive import ExchangeRefused
from qda.exchange.exporter import export_qdc, export_qdpx
from qda.exchange.importer import ImportReport, import_into, import_refi

__all__ = ["ExchangeRefused", "ImportReport", "export_qdc", "export_qdpx", "import_into", "import_refi"]
