"""The document viewer: read-only text, line numbers, coding highlights and stripes."""
