"""Tests of the survey statistics, command and tab."""
