"""Recurring sessions ("every Tuesday at 15:00, every two weeks").

A series is anchored to the Paris wall clock: 15:00 in Paris stays 15:00 in
Paris across daylight-saving changes, and the partner's local time moves
instead (Montréal sees 09:00, then 10:00 for the weeks when North America has
changed clocks and Europe has not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import Slot
from classesduo.domain.timezones import NonexistentLocalTime, local_dates, local_to_utc, zone_info


@dataclass
class SeriesPlan:
    """The sessions of a series, and the dates left out with the reason (usually a holiday name)."""

    occurrences: list[Slot] = field(default_factory=list)
    skipped: list[tuple[date, str]] = field(default_factory=list)


def _holiday_name(periods: Sequence[HolidayPeriod], days: Sequence[date]) -> str | None:
    for day in days:
        for period in periods:
            if period.contains(day):
                return period.name
    return None


def series_occurrences(
    first_day: date,
    until: date,
    interval_weeks: int,
    paris_wall: time,
    minutes: int,
    paris_zone: str,
    paris_holidays: Sequence[HolidayPeriod] = (),
    partner_holidays: Sequence[HolidayPeriod] = (),
    partner_zone: str | None = None,
) -> SeriesPlan:
    """Sessions on ``first_day`` and every ``interval_weeks`` weeks after, up to ``until`` inclusive.

    A date is skipped, with the holiday's name, when it is a Paris holiday or
    when the session falls on a partner holiday in the partner's local date
    (its start or end date there; with no ``partner_zone`` the Paris date is
    used). A Paris wall time that does not exist on a date (spring-forward
    gap) is skipped with that explanation rather than shifted; one that
    happens twice takes its first occurrence.
    """
    if interval_weeks < 1:
        raise ValueError(
            translate("scheduling", "the interval must be at least one week, not {weeks}").format(weeks=interval_weeks)
        )
    if minutes <= 0:
        raise ValueError(
            translate("scheduling", "the session length must be positive, not {minutes}").format(minutes=minutes)
        )
    if first_day > until:
        raise ValueError(
            translate("scheduling", "the start date {start} is after the end date {end}").format(
                start=first_day.isoformat(), end=until.isoformat()
            )
        )
    zone_info(paris_zone)
    if partner_zone is not None:
        zone_info(partner_zone)

    plan = SeriesPlan()
    length = timedelta(minutes=minutes)
    day = first_day
    while day <= until:
        outcome = _occurrence_or_reason(
            day, paris_wall, length, paris_zone, paris_holidays, partner_holidays, partner_zone
        )
        if isinstance(outcome, str):
            plan.skipped.append((day, outcome))
        else:
            plan.occurrences.append(outcome)
        day += timedelta(weeks=interval_weeks)
    return plan


def _occurrence_or_reason(
    day: date,
    paris_wall: time,
    length: timedelta,
    paris_zone: str,
    paris_holidays: Sequence[HolidayPeriod],
    partner_holidays: Sequence[HolidayPeriod],
    partner_zone: str | None,
) -> Slot | str:
    """The occurrence on ``day``, or why there is none."""
    name = _holiday_name(paris_holidays, [day])
    if name is not None:
        return name
    try:
        start = local_to_utc(day, paris_wall, paris_zone, fold=0)
    except NonexistentLocalTime as gap:
        return str(gap)
    slot = Slot(start, start + length)
    if partner_zone is None:
        partner_days = [day]
    else:
        partner_days = local_dates(slot.start_utc, slot.end_utc, partner_zone)
    name = _holiday_name(partner_holidays, partner_days)
    return slot if name is None else name

