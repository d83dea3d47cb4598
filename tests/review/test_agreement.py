"""Agreement over a project: hand-computed answers, sklearn and krippendorff on random codings."""

from __future__ import annotations

import random

import numpy as np
import pytest

from qda.review.agreement import compute_agreement
from qda.review.units import paragraph_spans, sentence_spans
from qda.store import Project

TEXT = "Satu. Dua! Tiga? Empat.\nLima enam."
# sentences: [0,5) [6,10) [11,16) [17,23) [24,34)


@pytest.fixture
def proj(tmp_path):
    p = Project.create(tmp_path / "a.qda", codebook=False, coder="Ani")
    p.documents.add("d1.txt", TEXT)
    p.documents.add("d2.txt", "Tujuh delapan. Sembilan.")
    p.codes.add("A")
    p.codes.add("B")
    for name in ("Ani", "Budi", "Citra"):
        p.coders.set_current(name)
    p.segments.add("d1.txt", 0, 5, "A", coder="Ani")
    p.segments.add("d1.txt", 11, 16, "A", coder="Ani")
    p.segments.add("d1.txt", 24, 34, "B", coder="Ani")
    p.segments.add("d1.txt", 0, 10, "A", coder="Budi")
    p.segments.add("d1.txt", 24, 30, "B", coder="Budi")
    yield p
    p.close()


def test_units():
    assert sentence_spans(TEXT) == [(0, 5), (6, 10), (11, 16), (17, 23), (24, 34)]
    assert paragraph_spans("  a b \n\n c\n") == [(2, 5), (9, 10)]
    assert sentence_spans("Ia berkata, \"Cepat.\" Lalu pergi... Ya") == [(0, 20), (21, 34), (35, 37)]


def test_sentence_agreement_by_hand(proj):
    from sklearn.metrics import cohen_kappa_score

    r = compute_agreement(proj, ["Ani", "Budi"], unit="sentence")
    a = r.per_code["A"]
    # A: Ani {0, 2}, Budi {0, 1} over five sentences -> 3 of 5 agree
    assert a.percent_agreement == pytest.approx(60.0)
    assert a.cohen_kappa == pytest.approx(cohen_kappa_score([1, 0, 1, 0, 0], [1, 1, 0, 0, 0]))
    assert a.cohen_kappa == pytest.approx((0.6 - 0.52) / 0.48)
    assert r.per_code["B"].percent_agreement == 100.0 and r.per_code["B"].cohen_kappa == pytest.approx(1.0)
    # overall: 10 unit x code items, 8 agree
    assert r.overall.percent_agreement == pytest.approx(80.0)
    assert r.overall.cohen_kappa == pytest.approx(
        cohen_kappa_score([1, 0, 1, 0, 0, 0, 0, 0, 0, 1], [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]))
    # d2 was coded by neither: not counted
    assert r.documents == 1 and r.units == 5
    got = [(d.code, d.start, d.end, d.coded_by, d.not_coded_by) for d in r.disagreements]
    assert got == [("A", 6, 10, ["Budi"], ["Ani"]), ("A", 11, 16, ["Ani"], ["Budi"])]
    assert len(r.disagreements[0].segment_ids) == 1
    data = r.as_json(proj)
    assert data["per_code"]["A"]["percent_agreement"] == pytest.approx(60.0)
    assert data["disagreements"][0]["text"] == "Dua!"
    assert set(data) >= {"percent_agreement", "cohen_kappa", "krippendorff_alpha", "per_code"}


def test_char_agreement_by_hand(proj):
    from sklearn.metrics import cohen_kappa_score

    r = compute_agreement(proj, ["Ani", "Budi"], unit="char", codes=["A"])
    a = r.per_code["A"]
    # both [0,5); Budi only [5,10); Ani only [11,16); 19 of 34 characters uncoded by both
    assert a.percent_agreement == pytest.approx(100 * 24 / 34)
    ani = [1 if 0 <= i < 5 or 11 <= i < 16 else 0 for i in range(34)]
    budi = [1 if i < 10 else 0 for i in range(34)]
    assert a.cohen_kappa == pytest.approx(cohen_kappa_score(ani, budi))
    assert [(d.start, d.end, d.coded_by) for d in r.disagreements] == [(5, 10, ["Budi"]), (11, 16, ["Ani"])]
    assert r.codes == ["A"]


def test_identical_coders(tmp_path):
    with Project.create(tmp_path / "b.qda", codebook=False, coder="Ani") as p:
        p.documents.add("d.txt", TEXT)
        p.codes.add("A")
        p.coders.set_current("Budi")
        for coder in ("Ani", "Budi"):
            p.segments.add("d.txt", 2, 12, "A", coder=coder)
        for unit in ("sentence", "paragraph", "turn", "char"):
            r = compute_agreement(p, ["Ani", "Budi"], unit=unit)
            assert r.overall.percent_agreement == 100.0
            assert r.overall.cohen_kappa == pytest.approx(1.0)
            assert r.overall.krippendorff_alpha == pytest.approx(1.0)
            assert r.disagreements == []


def test_bad_arguments(proj):
    from qda.errors import InvalidValue, NotFound

    with pytest.raises(InvalidValue):
        compute_agreement(proj, ["Ani"], unit="sentence")
    with pytest.raises(InvalidValue):
        compute_agreement(proj, ["Ani", "Budi"], unit="word")
    with pytest.raises(NotFound):
        compute_agreement(proj, ["Ani", "Nobody"])


@pytest.mark.parametrize("seed", range(4))
def test_random_codings_against_references(tmp_path, seed):
    """Three coders with missing documents: α against the krippendorff package on the unit matrix."""
    krippendorff = pytest.importorskip("krippendorff")
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(seed)
    words = "pelayanan cepat ramah warga antre loket pegawai camat data surat".split()
    docs = []
    with Project.create(tmp_path / f"r{seed}.qda", codebook=False, coder="A") as p:
        for d in range(4):
            text = "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(3, 9))).capitalize() + "."
                             + (" " + rng.choice(words).capitalize() + "." if rng.random() < .5 else "")
                             for _ in range(30))
            p.documents.add(f"d{d}.txt", text)
            docs.append(text)
        codes = ["K1", "K2", "K3"]
        for c in codes:
            p.codes.add(c)
        coders = ["A", "B", "C"]
        for c in coders[1:]:
            p.coders.set_current(c)
        spans = {d: sentence_spans(t) for d, t in enumerate(docs)}
        skip = {("C", 0), ("B", 3)}  # C never opened d0, B never opened d3: missing data
        truth = {}
        for d, units in spans.items():
            for u in range(len(units)):
                truth[(d, u)] = {c for c in codes if rng.random() < 0.25}
        for coder in coders:
            for d, units in spans.items():
                if (coder, d) in skip:
                    continue
                for u, (s, e) in enumerate(units):
                    have = set(truth[(d, u)]) if rng.random() < 0.8 else {c for c in codes if rng.random() < .25}
                    for c in have:
                        p.segments.add(f"d{d}.txt", s, e, c, coder=coder)
        r = compute_agreement(p, coders, unit="sentence")
        two = compute_agreement(p, ["A", "B"], unit="sentence")
        segs = {(s.document_id, s.code_id, s.coder_id, s.start) for s in p.segments.all()}
        doc_ids = {f"d{d}.txt": p.documents.get(f"d{d}.txt").id for d in spans}
        code_ids = {c: p.codes.get(c).id for c in codes}
        coder_ids = {c: p.coders.get(c).id for c in coders}
    for code in codes:
        matrix = {c: [] for c in coders}
        for d, units in spans.items():
            for s, _e in units:
                for c in coders:
                    matrix[c].append(np.nan if (c, d) in skip else
                                     float((doc_ids[f"d{d}.txt"], code_ids[code], coder_ids[c], s) in segs))
        ref = krippendorff.alpha(reliability_data=np.array([matrix[c] for c in coders]),
                                 level_of_measurement="nominal")
        assert r.per_code[code].krippendorff_alpha == pytest.approx(ref, abs=1e-9)
        pairs = [(a, b) for a, b in zip(matrix["A"], matrix["B"]) if not (np.isnan(a) or np.isnan(b))]
        assert two.per_code[code].cohen_kappa == pytest.approx(cohen_kappa_score(*zip(*pairs)), abs=1e-9)
        assert two.per_code[code].percent_agreement == pytest.approx(100 * np.mean([a == b for a, b in pairs]))


def test_coders_without_codings(tmp_path):
    with Project.create(tmp_path / "e.qda", codebook=False, coder="Ani") as p:
        p.documents.add("d.txt", TEXT)
        p.codes.add("A")
        p.coders.set_current("Budi")
        for unit in ("sentence", "char"):
            r = compute_agreement(p, ["Ani", "Budi"], unit=unit)
            assert r.units == 0 and r.overall.percent_agreement is None and r.disagreements == []
