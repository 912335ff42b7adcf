"""``classesduo check``: full database integrity and foreign keys, and every media file against its hash."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="check the database and every media file; exit 1 on a problem")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from classesduo.commands.common import open_for
    from classesduo.services.integrity import check_workspace
    from classesduo.services.workspace import ForeignWalError

    try:
        workspace = open_for(args)
    except ForeignWalError as error:  # reported, not merged: the database stays as it was
        print(f"database: {error}", file=sys.stderr)
        print("1 database problem (a -wal file that is not this database's).", file=sys.stderr)
        return 1
    report = check_workspace(workspace)
    for problem in report.database:
        print(f"database: {problem}", file=sys.stderr)
    for problem in report.media:
        print(f"media: {problem}", file=sys.stderr)
    if report.ok:
        print(f"OK: database sound, {report.media_checked} media files match their hashes.")
        return 0
    print(f"{len(report.database)} database and {len(report.media)} media problems.", file=sys.stderr)
    return 1
