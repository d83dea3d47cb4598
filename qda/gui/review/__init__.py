"""Supervision views: the review queue, the agreement view, the merge preview."""
