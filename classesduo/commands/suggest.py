"""``classesduo suggest CLASS_ID [--year YEAR] [--json]``: partner classes for a Paris class, best first."""

from __future__ import annotations

import argparse
import json
import sys

from classesduo.commands.common import UsageError, open_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("suggest", help="rank unpaired partner classes for a Paris class, with reasons")
    parser.add_argument("class_id", help="the Paris class's id (see: classesduo list classes)")
    parser.add_argument("--year", help="school year, e.g. 2027-2028 (default: the current one)")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per suggestion")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from classesduo.commands.listing import print_table
    from classesduo.domain.terms import parse_school_year, school_year_of
    from classesduo.services.suggestions import suggest_partners

    year = args.year or school_year_of(date.today())
    try:
        parse_school_year(year)
    except ValueError:
        raise UsageError(f"not a school year (expected e.g. 2026-2027): {year!r}") from None
    suggestions = suggest_partners(open_for(args).db, args.class_id, year)
    rows = [{
        "class_id": s.candidate.class_id, "score": s.score, "school": s.candidate.school_name,
        "class": s.candidate.class_name, "level": s.candidate.level, "city": s.candidate.city,
        "country": s.candidate.country, "facilitator_id": s.facilitator.id if s.facilitator else None,
        "facilitator": s.facilitator.name if s.facilitator else "", "languages": list(s.languages),
        "weekly_overlap_minutes": s.overlap.typical, "asynchronous_only": s.asynchronous_only,
        "why": s.explanation,
    } for s in suggestions]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(rows, ["score", "school", "class", "city", "facilitator", "why"])
    return 0
