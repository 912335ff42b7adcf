"""A school's own calendar: its school years and breaks, entered, imported (CSV or .ics) or removed.

Public holidays and zone C are never stored (see :mod:`classesduo.domain.school_calendar`).
Imports read and check the whole file first and write in one transaction, so a
bad line or event changes nothing; the error names the file and the line or event.

CSV columns (header required, any order; ``;`` or ``,`` separated, UTF-8 with or without BOM):

- ``kind``: ``break`` (or ``congé``, ``vacances``) or ``school_year`` (or ``année``, ``year``);
- ``name``: the break's name, or the school year's name (``2027``, ``2027-2028``);
- ``first_day`` and ``last_day``: ``YYYY-MM-DD`` (or ``DD/MM/YYYY``), both inclusive.

An .ics file: each all-day event (one day or several) and each timed event that spans
several days becomes a break named by its SUMMARY, from its first to its last day
(an all-day DTEND is the day after, as RFC 5545 says). Timed events within one day
(a parents' evening) and recurring events are left out and counted.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from classesduo.domain.availability import HolidayPeriod, SchoolYear
from classesduo.domain.entities import School
from classesduo.domain.enums import HolidaySource, Side
from classesduo.domain.i18n import translate
from classesduo.domain.validation import raise_if_any, validate_holidays, validate_school_years
from classesduo.services.errors import NotFoundError, ServiceError
from classesduo.services.holidays import calendar_of_school
from classesduo.services.schools import get_school, list_schools, save_school
from classesduo.storage.database import Database

CSV_COLUMNS = ("kind", "name", "first_day", "last_day")
_BREAK_KINDS = {"break", "congé", "conge", "vacances", "holiday", "closure", "fermeture"}
_YEAR_KINDS = {"school_year", "year", "année", "annee", "année scolaire", "annee scolaire"}
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class CalendarFileError(ServiceError):
    """A calendar file that cannot be imported; the message names the file and the line or event."""


@dataclass
class CalendarImport:
    """What an import added (or would add): the breaks and school years, and what it left out."""

    school: School
    breaks: list[HolidayPeriod] = field(default_factory=list)
    school_years: list[SchoolYear] = field(default_factory=list)
    unchanged: int = 0
    left_out: list[str] = field(default_factory=list)


def find_school(db: Database, key: str) -> School:
    """A school by id, or by its exact name (case aside) if only one school has it."""
    try:
        return get_school(db, key)
    except NotFoundError:
        pass
    matches = [school for school in list_schools(db, calendars=False) if school.name.casefold() == key.casefold()]
    if len(matches) == 1:
        return get_school(db, matches[0].id)  # type: ignore[arg-type]
    if matches:
        raise NotFoundError(translate("services", "Several schools are called {name}; give the school's id.").format(
            name=key))
    raise NotFoundError(translate("services", "No school with id or name {key}.").format(key=key))


# --- editing ----------------------------------------------------------------------------------------------


def _save_checked(db: Database, school: School) -> School:
    raise_if_any(validate_holidays(school.holidays) + validate_school_years(school.school_years))
    return save_school(db, school)


def add_break(db: Database, school_id: str, name: str, first: date, last: date) -> School:
    school = get_school(db, school_id)
    if not name.strip():
        raise ServiceError(translate("services", "A break needs a name."))
    period = HolidayPeriod(name.strip(), first, last, HolidaySource.MANUAL)
    return _save_checked(db, replace(school, holidays=sorted([*school.holidays, period],
                                                             key=lambda p: (p.start, p.name))))


def remove_break(db: Database, school_id: str, name: str, first: date | None = None) -> HolidayPeriod:
    """Remove the school's break called ``name`` (the one starting on ``first`` if several have that name)."""
    school = get_school(db, school_id)
    found = [p for p in school.holidays if p.name.casefold() == name.strip().casefold()
             and (first is None or p.start == first)]
    if not found:
        raise NotFoundError(translate("services", "{school} has no break called {name}.").format(
            school=school.name, name=name))
    if len(found) > 1:
        raise ServiceError(translate("services", "{school} has {count} breaks called {name}; give the first day "
                                                 "(--start).").format(school=school.name, count=len(found), name=name))
    save_school(db, replace(school, holidays=[p for p in school.holidays if p is not found[0]]))
    return found[0]


def add_school_year(db: Database, school_id: str, label: str, first: date, last: date) -> School:
    """Add a school year, or change the dates of the one with that name."""
    school = get_school(db, school_id)
    if school.side is Side.PARIS:
        raise ServiceError(translate("services", "Paris schools follow the zone C calendar; their school years "
                                                 "come with it."))
    year = SchoolYear(label.strip(), first, last)
    others = [y for y in school.school_years if y.label != year.label]
    return _save_checked(db, replace(school, school_years=sorted([*others, year], key=lambda y: y.first_day)))


def remove_school_year(db: Database, school_id: str, label: str) -> SchoolYear:
    school = get_school(db, school_id)
    found = [y for y in school.school_years if y.label == label.strip()]
    if not found:
        raise NotFoundError(translate("services", "{school} has no school year {name}.").format(
            school=school.name, name=label))
    save_school(db, replace(school, school_years=[y for y in school.school_years if y.label != label.strip()]))
    return found[0]


# --- imports ----------------------------------------------------------------------------------------------


def import_calendar(db: Database, school_id: str, path: Path, dry_run: bool = False) -> CalendarImport:
    """Import a CSV or .ics file (by its extension) into the school's own calendar; all or nothing."""
    school = get_school(db, school_id)
    result = read_into(school, path)
    if not dry_run and (result.breaks or result.school_years):
        updated = with_import(school, result)
        problems = validate_holidays(updated.holidays) + validate_school_years(updated.school_years)
        if problems:
            raise CalendarFileError(f"{path.name}: " + "; ".join(problem.message for problem in problems))
        result.school = save_school(db, updated)
    return result


def read_calendar_file(path: Path) -> tuple[list[HolidayPeriod], list[SchoolYear], list[str]]:
    """Breaks, school years and what was left out, from a .csv or .ics file (by its extension)."""
    suffix = path.suffix.lower()
    if suffix == ".ics":
        return read_ics(path)
    if suffix in {".csv", ".txt"}:
        return read_csv(path)
    raise CalendarFileError(translate("services", "{file}: not a calendar file (use .csv or .ics).").format(
        file=path.name))


def read_into(school: School, path: Path) -> CalendarImport:
    """What importing ``path`` would add to ``school`` (nothing is written); CalendarFileError if it cannot."""
    breaks, years, left_out = read_calendar_file(path)
    if years and school.side is Side.PARIS:
        raise CalendarFileError(translate("services", "{file}: Paris schools follow the zone C calendar; import "
                                                      "only breaks for them.").format(file=path.name))
    result = merge_into(school, breaks, years)
    result.left_out = left_out
    return result


def with_import(school: School, result: CalendarImport) -> School:
    """``school`` with what an import adds (breaks appended, school years replaced by name)."""
    return replace(school, holidays=sorted([*school.holidays, *result.breaks], key=lambda p: (p.start, p.name)),
                   school_years=_with_years(school.school_years, result.school_years))


def _with_years(stored: Sequence[SchoolYear], added: Sequence[SchoolYear]) -> list[SchoolYear]:
    labels = {year.label for year in added}
    return sorted([*(y for y in stored if y.label not in labels), *added], key=lambda y: y.first_day)


def merge_into(school: School, breaks: Sequence[HolidayPeriod], years: Sequence[SchoolYear]) -> CalendarImport:
    """What importing adds to ``school``: breaks it does not have yet, school years new or with other dates."""
    result = CalendarImport(school)
    have = {(p.name, p.start, p.end) for p in school.holidays}
    for period in breaks:
        if (period.name, period.start, period.end) in have:
            result.unchanged += 1
        else:
            have.add((period.name, period.start, period.end))
            result.breaks.append(period)
    stored = {y.label: y for y in school.school_years}
    for year in years:
        current = stored.get(year.label)
        if current is not None and (current.first_day, current.last_day) == (year.first_day, year.last_day):
            result.unchanged += 1
        else:
            result.school_years.append(year)
    return result


def _parse_day(text: str) -> date:
    text = text.strip()
    match = _DMY.match(text)
    if match:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return date.fromisoformat(text)


def read_csv(path: Path) -> tuple[list[HolidayPeriod], list[SchoolYear], list[str]]:
    """Breaks and school years from a CSV file (see the module docstring); CalendarFileError names the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CalendarFileError(f"{path.name}: {error}") from error
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        raise CalendarFileError(translate("services", "{file}: line 1: missing column(s) {columns} (expected "
                                                      "kind, name, first_day, last_day).").format(
            file=path.name, columns=", ".join(missing)))
    origin = path.name
    breaks: list[HolidayPeriod] = []
    years: list[SchoolYear] = []
    errors: list[str] = []
    for number, raw in enumerate(reader, start=2):
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items() if key}
        if not any(row.values()):
            continue
        where = translate("services", "{file}: line {line}").format(file=path.name, line=number)
        kind, name = row.get("kind", "").casefold(), row.get("name", "")
        days = []
        for column in ("first_day", "last_day"):
            try:
                days.append(_parse_day(row.get(column, "")))
            except ValueError:
                errors.append(translate("services", "{where}: {column}: not a date (YYYY-MM-DD): {value!r}").format(
                    where=where, column=column, value=row.get(column, "")))
        if not name:
            errors.append(translate("services", "{where}: name: empty").format(where=where))
        if kind not in _BREAK_KINDS | _YEAR_KINDS:
            errors.append(translate("services", "{where}: kind: {value!r} is neither break nor school_year").format(
                where=where, value=row.get("kind", "")))
        if len(days) == 2 and days[1] < days[0]:
            errors.append(translate("services", "{where}: last_day {last} is before first_day {first}").format(
                where=where, last=days[1].isoformat(), first=days[0].isoformat()))
        if errors:
            continue
        if kind in _YEAR_KINDS:
            years.append(SchoolYear(name, days[0], days[1], origin))
        else:
            breaks.append(HolidayPeriod(name, days[0], days[1], HolidaySource.IMPORTED, origin))
    if errors:
        raise CalendarFileError("\n".join(errors))
    labels = [year.label for year in years]
    twice = sorted({label for label in labels if labels.count(label) > 1})
    if twice:
        raise CalendarFileError(translate("services", "{file}: school year {name} is listed twice.").format(
            file=path.name, name=twice[0]))
    return breaks, years, []


def read_ics(path: Path) -> tuple[list[HolidayPeriod], list[SchoolYear], list[str]]:
    """Breaks from an .ics file (see the module docstring); CalendarFileError names the event."""
    import icalendar

    try:
        data = path.read_bytes()
    except OSError as error:
        raise CalendarFileError(f"{path.name}: {error}") from error
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise CalendarFileError(translate("services", "{file}: not an iCalendar file ({error}).").format(
            file=path.name, error=error)) from error
    zone = _calendar_zone(calendar)
    breaks: list[HolidayPeriod] = []
    left_out: list[str] = []
    errors: list[str] = []
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        summary = str(event.get("SUMMARY", "")).strip()
        where = translate("services", "{file}: event {number}").format(file=path.name, number=number) + (
            f" ({summary!r})" if summary else "")
        try:
            first, last, timed = _event_days(event, zone)
        except ValueError as error:
            errors.append(f"{where}: {error}")
            continue
        if not summary:
            errors.append(translate("services", "{where}: the event has no SUMMARY (the break's name)").format(
                where=where))
            continue
        if event.get("RRULE") is not None:
            left_out.append(translate("services", "{where}: a recurring event, left out").format(where=where))
            continue
        if timed and first == last:
            left_out.append(translate("services", "{where}: a timed event within one day, left out").format(
                where=where))
            continue
        breaks.append(HolidayPeriod(summary, first, last, HolidaySource.IMPORTED, path.name))
    if errors:
        raise CalendarFileError("\n".join(errors))
    return breaks, [], left_out


def _calendar_zone(calendar) -> str | None:  # noqa: ANN001 - an icalendar.Calendar
    name = calendar.get("X-WR-TIMEZONE")
    return str(name) if name else None


def _event_days(event, zone: str | None) -> tuple[date, date, bool]:  # noqa: ANN001 - an icalendar event
    """First and last local day of an event (both inclusive), and whether it is timed."""
    start_prop = event.get("DTSTART")
    if start_prop is None:
        raise ValueError(translate("services", "the event has no DTSTART"))
    start = start_prop.dt
    end_prop = event.get("DTEND")
    duration = event.get("DURATION")
    if isinstance(start, datetime):
        end = end_prop.dt if end_prop is not None else start + (duration.dt if duration is not None else timedelta())
        if not isinstance(end, datetime):
            raise ValueError(translate("services", "DTSTART is a date-time but DTEND is a date"))
        if end < start:
            raise ValueError(translate("services", "DTEND is before DTSTART"))
        start_local, end_local = _local(start, zone), _local(end, zone)
        last = end_local.date()
        if end_local.time() == datetime.min.time() and end_local > start_local:
            last -= timedelta(days=1)  # ends at midnight: the day before is the last one
        return start_local.date(), max(last, start_local.date()), True
    end = end_prop.dt if end_prop is not None else start + (duration.dt if duration is not None else timedelta(days=1))
    if isinstance(end, datetime):
        raise ValueError(translate("services", "DTSTART is a date but DTEND is a date-time"))
    if end <= start:
        raise ValueError(translate("services", "DTEND is not after DTSTART (an all-day DTEND is the day after the "
                                               "last day)"))
    return start, end - timedelta(days=1), False


def _local(value: datetime, zone: str | None) -> datetime:
    if value.tzinfo is None or zone is None:
        return value.replace(tzinfo=None) if value.tzinfo is None else value
    from classesduo.domain.timezones import zone_info

    try:
        return value.astimezone(zone_info(zone))
    except ValueError:
        return value


def unknown_schools(db: Database, start: date, end: date) -> list[tuple[School, list[tuple[date, date, str]]]]:
    """The schools (not archived, with classes in a duo or not) whose calendar is unknown somewhere in [start, end]."""
    found = []
    for school in list_schools(db, include_archived=False):
        stretches = calendar_of_school(school).unknown_between(start, end)
        if stretches:
            found.append((school, stretches))
    return sorted(found, key=lambda item: (item[0].side is not Side.PARIS, item[0].name))
