# Put first on PYTHONPATH by .ci/run: Qt is "not installed", so a core test that needs it fails.
raise ModuleNotFoundError("No module named 'PySide6' (hidden by .ci/no_qt)", name="PySide6")
