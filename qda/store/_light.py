"""Import sqlite-utils without pandas and numpy.

``sqlite_utils.db`` imports pandas and numpy whenever they are installed, only to accept
their values in inserts, which the store never passes; that cost ~0.4 s and ~85 MiB on the
first open. Hiding them during that one import keeps opening a project light; the survey
still imports them where it needs them.
"""

from __future__ import annotations

import sys

_HEAVY = ("pandas", "numpy")


def import_sqlite_utils() -> None:
    """Import sqlite-utils once, with pandas and numpy hidden unless they are loaded already."""
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in _HEAVY if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes "import pandas" fail fast here
    try:
        import sqlite_utils.db  # noqa: F401
        import sqlite_utils.migrations  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


import_sqlite_utils()
