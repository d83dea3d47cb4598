"""The desktop interface (PySide6): the only package of qda that imports Qt."""
