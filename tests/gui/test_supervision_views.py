"""The review queue, verdict marks, review mode, blind coding, the agreement view and File > Merge on real widgets."""

from __future__ import annotations

from functools import partial
import shutil

import pytest
from PySide6.QtCore import Qt

from qda.store import Project
from tests.helpers import span as span_in

pytestmark = pytest.mark.gui

TEXT = ("P: Bagaimana pelayanan di kelurahan?\n"
        "I: Pelayanan cepat. Petugas ramah sekali.\n"
        "P: Apa kendalanya?\n"
        "I: Antrean panjang di pagi hari. Ruang tunggu panas.\n")


span = partial(span_in, TEXT)


@pytest.fixture
def supervised(tmp_path):
    """Two coders' codings on one interview, and a supervisor."""
    path = tmp_path / "bimbingan.qda"
    with Project.create(path, codebook=False, coder="Ani") as p:
        p.documents.add("w1.txt", TEXT, "interview")
        p.codes.add("Responsivitas", group="dimension", color="#2e7d32")
        p.codes.add("Sarana", group="factor", color="#1565c0")
        p.coders.set_current("Budi")
        p.coders.set_current("Dosen", "supervisor")
        for coder, phrase, code in (("Ani", "Pelayanan cepat.", "Responsivitas"),
                                    ("Ani", "Ruang tunggu panas.", "Sarana"),
                                    ("Budi", "Pelayanan cepat.", "Responsivitas"),
                                    ("Budi", "Antrean panjang di pagi hari.", "Sarana")):
            p.segments.add("w1.txt", *span(phrase), code, coder=coder)
    return path


def make_window(qtbot, path, name, role, *, review=False):
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.gui.settings import Settings

    settings = Settings()
    settings.coder_name, settings.coder_role = name, role
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    assert (w.open_for_review(path) if review else open_project_path(w, path))
    return w


def test_queue_is_driven_from_the_keyboard(qtbot, supervised):
    w = make_window(qtbot, supervised, "Dosen", "supervisor")
    w.show_tab(w.queue)
    q = w.queue
    assert w.tabs.tabText(w.tabs.indexOf(q)) == "Telaah"
    items = q.list.items()
    assert len(items) == 4 and {i.status for i in items} == {"pending"}
    table = q.list.table
    table.setFocus()
    assert q.current() is items[0]
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert q.current() is items[1]
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert q.current() is items[0]
    qtbot.keyClick(table, Qt.Key.Key_A)  # approve, then on to the next
    assert q.current() is items[1]
    qtbot.keyClick(table, Qt.Key.Key_C)
    assert q.comment_edit.hasFocus()
    qtbot.keyClicks(q.comment_edit, "batas kutipan terlalu sempit")
    qtbot.keyClick(q.comment_edit, Qt.Key.Key_Return)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_R)
    qtbot.keyClick(table, Qt.Key.Key_X)
    p = w.project
    statuses = p.supervision.statuses()
    assert [statuses.get(i.segment_id, "pending") for i in items] == ["approved", "needs_revision", "rejected",
                                                                      "pending"]
    assert p.reviews.latest(items[1].segment_id).comment == "batas kutipan terlalu sempit"
    assert [i.status for i in q.list.items()][:3] == ["approved", "needs_revision", "rejected"]
    assert "Ani" in q.summary.text()
    from qda.review.queue import coder_summary

    assert q._summary_rows == coder_summary(p)  # kept current without asking the store after each verdict
    # every verdict is one undoable step
    w.undo.undo_action.trigger()
    assert p.supervision.status(items[2].segment_id) == "pending"
    w.undo.redo_action.trigger()
    # the verdicts show in the document: a mark by the stripe and a line under the text
    qtbot.keyClick(table, Qt.Key.Key_K)
    qtbot.keyClick(table, Qt.Key.Key_O)
    assert w.tabs.currentWidget() is w.pane
    assert w.view.verdict(items[0].segment_id) == "approved"
    assert w.view.verdict(items[1].segment_id) == "needs_revision"
    assert len(w.view.extraSelections()) == 3
    assert "perlu revisi" in w.view.segment_tooltip(items[1].segment_id)
    w.view.margin.grab()  # paints the marks without error
    # filters
    q.code_box.setCurrentIndex(q.code_box.findData("Sarana"))
    q.status_box.setCurrentIndex(0)  # all statuses
    assert {i.code for i in q.list.items()} == {"Sarana"}
    q.list.filter_edit.setText("Budi")
    assert [i.coder for i in q.list.items()] == ["Budi"]
    w.close()


def test_coder_sees_requests_for_revision_and_marks_them_revised(qtbot, supervised):
    with Project.open(supervised, coder="Dosen") as p:
        ani = p.segments.all(coder="Ani")
        p.reviews.add(ani[0], "needs_revision", "perluas")
        p.reviews.add(ani[1], "approved")
    w = make_window(qtbot, supervised, "Ani", "coder")
    q = w.queue
    assert w.tabs.tabText(w.tabs.indexOf(q)) == "Perlu direvisi"
    assert not q.buttons["approved"].isVisible() or not q.buttons["approved"].isVisibleTo(q)
    items = q.list.items()
    assert [(i.coder, i.status, i.comment) for i in items] == [("Ani", "needs_revision", "perluas")]
    w.show_tab(q)
    q.list.table.setFocus()
    qtbot.keyClick(q.list.table, Qt.Key.Key_M)
    assert w.project.supervision.status(items[0].segment_id) == "revised"
    qtbot.keyClick(q.list.table, Qt.Key.Key_A)  # a coder cannot approve
    assert w.project.supervision.status(items[0].segment_id) == "revised"
    w.close()


def test_review_mode_locks_codings(qtbot, supervised):
    from qda.commands import AddReview, ApplyCode

    w = make_window(qtbot, supervised, "Dosen", "supervisor", review=True)
    assert "[mode telaah]" in w.windowTitle()
    assert w.mode_label.isVisible() and "MODE TELAAH" in w.mode_label.text()
    assert not w.act_quick.isEnabled() and not w.act_merge.isEnabled()
    p = w.project
    n = len(p.segments.all())
    w.error_box = None
    assert w.push(ApplyCode(p.documents.get("w1.txt").id, 0, 5, p.codes.get("Sarana").id)) is None
    assert len(p.segments.all()) == n and w.error_box is not None
    assert w.push(AddReview(p.segments.all()[0].id, "approved", "ok")) is not None
    p.memos.set(p.segments.all()[0], "catatan")
    w.close()


def test_blind_coding(qtbot, supervised):
    w = make_window(qtbot, supervised, "Dosen", "supervisor")
    w.act_blind.trigger()
    assert w.project.supervision.blind() and "KODING BUTA" in w.mode_label.text()
    w.close()
    w = make_window(qtbot, supervised, "Ani", "coder")
    p = w.project
    w.show_document(p.documents.get("w1.txt").id)
    shown = {s.coder_id for s in w.view.segments()}
    assert shown == {p.coders.get("Ani").id}
    assert "KODING BUTA" in w.mode_label.text() and w.mode_label.isVisible()
    assert not w.tabs.isTabEnabled(w.tabs.indexOf(w.agreement))
    assert not w.act_blind.isEnabled()  # only a supervisor switches comparison on
    w.close()


def test_blind_coding_hides_others_in_every_view(qtbot, supervised, tmp_path, monkeypatch):
    """A coder in blind mode: code tree counts, the excerpt list and its export, analysis query results,
    the status bar, the review list and a report written from the window hold only their own codings."""
    from docx import Document
    from PySide6.QtWidgets import QMessageBox

    from qda.gui.report_dialog import ReportDialog

    with Project.open(supervised) as p:
        p.coders.set_current("Dosen")
        p.supervision.set_blind(True)
    w = make_window(qtbot, supervised, "Budi", "coder")
    p = w.project
    codes = {c.name: c.id for c in p.codes.all()}
    assert "KODING BUTA" in w.mode_label.text() and w.mode_label.isVisible()
    assert w.code_tree.model.count(codes["Responsivitas"]) == 1 and w.code_tree.model.count(codes["Sarana"]) == 1
    assert "2 segmen" in w.counts_label.text()
    w.excerpts.show_code(codes["Responsivitas"])
    assert [(i.coder, i.code) for i in w.excerpts.items()] == [("Budi", "Responsivitas")]
    out = tmp_path / "kutipan.csv"
    assert w.excerpts.export(str(out)) == 1 and "Ani" not in out.read_text(encoding="utf-8-sig")
    page = w.analysis.query
    page.edit.setText("Responsivitas OR Sarana")
    assert page.run()
    assert {r["coder"] for r in page.results.visible_rows()} == {"Budi"} and len(page.results.visible_rows()) == 2
    assert {i.coder for i in w.queue.list.items()} <= {"Budi"}
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    monkeypatch.setattr("qda.gui.report_dialog.QDesktopServices.openUrl", staticmethod(lambda url: None))
    dialog = ReportDialog(p)
    qtbot.addWidget(dialog)
    report = tmp_path / "laporan.docx"
    dialog.output.setText(str(report))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=30000)
    quotes = [x.text for x in Document(str(report)).paragraphs if x.style.name == "Quote"]
    assert len(quotes) == 2 and not any("Ruang tunggu" in q for q in quotes)  # Ani's passage stays hidden
    w.close()
    w = make_window(qtbot, supervised, "Dosen", "supervisor")  # the supervisor sees everyone's
    assert w.code_tree.model.count(codes["Responsivitas"]) == 2 and "4 segmen" in w.counts_label.text()
    w.act_blind.trigger()  # comparison on
    assert not w.project.supervision.blind() and not w.mode_label.isVisible()
    w.close()


def test_agreement_view_and_side_by_side(qtbot, supervised):
    from qda.review.agreement import compute_agreement

    w = make_window(qtbot, supervised, "Dosen", "supervisor")
    a = w.agreement
    w.show_tab(a)
    a.set_coders(["Ani", "Budi"])
    a.unit_box.setCurrentIndex(a.unit_box.findData("sentence"))
    qtbot.mouseClick(a.run_button, Qt.MouseButton.LeftButton)
    ref = compute_agreement(w.project, ["Ani", "Budi"], unit="sentence")
    assert a.code_table.rowCount() == 1 + len(ref.per_code)
    assert a.code_table.item(0, 1).text() == f"{ref.overall.percent_agreement:.1f}%".replace(".", ",")
    assert a.dis_table.rowCount() == len(ref.disagreements) == 2
    a.dis_table.selectRow(0)
    dialog = a.open_disagreement()
    assert set(dialog.columns) == {"Ani", "Budi"}
    assert "Antrean panjang" in dialog.columns["Budi"].toPlainText()
    opened = []
    dialog.openRequested.connect(lambda *args: opened.append(args))
    dialog.findChildren(type(a.run_button))[0].click()
    assert opened and opened[0][0] == w.project.documents.get("w1.txt").id
    dialog.close()
    w.close()


def test_file_merge_previews_and_merges(qtbot, supervised, tmp_path):
    other = tmp_path / "budi_copy.qda"
    shutil.copy(supervised, other)
    with Project.open(other, coder="Budi") as p:
        p.segments.add("w1.txt", *span("Petugas ramah sekali."), "Responsivitas")
    w = make_window(qtbot, supervised, "Dosen", "supervisor")
    file_menu = w.menuBar().actions()[0].menu()
    assert w.act_merge in file_menu.actions()  # File > Merge, as well as in the Telaah menu
    done = w.merge_from(other, ask=False)
    assert done.applied and done.new_counts()["codings"] == 1
    assert w.merge_dialog.counts.item(2, 1).text() == "1"
    assert len(w.project.segments.all()) == 5
    assert len(w.queue.list.items()) == 5
    again = w.merge_from(other, ask=False)
    assert again.adds_nothing
    w.close()


def test_coder_marks_revised_from_the_details_card(qtbot, supervised):
    with Project.open(supervised, coder="Dosen") as p:
        seg = p.segments.all(coder="Ani")[0]
        p.reviews.add(seg, "needs_revision", "perluas")
    w = make_window(qtbot, supervised, "Ani", "coder")
    w.show_document(w.project.documents.get("w1.txt").id)
    w.show_segments([seg.id])
    card = w.segment_info.cards[0]
    assert not card.revised_button.isHidden() and card.approve_button.isHidden()
    card.revised_button.click()
    assert w.project.supervision.status(seg.id) == "revised"
    assert "sudah direvisi" in w.segment_info.cards[0].label.text()
    assert w.segment_info.cards[0].revised_button.isHidden()
    assert w.view.verdict(seg.id) == "revised"
    w.close()
