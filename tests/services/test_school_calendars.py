"""A partner school's own calendar: entered, imported from CSV or .ics (all or nothing), removed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from classesduo.domain.availability import default_windows
from classesduo.domain.entities import School
from classesduo.domain.enums import HolidaySource, Side
from classesduo.domain.validation import ValidationError
from classesduo.services import schools
from classesduo.services.errors import NotFoundError, ServiceError
from classesduo.services.school_calendars import (
    CalendarFileError,
    add_break,
    add_school_year,
    find_school,
    import_calendar,
    remove_break,
    remove_school_year,
    unknown_schools,
)
from classesduo.services.holidays import calendar_of_school
from classesduo.services.workspace import Workspace


def _santiago(workspace: Workspace) -> School:
    return schools.save_school(workspace.db, School(
        name="Colegio X", side=Side.PARTNER, city="Santiago", country="CL", timezone="America/Santiago",
        languages=["es"], windows=default_windows(Side.PARTNER)))


GOOD_CSV = """kind;name;first_day;last_day
school_year;2026;2026-03-02;2026-12-18
school_year;2027;2027-03-01;2027-12-17
break;Vacaciones de invierno;2027-07-12;2027-07-23
break;Fiestas Patrias;17/09/2027;20/09/2027
"""

GOOD_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Colegio X//Calendario//ES
X-WR-TIMEZONE:America/Santiago
BEGIN:VEVENT
UID:1@colegio
SUMMARY:Vacaciones de invierno
DTSTART;VALUE=DATE:20270712
DTEND;VALUE=DATE:20270724
END:VEVENT
BEGIN:VEVENT
UID:2@colegio
SUMMARY:Día del profesor
DTSTART;VALUE=DATE:20271016
END:VEVENT
BEGIN:VEVENT
UID:3@colegio
SUMMARY:Semana de la chilenidad
DTSTART;TZID=America/Santiago:20270915T080000
DTEND;TZID=America/Santiago:20270920T180000
END:VEVENT
BEGIN:VEVENT
UID:4@colegio
SUMMARY:Reunión de apoderados
DTSTART;TZID=America/Santiago:20270405T190000
DTEND;TZID=America/Santiago:20270405T203000
END:VEVENT
END:VCALENDAR
"""


def test_a_good_csv_adds_school_years_and_breaks_and_a_second_import_adds_nothing(workspace: Workspace,
                                                                                   tmp_path: Path) -> None:
    school = _santiago(workspace)
    path = tmp_path / "calendario.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    result = import_calendar(workspace.db, school.id, path)
    assert [y.label for y in result.school_years] == ["2026", "2027"] and len(result.breaks) == 2
    stored = schools.get_school(workspace.db, school.id)
    assert [(y.label, y.first_day, y.origin) for y in stored.school_years] == [
        ("2026", date(2026, 3, 2), "calendario.csv"), ("2027", date(2027, 3, 1), "calendario.csv")]
    assert {(p.name, p.start, p.end, p.source) for p in stored.holidays} == {
        ("Vacaciones de invierno", date(2027, 7, 12), date(2027, 7, 23), HolidaySource.IMPORTED),
        ("Fiestas Patrias", date(2027, 9, 17), date(2027, 9, 20), HolidaySource.IMPORTED)}
    calendar = calendar_of_school(stored)
    assert calendar.closures_on(date(2027, 1, 20))[0].source is HolidaySource.SCHOOL_YEAR  # the summer
    assert calendar.unknown_on(date(2027, 1, 20)) is None and calendar.unknown_on(date(2028, 1, 20)) == "2028"
    again = import_calendar(workspace.db, school.id, path)
    assert again.breaks == [] and again.school_years == [] and again.unchanged == 4


@pytest.mark.parametrize(("text", "where"), [
    ("kind;name;first_day;last_day\nbreak;Invierno;2027-07-12;2027-07-23\nbreak;Septiembre;2027-09-31;2027-09-20\n",
     "calendario.csv: line 3: first_day"),
    ("kind;name;first_day;last_day\nbreak;Invierno;2027-07-12;2027-07-23\nvacation;Otro;2027-08-01;2027-08-02\n",
     "calendario.csv: line 3: kind"),
    ("kind;name;first_day;last_day\nbreak;Invierno;2027-07-23;2027-07-12\n", "calendario.csv: line 2: last_day"),
    ("kind;name;first_day\nbreak;Invierno;2027-07-12\n", "calendario.csv: line 1: missing column(s) last_day"),
    ("kind;name;first_day;last_day\nschool_year;2027;2027-03-01;2027-12-17\nschool_year;2028;2027-12-01;2028-12-15\n",
     "overlap"),
])
def test_a_bad_csv_line_is_named_and_nothing_is_written(workspace: Workspace, tmp_path: Path, text: str,
                                                        where: str) -> None:
    school = _santiago(workspace)
    path = tmp_path / "calendario.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ServiceError, match=re.escape(where)):
        import_calendar(workspace.db, school.id, path)
    stored = schools.get_school(workspace.db, school.id)
    assert stored.holidays == [] and stored.school_years == []


def test_an_ics_file_gives_named_breaks_from_all_day_and_multi_day_events(workspace: Workspace,
                                                                          tmp_path: Path) -> None:
    school = _santiago(workspace)
    path = tmp_path / "colegio.ics"
    path.write_text(GOOD_ICS.replace("\n", "\r\n"), encoding="utf-8")
    result = import_calendar(workspace.db, school.id, path)
    assert [(p.name, p.start, p.end) for p in result.breaks] == [
        ("Vacaciones de invierno", date(2027, 7, 12), date(2027, 7, 23)),  # DTEND is the day after
        ("Día del profesor", date(2027, 10, 16), date(2027, 10, 16)),
        ("Semana de la chilenidad", date(2027, 9, 15), date(2027, 9, 20)),
    ]
    assert len(result.left_out) == 1 and "Reunión de apoderados" in result.left_out[0]
    stored = schools.get_school(workspace.db, school.id)
    assert {p.origin for p in stored.holidays} == {"colegio.ics"}


@pytest.mark.parametrize(("event", "message"), [
    ("SUMMARY:Sin fecha\n", "event 2 ('Sin fecha'): the event has no DTSTART"),
    ("SUMMARY:Al revés\nDTSTART;VALUE=DATE:20270910\nDTEND;VALUE=DATE:20270905\n",
     "event 2 ('Al revés'): DTEND is not after DTSTART"),
    ("DTSTART;VALUE=DATE:20270910\n", "event 2: the event has no SUMMARY"),
])
def test_a_bad_ics_event_is_named_and_nothing_is_written(workspace: Workspace, tmp_path: Path, event: str,
                                                         message: str) -> None:
    school = _santiago(workspace)
    head, first, *others = GOOD_ICS.split("BEGIN:VEVENT")
    bad = f"\nUID:9@colegio\n{event}END:VEVENT\n"  # the bad event comes second, after a good one
    text = "BEGIN:VEVENT".join([head, first, bad, *others])
    path = tmp_path / "colegio.ics"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarFileError) as raised:
        import_calendar(workspace.db, school.id, path)
    assert f"colegio.ics: {message}" in str(raised.value)
    assert schools.get_school(workspace.db, school.id).holidays == []


def test_not_an_ics_file(workspace: Workspace, tmp_path: Path) -> None:
    school = _santiago(workspace)
    path = tmp_path / "colegio.ics"
    path.write_text("hello\n", encoding="utf-8")
    with pytest.raises(CalendarFileError, match="colegio.ics: not an iCalendar file"):
        import_calendar(workspace.db, school.id, path)


def test_entering_and_removing_breaks_and_school_years(workspace: Workspace) -> None:
    school = _santiago(workspace)
    add_school_year(workspace.db, school.id, "2027", date(2027, 3, 1), date(2027, 12, 17))
    add_school_year(workspace.db, school.id, "2027", date(2027, 3, 3), date(2027, 12, 17))  # new dates
    add_break(workspace.db, school.id, "Vacaciones de invierno", date(2027, 7, 12), date(2027, 7, 23))
    stored = find_school(workspace.db, "colegio x")
    assert [(y.label, y.first_day) for y in stored.school_years] == [("2027", date(2027, 3, 3))]
    assert [p.source for p in stored.holidays] == [HolidaySource.MANUAL]
    with pytest.raises(ValidationError, match="overlap"):
        add_school_year(workspace.db, school.id, "2028", date(2027, 12, 1), date(2028, 12, 15))
    with pytest.raises(ValidationError, match="ends before it starts"):
        add_break(workspace.db, school.id, "Al revés", date(2027, 9, 10), date(2027, 9, 5))
    remove_break(workspace.db, school.id, "vacaciones de invierno")
    remove_school_year(workspace.db, school.id, "2027")
    stored = schools.get_school(workspace.db, school.id)
    assert stored.holidays == [] and stored.school_years == []
    with pytest.raises(NotFoundError):
        remove_school_year(workspace.db, school.id, "2027")


def test_unknown_schools_lists_the_schools_and_years(workspace: Workspace) -> None:
    school = _santiago(workspace)
    add_school_year(workspace.db, school.id, "2027", date(2027, 3, 1), date(2027, 12, 17))
    found = unknown_schools(workspace.db, date(2027, 11, 1), date(2028, 1, 31))
    assert [(s.name, [year for _a, _b, year in stretches]) for s, stretches in found] == [("Colegio X", ["2028"])]
