"""Auto-coding on small constructed texts with known answers."""

from __future__ import annotations

from qda.autocode import CodeTerms, source_from_text, suggest
from qda.autocode.gold import Scores, evaluate, load_gold_folder
from qda.autocode.units import body_start, is_interviewer
from qda.autocode.variants import VariantIndex

TEXT = """Judul: Wawancara uji
Pewawancara: Rina Kusumawati

P: Apakah pelatihan dan koordinasi di kantor ini berjalan baik?
I: Pelatihn jarang sekali, Mbak. Kami tdk puas dengan jadwalnya. Koordinasinya juga lemah.
P: Lalu soal beban kerja?
I: Capek, lembur terus sampai malam. Tapi cuaca cerah.
"""
CODES = [
    CodeTerms(1, "Kompetensi", ("pelatihan", "dilatih")),
    CodeTerms(2, "Kepuasan", ("tidak puas", "puas")),
    CodeTerms(3, "Koordinasi", ("koordinasi",)),
    CodeTerms(4, "Beban", ("beban kerja", "lembur", "capek")),
]


def _found(**kw):
    source = source_from_text(7, "uji.txt", TEXT)
    return [(c.code_id, TEXT[c.start:c.end], c.terms) for c in suggest([source], CODES, **kw)]


def test_each_sentence_gets_its_code_with_typos_informal_and_enclitic_forms():
    assert _found() == [
        (1, "Pelatihn jarang sekali, Mbak.", ("pelatihan",)),
        (2, "Kami tdk puas dengan jadwalnya.", ("tidak puas",)),
        (3, "Koordinasinya juga lemah.", ("koordinasi",)),
        # the question asked about workload: its term frames the answer's sentences (see the topic test)
        (4, "Capek, lembur terus sampai malam.", ("capek", "lembur", "P: beban kerja")),
        (4, "Tapi cuaca cerah.", ("P: beban kerja",)),
    ]


def test_interviewer_questions_are_left_out_unless_asked_for():
    texts = [t for _c, t, _terms in _found()]
    assert not any(t.startswith("Apakah") or "beban kerja" in t for t in texts)
    with_questions = [(c, t) for c, t, _ in _found(include_interviewer=True)]
    assert (4, "Lalu soal beban kerja?") in with_questions
    assert (1, "Apakah pelatihan dan koordinasi di kantor ini berjalan baik?") in with_questions


def test_turn_unit_covers_the_informants_words_without_the_label():
    found = _found(unit="turn")
    first_turn = "Pelatihn jarang sekali, Mbak. Kami tdk puas dengan jadwalnya. Koordinasinya juga lemah."
    assert [(c, t) for c, t, _ in found] == [(1, first_turn), (2, first_turn), (3, first_turn),
                                              (4, "Capek, lembur terus sampai malam. Tapi cuaca cerah.")]


def test_scores_grow_with_evidence_and_a_threshold_applies():
    source = source_from_text(7, "uji.txt", TEXT)
    by_code = {c.code_id: c.score for c in suggest([source], CODES) if TEXT[c.start:c.end] != "Tapi cuaca cerah."}
    assert by_code[4] > by_code[2] > by_code[3]  # two words > one phrase > one word via its enclitic form
    # two words and the question's phrase "beban kerja" at 0.8 of its weight
    assert round(by_code[4], 4) == round(1 - (1 - 0.65) ** 2 * (1 - 0.8 * 0.8), 4)
    # "tdk puas": a phrase (0.8), informal spelling (x 0.95), of a code the question did not ask about (x 0.75)
    assert round(by_code[2], 4) == round(0.8 * 0.95 * 0.75, 4)
    assert {c.code_id for c in suggest([source], CODES, min_score=0.56)} == {2, 4}


QUESTIONS = """Judul: Wawancara uji
Pewawancara: Rina Kusumawati

P: Bagaimana pelatihan di kantor ini?
I: Pelatihan jarang, Mbak. Kami juga lembur terus.
P: Bagaimana suasana di sini?
I: Kami lembur terus.
P: Lalu soal lembur?
I: Lembur sampai malam, pelatihan pun tidak ada. Capek sekali, lembur terus.
"""


def test_a_single_term_of_a_code_the_question_did_not_ask_about_is_not_enough():
    source = source_from_text(3, "uji.txt", QUESTIONS)
    found = [(c.code_id, QUESTIONS[c.start:c.end], c.score) for c in suggest([source], CODES)]
    assert found == [
        (1, "Pelatihan jarang, Mbak.", round(1 - 0.35 * (1 - 0.65 * 0.8), 4)),  # asked about training
        # "lembur" after a question about training: 0.65 x 0.75 < 0.5, no suggestion
        (4, "Kami lembur terus.", 0.65),  # a question with no terms of any code: as usual
        (4, "Lembur sampai malam, pelatihan pun tidak ada.", 0.65),
        # "pelatihan" after a question about overtime: not enough alone
        (4, "Capek sekali, lembur terus.", round(1 - 0.35 ** 2, 4)),
    ]
    # with the interviewer's turns searched too there are no answers to frame: every term counts fully
    everyone = {(c.code_id, QUESTIONS[c.start:c.end]) for c in suggest([source], CODES, include_interviewer=True)}
    assert {(4, "Kami juga lembur terus."), (1, "Lembur sampai malam, pelatihan pun tidak ada.")} <= everyone


TOPIC = """Judul: Wawancara uji
Pewawancara: Rina Kusumawati

P: Apakah Ibu puas dengan pekerjaan ini?
I: Ya, lumayan, Mbak. Kadang sedih juga. Tapi lembur terus, itu yang berat. Pulang selalu malam.
P: Bagaimana pelatihan dan koordinasi di sini?
I: Wah, belum pernah ada, Mbak.
P: Soal lembur?
I: Ya begitulah, Mbak. (tertawa) Serius.
P: Terima kasih, Bu. Semoga lemburnya berkurang.
I: Sama-sama, Mbak.
"""


def test_the_question_topic_frames_the_answer_until_it_names_another_topic():
    source = source_from_text(4, "uji.txt", TOPIC)
    found = [(c.code_id, TOPIC[c.start:c.end], c.terms, c.score) for c in suggest([source], CODES)]
    assert found == [
        # one code asked about ("puas", 0.65): each sentence of the answer gets it at 0.8 of its weight ...
        (2, "Ya, lumayan, Mbak.", ("P: puas",), 0.52),
        (2, "Kadang sedih juga.", ("P: puas",), 0.52),
        # ... until a sentence names a term of another code ("lembur", off the question's topic: 0.49, no
        # suggestion): the rest of the answer ("Pulang selalu malam.") is not framed
        # two codes asked about with the same strength (pelatihan, koordinasi): no topic, nothing suggested
        (4, "Ya begitulah, Mbak.", ("P: lembur",), 0.52),
        # "(tertawa)" and "Serius." are too short (fewer than three words) to stand for the topic
        # the interviewer's closing words ask nothing: "Sama-sama, Mbak." gets no topic
    ]
    # per turn the whole answer is framed the same way ("Ibu" before "puas" is the addressee, not a name)
    turns = {(c.code_id, c.terms, c.score) for c in suggest([source], CODES, unit="turn")}
    assert turns == {(2, ("P: puas",), 0.52), (4, ("P: lembur",), 0.52)}
    # a rejected framed suggestion is not made again; with the interviewer searched there is no framing
    first = TOPIC.index("Ya, lumayan")
    again = source_from_text(4, "uji.txt", TOPIC, rejected=((2, first, first + len("Ya, lumayan, Mbak.")),))
    assert [TOPIC[c.start:c.end] for c in suggest([again], CODES) if c.code_id == 2] == ["Kadang sedih juga."]
    assert not any(t.startswith("P: ") for c in suggest([source], CODES, include_interviewer=True) for t in c.terms)


def test_transcript_sentences_keep_abbreviations_and_split_at_ellipses_before_capitals():
    from qda.autocode.units import sentence_cuts
    from qda.nlp.pipeline import pipeline

    text = ("Kantornya di Jl. Merdeka No. 5, biayanya Rp. 50.000 per berkas... Berkasnya banyak, mis. KTP, KK, "
            "dll. Jadi repot. Kata Pak. Camat ya begitu… tapi ya sudah. Iya, Pak. Tgl. 5 Juni lembur s.d. malam "
            "[00:12:30] terus pulang. \"Capek.\" Nah... (tertawa)")
    doc = pipeline().make_doc(text)
    cuts = [*sentence_cuts(doc, text).tolist(), len(doc)]
    assert [doc[a:b].text for a, b in zip(cuts, cuts[1:])] == [
        "Kantornya di Jl. Merdeka No. 5, biayanya Rp. 50.000 per berkas...",
        "Berkasnya banyak, mis. KTP, KK, dll.",
        "Jadi repot.",
        "Kata Pak. Camat ya begitu… tapi ya sudah.",
        "Iya, Pak.",
        "Tgl. 5 Juni lembur s.d. malam",
        "[00:12:30] terus pulang.",
        '"Capek."',
        "Nah...",
        "(tertawa)",
    ]


def test_colloquial_affixes_stand_for_the_standard_forms():
    index = VariantIndex(["menumpuk", "mengurus", "mengerjakan", "dibiarkan", "capek", "melayani", "mengeluh"])
    for spoken, standard in [("numpuk", "menumpuk"), ("ngurus", "mengurus"), ("ngerjain", "mengerjakan"),
                             ("dibiarin", "dibiarkan"), ("kecapekan", "capek"), ("ngelayanin", "melayani"),
                             ("ngeluh", "mengeluh")]:
        assert index.classify(spoken) == [(standard, "informal", 1.0)], spoken
    assert index.classify("numpang") == []  # a known word is left alone


def test_coded_and_rejected_passages_are_not_suggested():
    start = TEXT.index("Capek")
    rejected = ((2, TEXT.index("tdk"), TEXT.index("tdk") + 9),)
    source = source_from_text(7, "uji.txt", TEXT, coded=((4, start, start + 5),), rejected=rejected)
    # only the uncoded sentence after "Capek …", framed by the question about workload, is left of code 4
    assert [(c.code_id, TEXT[c.start:c.end]) for c in suggest([source], CODES)] == [
        (1, "Pelatihn jarang sekali, Mbak."), (3, "Koordinasinya juga lemah."), (4, "Tapi cuaca cerah.")]


def test_variant_kinds():
    index = VariantIndex(["pelatihan", "tidak", "koordinasi", "pegawai", "sendirian"])
    assert index.classify("pelatihn") == [("pelatihan", "fuzzy", 1 - 1 / 9)]
    assert index.classify("tdk") == [("tidak", "informal", 1.0)]
    assert index.classify("gak") == [("tidak", "informal", 1.0)]
    assert index.classify("koordinasinya") == [("koordinasi", "lemma", 1.0)]
    assert index.classify("pgw") == [("pegawai", "informal", 1.0)]
    assert index.classify("sendiri") == []  # a derived term word is not widened to its root
    assert index.classify("sarapan") == []  # a known word is never taken for a typo


def test_labels_and_interviewers():
    text = "[00:01:30] I: Jawaban saya."
    assert text[body_start(text, 0, len(text)):] == "Jawaban saya."
    assert is_interviewer("Pewawancara") and is_interviewer("P") and is_interviewer("Peneliti")
    assert is_interviewer("Bu Rina", "Rina Kusumawati") and not is_interviewer("Bu Sri", "Rina Kusumawati")
    assert not is_interviewer("Informan") and not is_interviewer("Narasumber")


def test_evaluate_counts_overlaps_of_the_same_code():
    gold = [("a", "X", 0, 10), ("a", "X", 20, 30), ("a", "Y", 0, 10)]
    suggested = [("a", "X", 5, 12), ("a", "X", 40, 50), ("a", "Y", 20, 25)]
    scores = evaluate(suggested, gold)
    assert scores["X"] == Scores(suggested=2, right=1, gold=2, found=1)
    assert scores["Y"] == Scores(suggested=1, right=0, gold=1, found=0)
    assert scores[""].precision == 1 / 3 and scores[""].recall == 1 / 3


def test_gold_sample_loads_with_known_codes():
    from qda.codebook import load_codebook
    from tests.autocode.paths import GOLD

    names = {c.name for c in load_codebook().codes}
    for part in ("dev", "heldout"):
        texts = load_gold_folder(GOLD / part)
        assert len(texts) >= 3
        for g in texts:
            assert "{{" not in g.text and g.codings
            assert {code for code, _s, _e in g.codings} <= names


def test_progress_counts_documents_and_cancel_stops_the_run():
    import pytest

    from qda.errors import Cancelled
    from qda.progress import Progress

    seen = []
    progress = Progress(callback=lambda done, total, _msg: seen.append((done, total)))
    sources = [source_from_text(i, f"uji{i}.txt", TEXT) for i in range(3)]
    suggest(sources, CODES, progress=progress)
    assert seen[-1] == (3, 3)
    stopping = Progress(callback=lambda done, _t, _m: stopping.cancel() if done == 1 else None)
    with pytest.raises(Cancelled):
        suggest(sources, CODES, progress=stopping)
