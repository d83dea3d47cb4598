"""Save screenshots of the survey tab on the Sako data: ``python -m tests.survey.screenshots [OUT_DIR]``."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(out_dir: str = "docs/screenshots") -> list[Path]:
    """Open the Sako CSV in the tab, run the analysis and grab each page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from qda.gui.survey import SurveyTab
    from tests.survey.conftest import SAKO_CSV

    app = QApplication.instance() or QApplication(sys.argv)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tab = SurveyTab()
    tab.resize(1280, 860)
    tab.show()
    tab.open_file(SAKO_CSV)
    saved = [out / "survey_data.png"]
    tab.grab().save(str(saved[0]))
    loop = QEventLoop()
    tab.analysis_finished.connect(lambda _r: loop.quit())
    QTimer.singleShot(60000, loop.quit)
    tab.run_analysis()
    loop.exec()
    for i, key in enumerate(["overview", "frequencies", "validity", "reliability", "scores", "prerequisites",
                             "regression", "notes"], start=1):
        tab.tabs.setCurrentIndex(i)
        app.processEvents()
        path = out / f"survey_{key}.png"
        tab.grab().save(str(path))
        saved.append(path)
    dialog = tab.mapping_dialog()
    dialog.show()
    app.processEvents()
    path = out / "survey_mapping.png"
    dialog.grab().save(str(path))
    saved.append(path)
    return saved


if __name__ == "__main__":
    for p in main(*sys.argv[1:]):
        print(p)
