"""The ``classesduo`` command: no command opens the GUI; the others run headless on the same services.

Each command lives in :mod:`classesduo.commands`. Every failure the user can
cause ends with exit status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from classesduo import __version__
from classesduo.commands import COMMAND_MODULES
from classesduo.commands.common import UsageError

EXIT_USAGE = 2

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="classesduo", description="Plan and record Classes Duo school exchanges.")
    parser.add_argument("--version", action="version", version=f"classesduo {__version__}")
    parser.add_argument("--data-dir", help="folder for the database, media, backups and logs "
                                           "(env CLASSESDUO_DATA_DIR)")
    parser.add_argument("--db-url", help="SQLAlchemy database URL, e.g. postgresql+psycopg://… "
                                         "(env CLASSESDUO_DB_URL)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from classesduo.ui.app import run_gui

        return run_gui(data_dir=args.data_dir, db_url=args.db_url)
    try:
        from classesduo.services.errors import translated_storage_errors

        with translated_storage_errors():  # e.g. "database is busy" instead of a driver error
            return args.handler(args)
    except BrokenPipeError:  # e.g. `classesduo list sessions | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UsageError as error:
        print(f"classesduo: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the one place that turns failures into a message
        from classesduo.services.errors import ServiceError, ValidationError

        if not isinstance(error, ServiceError | ValidationError):
            log.exception("command %s failed", args.command)
        print(f"classesduo: error: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ServiceError | ValidationError | ValueError) else 1
