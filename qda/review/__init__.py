"""Supervision, headless: the review queue, inter-coder agreement and merging coders' files."""
