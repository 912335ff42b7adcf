"""``classesduo invite SESSION_ID -o invite.eml [--lang fr|en|es] [--series]``: an invitation e-mail (iMIP)."""

from __future__ import annotations

import argparse
from pathlib import Path

from classesduo.commands.common import UsageError, open_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "invite", help="write an invitation e-mail (.eml with an iMIP calendar part) for a visio")
    parser.add_argument("session_id", metavar="SESSION_ID", help="the visio (a cancelled or postponed one gives the "
                                                                 "cancellation)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the .eml file to write")
    parser.add_argument("--lang", choices=("fr", "en", "es"),
                        help="the language besides French (default: the partner school's English or Spanish, "
                             "else English; fr: French only)")
    parser.add_argument("--series", action="store_true",
                        help="every planned visio of the session's series from this one on, in one message")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.services.errors import NotFoundError, ServiceError
    from classesduo.services.invitation_mail import series_invitation, session_invitation, write_eml

    if args.output.is_dir():
        raise UsageError(f"{args.output} is a folder; give a file name such as invite.eml")
    workspace = open_for(args)
    build = series_invitation if args.series else session_invitation
    try:
        mail = build(workspace.db, args.session_id, language=args.lang)
    except (NotFoundError, ServiceError) as error:
        raise UsageError(str(error)) from None
    try:
        write_eml(mail, args.output)
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(f"{mail.method} for {', '.join(mail.recipients)} written to {args.output}")
    return 0
