"""Render the supervision screenshots (offscreen) at 1366×768 and 1600×1000.

Builds the demo project (illustrative sample transcripts, two coders and a supervisor) in
a temporary folder and saves into docs/screenshots/:

    review_queue_1366.png, review_queue_1600.png   the review queue after a few verdicts
    agreement_1366.png, agreement_1600.png         the agreement view (two demo coders, per sentence)
    agreement_side_by_side.png                     one disagreement, the two codings side by side
    merge_preview.png                              File > Merge preview with a conflicting rename
    verdict_marks.png                              verdict marks on the stripes and under the text

    .venv/bin/python docs/make_supervision_screenshots.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, SIZES, demo, settle  # noqa: E402


def main() -> None:
    with demo() as d:
        from qda.store import Project

        app, path = d.app, d.path
        copy = d.folder / "salinan_agus.qda"
        shutil.copy(path, copy)
        with Project.open(copy, coder="Agus Prasetyo") as p:  # the coder's copy: new codings and a rename
            doc = p.documents.all()[0]
            text = p.documents.text(doc)
            code = p.codes.all()[3]
            for i in range(6):
                start = text.find(". ", 400 + i * 900) + 2
                p.segments.add(doc, start, text.find(".", start) + 1, code)
            p.codes.rename(p.codes.all()[10].name, p.codes.all()[10].name + " (Agus)")
        with Project.open(path) as p:
            p.codes.rename(p.codes.all()[10].name, p.codes.all()[10].name + " (Rina)")
        w = d.window(d.settings("Dr. Sri Wahyuni", "supervisor"))
        settle(app, 6)
        # a few verdicts from the queue, so the list shows every status
        w.show_tab(w.queue)
        settle(app, 6)
        for status in ("approved", "approved", "needs_revision", "rejected", "approved"):
            w.queue.comment_edit.setText("batas kutipan terlalu sempit" if status == "needs_revision" else "")
            w.queue.verdict(status)
        w.queue.status_box.setCurrentIndex(0)
        w.queue.list.select_row(2)
        for width, height in SIZES:
            w.resize(width, height)
            settle(app, 6)
            w.grab().save(str(OUT / f"review_queue_{width}.png"))
        # the agreement view
        w.show_tab(w.agreement)
        w.agreement.set_coders(["Rina Marlina", "Agus Prasetyo"])
        w.agreement.compute()
        w.agreement.dis_table.selectRow(0)
        for width, height in SIZES:
            w.resize(width, height)
            settle(app, 6)
            w.grab().save(str(OUT / f"agreement_{width}.png"))
        dialog = w.agreement.open_disagreement()
        dialog.resize(1100, 520)
        settle(app, 6)
        dialog.grab().save(str(OUT / "agreement_side_by_side.png"))
        dialog.close()
        # verdict marks in the document
        item = w.queue.list.items()[2]
        w.open_coding(item.document_id, item.start, item.end, item.segment_id)
        w.resize(1366, 768)
        settle(app, 6)
        w.grab().save(str(OUT / "verdict_marks.png"))
        # File > Merge preview
        from qda.gui.review.merge_dialog import MergePreviewDialog
        from qda.review.merge import merge_projects

        plan = merge_projects(w.project, copy, dry_run=True)
        preview = MergePreviewDialog(plan, copy, w.project.path, w)
        preview.show()
        settle(app, 6)
        preview.grab().save(str(OUT / "merge_preview.png"))
        preview.close()
        w.close()
    print(f"saved to {OUT}")


if __name__ == "__main__":
    main()
