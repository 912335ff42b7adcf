"""The shipped French zone C calendar, and each school's calendar by the rule of
:mod:`classesduo.domain.school_calendar` (the one place a school's closed days are decided)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from functools import cache

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.domain.entities import School
from classesduo.domain.enums import HolidaySource, Side
from classesduo.domain.school_calendar import (ZONE_C_CHECKED, ZONE_C_UNCHECKED, SchoolYear, ShippedCalendar,
                                               school_calendar)
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.paths import resources_dir

ZONE_C_FILE = "holidays_zone_c.csv"


@cache
def _zone_c_file() -> tuple[tuple[dict[str, str], ...], dict[str, str]]:
    path = resources_dir() / "data" / ZONE_C_FILE
    notes: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        lines = []
        for line in handle:
            if line.startswith("#"):
                key, sep, value = line[1:].partition(":")
                if sep and key.strip() in {"source"}:
                    notes[key.strip()] = value.strip()
            else:
                lines.append(line)
        return tuple(csv.DictReader(lines)), notes


@cache
def zone_c() -> ShippedCalendar:
    """The shipped zone C calendar: its holidays, the school years it covers, its source and checked date."""
    rows, notes = _zone_c_file()
    checked = max((row["checked"] for row in rows if row.get("checked")), default="")
    source = notes.get("source", "")
    periods = tuple(
        HolidayPeriod(row["name_fr"], date.fromisoformat(row["start"]), date.fromisoformat(row["end"]),
                      HolidaySource.ZONE_C,
                      ZONE_C_CHECKED.format(source=source, day=row["checked"])
                      if row.get("verified") == "yes" and row.get("checked")
                      else ZONE_C_UNCHECKED.format(source=source))
        for row in rows)
    return ShippedCalendar(periods, tuple(sorted({row["school_year"] for row in rows})), source, checked)


def calendar_of(side: Side, zone: str, country: str, subdivision: str, windows: Sequence[WeeklyWindow],
                own: Sequence[HolidayPeriod], years: Sequence[SchoolYear]) -> SchoolCalendar:
    """A school's calendar: the domain rule fed with the shipped zone C calendar."""
    return school_calendar(zone, windows, side, country, subdivision, own, years, zone_c())


def calendar_of_school(school: School) -> SchoolCalendar:
    return calendar_of(school.side, school.timezone, school.country, school.subdivision, school.windows,
                       school.holidays, school.school_years)
