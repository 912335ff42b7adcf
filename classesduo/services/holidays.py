"""Holiday data shipped with the app (French zone C) and public holidays from the ``holidays`` package."""

from __future__ import annotations

import csv
from datetime import date
from functools import cache

from classesduo.domain.availability import HolidayPeriod
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
        HolidayPeriod(row["name_fr"], date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
        for row in _zone_c_rows()
        if school_years is None or row["school_year"] in school_years
    ]


def zone_c_school_years() -> list[str]:
    return sorted({row["school_year"] for row in _zone_c_rows()})
