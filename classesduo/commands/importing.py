"""``classesduo import KIND FILE [--dry-run]``: all-or-nothing CSV import (see docs/import.md)."""

from __future__ import annotations

import argparse
import sys

from classesduo.commands.common import open_for

KINDS = ("schools", "classes", "facilitators", "duos", "sessions")
EXIT_REJECTED = 2


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="import records from a CSV file (all or nothing; importing twice changes nothing)")
    parser.add_argument("kind", choices=KINDS, help="what the file holds; import in this order: " + ", ".join(KINDS))
    parser.add_argument("file", help="CSV file, UTF-8 (with or without BOM), comma or semicolon separated")
    parser.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.services.backups import backup_before
    from classesduo.services.importing import ImportRejected, import_file

    workspace = open_for(args)
    try:
        summary = import_file(workspace.db, args.kind, args.file, dry_run=args.dry_run,
                              before_write=lambda: backup_before(workspace, "import"))
    except ImportRejected as rejected:
        for problem in rejected.problems:
            print(problem, file=sys.stderr)
        count = len(rejected.problems)
        print(f"classesduo: error: {count} problem{'s' if count != 1 else ''} in {args.file}; nothing was imported.",
              file=sys.stderr)
        return EXIT_REJECTED
    finally:
        workspace.close()
    print(summary.describe())
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
