"""``classesduo slots (DUO_ID | --all [--active]) --from DATE --to DATE [--minutes 45] [--json | --csv]``.

The overlap finder: every slot of one duo, or one line per duo for the whole
programme (see :mod:`classesduo.commands.slots_all`).
"""

from __future__ import annotations

import argparse
import json
import sys

from classesduo.commands.common import UsageError, iso_date, open_for
from classesduo.domain.i18n import english_plural


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("slots", help="times when a duo's two classes (or every duo's) can meet by visio")
    parser.add_argument("duo_id", metavar="DUO_ID", nargs="?", help="the duo's id (see: classesduo list duos)")
    parser.add_argument("--all", action="store_true",
                        help="every duo instead of one: a line per duo with its number of slots and the first one")
    parser.add_argument("--active", action="store_true", help="with --all: only the duos whose status is active")
    parser.add_argument("--from", dest="start", type=iso_date, required=True, help="first Paris date, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_date, required=True, help="last Paris date, YYYY-MM-DD")
    parser.add_argument("--minutes", type=int, default=45, help="session length (default 45)")
    parser.add_argument("--buffer", type=int, default=None,
                        help="minutes kept free around the facilitator's other visios (default: the preference, 15)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON (an array of slots; with --all, of duos)")
    output.add_argument("--csv", action="store_true", help="with --all: print CSV, one row per duo")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.services.scheduling import check_range
    from classesduo.settings import Settings

    if args.all == bool(args.duo_id):
        raise UsageError("give either a DUO_ID or --all")
    if args.active and not args.all:
        raise UsageError("--active only applies with --all")
    if args.csv and not args.all:
        raise UsageError("--csv only applies with --all (use --json for one duo)")
    if args.minutes <= 0 or args.minutes > 240:
        raise UsageError(f"--minutes must be between 1 and 240, not {args.minutes}")
    try:
        check_range(args.start, args.end)
    except ValueError as error:
        raise UsageError(str(error)) from None
    workspace = open_for(args)
    buffer = args.buffer if args.buffer is not None else Settings.load(workspace.paths.settings_file).buffer_minutes
    if buffer < 0:
        raise UsageError(f"--buffer cannot be negative, not {buffer}")
    if args.all:
        from classesduo.commands.slots_all import run_all

        return run_all(workspace, args, buffer)
    return _run_one(workspace, args, buffer)


def _run_one(workspace, args: argparse.Namespace, buffer: int) -> int:  # noqa: ANN001 - a Workspace
    from classesduo.services.errors import NotFoundError
    from classesduo.services.scheduling import describe_clock_change, find_duo_slots

    try:
        search = find_duo_slots(workspace.db, args.duo_id, args.start, args.end, minutes=args.minutes,
                                buffer_minutes=buffer)
    except NotFoundError:
        raise UsageError(f"no duo with id {args.duo_id!r} (see: classesduo list duos)") from None
    if args.json:
        json.dump([{**slot.as_json(), "calendar_unknown": search.unknown_for(slot)} for slot in search.slots],
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        for note in search.unknown:
            print(f"warning: {_note_text(note)}", file=sys.stderr)
        if not search.slots:
            print(search.explanation, file=sys.stderr)
        return 0
    calendars = search.calendars
    city = calendars.partner_city
    print(f"{calendars.view.label}: " + english_plural(f"{len(search.slots)} slot(s)", len(search.slots))
          + f" of {args.minutes} minutes, {args.start.isoformat()} to {args.end.isoformat()}")
    for change in search.clock_changes:
        print(f"  note: {describe_clock_change(change, city)}")
    for note in search.unknown:
        print(f"  warning: {_note_text(note)}")
    for note in search.exclusions:
        print(f"  left out: {_note_text(note)}")
    for slot in search.slots:
        paris, partner = slot.paris_local, slot.partner_local
        shift = {1: " (next day)", -1: " (day before)"}.get(slot.partner_day_shift, "")
        unknown = "".join(f"  [unknown: {text}]" for text in search.unknown_for(slot))
        print(f"{paris:%Y-%m-%d %a %H:%M} Paris   {partner:%a %H:%M} {city}{shift}{unknown}")
    if not search.slots:
        print(search.explanation)
        if search.asynchronous_proposal:
            print(search.asynchronous_proposal)
    return 0


def _note_text(note) -> str:  # noqa: ANN001 - a CalendarNote
    days = note.first.isoformat() if note.first == note.last else f"{note.first.isoformat()} to {note.last.isoformat()}"
    return f"{days}: {note.text}"
