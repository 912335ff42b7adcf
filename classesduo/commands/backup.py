"""``classesduo backup [-o FILE]`` and ``classesduo restore FILE|--latest``."""

from __future__ import annotations

import argparse
from pathlib import Path

from classesduo.commands.common import UsageError, open_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("backup", help="write a checked backup of the database now")
    parser.add_argument("-o", "--output", type=Path, help="write it to FILE instead of the backups folder")
    parser.add_argument("--list", action="store_true", help="list the backups folder instead")
    parser.set_defaults(handler=run_backup)
    parser = commands.add_parser("restore", help="replace the database with a backup (backing up the current "
                                                 "state first; a damaged database is kept aside)")
    parser.add_argument("file", nargs="?", type=Path, help="the backup file to restore")
    parser.add_argument("--latest", action="store_true", help="restore the newest backup that passes its check")
    parser.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from classesduo.paths import AppPaths
    from classesduo.services.backups import backup_now, list_backups

    if args.list:
        for backup in list_backups(AppPaths.resolve(args.data_dir)):
            print(f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC  {backup.size:>12,d} B  {backup.reason:<24} "
                  f"{backup.path}")
        return 0
    from classesduo.commands.common import output_file

    target = output_file(args.output) if args.output else None
    workspace = open_for(args)
    path = backup_now(workspace, "manual", target=target)
    print(f"Backup written and checked: {path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    import os

    from classesduo.logs import setup_logging
    from classesduo.paths import DB_URL_ENV, AppPaths
    from classesduo.services.backups import newest_good_backup, restore
    from classesduo.settings import Settings

    shared = args.db_url or os.environ.get(DB_URL_ENV) or Settings.load(
        AppPaths.resolve(args.data_dir).settings_file).db_url
    if shared:
        raise UsageError("restore works on a data folder's own database; this one uses a shared server "
                         "(restore it there with pg_restore)")
    if bool(args.file) == bool(args.latest):
        raise UsageError("give a backup FILE or --latest")
    from classesduo.commands.common import window_lock

    paths = AppPaths.resolve(args.data_dir)
    paths.ensure()
    setup_logging(paths.log_file)
    lock = window_lock(args.data_dir)  # held until the command ends
    if args.latest:
        newest = newest_good_backup(paths)
        if newest is None:
            raise UsageError(f"no sound backup in {paths.backups_dir}")
        chosen = newest.path
    else:
        chosen = args.file
        if not chosen.is_file():
            raise UsageError(f"no such file: {chosen}")
    result = restore(paths, chosen)
    if lock is not None:
        lock.unlock()
    print(f"Restored {result.restored}.")
    if result.safety_backup:
        print(f"The previous state was backed up to {result.safety_backup}.")
    if result.moved_aside:
        print(f"The damaged database was kept as {result.moved_aside}.")
    return 0
