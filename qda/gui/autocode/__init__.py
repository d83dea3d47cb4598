"""GUI of auto-coding suggestions: the suggestions panel and the indicator-terms dialog."""
