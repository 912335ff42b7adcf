"""``classesduo invite SESSION_ID -o invite.eml [--lang fr|en|es] [--series]``: an invitation e-mail (iMIP)."""

from __future__ import annotations

import argparse
import os
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
    parser.add_argument("--send", action="store_true", help="also send it through your SMTP server (TLS only)")
    parser.add_argument("--smtp-host", metavar="HOST", help="the SMTP server (with --send)")
    parser.add_argument("--smtp-port", type=int, metavar="PORT", help="default 587 (STARTTLS), 465 with --smtp-ssl")
    parser.add_argument("--smtp-user", metavar="NAME", default="", help="the SMTP user name (password: keyring, "
                                                                        "CLASSESDUO_SMTP_PASSWORD or asked)")
    parser.add_argument("--smtp-ssl", action="store_true", help="TLS from the start (port 465) instead of STARTTLS")
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
    if args.send:
        _send(mail, args)
        print(f"sent through {args.smtp_host}")
    return 0


def _send(mail, args: argparse.Namespace) -> None:  # noqa: ANN001 - an InvitationMail
    import sys

    from classesduo.services.errors import ServiceError
    from classesduo.services.smtp_send import SmtpServer, send, smtp_password

    if not args.smtp_host:
        raise UsageError("--send needs --smtp-host HOST")
    server = SmtpServer(args.smtp_host, args.smtp_port or (465 if args.smtp_ssl else 587), args.smtp_user,
                        "ssl" if args.smtp_ssl else "starttls", os.environ.get("CLASSESDUO_SMTP_CAFILE") or None)
    password = smtp_password(server) if server.username else None
    if server.username and password is None:
        if not sys.stdin.isatty():
            raise UsageError("the SMTP password is needed: set CLASSESDUO_SMTP_PASSWORD or run in a terminal")
        import getpass

        password = getpass.getpass(f"SMTP password for {server.username} at {server.host}: ")
    try:
        send(mail, server, password)
    except ServiceError as error:
        raise UsageError(f"{error} (the .eml is in {args.output})") from None
