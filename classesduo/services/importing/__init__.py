"""CSV import of schools, classes, facilitators, duos and sessions (see ``docs/import.md``).

All or nothing: every row is read and checked first, every problem is
reported with its line and field, and only a file without problems is written,
in one transaction. Rows are matched to stored records by a natural key, so
importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from classesduo.services.importing import classes, duos, facilitators, schools, sessions
from classesduo.services.importing.engine import Cancelled, Progress, run_import
from classesduo.services.importing.report import ImportCancelled, ImportRejected, ImportSummary, Problem
from classesduo.storage.database import Database

__all__ = ["KINDS", "ImportCancelled", "ImportRejected", "ImportSummary", "Problem", "import_file"]

#: In the order a new programme is imported: each kind refers to the ones before it.
KINDS: dict[str, ModuleType] = {
    "schools": schools,
    "classes": classes,
    "facilitators": facilitators,
    "duos": duos,
    "sessions": sessions,
}


def import_file(
    db: Database,
    kind: str,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    before_write: Callable[[], object] | None = None,
) -> ImportSummary:
    """Import ``path`` as ``kind``; raise :class:`ImportRejected` (nothing written) if any row is bad.

    ``before_write`` runs once the file is known good and will change something: callers take a backup there.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r} (use one of: {', '.join(KINDS)})")
    return run_import(db, KINDS[kind], path, dry_run=dry_run, progress=progress, cancelled=cancelled,
                      kind_name=kind, before_write=before_write)
