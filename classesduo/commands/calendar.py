"""``classesduo calendar …``: a school's school years and breaks, and the calendar they make.

  classesduo calendar list SCHOOL [--from DATE --to DATE] [--json]
  classesduo calendar add-break SCHOOL NAME FIRST LAST
  classesduo calendar remove-break SCHOOL NAME [--start DATE]
  classesduo calendar add-year SCHOOL NAME FIRST LAST
  classesduo calendar remove-year SCHOOL NAME
  classesduo calendar import SCHOOL FILE.csv|FILE.ics [--dry-run]
  classesduo calendar unknown [--from DATE --to DATE]

SCHOOL is a school's id (``classesduo list schools``) or its exact name. A bad
file exits 2 with its line or event named, and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta

from classesduo.commands.common import UsageError, iso_date, open_for
from classesduo.domain.i18n import english_plural


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("calendar", help="a school's school years and breaks (list, add, import, remove)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("list", help="the school's years, breaks and every closed or unknown day of a range")
    show.add_argument("school", metavar="SCHOOL", help="the school's id or exact name")
    show.add_argument("--from", dest="start", type=iso_date, help="first day (default: 1 August this school year)")
    show.add_argument("--to", dest="end", type=iso_date, help="last day (default: a year after --from)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_list)

    for name, what in (("add-break", "a break (no exchange on these days)"),
                       ("add-year", "a school year (first and last day of classes); same name: new dates")):
        add = actions.add_parser(name, help=f"add {what}")
        add.add_argument("school", metavar="SCHOOL", help="the school's id or exact name")
        add.add_argument("name", metavar="NAME", help="the break's name, or the school year's (2027, 2027-2028)")
        add.add_argument("first", metavar="FIRST", type=iso_date, help="first day, YYYY-MM-DD")
        add.add_argument("last", metavar="LAST", type=iso_date, help="last day, YYYY-MM-DD (inclusive)")
        add.set_defaults(handler=_add_break if name == "add-break" else _add_year)

    remove = actions.add_parser("remove-break", help="remove one of the school's breaks")
    remove.add_argument("school", metavar="SCHOOL")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("--start", type=iso_date, help="its first day, when several breaks have that name")
    remove.set_defaults(handler=_remove_break)

    remove_year = actions.add_parser("remove-year", help="remove one of the school's school years")
    remove_year.add_argument("school", metavar="SCHOOL")
    remove_year.add_argument("name", metavar="NAME")
    remove_year.set_defaults(handler=_remove_year)

    load = actions.add_parser("import", help="import breaks and school years from a CSV file (kind, name, "
                                             "first_day, last_day) or breaks from an .ics file; all or nothing")
    load.add_argument("school", metavar="SCHOOL")
    load.add_argument("file", metavar="FILE", help="a .csv or .ics file")
    load.add_argument("--dry-run", action="store_true", help="check the file and say what it would add")
    load.set_defaults(handler=_import)

    unknown = actions.add_parser("unknown", help="the schools whose calendar is unknown somewhere in a range")
    unknown.add_argument("--from", dest="start", type=iso_date, help="first day (default: today)")
    unknown.add_argument("--to", dest="end", type=iso_date, help="last day (default: 120 days after --from)")
    unknown.add_argument("--json", action="store_true", help="print JSON")
    unknown.set_defaults(handler=_unknown)


def _school(workspace, key: str):  # noqa: ANN001, ANN202
    from classesduo.services.errors import NotFoundError
    from classesduo.services.school_calendars import find_school

    try:
        return find_school(workspace.db, key)
    except NotFoundError as error:
        raise UsageError(f"{error} (see: classesduo list schools)") from None


def _range(args: argparse.Namespace, default_days: int) -> tuple[date, date]:
    from classesduo.domain.terms import school_year_bounds, school_year_of

    start = args.start or (date.today() if default_days < 365 else school_year_bounds(school_year_of(date.today()))[0])
    end = args.end or start + timedelta(days=default_days)
    if end < start:
        raise UsageError(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    if (end - start).days > 3 * 366:
        raise UsageError("the range is too long; list at most three years at a time")
    return start, end


def _list(args: argparse.Namespace) -> int:
    from classesduo.domain.school_calendar import closure_source, describe_unknown
    from classesduo.services.holidays import calendar_of_school

    workspace = open_for(args)
    school = _school(workspace, args.school)
    start, end = _range(args, 364)
    calendar = calendar_of_school(school)
    closures = calendar.closures_between(start, end)
    unknown = calendar.unknown_between(start, end)
    label = f"{school.name}, {school.city}"
    if args.json:
        json.dump({
            "school_id": school.id, "school": school.name, "city": school.city, "side": school.side.value,
            "country": school.country, "subdivision": school.subdivision,
            "school_years": [{"name": y.label, "first_day": y.first_day.isoformat(), "last_day": y.last_day.isoformat(),
                              "origin": y.origin} for y in school.school_years],
            "breaks": [{"name": p.name, "first_day": p.start.isoformat(), "last_day": p.end.isoformat(),
                        "source": p.source.value, "origin": p.origin} for p in school.holidays],
            "closed": [{"name": p.name, "first_day": max(p.start, start).isoformat(),
                        "last_day": min(p.end, end).isoformat(), "source": p.source.value, "origin": p.origin}
                       for p in closures],
            "unknown": [{"first_day": a.isoformat(), "last_day": b.isoformat(), "school_year": year,
                         "message": describe_unknown(label, year)} for a, b, year in unknown],
        }, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{label} ({school.side.value}, {school.country}{'-' + school.subdivision if school.subdivision else ''})")
    if school.school_years:
        print("School years:")
        for year in school.school_years:
            print(f"  {year.label}: {year.first_day.isoformat()} to {year.last_day.isoformat()}"
                  + (f"  ({year.origin})" if year.origin else ""))
    print(f"Closed from {start.isoformat()} to {end.isoformat()}:")
    for period in closures:
        first, last = max(period.start, start), min(period.end, end)
        days = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
        print(f"  {days}  {period.name} — {closure_source(period)}")
    for first, last, year in unknown:
        print(f"  unknown {first.isoformat()} to {last.isoformat()}: {describe_unknown(label, year)}")
    return 0


def _add_break(args: argparse.Namespace) -> int:
    from classesduo.services.school_calendars import add_break

    workspace = open_for(args)
    school = _school(workspace, args.school)
    add_break(workspace.db, school.id, args.name, args.first, args.last)
    print(f"{school.name}: break {args.name!r} added, {args.first.isoformat()} to {args.last.isoformat()}")
    return 0


def _add_year(args: argparse.Namespace) -> int:
    from classesduo.services.school_calendars import add_school_year

    workspace = open_for(args)
    school = _school(workspace, args.school)
    add_school_year(workspace.db, school.id, args.name, args.first, args.last)
    print(f"{school.name}: school year {args.name} is {args.first.isoformat()} to {args.last.isoformat()}")
    return 0


def _remove_break(args: argparse.Namespace) -> int:
    from classesduo.services.school_calendars import remove_break

    workspace = open_for(args)
    school = _school(workspace, args.school)
    removed = remove_break(workspace.db, school.id, args.name, args.start)
    print(f"{school.name}: break {removed.name!r} ({removed.start.isoformat()} to {removed.end.isoformat()}) removed")
    return 0


def _remove_year(args: argparse.Namespace) -> int:
    from classesduo.services.school_calendars import remove_school_year

    workspace = open_for(args)
    school = _school(workspace, args.school)
    removed = remove_school_year(workspace.db, school.id, args.name)
    print(f"{school.name}: school year {removed.label} removed")
    return 0


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from classesduo.services.school_calendars import CalendarFileError, import_calendar

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"no such file: {args.file}")
    workspace = open_for(args)
    school = _school(workspace, args.school)
    try:
        result = import_calendar(workspace.db, school.id, path, dry_run=args.dry_run)
    except CalendarFileError as error:  # one problem per line in the GUI; the CLI's message is one line
        raise CalendarFileError("; ".join(str(error).splitlines())) from error
    verb = "would add" if args.dry_run else "added"
    print(f"{school.name}: {verb} " + english_plural(f"{len(result.breaks)} break(s)", len(result.breaks)) + " and "
          + english_plural(f"{len(result.school_years)} school year(s)", len(result.school_years))
          + f" from {path.name}; {result.unchanged} already there")
    for period in result.breaks:
        print(f"  break {period.start.isoformat()} to {period.end.isoformat()}: {period.name}")
    for year in result.school_years:
        print(f"  school year {year.label}: {year.first_day.isoformat()} to {year.last_day.isoformat()}")
    for note in result.left_out:
        print(f"  {note}")
    return 0


def _unknown(args: argparse.Namespace) -> int:
    from classesduo.domain.school_calendar import describe_unknown
    from classesduo.services.school_calendars import unknown_schools

    workspace = open_for(args)
    start, end = _range(args, 120)
    found = unknown_schools(workspace.db, start, end)
    rows = [{"school_id": school.id, "school": school.name, "city": school.city, "first_day": a.isoformat(),
             "last_day": b.isoformat(), "school_year": year,
             "message": describe_unknown(f"{school.name}, {school.city}", year)}
            for school, stretches in found for a, b, year in stretches]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print(f"Every school's calendar is known from {start.isoformat()} to {end.isoformat()}.")
    for row in rows:
        print(f"{row['message']} ({row['first_day']} to {row['last_day']})")
    return 0
