"""Recurring sessions anchored to the Paris wall clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.series import SeriesPlan, series_occurrences
from classesduo.domain.timezones import offset_changes

UTC = timezone.utc
PARIS = "Europe/Paris"
MONTREAL = "America/Toronto"
SPRING_BREAK = HolidayPeriod("Vacances de printemps", date(2027, 4, 17), date(2027, 5, 2))


def walls(plan: SeriesPlan, zone: str) -> list[str]:
    return [f"{slot.local(zone)[0]:%m-%d %H:%M}" for slot in plan.occurrences]


def test_weekly_series_keeps_paris_time_and_skips_holidays() -> None:
    plan = series_occurrences(
        date(2027, 3, 2), date(2027, 4, 27), 1, time(15), 45, PARIS,
        paris_holidays=[SPRING_BREAK], partner_zone=MONTREAL,
    )
    assert walls(plan, PARIS) == [f"{d} 15:00" for d in
                                  ("03-02", "03-09", "03-16", "03-23", "03-30", "04-06", "04-13")]
    assert plan.skipped == [(date(2027, 4, 20), "Vacances de printemps"), (date(2027, 4, 27), "Vacances de printemps")]
    assert all(slot.minutes == 45 for slot in plan.occurrences)
    # Montréal sees 10:00 while North America has changed clocks and Europe has not
    us_change = offset_changes(MONTREAL, date(2027, 3, 1), date(2027, 3, 31))[0].day
    eu_change = offset_changes(PARIS, date(2027, 3, 1), date(2027, 3, 31))[0].day
    for slot in plan.occurrences:
        paris_day = slot.local(PARIS)[0].date()
        expected = 10 if us_change <= paris_day < eu_change else 9
        assert slot.local(MONTREAL)[0].hour == expected, paris_day
    assert [slot.local(MONTREAL)[0].hour for slot in plan.occurrences] == [9, 9, 10, 10, 9, 9, 9]


def test_every_two_weeks() -> None:
    plan = series_occurrences(date(2027, 3, 2), date(2027, 4, 27), 2, time(15), 45, PARIS,
                              paris_holidays=(SPRING_BREAK,))
    assert [slot.local(PARIS)[0].date() for slot in plan.occurrences] == [
        date(2027, 3, 2), date(2027, 3, 16), date(2027, 3, 30), date(2027, 4, 13)
    ]
    assert plan.skipped == [(date(2027, 4, 27), "Vacances de printemps")]


def test_until_is_inclusive_and_single_day_series() -> None:
    plan = series_occurrences(date(2027, 1, 12), date(2027, 1, 12), 1, time(15), 45, PARIS)
    assert [slot.start_utc for slot in plan.occurrences] == [datetime(2027, 1, 12, 14, tzinfo=UTC)]
    assert plan.skipped == []


def test_partner_holiday_uses_the_partner_date() -> None:
    # Paris Tuesday 17:00 is Wednesday 01:00 in Tokyo (winter).
    golden = [HolidayPeriod("Wednesday off", date(2027, 1, 13), date(2027, 1, 13)),
              HolidayPeriod("Tuesday off", date(2027, 1, 19), date(2027, 1, 19))]
    plan = series_occurrences(date(2027, 1, 12), date(2027, 1, 19), 1, time(17), 60, PARIS,
                              partner_holidays=golden, partner_zone="Asia/Tokyo")
    assert plan.skipped == [(date(2027, 1, 12), "Wednesday off")]
    assert [f"{slot.local('Asia/Tokyo')[0]:%Y-%m-%d %H:%M}" for slot in plan.occurrences] == ["2027-01-20 01:00"]
    # without a partner zone the Paris date is used
    fallback = series_occurrences(date(2027, 1, 12), date(2027, 1, 19), 1, time(17), 60, PARIS,
                                  partner_holidays=golden)
    assert fallback.skipped == [(date(2027, 1, 19), "Tuesday off")]


def test_paris_holiday_wins_over_partner_holiday() -> None:
    partner_off = [HolidayPeriod("Partner break", date(2027, 4, 19), date(2027, 4, 23))]
    plan = series_occurrences(date(2027, 4, 20), date(2027, 4, 20), 1, time(15), 45, PARIS,
                              paris_holidays=[SPRING_BREAK], partner_holidays=partner_off, partner_zone=MONTREAL)
    assert plan == SeriesPlan([], [(date(2027, 4, 20), "Vacances de printemps")])


def test_missing_paris_time_is_skipped_not_shifted() -> None:
    plan = series_occurrences(date(2027, 3, 14), date(2027, 4, 4), 1, time(2, 30), 30, PARIS)
    assert [day for day, _ in plan.skipped] == [date(2027, 3, 28)]
    assert "does not exist in Europe/Paris" in plan.skipped[0][1]
    assert [slot.local(PARIS)[0].strftime("%m-%d %H:%M") for slot in plan.occurrences] == [
        "03-14 02:30", "03-21 02:30", "04-04 02:30"
    ]


def test_repeated_paris_time_takes_the_first_occurrence() -> None:
    plan = series_occurrences(date(2026, 10, 25), date(2026, 10, 25), 1, time(2, 30), 30, PARIS)
    assert plan.occurrences[0].start_utc == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert plan.occurrences[0].end_utc - plan.occurrences[0].start_utc == timedelta(minutes=30)


@pytest.mark.parametrize(
    "change",
    [{"interval_weeks": 0}, {"minutes": 0}, {"until": date(2027, 1, 1)}, {"paris_zone": "Paris"},
     {"partner_zone": "Nowhere/City"}],
)
def test_series_validates(change: dict) -> None:
    arguments = {
        "first_day": date(2027, 1, 12), "until": date(2027, 3, 1), "interval_weeks": 1,
        "paris_wall": time(15), "minutes": 45, "paris_zone": PARIS,
    } | change
    with pytest.raises(ValueError):
        series_occurrences(**arguments)
