"""The X11 library check that runs before Qt starts (find_library patched)."""

from __future__ import annotations

from qda.gui.platform_check import missing_xcb_packages, uses_xcb

X11 = {"DISPLAY": ":0"}


def test_reports_each_missing_library_as_its_debian_package():
    absent = {"xcb-cursor", "xkbcommon-x11"}
    found = missing_xcb_packages(X11, "linux", lambda name: None if name in absent else f"lib{name}.so")
    assert found == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    assert missing_xcb_packages(X11, "linux", lambda name: None) == [
        "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"]
    assert missing_xcb_packages(X11, "linux", lambda name: f"lib{name}.so") == []


def test_only_checked_when_qt_will_use_xcb():
    none = lambda name: None  # noqa: E731
    assert missing_xcb_packages({}, "linux", none) == []  # no display
    assert missing_xcb_packages({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", none) == []
    assert missing_xcb_packages(X11, "win32", none) == []
    assert missing_xcb_packages(X11, "darwin", none) == []
    assert uses_xcb({"DISPLAY": ":1", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert uses_xcb({"DISPLAY": ":1", "QT_QPA_PLATFORM": "xcb:foo"}, "linux")


def test_run_gui_prints_one_line_and_returns_2(monkeypatch, capsys):
    import ctypes.util

    from qda.gui import app, platform_check

    monkeypatch.setenv("DISPLAY", ":55")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else "x.so")
    monkeypatch.setattr(app, "make_app", lambda: (_ for _ in ()).throw(AssertionError("Qt must not start")))
    assert app.run_gui() == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "libxcb-cursor0" in err[0] and "libxcb-icccm4" not in err[0]
