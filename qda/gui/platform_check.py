"""Before Qt starts on X11: are the xcb helper libraries Qt ≥ 6.5 needs installed?

Without them Qt prints a long message and aborts the process; qda names the missing Debian/Ubuntu
packages in one line instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from typing import Callable, Mapping

# library name for ctypes.util.find_library -> Debian/Ubuntu package providing it
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def uses_xcb(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt will use its X11 (xcb) plugin: Linux, a DISPLAY, and QT_QPA_PLATFORM unset or xcb."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    return not chosen or chosen.split(";")[0].split(":")[0] == "xcb"


def missing_xcb_packages(env: Mapping[str, str] | None = None, platform: str | None = None,
                         find: Callable[[str], str | None] | None = None) -> list[str]:
    """Debian packages of the xcb helper libraries that cannot be found (empty when not on xcb)."""
    if not uses_xcb(env, platform):
        return []
    find = find or ctypes.util.find_library
    return [package for lib, package in XCB_LIBRARIES.items() if not find(lib)]


def gui_unavailable() -> str | None:
    """Why Qt cannot start on this machine (a missing system library), or None when it can."""
    from qda.i18n import tr

    missing = missing_xcb_packages()
    if missing:
        return tr("qda: antarmuka grafis tidak dapat dimulai: pustaka X11 untuk Qt belum terpasang; "
                  "pasang dengan: sudo apt install {packages}", packages=" ".join(missing))
    try:
        import PySide6.QtWidgets  # noqa: F401  (fails when a system library such as libGL is missing)
    except ImportError as exc:
        return tr("qda: antarmuka grafis tidak dapat dimulai ({reason}); pasang pustaka sistem yang disebut "
                  "(mis. sudo apt install libgl1 libegl1)", reason=exc)
    return None
