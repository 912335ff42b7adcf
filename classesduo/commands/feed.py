"""``classesduo feed --out DIR``: one subscription .ics per facilitator, per school and for the programme."""

from __future__ import annotations

import argparse
from pathlib import Path

from classesduo.commands.common import UsageError, open_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("feed", help="write subscription .ics feeds (per facilitator, per school, programme)")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder to write the feeds in")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.services.feeds import write_feeds

    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"{args.out} is a file; give a folder")
    workspace = open_for(args)
    try:
        result = write_feeds(workspace.db, args.out)
    except OSError as error:
        raise UsageError(f"cannot write in {args.out}: {error.strerror or error}") from None
    print(f"{len(result.written)} feeds written to {args.out}" +
          (f", {len(result.removed)} removed" if result.removed else ""))
    return 0
