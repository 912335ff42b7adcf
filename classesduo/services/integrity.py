"""``classesduo check``: the full integrity and foreign-key checks, and every media file against its hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from classesduo.services.workspace import Workspace
from classesduo.storage.backups import integrity_problems, sqlite_file
from classesduo.storage.models import MediaItemRow


@dataclass
class CheckReport:
    database: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    media_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.database and not self.media


def file_sha256(path, chunk: int = 1 << 20) -> str:  # noqa: ANN001 - a Path
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def check_workspace(workspace: Workspace, progress: Callable[[int, int], None] | None = None) -> CheckReport:
    report = CheckReport()
    database = sqlite_file(workspace.db.url)
    if database is not None:
        report.database = integrity_problems(database)
    with workspace.db.reading() as session:
        items = session.execute(select(MediaItemRow.stored_name, MediaItemRow.file_hash,
                                       MediaItemRow.original_name)).all()
    for number, (stored_name, file_hash, original) in enumerate(items, start=1):
        path = workspace.media.path_of(stored_name)
        if not path.is_file():
            report.media.append(f"{original}: file missing ({path})")
        elif file_sha256(path) != file_hash:
            report.media.append(f"{original}: content does not match its hash ({path})")
        report.media_checked += 1
        if progress:
            progress(number, len(items))
    return report
