"""Codebook operations: create, rename, recolour, move, merge, delete."""

from __future__ import annotations

import pytest

from qda.errors import AlreadyExists, CodeHasSegments


def test_hierarchy_order_and_names_unique(project):
    parent = project.codes.add("Inovasi Layanan", color="#123456")
    project.codes.add("Digitalisasi", parent=parent)
    names = [c.name for c in project.codes.all()]
    assert names.index("Digitalisasi") == names.index("Inovasi Layanan") + 1
    with pytest.raises(AlreadyExists):
        project.codes.add("inovasi layanan")
    with pytest.raises(ValueError):
        project.codes.add("Warna", color="merah")


def test_rename_recolor_update(project):
    code = project.codes.rename("Responsivitas", "Daya Tanggap")
    assert code.name == "Daya Tanggap" and code.definition_id
    assert project.codes.recolor(code, "#ABCDEF").color == "#abcdef"
    assert project.codes.update(code, indicators=["cepat", "tanggap"]).indicators == ("cepat", "tanggap")


def test_move_refuses_cycles(project):
    a = project.codes.add("A")
    b = project.codes.add("B", parent=a)
    with pytest.raises(ValueError):
        project.codes.move(a, b)
    moved = project.codes.move(b, "Responsivitas")
    assert moved.parent_id == project.codes.get("Responsivitas").id and moved.group == "dimension"


def test_merge_moves_segments_children_and_drops_exact_duplicates(project):
    src = project.codes.add("Cepat")
    child = project.codes.add("Sangat cepat", parent=src)
    project.segments.add("uji.txt", 40, 80, src)
    project.segments.add("uji.txt", 90, 100, src)
    project.segments.add("uji.txt", 40, 80, "Responsivitas")
    moved = project.codes.merge(src, "Responsivitas")
    assert moved == 1
    assert [(s.start, s.end) for s in project.segments.all(code="Responsivitas")] == [(40, 80), (90, 100)]
    assert project.codes.get(child.id).parent_id == project.codes.get("Responsivitas").id


def test_delete_with_segments_is_explicit(project):
    project.segments.add("uji.txt", 40, 80, "Responsivitas")
    with pytest.raises(CodeHasSegments) as err:
        project.codes.delete("Responsivitas")
    assert "1 segmen" in str(err.value)
    assert len(project.segments.all()) == 1
    assert project.codes.delete("Responsivitas", delete_segments=True) == 1
    assert project.segments.all() == []
    assert "Responsivitas" not in [c.name for c in project.codes.all()]


def test_code_counts(project):
    project.segments.add("uji.txt", 40, 80, "Responsivitas")
    counts = project.codes.counts()
    assert counts[project.codes.get("Responsivitas").id] == 1
    assert counts[project.codes.get("Akuntabilitas").id] == 0


def test_move_to_top_of_another_group_carries_descendants(project):
    parent = project.codes.add("Inovasi")
    child = project.codes.add("Digital", parent=parent)
    moved = project.codes.move(parent, None, group="factor")
    assert moved.group == "factor" and project.codes.get(child.id).group == "factor"
    assert project.codes.get(child.id).parent_id == parent.id


def test_coder_counts(project):
    project.segments.add("uji.txt", 40, 80, "Responsivitas")
    project.coders.set_current("Agus")
    project.segments.add("uji.txt", 40, 80, "Responsivitas")
    project.segments.add("uji.txt", 10, 20, "Responsivitas")
    counts = project.coders.counts()
    assert counts == {project.coders.get("Rina").id: 1, project.coders.get("Agus").id: 2}


def test_find_matches_a_name_as_get_does_and_answers_none_for_a_new_one(project):
    resp = project.codes.get("Responsivitas")
    assert project.codes.find("Responsivitas") == resp
    assert project.codes.find("responsivitas") == resp  # names are unique regardless of ASCII case
    assert project.codes.find("pelayanan kami cepat") is None
