"""Opening the main window on a project, as the GUI tests do."""

from __future__ import annotations

from typing import Any


def open_window(qtbot: Any, settings: Any, path: Any, size: tuple[int, int] = (1366, 768), *,
                document: str | None = None) -> Any:
    """A shown main window at ``size`` with the project at ``path`` open (and ``document`` shown)."""
    from qda.gui.main_window import MainWindow
    from qda.gui.project_flow import open_project_path

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    assert open_project_path(window, path)
    if document is not None:
        window.show_document(window.project.documents.get(document).id)
    return window
