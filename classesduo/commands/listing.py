"""``classesduo list KIND [--json]``: the records, as a table or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from classesduo.commands.common import UsageError, open_for

Rows = tuple[list[dict[str, Any]], list[str]]


def _schools(workspace: Any, args: argparse.Namespace) -> Rows:
    from classesduo.services.schools import list_schools
    from classesduo.services.serialize import plain

    rows = [plain(school) for school in list_schools(workspace.db)]
    return rows, ["id", "name", "side", "city", "country", "arrondissement", "timezone"]


def _classes(workspace: Any, args: argparse.Namespace) -> Rows:
    from classesduo.services.classes import list_classes
    from classesduo.services.schools import list_schools
    from classesduo.services.serialize import plain

    schools = {school.id: school.name for school in list_schools(workspace.db)}
    rows = [{**plain(group), "school": schools.get(group.school_id, "")} for group in list_classes(workspace.db)]
    return rows, ["id", "school", "name", "level", "pupil_count"]


def _facilitators(workspace: Any, args: argparse.Namespace) -> Rows:
    from classesduo.services.facilitators import list_facilitators
    from classesduo.services.serialize import plain

    return [plain(person) for person in list_facilitators(workspace.db)], ["id", "name", "email", "languages"]


def _duos(workspace: Any, args: argparse.Namespace) -> Rows:
    from classesduo.services.duos import list_duos
    from classesduo.services.serialize import duo_dict

    rows = [duo_dict(view) for view in list_duos(workspace.db)]
    return rows, ["id", "paris_school", "partner_school", "partner_city", "school_year", "status", "facilitator"]


def _sessions(workspace: Any, args: argparse.Namespace) -> Rows:
    from classesduo.services.serialize import session_dict
    from classesduo.services.sessions import list_sessions

    rows = [session_dict(view) for view in list_sessions(workspace.db, duo_id=args.duo)]
    return rows, ["id", "start_utc", "minutes", "kind", "status", "duo"]


LISTERS: dict[str, Callable[[Any, argparse.Namespace], Rows]] = {
    "schools": _schools,
    "classes": _classes,
    "facilitators": _facilitators,
    "duos": _duos,
    "sessions": _sessions,
}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("list", help="list records")
    parser.add_argument("kind", choices=sorted(LISTERS))
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per row")
    parser.add_argument("--duo", help="sessions: only this duo's (its id)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.duo and args.kind != "sessions":
        raise UsageError("--duo only applies to: list sessions")
    rows, columns = LISTERS[args.kind](open_for(args), args)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(rows, columns)
    return 0


def print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """An aligned table; wide (CJK) characters count as two columns, as a terminal shows them."""
    import unicodedata

    def cell(value: Any) -> str:
        if isinstance(value, list):
            return ",".join(str(item) for item in value)
        return "" if value is None else str(value)

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    def pad(text: str, size: int) -> str:
        return text + " " * (size - width(text))

    table = [[cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([width(column)] + [width(line[i]) for line in table]) for i, column in enumerate(columns)]
    print("  ".join(pad(column, size) for column, size in zip(columns, widths, strict=True)).rstrip())
    for line in table:
        print("  ".join(pad(value, size) for value, size in zip(line, widths, strict=True)).rstrip())
    if not table:
        print("(none)")
