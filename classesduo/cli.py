"""The ``classesduo`` command: no command opens the GUI; the others run headless on the same services.

Every failure the user can cause ends with exit status 2 and one line on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn

from classesduo import __version__

EXIT_USAGE = 2

log = logging.getLogger(__name__)


class UsageError(Exception):
    """Bad input from the command line: exit 2 with this message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="classesduo", description="Plan and record Classes Duo school exchanges.")
    parser.add_argument("--version", action="version", version=f"classesduo {__version__}")
    parser.add_argument("--data-dir", help="folder for the database, media, backups and logs "
                                           "(env CLASSESDUO_DATA_DIR)")
    parser.add_argument("--db-url", help="SQLAlchemy database URL, e.g. postgresql+psycopg://… "
                                         "(env CLASSESDUO_DB_URL)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="load the demo programme (loading it twice adds nothing)")
    demo.add_argument("--today", type=_iso_date, help=argparse.SUPPRESS)

    listing = commands.add_parser("list", help="list records")
    listing.add_argument("kind", choices=sorted(LISTERS))
    listing.add_argument("--json", action="store_true", help="print a JSON array, one object per row")
    listing.add_argument("--duo", help="sessions: only this duo's (its id)")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _open(args: argparse.Namespace):  # noqa: ANN202
    from classesduo.logs import setup_logging
    from classesduo.services.workspace import open_workspace

    workspace = open_workspace(args.data_dir, args.db_url)
    setup_logging(workspace.paths.log_file)
    return workspace


def cmd_demo(args: argparse.Namespace) -> int:
    from classesduo.services.demo import load_demo

    workspace = _open(args)
    summary = load_demo(workspace, today=args.today)
    if summary.total_added:
        added = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(summary.added.items()))
        print(f"Demo loaded: {added}.")
    else:
        print("Demo already loaded: nothing added.")
    return 0


def _schools(workspace: Any, args: argparse.Namespace) -> tuple[list[dict], list[str]]:
    from classesduo.services.schools import list_schools
    from classesduo.services.serialize import plain

    rows = [plain(school) for school in list_schools(workspace.db)]
    return rows, ["id", "name", "side", "city", "country", "arrondissement", "timezone"]


def _classes(workspace: Any, args: argparse.Namespace) -> tuple[list[dict], list[str]]:
    from classesduo.services.classes import list_classes
    from classesduo.services.schools import list_schools
    from classesduo.services.serialize import plain

    schools = {school.id: school.name for school in list_schools(workspace.db)}
    rows = [{**plain(group), "school": schools.get(group.school_id, "")} for group in list_classes(workspace.db)]
    return rows, ["id", "school", "name", "level", "pupil_count"]


def _facilitators(workspace: Any, args: argparse.Namespace) -> tuple[list[dict], list[str]]:
    from classesduo.services.facilitators import list_facilitators
    from classesduo.services.serialize import plain

    return [plain(person) for person in list_facilitators(workspace.db)], ["id", "name", "email", "languages"]


def _duos(workspace: Any, args: argparse.Namespace) -> tuple[list[dict], list[str]]:
    from classesduo.services.duos import list_duos
    from classesduo.services.serialize import duo_dict

    rows = [duo_dict(view) for view in list_duos(workspace.db)]
    return rows, ["id", "paris_school", "partner_school", "partner_city", "school_year", "status", "facilitator"]


def _sessions(workspace: Any, args: argparse.Namespace) -> tuple[list[dict], list[str]]:
    from classesduo.services.serialize import session_dict
    from classesduo.services.sessions import list_sessions

    rows = [session_dict(view) for view in list_sessions(workspace.db, duo_id=args.duo)]
    return rows, ["id", "start_utc", "minutes", "kind", "status", "duo"]


LISTERS: dict[str, Callable[[Any, argparse.Namespace], tuple[list[dict], list[str]]]] = {
    "schools": _schools,
    "classes": _classes,
    "facilitators": _facilitators,
    "duos": _duos,
    "sessions": _sessions,
}


def cmd_list(args: argparse.Namespace) -> int:
    if args.duo and args.kind != "sessions":
        raise UsageError("--duo only applies to: list sessions")
    workspace = _open(args)
    rows, columns = LISTERS[args.kind](workspace, args)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(rows, columns)
    return 0


def _print_table(rows: list[dict], columns: list[str]) -> None:
    def cell(value: Any) -> str:
        if isinstance(value, list):
            return ",".join(str(item) for item in value)
        return "" if value is None else str(value)

    table = [[cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([len(column)] + [len(line[i]) for line in table]) for i, column in enumerate(columns)]
    print("  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True)).rstrip())
    for line in table:
        print("  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)).rstrip())
    if not table:
        print("(none)")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "list": cmd_list,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from classesduo.ui.app import run_gui

        return run_gui(data_dir=args.data_dir, db_url=args.db_url)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # e.g. `classesduo list sessions | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UsageError as error:
        print(f"classesduo: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the one place that turns failures into a message
        from classesduo.services.errors import ServiceError, ValidationError

        if not isinstance(error, ServiceError | ValidationError):
            log.exception("command %s failed", args.command)
        print(f"classesduo: error: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ServiceError | ValidationError | ValueError) else 1
