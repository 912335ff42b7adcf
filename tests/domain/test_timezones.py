"""Time-zone helpers: hand-checked DST cases plus a round-trip property."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classesduo.domain.timezones import (
    AmbiguousLocalTime,
    LocalTimeError,
    NonexistentLocalTime,
    OffsetChange,
    difference_changes,
    difference_hours,
    is_valid_zone,
    local_dates,
    local_to_utc,
    offset_changes,
    utc_to_local,
)

UTC = timezone.utc
PARIS = "Europe/Paris"
H = timedelta(hours=1)


def noon_offset_days(zone: str, year: int) -> list[date]:
    """Independent oracle: the dates whose local-noon offset differs from the day before."""
    info = ZoneInfo(zone)
    days, day = [], date(year, 1, 1)
    while day.year == year:
        today = datetime.combine(day, time(12), tzinfo=info).utcoffset()
        yesterday = datetime.combine(day - timedelta(days=1), time(12), tzinfo=info).utcoffset()
        if today != yesterday:
            days.append(day)
        day += timedelta(days=1)
    return days


# --- is_valid_zone -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Europe/Paris", "America/Argentina/Buenos_Aires", "America/Toronto", "America/Montreal", "Asia/Kolkata",
     "Pacific/Chatham", "UTC"],
)
def test_valid_zones(name: str) -> None:
    assert is_valid_zone(name)


@pytest.mark.parametrize(
    "name",
    ["", "Foo/Bar", "local", "localtime", "Factory", "/etc/localtime", "/usr/share/zoneinfo/Europe/Paris",
     "../zoneinfo/Europe/Paris", "europe/paris", " Europe/Paris", "Europe/Paris ", "Paris", "+01:00"],
)
def test_invalid_zones(name: str) -> None:
    assert not is_valid_zone(name)


def test_non_string_is_not_a_zone() -> None:
    assert not is_valid_zone(None)  # type: ignore[arg-type]


# --- local_to_utc / utc_to_local --------------------------------------------------------------


def test_paris_winter_and_summer() -> None:
    assert local_to_utc(date(2027, 1, 12), time(15), PARIS) == datetime(2027, 1, 12, 14, tzinfo=UTC)
    assert local_to_utc(date(2027, 5, 11), time(15), PARIS) == datetime(2027, 5, 11, 13, tzinfo=UTC)
    assert local_to_utc(date(2027, 5, 11), time(15), PARIS).tzinfo is UTC


def test_spring_forward_gap_paris() -> None:
    assert noon_offset_days(PARIS, 2027) == [date(2027, 3, 28), date(2027, 10, 31)]
    with pytest.raises(NonexistentLocalTime) as info:
        local_to_utc(date(2027, 3, 28), time(2, 30), PARIS)
    error = info.value
    assert str(error) == (
        "02:30 on 2027-03-28 does not exist in Europe/Paris: clocks jump forward from 02:00 to 03:00"
    )
    assert isinstance(error, LocalTimeError) and isinstance(error, ValueError)
    assert error.transition_utc == datetime(2027, 3, 28, 1, tzinfo=UTC)
    assert (error.day, error.wall, error.zone) == (date(2027, 3, 28), time(2, 30), PARIS)
    # a fold does not make a missing time exist
    for fold in (0, 1):
        with pytest.raises(NonexistentLocalTime):
            local_to_utc(date(2027, 3, 28), time(2, 30), PARIS, fold=fold)
    # the edges of the gap are fine
    assert local_to_utc(date(2027, 3, 28), time(1, 59), PARIS) == datetime(2027, 3, 28, 0, 59, tzinfo=UTC)
    assert local_to_utc(date(2027, 3, 28), time(3, 0), PARIS) == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)


def test_autumn_fold_paris() -> None:
    # Paris turns its clocks back from 03:00 to 02:00, so 02:30 (not 01:30) happens twice.
    assert local_to_utc(date(2026, 10, 25), time(1, 30), PARIS) == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    with pytest.raises(AmbiguousLocalTime) as info:
        local_to_utc(date(2026, 10, 25), time(2, 30), PARIS)
    error = info.value
    assert str(error) == (
        "02:30 on 2026-10-25 happens twice in Europe/Paris (summer time and winter time); choose one"
    )
    assert error.first_utc == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert error.second_utc == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert error.transition_utc == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    summer = local_to_utc(date(2026, 10, 25), time(2, 30), PARIS, fold=0)
    winter = local_to_utc(date(2026, 10, 25), time(2, 30), PARIS, fold=1)
    assert (summer, winter) == (error.first_utc, error.second_utc)
    assert utc_to_local(summer, PARIS).utcoffset() == 2 * H
    assert utc_to_local(winter, PARIS).utcoffset() == H


def test_fold_is_ignored_for_unambiguous_times() -> None:
    expected = datetime(2027, 1, 12, 14, tzinfo=UTC)
    assert local_to_utc(date(2027, 1, 12), time(15), PARIS, fold=0) == expected
    assert local_to_utc(date(2027, 1, 12), time(15), PARIS, fold=1) == expected


def test_santiago_changes_at_midnight() -> None:
    spring, autumn = date(2027, 9, 5), date(2027, 4, 3)
    with pytest.raises(NonexistentLocalTime) as gap:
        local_to_utc(spring, time(0, 30), "America/Santiago")
    assert "clocks jump forward from 00:00 to 01:00" in str(gap.value)
    with pytest.raises(AmbiguousLocalTime):
        local_to_utc(autumn, time(23, 30), "America/Santiago")


def test_half_hour_and_odd_shifts() -> None:
    with pytest.raises(NonexistentLocalTime) as lord_howe:
        local_to_utc(date(2027, 10, 3), time(2, 15), "Australia/Lord_Howe")
    assert "from 02:00 to 02:30" in str(lord_howe.value)
    with pytest.raises(NonexistentLocalTime) as chatham:
        local_to_utc(date(2027, 9, 26), time(3, 0), "Pacific/Chatham")
    assert "from 02:45 to 03:45" in str(chatham.value)
    with pytest.raises(AmbiguousLocalTime):
        local_to_utc(date(2027, 4, 4), time(1, 45), "Australia/Lord_Howe")


def test_samoa_skipped_a_whole_day() -> None:
    with pytest.raises(NonexistentLocalTime) as info:
        local_to_utc(date(2011, 12, 30), time(12), "Pacific/Apia")
    assert "from 2011-12-30 00:00 to 2011-12-31 00:00" in str(info.value)


def test_local_to_utc_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        local_to_utc(date(2027, 1, 12), time(15), "Mars/Olympus_Mons")
    with pytest.raises(ValueError):
        local_to_utc(date(2027, 1, 12), time(15), PARIS, fold=2)
    with pytest.raises(ValueError):
        local_to_utc(date(2027, 1, 12), time(15, tzinfo=UTC), PARIS)


def test_utc_to_local() -> None:
    local = utc_to_local(datetime(2027, 1, 12, 14, tzinfo=UTC), "Asia/Tokyo")
    assert (local.hour, local.utcoffset()) == (23, 9 * H)
    with pytest.raises(ValueError):
        utc_to_local(datetime(2027, 1, 12, 14), PARIS)
    with pytest.raises(ValueError):
        utc_to_local(datetime(2027, 1, 12, 14, tzinfo=UTC), "Nowhere")


def test_local_dates() -> None:
    start = datetime(2027, 1, 12, 14, 30, tzinfo=UTC)  # 23:30 in Tokyo
    tokyo = "Asia/Tokyo"
    assert local_dates(start, start + timedelta(minutes=45), tokyo) == [date(2027, 1, 12), date(2027, 1, 13)]
    assert local_dates(start, start + timedelta(minutes=30), tokyo) == [date(2027, 1, 12)]  # ends at midnight
    assert local_dates(start, start + H, PARIS) == [date(2027, 1, 12)]


# --- offsets and differences --------------------------------------------------------------------


def test_offset_changes_paris_school_year() -> None:
    assert offset_changes(PARIS, date(2026, 9, 1), date(2027, 7, 10)) == [
        OffsetChange(date(2026, 10, 25), 2 * H, H),
        OffsetChange(date(2027, 3, 28), H, 2 * H),
    ]
    # a change on the first day of the range counts; one the day after the range does not
    assert offset_changes(PARIS, date(2027, 3, 28), date(2027, 3, 28)) == [OffsetChange(date(2027, 3, 28), H, 2 * H)]
    assert offset_changes(PARIS, date(2027, 3, 1), date(2027, 3, 27)) == []


def test_offset_changes_other_zones() -> None:
    assert offset_changes("America/Argentina/Buenos_Aires", date(2026, 1, 1), date(2030, 12, 31)) == []
    assert offset_changes("Asia/Tokyo", date(2026, 1, 1), date(2030, 12, 31)) == []
    for zone in ("America/Toronto", "America/Santiago", "Australia/Lord_Howe", "America/St_Johns"):
        found = offset_changes(zone, date(2027, 1, 1), date(2027, 12, 31))
        assert [change.day for change in found] == noon_offset_days(zone, 2027)
    santiago = offset_changes("America/Santiago", date(2027, 1, 1), date(2027, 12, 31))
    assert [(c.before, c.after) for c in santiago] == [(-3 * H, -4 * H), (-4 * H, -3 * H)]


def test_difference_hours() -> None:
    winter = datetime(2027, 1, 12, 14, tzinfo=UTC)
    summer = datetime(2027, 5, 11, 13, tzinfo=UTC)
    assert difference_hours(PARIS, "Asia/Tokyo", winter) == 8.0
    assert difference_hours(PARIS, "Asia/Tokyo", summer) == 7.0
    assert difference_hours("Asia/Tokyo", PARIS, winter) == -8.0
    # Argentina keeps UTC-3 all year: 4 h behind in Paris winter, 5 h in Paris summer
    assert difference_hours(PARIS, "America/Argentina/Buenos_Aires", winter) == -4.0
    assert difference_hours(PARIS, "America/Argentina/Buenos_Aires", summer) == -5.0
    assert difference_hours(PARIS, "Asia/Kolkata", winter) == 4.5
    assert difference_hours(PARIS, "Asia/Kolkata", summer) == 3.5
    assert difference_hours(PARIS, "Africa/Dakar", winter) == -1.0
    with pytest.raises(ValueError):
        difference_hours(PARIS, "Asia/Tokyo", datetime(2027, 1, 12, 14))


def test_difference_changes_montreal_march_weeks() -> None:
    north_america = noon_offset_days("America/Toronto", 2027)
    europe = noon_offset_days(PARIS, 2027)
    assert north_america == [date(2027, 3, 14), date(2027, 11, 7)]
    assert europe == [date(2027, 3, 28), date(2027, 10, 31)]
    assert difference_changes(PARIS, "America/Toronto", date(2026, 12, 1), date(2027, 12, 31)) == [
        (north_america[0], -6.0, -5.0),
        (europe[0], -5.0, -6.0),
        (europe[1], -6.0, -5.0),
        (north_america[1], -5.0, -6.0),
    ]


def test_difference_changes_santiago_and_fixed_zones() -> None:
    changes = difference_changes(PARIS, "America/Santiago", date(2027, 1, 1), date(2027, 12, 31))
    # Paris and Chile move in opposite seasons: -4 h in January, then -5, -6, -5, -4.
    assert [day for day, _, _ in changes] == sorted(
        noon_offset_days(PARIS, 2027) + noon_offset_days("America/Santiago", 2027)
    )
    assert [(before, after) for _, before, after in changes] == [(-4.0, -5.0), (-5.0, -6.0), (-6.0, -5.0),
                                                                   (-5.0, -4.0)]
    assert difference_changes("Asia/Tokyo", "America/Argentina/Buenos_Aires", date(2027, 1, 1), date(2027, 12, 31)) == []


# --- property ------------------------------------------------------------------------------------

ZONES = [
    "Europe/Paris", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns",
    "America/Toronto", "America/Sao_Paulo", "Asia/Kolkata", "Africa/Casablanca", "Pacific/Auckland",
    "Australia/Sydney", "America/Havana", "Asia/Tehran", "Europe/London", "Asia/Beirut",
]


@settings(max_examples=200, deadline=None, database=None)
@given(
    zone=st.sampled_from(ZONES),
    day=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    minute=st.integers(0, 24 * 60 - 1),
)
def test_local_to_utc_round_trips(zone: str, day: date, minute: int) -> None:
    wall = time(minute // 60, minute % 60)
    naive = datetime.combine(day, wall)
    try:
        instant = local_to_utc(day, wall, zone)
    except NonexistentLocalTime as gap:
        for fold in (0, 1):
            shown = naive.replace(tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC).astimezone(ZoneInfo(zone))
            assert shown.replace(tzinfo=None) != naive
        assert gap.gap_start <= naive < gap.gap_end
        return
    except AmbiguousLocalTime as fold:
        assert fold.first_utc < fold.transition_utc <= fold.second_utc
        for which in (0, 1):
            assert utc_to_local(local_to_utc(day, wall, zone, fold=which), zone).replace(tzinfo=None) == naive
        return
    assert instant.tzinfo is UTC
    assert utc_to_local(instant, zone).replace(tzinfo=None) == naive


def test_wall_clock_names_the_offset_only_of_a_time_that_happens_twice() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from classesduo.domain.timezones import wall_clock

    paris = ZoneInfo("Europe/Paris")
    assert wall_clock(datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(paris)) == "02:30 (UTC+02:00)"
    assert wall_clock(datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(paris)) == "02:30 (UTC+01:00)"
    assert wall_clock(datetime(2026, 10, 25, 2, 30, tzinfo=UTC).astimezone(paris)) == "03:30"
    assert wall_clock(datetime(2027, 3, 28, 1, 30, tzinfo=UTC).astimezone(paris)) == "03:30"  # after the gap
    assert wall_clock(datetime(2027, 3, 10, 14, 0, tzinfo=UTC).astimezone(paris)) == "15:00"
