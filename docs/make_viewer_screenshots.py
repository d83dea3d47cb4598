"""Render the viewer screenshots (offscreen) at 1366×768 and 1600×1000.

Builds the demo project (illustrative sample transcripts) in a temporary folder and saves
into docs/screenshots/:

    viewer_1366.png, viewer_1600.png            the distinct code palette, stripes, baris gutter and
                                                a memo mark beside a stripe
    viewer_menu_1366.png, viewer_menu_1600.png  the context menu on a segment (remove, change code,
                                                memo; review for a supervisor)

    .venv/bin/python docs/make_viewer_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_kit import OUT, SIZES, demo, settle  # noqa: E402

DOC = "wawancara_01_kasubag_tu.txt"


def main() -> None:
    with demo() as d:
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QPainter

        app = d.app
        w = d.window(d.settings("Pak Hendra", "supervisor"))
        names = [d.name for d in w.project.documents.all()]
        doc = w.project.documents.get(DOC if DOC in names else names[0])
        segs = sorted(w.project.segments.all(document=doc.id), key=lambda s: s.start)

        def variety(seg):  # distinct codes near a segment: the spot that shows the palette best
            return len({s.code_id for s in segs if abs(s.start - seg.start) < 700})

        target = max(segs, key=variety)
        w.project.memos.set(target, "Bandingkan dengan observasi loket: antrean pagi lebih panjang.\n"
                                    "Tanyakan ke informan 2.")
        w.show_document(doc.id)
        w.pane.refresh_segments()  # the memo was written directly, not through the undo stack
        w.memo_for_segment(target.id)
        settle(app, 12)
        w.view.select_cp(target.start, target.start)
        w.view.centerCursor()
        settle(app, 12)
        for width, height in SIZES:
            w.resize(width, height)
            settle(app, 12)
            w._default_dock_sizes()
            settle(app, 12)
            w.view.centerCursor()
            settle(app, 12)
            w.grab().save(str(OUT / f"viewer_{width}.png"))
            # the context menu on the segment, drawn into the window picture where it would pop up
            rect = w.view.cursorRect()
            at = rect.center() + QPoint(30, 4)
            menu = w.view_menu(target.start + 2)
            menu.popup(w.view.viewport().mapToGlobal(at))
            settle(app, 12)
            shot = w.grab()
            painter = QPainter(shot)
            painter.drawPixmap(w.mapFromGlobal(menu.pos()), menu.grab())
            painter.end()
            shot.save(str(OUT / f"viewer_menu_{width}.png"))
            menu.close()
            settle(app, 4)
        w.close()
        w.project and w.close_project()


if __name__ == "__main__":
    main()
