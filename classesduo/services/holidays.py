"""Holiday data shipped with the app (French zone C) and public holidays from the ``holidays`` package."""

from __future__ import annotations

import csv
from datetime import date
from functools import cache

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.enums import HolidaySource
from classesduo.domain.terms import parse_school_year, school_year_bounds
from classesduo.paths import resources_dir


@cache
def _zone_c_rows() -> tuple[dict[str, str], ...]:
    path = resources_dir() / "data" / "holidays_zone_c.csv"
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return tuple(csv.DictReader(lines))


def zone_c_holidays(school_years: list[str] | None = None) -> list[HolidayPeriod]:
    """Zone C holidays (Paris) for the given school years, or every year in the file."""
    return [
        HolidayPeriod(row["name_fr"], date.fromisoformat(row["start"]), date.fromisoformat(row["end"]),
                      HolidaySource.ZONE_C)
        for row in _zone_c_rows()
        if school_years is None or row["school_year"] in school_years
    ]


def zone_c_school_years() -> list[str]:
    return sorted({row["school_year"] for row in _zone_c_rows()})


def public_holidays(country: str, school_year: str) -> list[HolidayPeriod]:
    """A country's public holidays from the ``holidays`` package, 1 August to 31 July of ``school_year``.

    Each holiday is one day; several names on one day are joined. An unknown
    country gives an empty list (the package covers most, not all).
    """
    import holidays

    first = parse_school_year(school_year)
    try:
        calendar = holidays.country_holidays(country.upper(), years=[first, first + 1])
    except NotImplementedError:
        return []
    start, end = school_year_bounds(school_year)
    return [HolidayPeriod(name, day, day, HolidaySource.PUBLIC)
            for day, name in sorted(calendar.items()) if start <= day <= end]


def merge_filled(existing: list[HolidayPeriod], filled: list[HolidayPeriod]) -> list[HolidayPeriod]:
    """``existing`` without the periods of the filled source that overlap the filled dates, plus ``filled``.

    Filling twice therefore changes nothing, and periods typed by hand are kept.
    """
    if not filled:
        return list(existing)
    source = filled[0].source
    low, high = min(p.start for p in filled), max(p.end for p in filled)
    kept = [p for p in existing if p.source != source or p.end < low or p.start > high]
    keys = {(p.name, p.start, p.end) for p in kept}
    return sorted(kept + [p for p in filled if (p.name, p.start, p.end) not in keys], key=lambda p: (p.start, p.name))
