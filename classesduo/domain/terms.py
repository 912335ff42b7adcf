"""School years and terms ("trimestres").

A school year is named ``"2026-2027"``; its terms are numbered 1 to 3 and by
default run September–December, January–March and April–early July.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable
from datetime import date

_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True, slots=True)
class TermDates:
    school_year: str
    number: int
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.school_year}/{self.number}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def parse_school_year(text: str) -> int:
    """Return the first calendar year of ``"2026-2027"``; raise ValueError otherwise."""
    match = _YEAR_RE.match(text.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValueError(f"not a school year (expected e.g. 2026-2027): {text!r}")
    return int(match.group(1))


def school_year_bounds(school_year: str) -> tuple[date, date]:
    """1 August to 31 July: the school year as the app counts it (terms, holidays, consent, retention)."""
    first = parse_school_year(school_year)
    return date(first, 8, 1), date(first + 1, 7, 31)


def school_year_of(day: date) -> str:
    """The school year a date belongs to; it turns over on 1 August."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def previous_school_year(school_year: str) -> str:
    first = parse_school_year(school_year)
    return f"{first - 1}-{first}"


def default_terms(school_year: str) -> list[TermDates]:
    first = parse_school_year(school_year)
    return [
        TermDates(school_year, 1, date(first, 9, 1), date(first, 12, 31)),
        TermDates(school_year, 2, date(first + 1, 1, 1), date(first + 1, 3, 31)),
        TermDates(school_year, 3, date(first + 1, 4, 1), date(first + 1, 7, 10)),
    ]


def with_default_terms(stored: Iterable[TermDates], school_years: Iterable[str] = ()) -> list[TermDates]:
    """The stored terms plus the default ones of each of ``school_years`` that has none stored, by start date."""
    terms = list(stored)
    known = {term.school_year for term in terms}
    for year in sorted(set(school_years) - known):
        terms += default_terms(year)
    return sorted(terms, key=lambda term: (term.start, term.end))


def terms_of_year(school_year: str, stored: Iterable[TermDates] = ()) -> list[TermDates]:
    """The terms of ``school_year``: the stored ones, else the defaults (in order)."""
    return [term for term in with_default_terms(stored, [school_year]) if term.school_year == school_year]


def first_school_day(school_year: str, stored: Iterable[TermDates] = ()) -> date:
    """When the school year's teaching starts: the first day of its first term."""
    return terms_of_year(school_year, stored)[0].start


def last_school_day(school_year: str, stored: Iterable[TermDates] = ()) -> date:
    """When the school year's teaching ends: the last day of its last term (a series stops there)."""
    return max(term.end for term in terms_of_year(school_year, stored))


def parse_term_label(label: str) -> tuple[str, int]:
    """Split ``"2026-2027/1"`` into its school year and term number."""
    year, sep, number = label.partition("/")
    if not sep or number not in {"1", "2", "3"}:
        raise ValueError(f"not a term (expected e.g. 2026-2027/1): {label!r}")
    parse_school_year(year)
    return year.strip(), int(number)


def validate_term_dates(school_year: str, number: int, start: date, end: date,
                        others: list[TermDates]) -> list[tuple[str, str]]:
    """Problems with a term's new dates as ``(field, message)``: order, school year, overlap with its siblings."""
    from classesduo.domain.i18n import translate

    problems: list[tuple[str, str]] = []
    if end < start:
        problems.append(("end", translate("terms", "The term ends before it starts.")))
    year_start, year_end = school_year_bounds(school_year)
    for field, day in (("start", start), ("end", end)):
        if not year_start <= day <= year_end:
            problems.append((field, translate("terms", "{day} is outside the school year {year} (1 August to 31 July).")
                             .format(day=day.isoformat(), year=school_year)))
    for other in others:
        if other.number != number and other.school_year == school_year and start <= other.end and other.start <= end:
            problems.append(("start", translate("terms", "These dates overlap term {number} ({start} to {end}).")
                             .format(number=other.number, start=other.start.isoformat(), end=other.end.isoformat())))
    return problems


def year_label(day: date, start_month: int) -> str:
    """The name of the school year ``day`` falls in, for a school whose years start in ``start_month``.

    ``start_month`` 1 means school years named by one calendar year (Chile,
    Argentina, Australia: March to December is "2027"); otherwise a year
    turning over in that month is named "2027-2028" (Paris turns over on
    1 August, Japan in April, Korea in March).
    """
    if start_month <= 1:
        return str(day.year)
    first = day.year if day.month >= start_month else day.year - 1
    return f"{first}-{first + 1}"


def next_year_label(label: str, by: int = 1) -> str:
    """The year ``by`` years after (or before) a label made by :func:`year_label`: "2027" → "2028"."""
    if "-" in label:
        first = parse_school_year(label) + by
        return f"{first}-{first + 1}"
    return str(int(label) + by)
