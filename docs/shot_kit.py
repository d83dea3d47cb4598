"""What every docs/make_*_screenshots.py script shares: paths, the two screen sizes, settling Qt.

Importing it puts the checkout on ``sys.path`` and selects Qt's offscreen platform, so the
scripts run from a fresh clone with no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
