"""Ranking of code names: properties checked on generated names, and known cases."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, utils

from qda.gui.panels.fuzzy import DEFAULT_THRESHOLD, matching_ids, prune, rank

WORDS = ["kinerja", "pelayanan", "koordinasi", "internal", "sarana", "warga", "loket", "jaringan", "disiplin",
         "pegawai", "inovasi", "arsip", "surat", "antrean", "motivasi", "kerja"]
name_st = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(lambda ws: " ".join(ws).title())
names_st = st.lists(name_st, min_size=1, max_size=25, unique=True).map(lambda ns: {i + 1: (n,) for i, n in enumerate(ns)})


@settings(max_examples=200, deadline=None)
@given(names_st, st.data())
def test_a_literal_piece_of_a_name_always_finds_it(names, data):
    code_id = data.draw(st.sampled_from(sorted(names)))
    name = names[code_id][0]
    a = data.draw(st.integers(0, len(name) - 1))
    b = data.draw(st.integers(a + 1, len(name)))
    query = name[a:b]
    if not utils.default_process(query):
        return
    assert code_id in matching_ids(query, names)


@settings(max_examples=200, deadline=None)
@given(names_st, st.sampled_from(WORDS))
def test_ranking_is_ordered_and_complete(names, query):
    matches = rank(query, names)
    keys = [(m.tier, -m.score) for m in matches]
    assert keys == sorted(keys)
    listed = {m.code_id for m in matches}
    for code_id, (name,) in names.items():
        literal = query in name.lower()
        close = max(fuzz.WRatio(query, utils.default_process(name)),
                    fuzz.partial_ratio(query, utils.default_process(name))) >= DEFAULT_THRESHOLD
        assert (code_id in listed) == (literal or close)
    assert {m.code_id for m in prune(matches)} <= listed


def test_known_cases():
    names = {1: ("Responsivitas", "Responsiveness"), 2: ("Akuntabilitas", "Accountability"),
             3: ("Kualitas Layanan", "Service quality")}
    assert [m.code_id for m in rank("akun", names)] == [2]
    assert matching_ids("responsif", names) == {1}
    assert matching_ids("accountab", names) == {2}  # the English name counts too
    assert matching_ids("layanan", names) == {3}
