"""Blind coding: every listing of codings goes through one rule (the current coder's only, unless supervisor)."""

from __future__ import annotations

from functools import partial
import csv

import pytest

from qda.store import Project
from tests.helpers import span as span_in

TEXT = "P: Bagaimana pelayanan?\nI: Pelayanan cepat.\nP: Kendala?\nI: Antrean panjang.\n"


span = partial(span_in, TEXT)


@pytest.fixture
def path(tmp_path):
    """Ani codes 2 passages, Budi 1 (another code), the supervisor 1; blind coding on."""
    path = tmp_path / "buta.qda"
    with Project.create(path, codebook=False, coder="Ani") as p:
        p.documents.add("w1.txt", TEXT, "interview")
        p.codes.add("Responsivitas", group="dimension")
        p.codes.add("Sarana", group="factor")
        p.segments.add("w1.txt", *span("Pelayanan cepat."), "Responsivitas")
        p.segments.add("w1.txt", *span("Antrean panjang."), "Sarana")
        p.coders.set_current("Budi")
        p.segments.add("w1.txt", *span("Antrean panjang."), "Responsivitas")
        p.coders.set_current("Dosen", "supervisor")
        p.segments.add("w1.txt", 0, 10, "Sarana")
        p.supervision.set_blind(True)
    return path


def as_(project: Project, name: str) -> Project:
    project.coders.act_as(name)
    return project


def test_the_rule(path):
    with Project.open(path, read_only=True) as p:
        ids = {c.name: c.id for c in p.coders.all()}
        assert as_(p, "Ani").supervision.visible_coder() == ids["Ani"]
        assert as_(p, "Budi").supervision.visible_coder() == ids["Budi"]
        assert as_(p, "Dosen").supervision.visible_coder() is None  # a supervisor sees everyone's
    with Project.open(path) as p:
        p.coders.set_current("Dosen")
        p.supervision.set_blind(False)  # comparison on
        assert as_(p, "Ani").supervision.visible_coder() is None


def test_every_store_listing_holds_only_the_coders_own(path):
    with Project.open(path, read_only=True) as p:
        ids = {c.name: c.id for c in p.coders.all()}
        codes = {c.name: c.id for c in p.codes.all()}
        as_(p, "Ani")
        assert {s.coder_id for s in p.segments.all()} == {ids["Ani"]} and len(p.segments.all()) == 2
        assert [r["coder"] for r in p.segments.rows()] == ["Ani", "Ani"]
        assert p.segments.all(coder="Budi") == []  # naming another coder shows nothing either
        assert p.codes.counts() == {codes["Responsivitas"]: 1, codes["Sarana"]: 1}
        assert p.coders.counts() == {ids["Ani"]: 2, ids["Budi"]: 0, ids["Dosen"]: 0}
        assert p.stats()["segments"] == 2
        assert {r[4] for r in p.supervision.excerpt_rows()} == {ids["Ani"]}
        assert p.supervision.status_counts() == {ids["Ani"]: {"pending": 2}}
        assert {r[6] for r in p.queries.snapshot_rows().segments} == {ids["Ani"]}
        as_(p, "Budi")
        assert p.codes.counts() == {codes["Responsivitas"]: 1, codes["Sarana"]: 0}
        assert [(r["coder"], r["code"]) for r in p.segments.rows()] == [("Budi", "Responsivitas")]
        as_(p, "Dosen")
        assert len(p.segments.all()) == 4 and p.codes.counts() == {codes["Responsivitas"]: 2, codes["Sarana"]: 2}


def test_derived_listings_follow(path, tmp_path):
    """Excerpt export, CLI segment rows, code rows, the review queue, analysis queries and reports."""
    from qda.analysis import run_query
    from qda.excerpts import export_excerpts
    from qda.reports.collect import collect
    from qda.review.queue import review_queue
    from qda.summaries import code_rows, segment_rows

    with Project.open(path, read_only=True) as p:
        as_(p, "Budi")
        out = tmp_path / "kutipan.csv"
        assert export_excerpts(p, out) == 1
        with open(out, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) == 2 and "Budi" in rows[1] and rows[1][-2] == "Antrean panjang."
        assert [(r["coder"], r["text"]) for r in segment_rows(p)] == [("Budi", "Antrean panjang.")]
        assert {r["name"]: r["segments"] for r in code_rows(p)} == {"Responsivitas": 1, "Sarana": 0}
        assert [(i.coder, i.code) for i in review_queue(p)] == [("Budi", "Responsivitas")]
        assert [r["coder"] for r in run_query(p, "Responsivitas").rows()] == ["Budi"]
        assert {e.coder for e in collect(p).excerpts} == {"Budi"}
        as_(p, "Ani")  # the analysis snapshot is rebuilt for the other coder, though nothing changed
        assert [r["coder"] for r in run_query(p, "Responsivitas").rows()] == ["Ani"]
        as_(p, "Dosen")
        assert sorted(r["coder"] for r in run_query(p, "Responsivitas").rows()) == ["Ani", "Budi"]
        assert len(review_queue(p)) == 4


def test_off_shows_everyone(path):
    with Project.open(path) as p:
        p.coders.set_current("Dosen")
        p.supervision.set_blind(False)
        as_(p, "Ani")
        assert len(p.segments.all()) == 4 and p.stats()["segments"] == 4
