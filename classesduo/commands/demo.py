"""``classesduo demo [--scale small|large]``: load the demo programme."""

from __future__ import annotations

import argparse

from classesduo.commands.common import iso_date, open_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("demo", help="load the demo programme (loading it twice adds nothing)")
    parser.add_argument("--scale", choices=("small", "large"), default="small",
                        help="small: a realistic programme to explore (default); large: 1,000 duos and "
                             "100,000 sessions for measuring")
    parser.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    workspace = open_for(args)
    if args.scale == "large":
        from classesduo.services.demo_large import load_large_demo

        written = load_large_demo(workspace, today=args.today)
        print(f"Large demo loaded: {_counts(written)}." if written else "Large demo already loaded: nothing added.")
        return 0
    from classesduo.services.demo import load_demo

    summary = load_demo(workspace, today=args.today)
    print(f"Demo loaded: {_counts(summary.added)}." if summary.total_added else "Demo already loaded: nothing added.")
    return 0


_NAMES = {
    "school": "schools", "class_group": "classes", "facilitator": "facilitators", "duo": "duos",
    "exchange_session": "sessions", "media_item": "media items", "term": "terms",
    "availability_window": "availability windows", "holiday_period": "holiday periods",
}


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{count:,} {_NAMES.get(kind, kind.replace('_', ' '))}" for kind, count in sorted(counts.items()))
