"""The GUI meets the same file faults with a dialog and keeps the window usable."""

from __future__ import annotations

import errno
import sqlite3

import pytest

pytest.importorskip("PySide6")
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from qda.store import Project  # noqa: E402
from tests.faults.helpers import INTERVIEW  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("QDA_CONFIG_DIR", str(tmp_path / "config"))
    from qda.gui.main_window import MainWindow
    from qda.gui.settings import Settings

    settings = Settings()
    settings.coder_name = "Dewi"
    w = MainWindow(settings)
    qtbot.addWidget(w)
    errors: list[str] = []
    monkeypatch.setattr(type(w), "show_error", lambda self, message: errors.append(message))
    w.errors = errors
    yield w
    w.close_project()


def _project(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, coder="Dewi") as p:
        p.documents.add(INTERVIEW.name, INTERVIEW.read_text(encoding="utf-8"), "interview")
    return path


def test_damaged_project_offers_the_newest_backup(window, tmp_path, monkeypatch):
    from qda.gui.project_flow import open_project_path

    path = _project(tmp_path)
    with Project.open(path, read_only=True) as p:
        p.backup()
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 6] = b"\xab" * (4096 * 3)
    path.write_bytes(bytes(data))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    assert open_project_path(window, path)
    assert asked and "rusak" in asked[0] and "p.qda.bak-" in asked[0]
    assert [d.name for d in window.project.documents.all()] == [INTERVIEW.name]
    assert any("sebelum-pulih" in p.name for p in tmp_path.iterdir())


def test_foreign_trigger_is_named_and_removed_only_when_asked(window, tmp_path, monkeypatch):
    from qda.gui.project_flow import open_project_path

    path = _project(tmp_path)
    con = sqlite3.connect(path)
    con.execute("CREATE TRIGGER wipe AFTER INSERT ON segment BEGIN DELETE FROM document; END")
    con.commit()
    con.close()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or answers.pop(0)))
    assert not open_project_path(window, path)
    assert window.project is None and "wipe" in asked[0]
    assert open_project_path(window, path)
    window.project.segments.add(INTERVIEW.name, 0, 5, "Responsivitas")
    assert len(window.project.documents.all()) == 1


def test_read_only_media_opens_read_only_and_says_so(window, tmp_path, monkeypatch):
    from filelock import FileLock

    from qda.gui.project_flow import open_project_path
    from qda.store import faults

    path = _project(tmp_path)

    def refuse(self, *a, **k):
        raise PermissionError(errno.EROFS, "Read-only file system", str(path) + ".lock")

    monkeypatch.setattr(FileLock, "acquire", refuse)  # as on a CD: no lock file can be made
    monkeypatch.setattr(faults, "media_writable", lambda p: False)
    assert open_project_path(window, path)
    assert window.project.read_only and window.project.media_read_only
    assert window.errors and "hanya-baca" in window.errors[0] and "salin" in window.errors[0]
    assert "hanya-baca" in window.windowTitle()
