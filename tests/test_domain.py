"""Domain constants have one definition, and every layer answers the same from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qda import domain
from qda.codebook import DEFAULT_GROUPS, load_codebook
from qda.errors import InvalidValue, QdaError
from qda.store import Project


def test_next_color_walks_the_palette_then_cycles():
    assert domain.next_color([]) == domain.PALETTE[0]
    assert domain.next_color([domain.PALETTE[0].upper(), None]) == domain.PALETTE[1]
    everything = list(domain.PALETTE)
    assert domain.next_color(everything) == domain.PALETTE[0]
    assert domain.next_color(everything + ["#000000"]) == domain.PALETTE[1]


def test_colour_rule_is_the_same_in_the_store_and_the_codebook(tmp_path: Path):
    assert domain.check_color("#A1B2C3") == "#a1b2c3"
    for bad in ("#abc", "a1b2c3", "#a1b2c3 ", "#gggggg"):
        assert not domain.is_color(bad)
        with pytest.raises(InvalidValue):
            domain.check_color(bad)
    path = tmp_path / "kb.json"
    path.write_text(json.dumps({"name": "Uji", "codes": [{"name": "A", "group": "own", "color": "#abc"}]}),
                    encoding="utf-8")
    with pytest.raises(QdaError, match='warna "#abc" tidak valid'):
        load_codebook(path)
    project = Project.create(tmp_path / "p.qda", coder="Rina")
    try:
        with pytest.raises(InvalidValue):
            project.codes.add("A", color="#abc")
        # new codes without a colour take the palette in turn
        first = project.codes.add("B").color
        second = project.codes.add("C").color
        assert (first, second) == domain.PALETTE[:2]
    finally:
        project.close()


def test_groups_kinds_and_roles_come_from_the_domain(tmp_path: Path):
    from qda.analysis.corpus import STATUS_FILTERS
    from qda.sources.transcript import infer_kind

    assert tuple(g.key for g in DEFAULT_GROUPS) == domain.GROUPS
    assert STATUS_FILTERS == (*domain.REVIEW_STATUSES, "unreviewed")
    for kind in domain.KINDS:
        assert infer_kind(kind, None, "x.txt", False) == kind
    with pytest.raises(ValueError):
        infer_kind("wawancara", None, "x.txt", False)
    project = Project.create(tmp_path / "p.qda", coder="Rina")
    try:
        for role in domain.ROLES:
            assert project.coders.set_current(f"Orang {role}", role).role == role
        with pytest.raises(InvalidValue):
            project.coders.set_current("Orang lain", "admin")
    finally:
        project.close()


def test_role_label_speaks_the_interface_language():
    from qda.i18n import set_language

    assert [domain.role_label(r) for r in domain.ROLES] == ["Pengode", "Pembimbing"]
    set_language("en")
    try:
        assert [domain.role_label(r) for r in domain.ROLES] == ["Coder", "Supervisor"]
    finally:
        set_language("id")
    assert domain.role_label("tamu") == "tamu"


def test_kind_status_and_group_labels_in_either_language():
    from qda.i18n import translator

    english = translator("en").tr
    assert [domain.kind_label(k) for k in domain.KINDS] == ["Wawancara", "Observasi", "Dokumen", "Lainnya"]
    assert [domain.kind_label(k, in_text=True, translate=english) for k in domain.KINDS] == [
        "interview", "observation", "document", "other"]
    assert [domain.status_label(s) for s in domain.QUEUE_STATUSES] == [
        "Belum ditelaah", "Sudah direvisi", "Disetujui", "Perlu revisi", "Ditolak"]
    assert [domain.status_label(s, translate=english) for s in domain.QUEUE_STATUSES] == [
        "Not reviewed", "Revised", "Approved", "Needs revision", "Rejected"]
    assert domain.status_label(None) == domain.status_label("unreviewed") == "Belum ditelaah"
    assert domain.status_label("needs_revision", in_text=True) == "perlu revisi"
    assert [domain.group_label(g, translate=english) for g in domain.GROUPS] == [
        "Performance dimensions (Dwiyanto)", "Driving factors", "Own codes"]
    assert domain.role_label("supervisor", in_text=True, translate=english) == "supervisor"
    assert domain.kind_label("poster") == "poster"


def test_every_domain_label_has_english():
    from qda.i18n import missing_translations

    tables = (domain.KIND_LABELS, domain.GROUP_LABELS, domain.ROLE_LABELS, domain.STATUS_LABELS, domain.VERDICT_LABELS)
    assert missing_translations([label for table in tables for label in table.values()], "en") == []
    assert [domain.verdict_label(s, in_text=True) for s in domain.REVIEW_STATUSES] == [
        "setujui", "minta revisi", "tolak"]
