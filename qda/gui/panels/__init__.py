"""Dockable panels of the main window and the small dialogs around them.

- :mod:`~qda.gui.panels.code_tree` — ``CodeTreePanel``: the codebook tree, filter and definitions
- :mod:`~qda.gui.panels.quick_code` — ``QuickCodeDialog``: type-to-find code picker
- :mod:`~qda.gui.panels.memo_panel` — ``MemoPanel``: memos of the project, documents, codes, segments
- :mod:`~qda.gui.panels.search_panel` — ``SearchPanel``: exact or fuzzy search over the sources
- :mod:`~qda.gui.panels.coder_panel` — ``CoderPanel``: show or hide each coder's segments
- :mod:`~qda.gui.panels.preferences` — ``PreferencesDialog``: language, coder name and role

The panels are thin: they read through the project store API, change the project only by
pushing :mod:`qda.commands` on the undo stack, and run long work on a worker thread.
Import the panel modules directly (this package imports nothing eagerly).
"""
