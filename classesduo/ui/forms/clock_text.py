"""Sentences about two schools' clocks: local time now, the difference, and when it changes."""

from __future__ import annotations

from datetime import date, datetime

from classesduo.domain.clock_difference import DifferencePeriods, difference_periods
from classesduo.domain.scheduling import format_hours
from classesduo.domain.terms import default_terms
from classesduo.ui.formatting import format_date, format_time
from classesduo.ui.qt import translate


def _amount(hours: float) -> str:
    """"6 h behind", "1 h 30 ahead", "the same time"."""
    if hours > 0:
        return translate("ClockText", "{hours} ahead").format(hours=format_hours(hours))
    if hours < 0:
        return translate("ClockText", "{hours} behind").format(hours=format_hours(hours))
    return translate("ClockText", "the same time")


def _relation(city: str, hours: float) -> str:
    if hours > 0:
        return translate("ClockText", "{city} is {hours} ahead of Paris").format(city=city, hours=format_hours(hours))
    if hours < 0:
        return translate("ClockText", "{city} is {hours} behind Paris").format(city=city, hours=format_hours(hours))
    return translate("ClockText", "{city} has the same time as Paris").format(city=city)


def _span(first: date, last: date) -> str:
    return translate("ClockText", "from {start} to {end}").format(start=format_date(first), end=format_date(last))


def describe_periods(city: str, school_year: str, periods: DifferencePeriods) -> str:
    sentence = _relation(city, periods.now_hours) + translate("ClockText", " now.")
    if not periods.changes:
        return sentence + " " + translate("ClockText", "The difference stays the same all through {year}.").format(
            year=school_year)
    parts = [translate("ClockText", "{hours} {span}").format(hours=_amount(hours), span=_span(first, last))
             for first, last, hours in periods.exceptions]
    return sentence + " " + translate(
        "ClockText", "In {year} it is usually {hours}, but {exceptions} (daylight-saving time starts and ends "
                     "on different dates in each country).").format(year=school_year, hours=_amount(periods.typical_hours),
                                             exceptions="; ".join(parts))


def clock_summary(paris_zone: str, partner_zone: str, city: str, school_year: str, now: datetime) -> str:
    """E.g. "Paris 13:05 · Montréal 07:05. Montréal is 6 h behind Paris now. In 2026-2027 it is usually 6 h, but…"."""
    terms = default_terms(school_year)
    periods = difference_periods(paris_zone, partner_zone, terms[0].start, terms[-1].end, now)
    clocks = translate("ClockText", "Local time now: Paris {paris} · {city} {partner}.").format(
        paris=format_time(now, paris_zone), city=city, partner=format_time(now, partner_zone))
    return clocks + "\n" + describe_periods(city, school_year, periods)
