"""``classesduo erase duo ID``: remove a duo with its sessions, logs and media, for good."""

from __future__ import annotations

import argparse

from classesduo.domain.i18n import english_plural


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("erase", help="erase a duo with its sessions, logs, media files and thumbnails "
                                               "(also from every backup in the data folder)")
    parser.add_argument("kind", choices=["duo"])
    parser.add_argument("id", help="the duo's id (see: classesduo list duos)")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from classesduo.commands.common import UsageError, open_for, window_lock
    from classesduo.services.duos import duo_dependents, get_duo
    from classesduo.services.erase import erase_duo

    workspace = open_for(args)
    view = get_duo(workspace.db, args.id)
    sessions, media = duo_dependents(workspace.db, args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("erasing cannot be undone: add --yes to confirm")
        answer = input(f"Erase {view.paris.school} ↔ {view.partner.school} with {sessions} sessions and "
                       f"{media} media items? Type 'erase' to confirm: ")
        if answer.strip() != "erase":
            print("Nothing erased.")
            return 1
    lock = window_lock(args.data_dir)  # an open window would keep showing the erased duo
    try:
        summary = erase_duo(workspace, args.id)
    finally:
        if lock is not None:
            lock.unlock()
    print("Erased: " + ", ".join((english_plural(f"{summary.sessions} session(s)", summary.sessions),
                                  english_plural(f"{summary.media_items} media item(s)", summary.media_items),
                                  english_plural(f"{summary.files_removed} file(s)", summary.files_removed)))
          + f"; backups: {summary.backups_scrubbed} scrubbed, "
          f"{summary.backups_removed} deleted (older schema).")
    return 0
