"""``classesduo log SESSION_ID --status …``: record what happened at a session, from a script."""

from __future__ import annotations

import argparse
from datetime import datetime


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "log", help="log a session: held, cancelled (with a reason) or postponed (to a new instant)",
        description="Record the outcome of a session. Editing a session already logged keeps the previous "
                    "values in its history.")
    parser.add_argument("session_id", metavar="SESSION_ID", help="the session's id (see: list sessions --json)")
    parser.add_argument("--status", required=True, choices=["held", "cancelled", "postponed"])
    parser.add_argument("--present-paris", type=int, metavar="N", help="pupils present in Paris (a count)")
    parser.add_argument("--present-partner", type=int, metavar="N", help="pupils present in the partner class")
    parser.add_argument("--minutes", type=int, metavar="N", help="actual duration in minutes")
    parser.add_argument("--notes", default=None, metavar="TEXT")
    parser.add_argument("--activities", default=None, metavar="TEXT", help="what was done")
    parser.add_argument("--tags", default=None, metavar="A,B",
                        help="activity tags: presentation, song, qa, game, drawing_exchange, reading, other")
    parser.add_argument("--languages", default=None, metavar="fr,es", help="languages used (ISO 639-1 codes)")
    parser.add_argument("--problems", default=None, metavar="TEXT", help="technical problems")
    parser.add_argument("--follow-up", default=None, metavar="TEXT", help="follow-up to do")
    parser.add_argument("--reason", default="", metavar="R",
                        help="why it was cancelled: technical, partner_absent, school_event, weather, strike, other")
    parser.add_argument("--to", metavar="INSTANT", dest="postponed_to",
                        help="postponed: the new start with its offset, e.g. 2026-12-04T15:00+01:00")
    parser.add_argument("--by", default="", metavar="NAME", help="name kept in the history (default: OS user)")
    parser.add_argument("--json", action="store_true", help="print the logged session as JSON")
    parser.set_defaults(handler=run)


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _instant(text: str | None) -> datetime | None:
    from classesduo.commands.common import UsageError

    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--to: not a date and time (YYYY-MM-DDTHH:MM+01:00): {text!r}") from None
    if value.tzinfo is None:
        raise UsageError(f"--to: give the offset too, e.g. {text}+01:00 for Paris in winter")
    return value


def run(args: argparse.Namespace) -> int:
    import json

    from classesduo.commands.common import UsageError, open_for
    from classesduo.domain.entities import SessionLog
    from classesduo.domain.enums import SessionStatus
    from classesduo.domain.exchange_log import LogEntry
    from classesduo.services.exchange_log import log_session
    from classesduo.services.planning import get_session
    from classesduo.services.serialize import plain

    status = SessionStatus(args.status)
    if args.postponed_to is not None and status is not SessionStatus.POSTPONED:
        raise UsageError("--to only applies to --status postponed")
    if args.reason and status is not SessionStatus.CANCELLED:
        raise UsageError("--reason only applies to --status cancelled")
    db = open_for(args).db
    # Correcting one figure keeps the rest: a field not given keeps its logged value (same outcome only).
    current = get_session(db, args.session_id)
    old = current.log if current.status is status else SessionLog()

    def given(value, previous):  # noqa: ANN001, ANN202
        return previous if value is None else value

    entry = LogEntry(status, SessionLog(
        present_paris=given(args.present_paris, old.present_paris),
        present_partner=given(args.present_partner, old.present_partner),
        actual_minutes=given(args.minutes, old.actual_minutes),
        cancel_reason=args.reason.strip() or old.cancel_reason,
        activities=given(args.activities, old.activities),
        activity_tags=old.activity_tags if args.tags is None else _codes(args.tags),
        languages_used=old.languages_used if args.languages is None else _codes(args.languages),
        problems=given(args.problems, old.problems), follow_up=given(args.follow_up, old.follow_up),
        notes=given(args.notes, old.notes),
    ), postponed_to=_instant(args.postponed_to))
    saved = log_session(db, args.session_id, entry, changed_by=args.by)
    if args.json:
        print(json.dumps(plain(saved), ensure_ascii=False, indent=2))
    elif saved.postponed_to_id and status is SessionStatus.POSTPONED:
        print(f"Session {saved.id} postponed; new session {saved.postponed_to_id}.")
    else:
        print(f"Session {saved.id} logged as {saved.status.value}.")
    _warn_child_names(db, saved)
    return 0


def _warn_child_names(db, saved) -> None:  # noqa: ANN001
    """Logs count children, never name them: say so when a text looks like it names one."""
    import sys

    from classesduo.services.child_names import names_in_text
    from classesduo.services.duos import get_duo

    view = get_duo(db, saved.duo_id)
    log = saved.log
    names = names_in_text(log.activities, log.problems, log.follow_up, log.notes,
                          known=(view.paris.school, view.partner.school, view.partner.city, view.facilitator))
    if names:
        print(f"warning: the log seems to name a child ({', '.join(names[:5])}); logs and reports count "
              "children, never name them: edit it with classesduo log again", file=sys.stderr)
