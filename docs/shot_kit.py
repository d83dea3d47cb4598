"""What every docs/make_*_screenshots.py script shares: paths, the two screen sizes, settling Qt,
and the demo project built in a scratch folder with a window open on it (:func:`demo`).

Importing it puts the checkout on ``sys.path`` and selects Qt's offscreen platform, so the
scripts run from a fresh clone with no display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
#: The student laptop and a common desktop size.
SIZES = ((1366, 768), (1600, 1000))

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"


def settle(app, rounds: int = 8) -> None:
    """Let queued refreshes and repaints run (only in these offline scripts)."""
    for _ in range(rounds):
        app.processEvents()


@dataclass
class Demo:
    """A scratch folder with the demo project built in it, and the Qt application."""

    app: Any
    folder: Path
    path: Path

    def settings(self, coder: str = "", role: str = "coder") -> Any:
        """Fresh settings (in the scratch config) for ``coder`` in ``role``."""
        from qda.gui.settings import Settings

        settings = Settings()
        if coder:
            settings.coder_name, settings.coder_role = coder, role
        return settings

    def window(self, settings: Any, size: tuple[int, int] | None = None, *, open_demo: bool = True) -> Any:
        """A shown main window (at ``size``) with the demo project open."""
        from qda.gui.main_window import MainWindow
        from qda.gui.project_flow import open_project_path

        window = MainWindow(settings)
        if size:
            window.resize(*size)
        window.show()
        settle(self.app, 5)
        if open_demo:
            assert open_project_path(window, self.path)
            settle(self.app, 5)
        return window


@contextmanager
def demo() -> Iterator[Demo]:
    """Build the demo project in a scratch folder whose config replaces the user's (which is not touched),
    with the product's Qt application."""
    with tempfile.TemporaryDirectory(prefix="qda-shots-") as tmp:
        folder = Path(tmp)
        os.environ["QDA_CONFIG_DIR"] = str(folder / "config")
        from qda.demo import build_demo
        from qda.gui.app import make_app

        app = make_app()
        OUT.mkdir(parents=True, exist_ok=True)
        path = build_demo(folder / "demo")
        yield Demo(app, folder, path)
