"""``classesduo demo``: load the demo programme."""

from __future__ import annotations

import argparse

from classesduo.commands.common import iso_date, open_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("demo", help="load the demo programme (loading it twice adds nothing)")
    parser.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.services.demo import load_demo

    summary = load_demo(open_for(args), today=args.today)
    if summary.total_added:
        added = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(summary.added.items()))
        print(f"Demo loaded: {added}.")
    else:
        print("Demo already loaded: nothing added.")
    return 0
