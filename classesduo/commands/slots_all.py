"""``classesduo slots --all``: one line (or JSON object, or CSV row) per duo of the programme.

Each says how many slots the duo has in the range and the first one on both
clocks, or why there is none. Uses the programme-wide finder
(:func:`classesduo.services.term_slots.find_slots_for_duos`).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from classesduo.domain.i18n import english_plural

CSV_COLUMNS = ["duo_id", "duo", "status", "partner_city", "partner_timezone", "slots", "first_paris",
               "first_partner", "why_none", "calendar_unknown"]


def run_all(workspace, args: argparse.Namespace, buffer: int) -> int:  # noqa: ANN001 - a Workspace
    from classesduo.domain.enums import DuoStatus
    from classesduo.services.term_slots import find_slots_for_duos

    searches = find_slots_for_duos(workspace.db, args.start, args.end, minutes=args.minutes, buffer_minutes=buffer,
                                   statuses=[DuoStatus.ACTIVE] if args.active else None)
    if args.json:
        json.dump([_as_json(search) for search in searches], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_as_row(search) for search in searches)
    else:
        _print_text(searches, args)
    return 0


def _note_text(note) -> str:  # noqa: ANN001 - a CalendarNote
    from classesduo.commands.slots import _note_text as text

    return text(note)


def _why_none(search) -> str:  # noqa: ANN001 - a SlotSearch
    return " ".join(filter(None, [search.explanation, search.asynchronous_proposal]))


def _as_json(search) -> dict[str, object]:  # noqa: ANN001 - a SlotSearch
    view = search.calendars.view
    first = search.first_slot
    return {
        "duo_id": view.duo.id, "duo": view.label, "status": view.duo.status.value,
        "partner_city": view.partner.city, "partner_timezone": search.calendars.partner.zone,
        "slots": len(search.slots),
        "first_slot": {**first.as_json(), "calendar_unknown": search.unknown_for(first)} if first else None,
        "calendar_unknown": [note.as_json() for note in search.unknown],
        "left_out": [note.as_json() for note in search.exclusions],
        "explanation": search.explanation, "asynchronous_proposal": search.asynchronous_proposal,
        "clock_changes": [{"date": day.isoformat(), "hours_before": before, "hours_after": after}
                          for day, before, after in search.clock_changes],
    }


def _as_row(search) -> dict[str, object]:  # noqa: ANN001 - a SlotSearch
    view = search.calendars.view
    first = search.first_slot
    return {
        "duo_id": view.duo.id, "duo": view.label, "status": view.duo.status.value, "partner_city": view.partner.city,
        "partner_timezone": search.calendars.partner.zone, "slots": len(search.slots),
        "first_paris": f"{first.paris_local:%Y-%m-%d %H:%M}" if first else "",
        "first_partner": f"{first.partner_local:%Y-%m-%d %H:%M}" if first else "",
        "why_none": "" if first else _why_none(search),
        "calendar_unknown": "; ".join(_note_text(note) for note in search.unknown),
    }


def _print_text(searches: list, args: argparse.Namespace) -> None:
    with_slots = sum(1 for search in searches if search.slots)
    print(english_plural(f"{len(searches)} duo(s)", len(searches))
          + f", {args.start.isoformat()} to {args.end.isoformat()}, {args.minutes}-minute slots: "
          f"{with_slots} with common times, {len(searches) - with_slots} without")
    for search in searches:
        first = search.first_slot
        label = search.calendars.view.label
        for note in search.unknown:
            print(f"{label}: warning: {_note_text(note)}")
        if first is None:
            print(f"{label}: no slot. {_why_none(search)}")
            continue
        shift = {1: " (next day)", -1: " (day before)"}.get(first.partner_day_shift, "")
        print(f"{label}: " + english_plural(f"{len(search.slots)} slot(s)", len(search.slots))
              + f", first {first.paris_local:%Y-%m-%d %a %H:%M} Paris = "
              f"{first.partner_local:%a %H:%M} {search.calendars.partner_city}{shift}")
