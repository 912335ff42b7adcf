"""The demo's partner schools' calendars: school years and breaks as each country usually sets them.

For the Paris school year ``first``-``first + 1`` the demo covers (September to
July), every partner school gets the school years that overlap it (two for
schools whose year follows the calendar year or starts in the spring; the year
before and the year after for the others, so the summers around it are closed)
and its usual breaks; the public holidays come by rule. Dates follow each country's
usual pattern (e.g. Buenos Aires city: March to December with two winter weeks
in July; Tokyo: April to March), not a published calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

from classesduo.domain.availability import HolidayPeriod, SchoolYear
from classesduo.domain.enums import HolidaySource

ORIGIN = "demo"


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _break(name: str, start: date, end: date) -> HolidayPeriod:
    return HolidayPeriod(name, start, end, HolidaySource.MANUAL, ORIGIN)


def _year(label: str, first: date, last: date) -> SchoolYear:
    return SchoolYear(label, first, last, ORIGIN)


def _around_easter(year: int, name: str, before: int, after: int) -> HolidayPeriod:
    sunday = easter(year)
    return _break(name, sunday - timedelta(days=before), sunday + timedelta(days=after))


def _calendar_year_school(years: list[int], start: tuple[int, int], end: tuple[int, int],
                          winter: tuple[int, int], winter_name: str) -> tuple[list[SchoolYear], list[HolidayPeriod]]:
    """Southern hemisphere (or Korea): a school year per calendar year and a winter break in July."""
    school_years, breaks = [], []
    for year in years:
        school_years.append(_year(str(year), _weekday_on_or_after(date(year, *start), 0), date(year, *end)))
        first = _weekday_on_or_after(date(year, *winter), 0)
        breaks.append(_break(winter_name, first, first + timedelta(days=11)))
    return school_years, breaks


def demo_partner_calendar(country: str, city: str, first: int) -> tuple[str, list[SchoolYear], list[HolidayPeriod]]:
    """(subdivision, school years, breaks) of a demo partner school for the Paris school year ``first``."""
    both = [first, first + 1]
    if country == "AR":
        years, breaks = _calendar_year_school(both, (3, 1), (12, 18), (7, 15), "Receso invernal")
        return "C", years, breaks
    if country == "KR":
        years = [_year(str(year), _weekday_on_or_after(date(year, 3, 2), 0), date(year + 1, 1, 8)) for year in both]
        breaks = [_break("여름방학", date(year, 7, 22), date(year, 8, 16)) for year in both]
        return "", years, breaks
    if country == "JP":
        years = [_year(f"{year}-{year + 1}", date(year, 4, 6), date(year + 1, 3, 24)) for year in both]
        breaks = []
        for year in both:
            breaks += [_break("夏休み", date(year, 7, 21), date(year, 8, 31)),
                       _break("冬休み", date(year, 12, 26), date(year + 1, 1, 7))]
        return "", years, breaks
    # the years before and after too, so the summers around the demo's year are known to be closed
    years, breaks = [], []
    for year in (first - 1, first, first + 1):
        subdivision, more_years, more_breaks = _northern(country, city, year)
        years += more_years
        breaks += more_breaks
    return subdivision, years, breaks


def _northern(country: str, city: str, first: int) -> tuple[str, list[SchoolYear], list[HolidayPeriod]]:
    """A school year from September (or August, October) to June or July, with its usual breaks."""
    nxt = first + 1
    label = f"{first}-{nxt}"
    if country == "CA":
        years = [_year(label, date(first, 8, 27), date(nxt, 6, 22))]
        breaks = [_break("Vacances des Fêtes", date(first, 12, 23), date(nxt, 1, 5)),
                  _break("Semaine de relâche", _weekday_on_or_after(date(nxt, 3, 1), 0),
                         _weekday_on_or_after(date(nxt, 3, 1), 0) + timedelta(days=6))]
        return "QC", years, breaks
    if country == "SN":
        years = [_year(label, date(first, 10, 5), date(nxt, 7, 31))]
        breaks = [_break("Vacances de Noël", date(first, 12, 24), date(nxt, 1, 3)),
                  _around_easter(nxt, "Vacances de Pâques", 6, 8)]
        return "", years, breaks
    if country == "ES":
        years = [_year(label, date(first, 9, 8), date(nxt, 6, 19))]
        breaks = [_break("Vacaciones de Navidad", date(first, 12, 23), date(nxt, 1, 7)),
                  _around_easter(nxt, "Semana Santa", 9, 1)]
        return "MD", years, breaks
    if country == "MX":
        years = [_year(label, _weekday_on_or_after(date(first, 8, 31), 0), date(nxt, 7, 15))]
        breaks = [_break("Vacaciones de invierno", date(first, 12, 21), date(nxt, 1, 6)),
                  _around_easter(nxt, "Semana Santa", 7, 7)]
        return "", years, breaks
    if country == "IT":
        years = [_year(label, date(first, 9, 14), date(nxt, 6, 8))]
        breaks = [_break("Vacanze di Natale", date(first, 12, 23), date(nxt, 1, 6)),
                  _around_easter(nxt, "Vacanze di Pasqua", 3, 2)]
        return "", years, breaks
    if country == "US":
        tennessee = city == "Knoxville"
        years = [_year(label, date(first, 8, 5) if tennessee else date(first, 8, 17),
                       date(nxt, 5, 21) if tennessee else date(nxt, 6, 2))]
        spring = _weekday_on_or_after(date(nxt, 3, 15) if tennessee else date(nxt, 3, 29), 0)
        breaks = [_break("Winter break", date(first, 12, 19) if tennessee else date(first, 12, 21), date(nxt, 1, 5)),
                  _break("Spring break", spring, spring + timedelta(days=6))]
        return ("TN" if tennessee else "CA"), years, breaks
    if country == "CI":
        years = [_year(label, date(first, 9, 14), date(nxt, 6, 30))]
        breaks = [_break("Congés de Noël", date(first, 12, 19), date(nxt, 1, 4)),
                  _around_easter(nxt, "Congés de Pâques", 6, 8)]
        return "", years, breaks
    # any other country: a northern-hemisphere year with a Christmas break
    years = [_year(label, date(first, 9, 7), date(nxt, 6, 30))]
    return "", years, [_break("Winter break", date(first, 12, 21), date(nxt, 1, 2))]
