"""``classesduo sync``: push the visios to the connected CalDAV calendar (``--connect`` one first)."""

from __future__ import annotations

import argparse
import sys

from classesduo.commands.common import UsageError, open_for
from classesduo.domain.i18n import english_plural


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("sync", help="push every visio change to a CalDAV calendar (Nextcloud, Radicale…)")
    parser.add_argument("--connect", metavar="URL", help="connect this CalDAV calendar (its collection URL) first")
    parser.add_argument("--user", metavar="NAME", help="the CalDAV user name (with --connect)")
    parser.add_argument("--facilitator", metavar="ID", help="only this facilitator's duos (with --connect; default: "
                                                            "the whole programme)")
    parser.add_argument("--force", metavar="UID", action="append", default=[],
                        help="push this event even though it was changed on the server (repeatable)")
    parser.add_argument("--status", action="store_true", help="say what waits to be pushed, without syncing")
    parser.add_argument("--disconnect", action="store_true", help="forget the connected calendar")
    parser.set_defaults(handler=run)


def _password(account, asked: bool) -> str:  # noqa: ANN001 - a caldav_sync.Account
    import os

    from classesduo.services.caldav_sync import PASSWORD_ENV, stored_password

    password = os.environ.get(PASSWORD_ENV) if asked else stored_password(account)
    if password is None:
        if not sys.stdin.isatty():
            raise UsageError("the CalDAV password is needed: no keyring on this computer; set "
                             "CLASSESDUO_CALDAV_PASSWORD or run in a terminal")
        import getpass

        password = getpass.getpass(f"CalDAV password for {account.username} at {account.url}: ")
    return password


def run(args: argparse.Namespace) -> int:
    from classesduo.services import caldav_sync
    from classesduo.services.errors import ServiceError

    workspace = open_for(args)
    folder = workspace.paths.data_dir
    try:
        if args.disconnect:
            caldav_sync.disconnect(folder)
            print("CalDAV calendar disconnected")
            return 0
        asked = False
        if args.connect:
            if not args.user:
                raise UsageError("--connect needs --user NAME")
            if args.facilitator:
                from classesduo.services.facilitators import list_facilitators

                if args.facilitator not in {f.id for f in list_facilitators(workspace.db)}:
                    raise UsageError(f"no facilitator with id {args.facilitator}")
            state = caldav_sync.connect(folder, args.connect, args.user, args.facilitator)
            password = _password(state.account, asked=True)
            asked = True
            kept = caldav_sync.store_password(state.account, password)
            print("password kept in the system keyring" if kept else
                  "no system keyring here: the password will be asked at each sync")
        state = caldav_sync.load_state(folder)
        if state.account is None:
            raise UsageError("no CalDAV calendar is connected: classesduo sync --connect URL --user NAME")
        waiting = caldav_sync.pending(workspace.db, state)
        if args.status:
            print(f"{state.account.url} ({state.account.username}): "
                  + english_plural(f"{waiting} change(s) waiting", waiting)
                  + f"; last complete sync {state.last_sync or 'never'}")
            return 0
        report = caldav_sync.sync(workspace.db, folder, password if asked else _password(state.account, False),
                                  force=args.force)
    except ServiceError as error:
        raise UsageError(str(error)) from None
    print(f"{len(report.pushed)} pushed, {len(report.deleted)} deleted, "
          + english_plural(f"{len(report.conflicts)} conflict(s)", len(report.conflicts)) + f", {report.waiting} waiting")
    for uid, what in report.conflicts:
        print(f"conflict: {uid}: {what}", file=sys.stderr)
    if report.offline:
        print(f"the server did not answer ({report.offline}); run classesduo sync again later", file=sys.stderr)
    return 0 if report.complete else 1
