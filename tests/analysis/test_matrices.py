"""Matrices of the small project, counted by hand (see tests/analysis/small_project.py)."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from qda.analysis import Filters
from qda.analysis import matrices as M
from qda.analysis.cooccurrence import cooccurrence, cooccurrence_passages
from qda.errors import InvalidValue
from tests.analysis.small_project import A, K, R, S


def test_code_by_source_codings_and_percentages(small):
    m = M.code_source_matrix(small)
    assert [h.label for h in m.rows] == [R, A, K, S]
    assert [h.label for h in m.cols] == ["a.txt", "b.txt", "c.txt"]
    assert m.counts == [[3, 1, 0], [2, 0, 0], [4, 2, 0], [3, 0, 0]]
    assert m.row_totals == [4, 2, 6, 3] and m.col_totals == [12, 3, 0] and m.total == 15
    assert m.row_pct(0, 0) == pytest.approx(75.0) and m.row_pct(0, 1) == pytest.approx(25.0)
    assert m.col_pct(2, 0) == pytest.approx(100 * 4 / 12) and m.col_pct(0, 2) is None
    assert [(p.start, p.end) for p in m.cell(0, 0)] == [(0, 30), (0, 30), (100, 120)]


def test_code_by_source_passages_merge_coders_and_overlaps(small):
    m = M.code_source_matrix(small, measure="passages")
    # R: [0,30) twice → one, [100,120); K: [10,20) twice, [25,50), [305,310); S: [130,140), [205,215) ⊃ [212,214)
    assert m.counts == [[2, 1, 0], [2, 0, 0], [3, 2, 0], [2, 0, 0]]
    assert [(p.start, p.end, len(p.coding_ids)) for p in m.cell(0, 0)] == [(0, 30, 2), (100, 120, 1)]


def test_code_by_attribute_and_by_case(small):
    m = M.code_attribute_matrix(small, "jabatan")
    assert [h.label for h in m.cols] == ["Kasubag", "Staf"]
    assert m.counts == [[3, 1], [2, 0], [4, 2], [3, 0]]
    c = M.code_case_matrix(small)
    assert [h.label for h in c.cols] == ["Informan 1", "Informan 2"]
    assert c.counts == m.counts
    with pytest.raises(InvalidValue, match="atribut tidak dikenal"):
        M.code_attribute_matrix(small, "Golongan")


def test_dimension_by_factor_counts_per_passage(small):
    m = M.dimension_factor_matrix(small)
    assert [h.label for h in m.rows] == [R, A] and [h.label for h in m.cols] == [K, S]
    # R×K: [10,20) and [25,30) — two passages, although 6 pairs of codings overlap there
    assert m.counts == [[2, 0], [1, 1]]
    assert m.values("row") == [[100.0, 0.0], [50.0, 50.0]]
    assert m.values("col")[0][0] == pytest.approx(200 / 3) and m.values("col")[1][1] == 100.0
    assert [(p.start, p.end) for p in m.cell(0, 0)] == [(10, 20), (25, 30)]
    assert sorted(len(p.coding_ids) for p in m.cell(0, 0)) == [3, 4]
    assert "dihitung sekali" in m.definition


def test_dimension_by_factor_per_sentence_and_turn(small):
    assert M.dimension_factor_matrix(small, unit="sentence").counts == [[2, 0], [1, 1]]
    assert M.dimension_factor_matrix(small, unit="turn").counts == [[1, 0], [0, 0]]


def test_filters_apply_to_matrices(small):
    m = M.dimension_factor_matrix(small, filters=Filters(coders=["Budi"]))
    assert m.counts == [[1, 0], [1, 0]]  # Budi: R [0,30) × K [10,20); A [300,320) × K [305,310)


def test_cooccurrence_diagonal_is_passages_of_the_code(small):
    m = M.cooccurrence_matrix(small)
    assert [h.label for h in m.rows] == [R, A, K, S]
    assert [m.counts[i][i] for i in range(4)] == [3, 2, 5, 2]
    assert m.counts[0][2] == m.counts[2][0] == 2


def _brute(segments, a, b):
    """Count by characters: the maximal runs covered by both codes, per document."""
    count = 0
    for doc in {s.document_id for s in segments}:
        size = max(s.end for s in segments if s.document_id == doc) + 1
        both = [False] * size
        cover = {a: [False] * size, b: [False] * size}
        for s in segments:
            if s.document_id == doc and s.code_id in cover:
                for i in range(s.start, s.end):
                    cover[s.code_id][i] = True
        for i in range(size):
            both[i] = cover[a][i] and cover[b][i]
        count += sum(1 for i in range(size) if both[i] and (i == 0 or not both[i - 1]))
    return count


def test_cooccurrence_matches_a_character_count_on_random_codings():
    rng = random.Random(7)
    segs = []
    for _ in range(400):
        start = rng.randrange(0, 2000)
        segs.append(SimpleNamespace(document_id=rng.randrange(3), start=start, end=start + rng.randrange(1, 60),
                                    code_id=rng.randrange(1, 6)))
    found = cooccurrence(segs, [1, 2, 3], [3, 4, 5])
    for a in (1, 2, 3):
        for b in (3, 4, 5):
            if a != b:
                assert found[(a, b)] == _brute(segs, a, b)
                assert len(cooccurrence_passages(segs, a, b)) == found[(a, b)]


def test_export_matrix_xlsx(small, tmp_path):
    from openpyxl import load_workbook

    from qda.analysis.export import export_matrix

    out = export_matrix(M.dimension_factor_matrix(small), tmp_path / "m.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Jumlah", "% baris", "% kolom"]
    ws = wb["Jumlah"]
    assert [c.value for c in ws[4]][:3] == [None, K, S]
    assert [c.value for c in ws[5]] == [R, 2, 0, 2] and [c.value for c in ws[7]] == ["Jumlah", 3, 1, 4]
    assert [c.value for c in wb["% baris"][6]][:3] == [A, 50, 50]
    assert ws.conditional_formatting  # the heat-map colour scale


def test_charts_are_png(small):
    from qda.analysis.charts import code_totals_png, matrix_png

    assert matrix_png(M.dimension_factor_matrix(small)).startswith(b"\x89PNG")
    assert code_totals_png(M.code_source_matrix(small)).startswith(b"\x89PNG")
