"""Codebook operations: create, rename, recolour, move, merge, delete."""

from __future__ import annotations

import pytest

from qda.errors import AlreadyExists, CodeHasSegments


def test_hierarchy_order_and_names_unique(project):
    parent = project.add_code("Inovasi Layanan", color="#123456")
    project.add_code("Digitalisasi", parent=parent)
    names = [c.name for c in project.codes()]
    assert names.index("Digitalisasi") == names.index("Inovasi Layanan") + 1
    with pytest.raises(AlreadyExists):
        project.add_code("inovasi layanan")
    with pytest.raises(ValueError):
        project.add_code("Warna", color="merah")


def test_rename_recolor_update(project):
    code = project.rename_code("Responsivitas", "Daya Tanggap")
    assert code.name == "Daya Tanggap" and code.definition_id
    assert project.recolor_code(code, "#ABCDEF").color == "#abcdef"
    assert project.update_code(code, indicators=["cepat", "tanggap"]).indicators == ("cepat", "tanggap")


def test_move_refuses_cycles(project):
    a = project.add_code("A")
    b = project.add_code("B", parent=a)
    with pytest.raises(ValueError):
        project.move_code(a, b)
    moved = project.move_code(b, "Responsivitas")
    assert moved.parent_id == project.code("Responsivitas").id and moved.group == "dimension"


def test_merge_moves_segments_children_and_drops_exact_duplicates(project):
    src = project.add_code("Cepat")
    child = project.add_code("Sangat cepat", parent=src)
    project.add_segment("uji.txt", 40, 80, src)
    project.add_segment("uji.txt", 90, 100, src)
    project.add_segment("uji.txt", 40, 80, "Responsivitas")
    moved = project.merge_codes(src, "Responsivitas")
    assert moved == 1
    assert [(s.start, s.end) for s in project.segments(code="Responsivitas")] == [(40, 80), (90, 100)]
    assert project.code(child.id).parent_id == project.code("Responsivitas").id


def test_delete_with_segments_is_explicit(project):
    project.add_segment("uji.txt", 40, 80, "Responsivitas")
    with pytest.raises(CodeHasSegments) as err:
        project.delete_code("Responsivitas")
    assert "1 segmen" in str(err.value)
    assert len(project.segments()) == 1
    assert project.delete_code("Responsivitas", delete_segments=True) == 1
    assert project.segments() == []
    assert "Responsivitas" not in [c.name for c in project.codes()]


def test_code_counts(project):
    project.add_segment("uji.txt", 40, 80, "Responsivitas")
    counts = project.code_counts()
    assert counts[project.code("Responsivitas").id] == 1
    assert counts[project.code("Akuntabilitas").id] == 0


def test_move_to_top_of_another_group_carries_descendants(project):
    parent = project.add_code("Inovasi")
    child = project.add_code("Digital", parent=parent)
    moved = project.move_code(parent, None, group="factor")
    assert moved.group == "factor" and project.code(child.id).group == "factor"
    assert project.code(child.id).parent_id == parent.id


def test_coder_counts(project):
    project.add_segment("uji.txt", 40, 80, "Responsivitas")
    project.set_coder("Agus")
    project.add_segment("uji.txt", 40, 80, "Responsivitas")
    project.add_segment("uji.txt", 10, 20, "Responsivitas")
    counts = project.coder_counts()
    assert counts == {project.coder_by("Rina").id: 1, project.coder_by("Agus").id: 2}
