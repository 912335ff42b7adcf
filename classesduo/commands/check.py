"""``classesduo check``: full database integrity and foreign keys, and every media file against its hash."""

from __future__ import annotations

import argparse

from classesduo.domain.i18n import english_plural


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
    from classesduo.domain.text import escape_controls

    for repaired in report.modes_repaired[:10]:
        print(f"private: made {escape_controls(repaired)}")
    if report.modes_repaired:
        print(english_plural(f"{len(report.modes_repaired)} file(s) or folder(s) readable by other users; now private "
                             "to you.", len(report.modes_repaired)))
    for problem in report.media:
        print(f"media: {escape_controls(problem)}", file=sys.stderr)
    hidden = report.media_missing - sum(1 for problem in report.media if ": file missing (" in problem)
    if hidden > 0:
        print(f"media: … and {hidden} more files missing ({report.media_missing} in all)", file=sys.stderr)
    if report.ok:
        print(f"OK: database sound, {report.media_checked} media files match their hashes.")
        return 0
    print(f"{len(report.database)} database and {report.media_problems} media problems "
          f"({report.media_missing} media files missing).", file=sys.stderr)
    return 1
