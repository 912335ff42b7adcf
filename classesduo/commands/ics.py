"""``classesduo ics (--duo ID | --facilitator ID | --all) -o FILE``: export visios as iCalendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from classesduo.commands.common import UsageError, open_for
from classesduo.domain.i18n import english_plural


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("ics", help="export visios as an .ics calendar file")
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--duo", metavar="ID", help="one duo's visios")
    scope.add_argument("--facilitator", metavar="ID", help="the visios of one facilitator's duos")
    scope.add_argument("--all", action="store_true", help="every visio")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the .ics file to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.services.errors import NotFoundError
    from classesduo.services.ics_export import ExportScope, export_ics

    if args.output.is_dir():
        raise UsageError(f"{args.output} is a folder; give a file name such as visios.ics")
    workspace = open_for(args)
    try:
        count = export_ics(workspace.db, args.output, ExportScope(duo_id=args.duo, facilitator_id=args.facilitator))
    except NotFoundError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(english_plural(f"{count} visio(s)", count) + f" written to {args.output}")
    return 0
