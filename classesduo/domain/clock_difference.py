"""How far apart two schools' clocks are over a school year.

Daylight-saving time starts and ends on different dates on each continent
(and in the opposite season south of the equator), so the difference between
Paris and a partner city changes for a few weeks in spring and autumn. This
module sums that up as a typical difference plus the periods that differ,
e.g. Paris–Montréal in 2026-2027: 6 h behind, except 5 h from 14 to 27 March 2027.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from classesduo.domain.timezones import difference_changes, difference_hours, zone_info


@dataclass(frozen=True, slots=True)
class DifferencePeriods:
    """``hours`` are how far the partner is ahead of Paris (negative: behind)."""

    now_hours: float
    typical_hours: float
    exceptions: tuple[tuple[date, date, float], ...]  # (first day, last day, hours), both inclusive

    @property
    def changes(self) -> bool:
        return bool(self.exceptions)


def difference_periods(paris_zone: str, partner_zone: str, start: date, end: date, now: datetime) -> DifferencePeriods:
    """The difference at ``now`` and its periods over [start, end] (e.g. a school year)."""
    now_hours = difference_hours(paris_zone, partner_zone, now)
    changes = difference_changes(paris_zone, partner_zone, start, end)
    noon = datetime.combine(start, time(12), tzinfo=zone_info(paris_zone))
    first_value = changes[0][1] if changes else difference_hours(paris_zone, partner_zone, noon)
    periods: list[tuple[date, date, float]] = []
    period_start, value = start, first_value
    for day, _before, after in changes:
        if day > period_start:
            periods.append((period_start, day - timedelta(days=1), value))
        period_start, value = day, after
    periods.append((period_start, end, value))
    days: Counter[float] = Counter()
    for first, last, hours in periods:
        days[hours] += (last - first).days + 1
    typical = days.most_common(1)[0][0]
    exceptions = tuple(period for period in periods if period[2] != typical)
    return DifferencePeriods(now_hours, typical, exceptions)
