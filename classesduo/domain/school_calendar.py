"""A school's closed days, and what is not known about them: the one rule.

- A **Paris** school is closed on the French zone C school holidays (the
  calendar shipped with the app, with its source and the date it was checked),
  on French public holidays (``holidays``, FR) and on its own closures. Its
  calendar is known for the school years the shipped file covers.
- A **partner** school is closed on its country's public holidays (and its
  subdivision's, where ``holidays`` has them: Buenos Aires city, Québec…), on
  its own school breaks, and between its school years (e.g. the Chilean summer
  from December to March). Its calendar is known within the school years it
  has (first and last day of each) and between two consecutive ones.

The rule is applied when calendars are read (:func:`school_calendar`): nothing
of the shipped calendar or of the public holidays is copied into a school, so
a corrected file or a newer ``holidays`` reaches every school at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta

from classesduo.domain.availability import HolidayPeriod, SchoolYear, WeeklyWindow
from classesduo.domain.enums import HolidaySource, Side
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.domain.terms import school_year_bounds
from classesduo.domain.timezones import utc_to_local

#: Two school years further apart than this leave the time between them unknown, not closed.
LONGEST_BREAK_BETWEEN_YEARS = timedelta(days=120)

#: Where school years usually turn over, for naming a year nobody entered yet (see terms.year_label):
#: 1 = years named by a calendar year (southern hemisphere), else the month they start in.
SCHOOL_YEAR_START_MONTH = {
    "AR": 1, "AU": 1, "BO": 1, "BR": 1, "CL": 1, "NZ": 1, "PE": 1, "PY": 1, "UY": 1, "ZA": 1,
    "JP": 4, "KR": 3, "FR": 8,
}


@dataclass(frozen=True)
class ShippedCalendar:
    """The French zone C school holidays shipped with the app, for the school years it covers."""

    periods: tuple[HolidayPeriod, ...]
    school_years: tuple[str, ...]
    source: str
    checked: str

    def known_ranges(self) -> tuple[tuple[date, date], ...]:
        """Each covered school year (1 August to 31 July) and the holidays that run past it (the summer)."""
        ranges = [school_year_bounds(year) for year in self.school_years]
        ranges += [(period.start, period.end) for period in self.periods]
        return tuple(merge_ranges(ranges))


def merge_ranges(ranges: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def year_start_month(country: str, years: Sequence[SchoolYear]) -> int:
    """How this school's years are named: from its latest school year, else from its country's habit."""
    if years:
        latest = max(years, key=lambda year: year.first_day)
        return 1 if latest.first_day.year == latest.last_day.year else latest.first_day.month
    return SCHOOL_YEAR_START_MONTH.get(country.upper(), 8)


def between_years(years: Sequence[SchoolYear]) -> tuple[list[HolidayPeriod], list[tuple[date, date]]]:
    """The breaks between consecutive school years (closed) and the ranges known thanks to the years."""
    ordered = sorted(years, key=lambda year: year.first_day)
    closed: list[HolidayPeriod] = []
    known: list[tuple[date, date]] = [(year.first_day, year.last_day) for year in ordered]
    for before, after in zip(ordered, ordered[1:], strict=False):
        first, last = before.last_day + timedelta(days=1), after.first_day - timedelta(days=1)
        if first <= last and last - first <= LONGEST_BREAK_BETWEEN_YEARS:
            closed.append(HolidayPeriod(
                translate("calendar", "Between school years {before} and {after}").format(
                    before=before.label, after=after.label),
                first, last, HolidaySource.SCHOOL_YEAR, after.origin or before.origin))
            known.append((first, last))
    return closed, merge_ranges(known)


def school_calendar(zone: str, windows: Sequence[WeeklyWindow], side: Side, country: str, subdivision: str,
                    own: Sequence[HolidayPeriod], years: Sequence[SchoolYear],
                    zone_c: ShippedCalendar) -> SchoolCalendar:
    """A school's calendar by the rule of this module (``own``: the closures stored for the school)."""
    own_periods = sorted(own, key=lambda period: (period.start, period.end, period.name))
    if side is Side.PARIS:
        return SchoolCalendar(zone, sorted(windows, key=_window_key), tuple(zone_c.periods) + tuple(own_periods),
                              public=("FR", ""), known=zone_c.known_ranges(), year_start_month=8,
                              known_years=zone_c.school_years)
    closed, known = between_years(years)
    country = country.strip().upper()
    return SchoolCalendar(zone, sorted(windows, key=_window_key),
                          tuple(sorted(own_periods + closed, key=lambda p: (p.start, p.end, p.name))),
                          public=(country, subdivision.strip().upper()) if country else None, known=tuple(known),
                          year_start_month=year_start_month(country, years),
                          known_years=tuple(_label_of(year, years) for year in years))


def _label_of(year: SchoolYear, years: Sequence[SchoolYear]) -> str:
    """A stored school year under the name :func:`~classesduo.domain.terms.year_label` would give it."""
    from classesduo.domain.terms import year_label

    return year_label(year.first_day, year_start_month("", years))


def _window_key(window: WeeklyWindow) -> tuple:
    return (window.weekday, window.start, window.end)


def source_label(source: HolidaySource) -> str:
    return {HolidaySource.ZONE_C: translate("calendar", "French zone C school calendar"),
            HolidaySource.PUBLIC: translate("calendar", "public holiday"),
            HolidaySource.MANUAL: translate("calendar", "entered for the school"),
            HolidaySource.IMPORTED: translate("calendar", "imported for the school"),
            HolidaySource.SCHOOL_YEAR: translate("calendar", "outside the school's school years")}[source]


#: How the shipped zone C rows name their origin (kept in English in data: JSON, bundles); shown translated.
ZONE_C_CHECKED = "{source}, checked {day}"
ZONE_C_UNCHECKED = "{source}, not yet checked"
_CHECKED = re.compile(r"^(?P<source>.*), checked (?P<day>\d{4}-\d{2}-\d{2})$")
_UNCHECKED_SUFFIX = ", not yet checked"


def origin_text(period: HolidayPeriod) -> str:
    """A closure's origin in the user's language (the zone C file's "checked" date; other origins as stored)."""
    if period.source is HolidaySource.ZONE_C:
        if match := _CHECKED.match(period.origin):
            return translate("calendar", "{source}, checked {day}").format(**match.groupdict())
        if period.origin.endswith(_UNCHECKED_SUFFIX):
            return translate("calendar", "{source}, not yet checked").format(
                source=period.origin.removesuffix(_UNCHECKED_SUFFIX))
    return period.origin


def closure_source(period: HolidayPeriod) -> str:
    """Which source closes a day, e.g. "public holiday (holidays 0.109, FR)"."""
    source = source_label(period.source)
    return f"{source} ({origin_text(period)})" if period.origin else source


def describe_closure(period: HolidayPeriod, school: str) -> str:
    """Why a day is left out, e.g. "Fête de la Victoire — École X, Paris: public holiday (holidays 0.109, FR)"."""
    return translate("calendar", "{name} — {school}: {source}").format(name=period.name, school=school,
                                                                       source=closure_source(period))


@dataclass(frozen=True, slots=True)
class CalendarNote:
    """A stretch of days a search leaves out (``closed``, with its reason) or cannot vouch for (``unknown``)."""

    first: date
    last: date
    side: Side
    kind: str  # "closed" or "unknown"
    text: str
    year: str = ""

    def as_json(self) -> dict[str, str]:
        return {"first_day": self.first.isoformat(), "last_day": self.last.isoformat(), "side": self.side.value,
                "kind": self.kind, "school_year": self.year, "message": self.text}


def calendar_notes(paris: SchoolCalendar, paris_name: str, partner: SchoolCalendar, partner_name: str,
                   start: date, end: date) -> list[CalendarNote]:
    """What both schools' calendars take out of [start, end] and what they do not know, side by side.

    Closures are listed only when they fall on a day the school has hours (a
    Sunday public holiday leaves nothing out), clipped to the range.
    """
    notes = []
    for side, calendar, name in ((Side.PARIS, paris, paris_name), (Side.PARTNER, partner, partner_name)):
        for first, last, period, year in _side_stretches(calendar, start, end):
            if period is not None:
                notes.append(CalendarNote(first, last, side, "closed", describe_closure(period, name)))
            else:
                notes.append(CalendarNote(first, last, side, "unknown", describe_unknown(name, year), year))
    return sorted(notes, key=lambda note: (note.kind != "unknown", note.first, note.side is not Side.PARIS,
                                           note.text))


@lru_cache(maxsize=4096)
def _side_stretches(calendar: SchoolCalendar, start: date,
                    end: date) -> tuple[tuple[date, date, HolidayPeriod | None, str], ...]:
    """One school's closures (on days it has hours) and unknown stretches, memoised: duos share schools."""
    found: list[tuple[date, date, HolidayPeriod | None, str]] = []
    weekdays = {window.weekday for window in calendar.windows if window.end > window.start}
    for period in calendar.closures_between(start, end):
        first, last = max(period.start, start), min(period.end, end)
        if any((first + timedelta(days=offset)).weekday() in weekdays
               for offset in range(min(7, (last - first).days + 1))):
            found.append((first, last, period, ""))
    found += [(first, last, None, year) for first, last, year in calendar.unknown_between(start, end)]
    return tuple(found)


def unknown_flags(paris: SchoolCalendar, paris_name: str, partner: SchoolCalendar, partner_name: str,
                  start_utc: datetime) -> list[str]:
    """The unknown-calendar flags of a visio starting at ``start_utc`` (each school's own local date)."""
    flags = []
    for calendar, name in ((paris, paris_name), (partner, partner_name)):
        year = calendar.unknown_on(utc_to_local(start_utc, calendar.zone).date())
        if year is not None:
            flags.append(describe_unknown(name, year))
    return flags


def describe_unknown(school: str, year: str) -> str:
    """The flag for a date whose calendar is unknown."""
    return translate("calendar", "{school}: school holidays for {year} are unknown — add them").format(
        school=school, year=year)


__all__ = ["CalendarNote", "SchoolYear", "ShippedCalendar", "between_years", "calendar_notes", "closure_source",
           "describe_closure", "origin_text",
           "describe_unknown",
           "school_calendar", "source_label", "unknown_flags", "year_start_month"]
