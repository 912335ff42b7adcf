"""The all-or-nothing import: read, check every row, then write everything in one transaction.

A kind (schools, classes…) is a module with ``COLUMNS``, ``KEY_LABEL`` and an
``Importer`` class; the importer looks up what the rows refer to once, turns
each row into a :class:`Planned` write, and applies the writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from classesduo.domain.i18n import translate
from classesduo.domain.validation import FieldError
from classesduo.services.errors import translated_storage_errors
from classesduo.services.importing.reader import Column, Row, read_table
from classesduo.services.importing.report import ImportCancelled, ImportRejected, ImportSummary, Problem
from classesduo.storage.database import Database

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class Planned:
    """One row's outcome: the record to store, the stored row it matches (if any) and whether it differs."""

    key: tuple
    record: Any
    existing: Any | None
    changed: bool


class Importer(Protocol):
    def __init__(self, session: Session) -> None: ...

    def plan(self, row: Row) -> Planned | None:
        """Check the row (problems go to ``row.errors``) and say what to write.

        ``None`` when the row's natural key cannot be worked out (an empty key
        cell, a reference to nothing).
        """

    def write(self, session: Session, planned: Planned) -> None: ...


class Kind(Protocol):
    COLUMNS: tuple[Column, ...]
    KEY_LABEL: str
    Importer: type[Importer]


def run_import(
    db: Database,
    kind: Kind,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    kind_name: str = "",
    before_write: Callable[[], object] | None = None,
) -> ImportSummary:
    """``before_write`` runs once the whole file is valid and before anything is written (a backup).

    The whole import is one transaction; a PostgreSQL serialization failure or deadlock runs it again once
    from the file (``Database.run``), with ``before_write`` taken only the first time."""
    backed_up = False

    def attempt(session) -> tuple[Any, ImportSummary]:  # noqa: ANN001 - an ORM session; may run twice
        nonlocal backed_up
        table = read_table(path, kind.COLUMNS)  # read again: a row's errors are noted on the row
        summary = ImportSummary(kind_name, table.file, dry_run=dry_run)
        total = len(table.rows)
        importer = kind.Importer(session)
        problems: list[Problem] = []
        plans: list[Planned] = []
        first_line: dict[tuple, int] = {}
        for done, row in enumerate(table.rows, start=1):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            planned = importer.plan(row)
            if planned is not None and planned.key in first_line:
                message = translate("import", "Same {key} as line {line}: a file names each record once.")
                row.errors.insert(0, FieldError("", message.format(key=kind.KEY_LABEL, line=first_line[planned.key])))
            elif planned is not None:
                first_line[planned.key] = row.line
            problems += [Problem(table.file, error.message, row.line, error.field) for error in row.errors]
            if planned is not None and not row.errors:
                plans.append(planned)
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, 2 * total)  # checking is the first half of the work, writing the second
        if problems:
            raise ImportRejected(problems)
        for planned in plans:
            if planned.existing is None:
                summary.added += 1
            elif planned.changed:
                summary.updated += 1
            else:
                summary.unchanged += 1
        if not dry_run:
            if before_write is not None and (summary.added or summary.updated) and not backed_up:
                before_write()
                backed_up = True
            for done, planned in enumerate(plans, start=1):
                if planned.existing is None or planned.changed:
                    importer.write(session, planned)
                if done % 500 == 0:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled()  # rolls the whole transaction back
                    session.flush()
                    if progress is not None:
                        progress(total + done, 2 * total)
            session.flush()
        return table, summary

    with translated_storage_errors():
        table, summary = db.run(attempt)
    if not table.rows:
        summary.warnings.append(translate("import", "The file has a header but no rows."))
    return summary
