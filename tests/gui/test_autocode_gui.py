"""The suggestions panel and the dashed highlight, on real widgets offscreen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

# Illustrative text, invented for the test; the emoji and 𝔸 make UTF-16 and code points differ.
TEXT = (
    "Judul: Wawancara uji saran\n"
    "Pewawancara: Rina Kusumawati\n"
    "\n"
    "P: Bagaimana pelatihan dan beban kerja di sini? 🙂\n"
    "I: 𝔸 Pelatihn jarang sekali, Mbak. Kami sering lembur sampai pulang malam.\n"
    "P: Bagaimana sikap pimpinan?\n"
    "I: Atasan kami sering turun langsung ke loket. Suasananya biasa saja.\n"
)


@pytest.fixture
def window(qtbot, settings, tmp_path):
    from tests.gui.window_support import open_window
    from qda.sources.turns import find_turns
    from qda.store import Project

    path = tmp_path / "saran.qda"
    with Project.create(path, coder="Dewi Anggraini") as p:
        turns = [(t.speaker, t.timestamp, t.start, t.end) for t in find_turns(TEXT, TEXT.index("P:"))]
        p.documents.add("wawancara_saran.txt", TEXT, kind="interview", turns=turns)
    w = open_window(qtbot, settings, path, document="wawancara_saran.txt")
    yield w
    w.close()


def _run(qtbot, panel) -> None:
    panel.run()
    qtbot.waitUntil(lambda: panel.job is None, timeout=60000)


def _rows(panel):
    return [(item.text(0), item.text(2)) for item in panel._items()]


def test_run_lists_informants_sentences_and_paints_a_dashed_highlight(qtbot, window):
    from PySide6.QtGui import QTextCharFormat

    panel = window.suggestions
    window.focus_suggestions()
    _run(qtbot, panel)
    assert _rows(panel) == [
        ("Kompetensi dan Pelatihan", "𝔸 Pelatihn jarang sekali, Mbak."),
        ("Beban Kerja yang Wajar", "Kami sering lembur sampai pulang malam."),
        ("Kepemimpinan yang Efektif", "Atasan kami sering turun langsung ke loket."),
        # no term of its own: the answer's topic is the question's (leadership) until another code is named
        ("Kepemimpinan yang Efektif", "Suasananya biasa saja."),
    ]
    # the dashed highlight sits on the sentence, in UTF-16 units after the emoji and 𝔸
    view = window.view
    start = TEXT.index("Kami sering lembur")
    start16 = view.positions.to_utf16(start)
    assert start16 == start + 2
    assert any(s == start16 for s, _e, _c in view.highlighter.suggestions())
    block = view.document().findBlock(start16)
    formats = block.layout().formats()
    styles = [r.format.underlineStyle() for r in formats if r.start <= start16 - block.position() < r.start + r.length]
    assert styles == [QTextCharFormat.UnderlineStyle.DashUnderline]


def test_accept_reject_and_undo(qtbot, window):
    panel = window.suggestions
    _run(qtbot, panel)
    project = window.project
    panel.select_suggestion(panel.shown_ids()[0])
    panel.accept_button.click()
    [seg] = project.segments.all()
    assert TEXT[seg.start:seg.end] == "𝔸 Pelatihn jarang sekali, Mbak."
    assert project.coders.get(seg.coder_id).name == "Dewi Anggraini"
    assert project.suggestions.from_suggestion(seg.id) is not None
    assert len(panel.shown_ids()) == 3 and window.view.segment_count() == 1
    panel.set_code_filter(project.codes.get("Beban Kerja yang Wajar").id)
    assert len(panel.shown_ids()) == 1
    panel.reject_all_button.click()
    assert project.suggestions.counts() == {"pending": 2, "accepted": 1, "rejected": 1}
    window.stack.undo()
    window.stack.undo()
    assert project.segments.all() == [] and project.suggestions.counts()["pending"] == 4
    panel.set_code_filter(None)
    assert len(panel.shown_ids()) == 4
    # a new run does not bring back what was rejected
    panel.set_code_filter(project.codes.get("Beban Kerja yang Wajar").id)
    panel.reject_all_button.click()
    panel.set_code_filter(None)
    _run(qtbot, panel)
    assert [code for code, _t in _rows(panel)] == ["Kompetensi dan Pelatihan", "Kepemimpinan yang Efektif",
                                                   "Kepemimpinan yang Efektif"]


def test_activating_a_row_selects_the_passage(qtbot, window):
    panel = window.suggestions
    _run(qtbot, panel)
    item = panel._items()[2]
    panel._activate(item)
    assert window.view.selection_cp() == (TEXT.index("Atasan"), TEXT.index("loket.") + len("loket."))


def test_indicator_terms_are_edited_in_the_dialog(qtbot, window):
    from qda.commands import UpdateCode
    from qda.gui.autocode.terms_dialog import IndicatorTermsDialog

    project = window.project
    code = project.codes.get("Lingkungan Kerja yang Positif")
    dialog = IndicatorTermsDialog(project, code.id, window)
    qtbot.addWidget(dialog)
    dialog.set_terms(code.id, ["suasananya biasa", "rekan kerja"])
    assert dialog.changes() == {code.id: ("suasananya biasa", "rekan kerja")}
    window.stack.push(UpdateCode(code.id, {"indicators": dialog.changes()[code.id]}))
    panel = window.suggestions
    _run(qtbot, panel)
    assert ("Lingkungan Kerja yang Positif", "Suasananya biasa saja.") in _rows(panel)


def test_review_mode_leaves_nothing_to_decide(qtbot, window):
    panel = window.suggestions
    _run(qtbot, panel)
    window.project.supervision.enter_review_mode()
    window.review_mode = True
    window._update_ui()
    assert panel.shown_ids() and not panel.run_button.isEnabled()
    panel.select_suggestion(panel.shown_ids()[0])
    assert not panel.accept_button.isEnabled() and not panel.reject_all_button.isEnabled()


def test_cancel_stores_nothing(qtbot, window, monkeypatch):
    import time

    import qda.autocode as autocode

    def slow(sources, codes, *, unit, progress):
        progress.start(10)
        for _ in range(500):  # until the user presses Cancel
            time.sleep(0.01)
            progress.step(0)
        return []

    monkeypatch.setattr(autocode, "suggest", slow)
    panel = window.suggestions
    panel.run()
    assert panel.job is not None and not panel.run_button.isEnabled()
    panel.job.progress.cancel()
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert window.project.suggestions.counts()["pending"] == 0 and panel.run_button.isEnabled()


def test_context_menu_accepts_the_suggestion_under_the_pointer(qtbot, window):
    from PySide6.QtWidgets import QMenu

    from qda.gui.autocode.panel import add_suggestion_actions

    panel = window.suggestions
    _run(qtbot, panel)
    menu = QMenu()
    add_suggestion_actions(menu, window, TEXT.index("lembur"))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Terima saran Beban Kerja yang Wajar (lembur, pulang malam)", "Tolak saran Beban Kerja yang Wajar"]
    menu.actions()[1].trigger()
    [seg] = window.project.segments.all()
    assert TEXT[seg.start:seg.end] == "Kami sering lembur sampai pulang malam."
    empty = QMenu()
    add_suggestion_actions(empty, window, TEXT.index("Bagaimana"))
    assert empty.actions() == []
