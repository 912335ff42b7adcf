"""The ``classesduo`` command: no command opens the GUI; the others run headless on the same services.

Each command lives in :mod:`classesduo.commands`. Every failure the user can
cause ends with exit status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from classesduo import version_text
from classesduo.commands import COMMAND_MODULES

EXIT_USAGE = 2
#: The options the GUI takes (see :func:`_gui_options`).
GUI_OPTIONS = ("--data-dir", "--db-url")

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse is imported only for commands: opening the GUI does not need it (start-up time)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")

    return _Parser


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="folder for the database, media, backups and logs "
                                           "(env CLASSESDUO_DATA_DIR)")
    parser.add_argument("--db-url", help="SQLAlchemy database URL, e.g. postgresql+psycopg://… "
                                         "(env CLASSESDUO_DB_URL)")


def build_parser() -> argparse.ArgumentParser:
    parser_class = _parser_class()
    parser = parser_class(prog="classesduo", description="Plan and record Classes Duo school exchanges.")
    parser.add_argument("--version", action="version", version=version_text())
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def _gui_options(argv: Sequence[str]) -> dict[str, str | None] | None:
    """The options when the command line opens the GUI (no command), or None for anything else.

    Start-up time counts: building the full parser imports and registers the
    thirteen command modules (~50 ms) and makes argparse measure the terminal,
    which the window would wait for. Only ``--data-dir``/``--db-url`` with a
    value are read here; a command, ``--help``, ``--version`` or a mistake goes
    to the full parser, which says what is wrong.
    """
    options: dict[str, str | None] = {"data_dir": None, "db_url": None}
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        name, equals, value = token.partition("=")
        if name not in GUI_OPTIONS:
            return None
        if not equals:
            if not tokens or tokens[0].startswith("-"):
                return None
            value = tokens.pop(0)
        options[name[2:].replace("-", "_")] = value
    return options


def one_line(text: str) -> str:
    """A message as one line: control characters (a newline in a file name…) shown escaped."""
    from classesduo.domain.text import escape_controls

    return escape_controls(text)


def _log_to_file_only(args: argparse.Namespace) -> None:
    from classesduo.logs import log_to_file_only
    from classesduo.paths import AppPaths

    log_to_file_only(lambda: AppPaths.resolve(args.data_dir).log_file)


def main(argv: Sequence[str] | None = None) -> int:
    from classesduo.paths import use_private_umask

    use_private_umask()  # children's data: every file 0600, every folder 0700
    logging.raiseExceptions = False  # a log that cannot be written (a full disk) must not print tracebacks
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_options(argv)
    if gui is not None:
        from classesduo.ui.app import run_gui

        return run_gui(**gui)
    from classesduo.commands.common import UsageError

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

        _log_to_file_only(args)
        if not isinstance(error, ServiceError | ValidationError):
            log.exception("command %s failed", args.command)
        else:
            log.info("command %s refused: %s", args.command, error, exc_info=error.__cause__ is not None)
        print(f"classesduo: error: {one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ServiceError | ValidationError | ValueError) else 1
