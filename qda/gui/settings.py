"""User preferences kept in the user's config directory (QSettings in INI format).

The directory is ``platformdirs.user_config_dir("qda")`` unless ``QDA_CONFIG_DIR`` is
set (the tests point it at a temporary folder so the real one is never touched).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from qda.domain import ROLES

MAX_RECENT = 10


def config_dir() -> Path:
    """The folder holding ``qda.ini`` (created if missing)."""
    env = os.environ.get("QDA_CONFIG_DIR")
    if env:
        folder = Path(env)
    else:
        import platformdirs

        folder = Path(platformdirs.user_config_dir("qda"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Settings:
    """Typed access to the user's preferences; every write is flushed at once."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else config_dir() / "qda.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- reading and writing -------------------------------------------------------
    def _get_str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: object) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()

    # -- language ----------------------------------------------------------------
    @property
    def language(self) -> str:
        """Interface language code: ``"id"`` (default) or ``"en"``."""
        value = self._get_str("ui/language", "id")
        return value if value in ("id", "en") else "id"

    @language.setter
    def language(self, code: str) -> None:
        self._set("ui/language", code)

    # -- coder -------------------------------------------------------------------
    @property
    def coder_name(self) -> str:
        """The name the user codes under ('' until asked at first start)."""
        return self._get_str("coder/name", "")

    @coder_name.setter
    def coder_name(self, name: str) -> None:
        self._set("coder/name", name.strip())

    @property
    def coder_role(self) -> str:
        """``"coder"`` or ``"supervisor"``."""
        value = self._get_str("coder/role", "coder")
        return value if value in ROLES else "coder"

    @coder_role.setter
    def coder_role(self, role: str) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {role!r}")
        self._set("coder/role", role)

    # -- recent projects -----------------------------------------------------------
    @property
    def recent_projects(self) -> list[str]:
        """Recently opened project paths, newest first."""
        value = self._qs.value("projects/recent", [])
        if value is None:
            return []
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value if v]

    @recent_projects.setter
    def recent_projects(self, paths: list[str]) -> None:
        self._set("projects/recent", list(paths)[:MAX_RECENT])

    def remove_recent_project(self, path: str | os.PathLike[str]) -> None:
        """Take ``path`` off the recent list (the file itself is left alone)."""
        p = str(path)
        self.recent_projects = [r for r in self.recent_projects if r != p]

    def add_recent_project(self, path: str | os.PathLike[str]) -> None:
        """Put ``path`` first in the recent list (removing an older entry for it)."""
        p = str(Path(path).resolve())
        rest = [r for r in self.recent_projects if r != p]
        self.recent_projects = [p, *rest]

    def forget_recent_project(self, path: str) -> None:
        """Drop ``path`` from the recent list (e.g. when the file is gone)."""
        self.recent_projects = [r for r in self.recent_projects if r != path]

    @property
    def snap_words(self) -> bool:
        """Whether a mouse selection in the text widens to whole words (on by default)."""
        value = self._qs.value("coding/snap_words", True)
        return value not in (False, "false", "0", 0)

    @snap_words.setter
    def snap_words(self, on: bool) -> None:
        self._set("coding/snap_words", bool(on))

    # -- window layout -------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry (``saveGeometry()``), if any."""
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self._set("window/geometry", data)

    @property
    def state(self) -> QByteArray | None:
        """The main window's saved dock/toolbar layout (``saveState()``), if any."""
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @state.setter
    def state(self, data: QByteArray) -> None:
        self._set("window/state", data)
