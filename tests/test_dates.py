"""One date formatter: Indonesian dates with short months and a full stop in the time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qda.dates import format_date, format_datetime


def test_indonesian_and_english_timestamps():
    wib = timezone(timedelta(hours=7))
    moment = datetime(2026, 12, 5, 18, 7, tzinfo=wib)
    assert format_datetime(moment, "id", local=False) == "5 Des 2026, 18.07"
    assert format_datetime(moment, "en", local=False) == "5 Dec 2026, 18:07"
    assert format_datetime("2026-08-17T09:05:00.000+00:00", "id", local=False) == "17 Agu 2026, 09.05"
    assert format_datetime("bukan tanggal", "id") == "bukan tanggal"
    assert format_datetime(None) == ""


def test_stored_utc_timestamps_shown_in_local_time(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        assert format_datetime("2026-12-05T11:07:00.000+00:00", "id") == "5 Des 2026, 18.07"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_dates_written_out():
    assert format_date("2024-03-12", "id") == "12 Maret 2024"
    assert format_date("2024-03-12T10:00:00", "en") == "12 March 2024"


def test_counts_carry_thousands_separators_in_both_languages():
    from qda.i18n import translator

    assert translator("id").trn("{n} segmen", n=1079) == "1.079 segmen"
    assert translator("en").trn("{n} segmen", n=1079) == "1,079 segments"
    assert translator("en").trn("{n} segmen", n=1) == "1 segment"
    assert translator("id").trn("{n} kata", n=312450) == "312.450 kata"
