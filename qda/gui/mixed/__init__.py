"""The joint display tab (mixed methods)."""
