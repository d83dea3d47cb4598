"""Start the desktop interface: ``run_gui()`` (``qda`` without arguments, ``qda demo``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qda.i18n import set_language, tr

APP_STYLE = """
QMainWindow::separator { background: #e3e6eb; width: 1px; height: 1px; }
QDockWidget { font-weight: bold; color: #1f3b5c; }
QDockWidget::title { background: #eef1f5; padding: 5px 8px; border-bottom: 1px solid #dfe3ea; }
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 6px 16px; }
QMainWindow > QTabBar::tab { padding: 5px 7px; }  /* docks sharing a column: four titles fit 300 px */
QTabBar::tab:selected { color: #1f3b5c; font-weight: bold; }
QStatusBar { background: #f4f6f9; color: #3a4350; }
QTreeView, QTreeWidget, QListView { selection-background-color: #dbe7f7; selection-color: #1f2328; }
"""


def make_app(argv: list[str] | None = None):
    """The QApplication, with the product's name, font and a light style."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("qda")
    app.setOrganizationName("qda")
    # Styling repolishes every live widget, and a style set under an application style sheet can
    # crash Qt: style the application once (a second call, from a test or a re-entered main, skips it).
    if not app.property("qdaStyled"):
        app.setStyle("Fusion")
        families = set(QFontDatabase.families())
        for family in ("Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue"):
            if family in families:
                font = QFont(family)
                font.setPointSizeF(10)
                app.setFont(font)
                break
        app.setStyleSheet(APP_STYLE)
        app.setProperty("qdaStyled", True)
    from PySide6.QtGui import QIcon

    from qda.resources import resource

    app.setWindowIcon(QIcon(str(resource("icons", "qda.png"))))  # title bars, task bar, dialogs
    from qda.gui.qt_translations import install_qt_translations

    install_qt_translations()  # Qt's dialogs and buttons in Indonesian when that is the language
    return app


def make_window(project_path: str | None = None):
    """Build the main window (asking the coder at first start) and open ``project_path``."""
    from qda.gui.main_window import MainWindow
    from qda.gui.settings import Settings

    settings = Settings()
    if not os.environ.get("QDA_LANG"):  # the environment wins over the saved choice
        set_language(settings.language)
    window = MainWindow(settings)
    if not settings.coder_name and not window.ask_coder(first_start=True):
        settings.coder_name = tr("Peneliti")
    if project_path is not None:
        from qda.gui.project_flow import open_project_path

        if not Path(project_path).exists():
            window.show_error(tr("{path}: proyek tidak ditemukan", path=project_path))
        else:
            open_project_path(window, project_path)
    return window


def install_error_hook(window) -> None:
    """Show an unexpected error as a one-line message (the traceback goes to the log on stderr)."""
    import logging
    import traceback

    from qda.errors import QdaError
    from qda.gui.workers import failure_message

    log = logging.getLogger("qda.gui")

    def hook(kind, value, tb) -> None:
        if not isinstance(value, QdaError):
            log.error("".join(traceback.format_exception(kind, value, tb)))
        window.show_error(failure_message(value))

    sys.excepthook = hook


def run_gui(project_path: str | None = None) -> int:
    """Open the main window (on ``project_path`` if given) and run until it closes.

    Returns 2 without starting Qt when the X11 libraries Qt needs are missing (one line on stderr).
    """
    from qda.gui.platform_check import missing_xcb_packages

    missing = missing_xcb_packages()
    if missing:
        print(tr("qda: antarmuka grafis tidak dapat dimulai: pustaka X11 untuk Qt belum terpasang; "
                 "pasang dengan: sudo apt install {packages}", packages=" ".join(missing)), file=sys.stderr)
        return 2
    app = make_app()
    window = make_window(project_path)
    install_error_hook(window)
    window.show()
    return int(app.exec())
