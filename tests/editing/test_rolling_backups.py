"""Rolling backups on open, their list with contents, and restoring one from File › Cadangan."""

from __future__ import annotations

import pytest

from qda.store import Project
from qda.store.rolling import backup_summaries, rolling_backup


def test_rolling_backups_keep_the_newest_and_never_touch_manual_ones(tmp_path, monkeypatch):
    import qda.store.backups as backups

    path = tmp_path / "studi.qda"
    with Project.create(path) as p:
        p.documents.add("a.txt", "P: Halo.\nI: Halo.", kind="interview")
        manual = p.backup()
    stamps = iter(f"20260101-00000{i}" for i in range(9))

    class Clock:
        @staticmethod
        def now():
            class T:
                @staticmethod
                def strftime(_fmt):
                    return next(stamps)
            return T()

    monkeypatch.setattr(backups, "datetime", type("D", (), {"now": Clock.now,
                                                            "fromtimestamp": backups.datetime.fromtimestamp}))
    made = [rolling_backup(path, keep=3) for _ in range(5)]
    names = {s.info.path.name for s in backup_summaries(path)}
    assert manual.name in names
    assert {m.name for m in made[-3:]} <= names and not ({m.name for m in made[:2]} & names)
    summary = next(s for s in backup_summaries(path) if s.info.path == made[-1])
    assert (summary.rolling, summary.documents, summary.codings) == (True, 1, 0)


@pytest.mark.gui
def test_file_backups_dialog_restores_in_one_step(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from qda.gui.backups import BackupsDialog
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path
    from qda.gui.settings import Settings

    path = tmp_path / "studi.qda"
    with Project.create(path) as p:
        p.documents.add("a.txt", "P: Halo.\nI: Halo.", kind="interview")
    rolling_backup(path)
    with Project.open(path) as p:
        p.documents.add("b.txt", "P: Dua.\nI: Dua.", kind="interview")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert open_project_path(w, path)
    assert len(w.project.documents.all()) == 2

    # opening made a rolling backup of the two-document state; wait for it, then restore the older one
    qtbot.waitUntil(lambda: len(backup_summaries(path)) == 2, timeout=10000)
    older = [i for i, s in enumerate(backup_summaries(path)) if s.documents == 1]
    assert len(older) == 1

    def fake_exec(dialog):
        assert dialog.table.rowCount() == 2
        dialog.table.selectRow(older[0])
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        dialog.ask_restore()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BackupsDialog, "exec", fake_exec)
    w.backups.act_backups.trigger()
    assert w.project is not None and len(w.project.documents.all()) == 1
    assert any("sebelum-pulih" in s.info.path.name for s in backup_summaries(path))
