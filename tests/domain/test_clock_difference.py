"""The difference between Paris and a partner city over a school year."""

from __future__ import annotations

from datetime import UTC, date, datetime

from classesduo.domain.clock_difference import difference_periods

YEAR = (date(2026, 9, 1), date(2027, 7, 10))
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def test_montreal_is_six_hours_behind_except_when_dst_dates_differ() -> None:
    periods = difference_periods("Europe/Paris", "America/Toronto", *YEAR, NOW)
    assert periods.now_hours == -6 and periods.typical_hours == -6
    assert periods.exceptions == ((date(2026, 10, 25), date(2026, 10, 31), -5.0),
                                  (date(2027, 3, 14), date(2027, 3, 27), -5.0))


def test_buenos_aires_difference_follows_the_paris_seasons() -> None:
    periods = difference_periods("Europe/Paris", "America/Argentina/Buenos_Aires", *YEAR, NOW)
    assert periods.now_hours == -4
    assert periods.typical_hours == -5
    assert periods.exceptions == ((date(2026, 10, 25), date(2027, 3, 27), -4.0),)


def test_southern_hemisphere_dst_gives_three_values() -> None:
    periods = difference_periods("Europe/Paris", "Australia/Sydney", *YEAR, NOW)
    assert {hours for _, _, hours in periods.exceptions} | {periods.typical_hours} == {8.0, 9.0, 10.0}


def test_same_rules_never_change() -> None:
    periods = difference_periods("Europe/Paris", "Europe/Madrid", *YEAR, NOW)
    assert periods.now_hours == 0 and not periods.changes
