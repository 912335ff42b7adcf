"""The calendar rule: a school's closed days (zone C, public holidays, own breaks, school years) and unknown years."""

from __future__ import annotations

import csv
from datetime import date, time

import pytest

from classesduo.domain.availability import HolidayPeriod, SchoolYear, WeeklyWindow, default_windows
from classesduo.domain.enums import HolidaySource, Side
from classesduo.domain.public_holidays import public_holidays, subdivisions
from classesduo.domain.scheduling import find_slots
from classesduo.domain.school_calendar import describe_closure, describe_unknown
from classesduo.paths import resources_dir
from classesduo.services.holidays import calendar_of, zone_c


def paris(own: list[HolidayPeriod] | None = None):  # noqa: ANN201
    return calendar_of(Side.PARIS, "Europe/Paris", "FR", "", default_windows(Side.PARIS), own or [], [])


def partner(country: str, zone: str, years: list[SchoolYear] | None = None, subdivision: str = "",
            own: list[HolidayPeriod] | None = None):  # noqa: ANN201
    return calendar_of(Side.PARTNER, zone, country, subdivision, default_windows(Side.PARTNER), own or [],
                       years or [])


def test_a_paris_school_with_nothing_stored_is_closed_on_french_public_holidays() -> None:
    calendar = paris()
    for day, name in ((date(2026, 5, 1), "Fête du Travail"), (date(2026, 5, 8), "Fête de la Victoire"),
                      (date(2026, 5, 14), "Ascension"), (date(2026, 5, 25), "Lundi de Pentecôte"),
                      (date(2026, 7, 14), "Fête nationale"), (date(2026, 11, 11), "Armistice")):
        (closure,) = [c for c in calendar.closures_on(day) if c.source is HolidaySource.PUBLIC]
        assert closure.name == name
        assert closure.origin.endswith(", FR")
    assert calendar.closures_on(date(2026, 5, 12)) == []


def test_the_finder_never_offers_victoire_1945_to_a_paris_school() -> None:
    """Friday 8 May 2026 was offered to the Batignolles ↔ Roma duo: public holidays were never excluded."""
    rome = partner("IT", "Europe/Rome", [SchoolYear("2025-2026", date(2025, 9, 15), date(2026, 6, 8))])
    days = {slot.local("Europe/Paris")[0].date() for slot in find_slots(paris(), rome, date(2026, 5, 1),
                                                                        date(2026, 5, 31))}
    assert date(2026, 5, 8) not in days and date(2026, 5, 5) in days  # Tuesday 5 May is a school day


def test_zone_c_comes_by_rule_with_its_source_and_checked_date() -> None:
    (closure,) = paris().closures_on(date(2026, 10, 20))
    assert closure.name == "Vacances de la Toussaint" and closure.source is HolidaySource.ZONE_C
    assert "education.gouv.fr" in closure.origin and "checked 2026-12-03" in closure.origin
    assert "French zone C school calendar" in describe_closure(closure, "École Buffon, Paris")


def test_the_shipped_2026_2027_rows_are_the_published_calendar() -> None:
    """Published: Toussaint 17 Oct–2 Nov 2026, Noël 19 Dec–4 Jan, hiver 6–22 Feb, printemps 3–19 Apr 2027,
    été from 3 July 2027 (the date given last is the day classes resume)."""
    with (resources_dir() / "data" / "holidays_zone_c.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))
                if row["school_year"] == "2026-2027"]
    assert all(row["verified"] == "yes" and row["checked"] for row in rows)
    days = {row["name_fr"]: (row["start"], row["end"]) for row in rows}
    assert days["Vacances de la Toussaint"] == ("2026-10-17", "2026-11-01")
    assert days["Vacances de Noël"] == ("2026-12-19", "2027-01-03")
    assert days["Vacances d'hiver"] == ("2027-02-06", "2027-02-21")
    assert days["Vacances de printemps"] == ("2027-04-03", "2027-04-18")
    assert days["Vacances d'été"][0] == "2027-07-03"
    assert zone_c().school_years == ("2025-2026", "2026-2027")


def test_a_school_year_not_shipped_is_known_to_be_unknown() -> None:
    calendar = paris()
    assert calendar.unknown_on(date(2027, 11, 2)) == "2027-2028"  # Toussaint 2027: not published here
    assert calendar.unknown_on(date(2027, 12, 24)) == "2027-2028"
    assert calendar.unknown_on(date(2027, 8, 20)) is None  # still the 2026-2027 summer
    assert calendar.unknown_on(date(2026, 11, 2)) is None
    assert calendar.closures_on(date(2027, 11, 1))[0].source is HolidaySource.PUBLIC  # still a public holiday
    assert calendar.unknown_between(date(2027, 8, 30), date(2027, 9, 2)) == [
        (date(2027, 9, 1), date(2027, 9, 2), "2027-2028")]


def test_the_schools_own_closures_add_to_the_rule() -> None:
    trip = HolidayPeriod("Classe verte", date(2027, 3, 15), date(2027, 3, 19))
    calendar = paris([trip])
    assert calendar.closures_on(date(2027, 3, 16)) == [trip]
    assert HolidaySource.PUBLIC in {c.source for c in calendar.closures_on(date(2027, 5, 8))}


def test_public_holidays_follow_the_country_and_its_subdivision() -> None:
    quebec = {p.start: p.name for p in public_holidays("CA", "QC", 2027)}
    ontario = {p.start: p.name for p in public_holidays("CA", "ON", 2027)}
    assert date(2027, 6, 24) in quebec and date(2027, 6, 24) not in ontario  # la Saint-Jean
    assert "C" in subdivisions("AR")  # Buenos Aires city
    seoul = partner("KR", "Asia/Seoul", [SchoolYear("2027", date(2027, 3, 2), date(2028, 1, 8))])
    assert [p.source for p in seoul.closures_on(date(2027, 3, 1))] == [HolidaySource.PUBLIC]  # Samiljeol
    assert public_holidays("ZZ", "", 2027) == ()
    assert public_holidays("CA", "XX", 2027) == ()


def test_partner_school_years_close_the_days_between_them_and_leave_the_rest_unknown() -> None:
    years = [SchoolYear("2026", date(2026, 3, 2), date(2026, 12, 18)),
             SchoolYear("2027", date(2027, 3, 1), date(2027, 12, 17))]
    santiago = partner("CL", "America/Santiago", years)
    (summer,) = santiago.closures_on(date(2027, 1, 15))
    assert summer.source is HolidaySource.SCHOOL_YEAR and "2026" in summer.name and "2027" in summer.name
    assert santiago.unknown_on(date(2027, 1, 15)) is None
    assert santiago.unknown_on(date(2027, 12, 20)) == "2028"  # after the 2027 year: the next one is unknown
    assert santiago.unknown_on(date(2028, 2, 1)) == "2028"
    assert santiago.unknown_on(date(2026, 2, 27)) == "2025"  # before the first known year
    only_2026 = partner("CL", "America/Santiago", years[:1])
    assert only_2026.unknown_on(date(2027, 1, 15)) == "2027"  # the summer's end is not known without 2027
    assert describe_unknown("Colegio X, Santiago", "2027") == \
        "Colegio X, Santiago: school holidays for 2027 are unknown — add them"


def test_a_partner_school_without_school_years_is_unknown_everywhere() -> None:
    calendar = partner("CL", "America/Santiago")
    assert calendar.unknown_on(date(2027, 1, 15)) == "2027"
    assert partner("FR", "Europe/Paris").unknown_on(date(2027, 1, 15)) == "2026-2027"


def test_years_far_apart_leave_the_gap_unknown() -> None:
    years = [SchoolYear("2026", date(2026, 3, 2), date(2026, 12, 18)),
             SchoolYear("2028", date(2028, 3, 1), date(2028, 12, 15))]
    calendar = partner("AR", "America/Argentina/Buenos_Aires", years)
    assert calendar.unknown_on(date(2027, 6, 1)) == "2027"
    assert calendar.closures_on(date(2027, 6, 1)) == []


@pytest.mark.parametrize(("country", "zone", "years", "day", "label"), [
    ("JP", "Asia/Tokyo", [SchoolYear("2026-2027", date(2026, 4, 6), date(2027, 3, 24))], date(2027, 4, 12),
     "2027-2028"),
    ("KR", "Asia/Seoul", [], date(2027, 4, 12), "2027-2028"),
    ("AR", "America/Argentina/Buenos_Aires", [], date(2027, 4, 12), "2027"),
])
def test_unknown_years_are_named_the_way_the_school_names_its_years(country, zone, years, day, label) -> None:  # noqa: ANN001
    assert partner(country, zone, years).unknown_on(day) == label


def test_own_breaks_close_the_partner_school() -> None:
    years = [SchoolYear("2027", date(2027, 3, 1), date(2027, 12, 17))]
    winter = HolidayPeriod("Receso invernal", date(2027, 7, 19), date(2027, 7, 30), HolidaySource.IMPORTED, "x.ics")
    calendar = partner("AR", "America/Argentina/Buenos_Aires", years, "C", [winter])
    assert calendar.closures_on(date(2027, 7, 20)) == [winter]
    assert calendar.closed_days(date(2027, 7, 18), date(2027, 7, 31)) >= {date(2027, 7, 19), date(2027, 7, 30)}
    assert WeeklyWindow(0, time(8), time(9)).minutes == 60
