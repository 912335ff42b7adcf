"""What every command shares: opening the data, and the error for bad input."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from classesduo.services.workspace import Workspace


class UsageError(Exception):
    """Bad input from the command line: exit 2 with this message."""


def open_for(args: argparse.Namespace) -> Workspace:
    """Open the data folder / database named by the global options, with logging to its log file."""
    from classesduo.logs import log_to_file_only
    from classesduo.paths import AppPaths
    from classesduo.services.workspace import open_workspace

    log_to_file_only(lambda: AppPaths.resolve(args.data_dir).log_file)  # before opening: its failures are logged
    return open_workspace(args.data_dir, args.db_url)


def iso_date(text: str):  # noqa: ANN201 - an argparse type
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
