"""Opening a project is light (no pandas, no numpy) and list functions run a fixed number of queries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qda.store import Project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def coded(tmp_path):
    """A project with 3 documents and 60 codings by two coders, closed."""
    path = tmp_path / "padat.qda"
    with Project.create(path, coder="Rina") as p:
        codes = [c.id for c in p.codes.all()[:4]]
        p.coders.set_current("Budi")
        p.coders.set_current("Rina")
        for i in range(3):
            doc = p.documents.add(f"w{i}.txt", "Petugas cepat tanggap dan ramah. " * 20).id
            p.segments.add_many([(doc, k * 10, k * 10 + 8, codes[k % 4]) for k in range(10)])
            p.segments.add_many([(doc, k * 10 + 1, k * 10 + 9, codes[k % 4]) for k in range(10)], coder="Budi")
        p.memos.set(p.segments.all()[0], "memo")
    return path


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_opening_a_project_and_reading_its_first_document_loads_no_pandas(coded):
    found = _run(f"""
import json, sys
from qda.store import Project
with Project.open({str(coded)!r}) as p:
    doc = p.documents.all()[0]
    text = p.documents.text(doc)
    segs = p.segments.all(document=doc)
    turns = p.documents.turns(doc)
print(json.dumps({{"pandas": "pandas" in sys.modules, "numpy": "numpy" in sys.modules, "chars": len(text),
                  "segments": len(segs)}}))
""")
    assert found == {"pandas": False, "numpy": False, "chars": 660, "segments": 20}


@pytest.mark.parametrize("argv", [["--help"], ["sources", "{path}"], ["sources", "{path}", "--json"]])
def test_the_light_commands_load_no_pandas(coded, argv):
    args = [a.replace("{path}", str(coded)) for a in argv]
    found = _run(f"""
import contextlib, io, json, sys
from qda.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main({args!r})
    except SystemExit:
        pass
print(json.dumps({{"pandas": "pandas" in sys.modules, "numpy": "numpy" in sys.modules}}))
""")
    assert found == {"pandas": False, "numpy": False}


def test_pandas_still_imports_after_the_store(coded):
    assert _run("""
import json
import qda.store
import pandas
print(json.dumps({"frame": int(pandas.DataFrame({"a": [1, 2]})["a"].sum())}))
""") == {"frame": 3}


class Statements:
    """Counts the SQL statements the connection runs (sqlite3's trace callback)."""

    def __init__(self, project: Project) -> None:
        self.project, self.sql = project, []

    def __enter__(self):
        self.project._conn.set_trace_callback(self.sql.append)
        return self

    def __exit__(self, *exc) -> None:
        self.project._conn.set_trace_callback(None)


LISTS = {
    "segments.rows": lambda p: p.segments.rows(),
    "segments.rows by code": lambda p: p.segments.rows(code=1),
    "segments.all": lambda p: p.segments.all(),
    "documents.all": lambda p: p.documents.all(),
    "codes.all": lambda p: p.codes.all(),
    "codes.counts": lambda p: p.codes.counts(),
    "coders.counts": lambda p: p.coders.counts(),
    "cases.all": lambda p: p.cases.all(),
    "memos.all": lambda p: p.memos.all(),
    "reviews.all": lambda p: p.reviews.all(),
    "reviews.latest_statuses": lambda p: p.reviews.latest_statuses(),
    "supervision.statuses": lambda p: p.supervision.statuses(),
    "suggestions.rows": lambda p: p.suggestions.rows(status=None),
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_functions_run_a_fixed_number_of_queries(coded, name):
    """No query per row: a list of 60 codings over 3 documents takes a handful of statements.

    (Listings of codings read the blind-coding setting once: one statement whatever the rows.)
    """
    with Project.open(coded) as p:
        p.documents._text_cache.clear()
        with Statements(p) as st:
            LISTS[name](p)
    assert len(st.sql) <= 9, st.sql


def test_segment_rows_reads_each_document_text_once(coded):
    with Project.open(coded) as p:
        p.documents._text_cache.clear()
        with Statements(p) as st:
            rows = p.segments.rows()
    texts = [sql for sql in st.sql if sql.startswith("SELECT text FROM document")]
    assert len(rows) == 60 and len(texts) == 3 and len(st.sql) == 4 + 3
