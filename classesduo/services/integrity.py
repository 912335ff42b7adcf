"""``classesduo check``: the full integrity and foreign-key checks, and every media file against its hash."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field

from pathlib import Path

from sqlalchemy import select

from classesduo.services.workspace import Workspace
from classesduo.storage.atomic import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE
from classesduo.storage.backups import integrity_problems, sqlite_file
from classesduo.storage.models import MediaItemRow


@dataclass
class CheckReport:
    database: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    media_checked: int = 0
    media_missing: int = 0  # counted, not listed one by one (media: the first few)
    modes_repaired: list[str] = field(default_factory=list)  # files and folders made private again

    @property
    def ok(self) -> bool:
        return not self.database and not self.media

    @property
    def media_problems(self) -> int:
        """Every media problem, the missing files beyond those listed included."""
        return len(self.media) + max(0, self.media_missing - MISSING_LISTED)


def file_sha256(path, chunk: int = 1 << 20) -> str:  # noqa: ANN001 - a Path
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


#: ``check`` lists this many missing media files, then gives the count (the large demo has 199,700).
MISSING_LISTED = 10


def repair_private_modes(roots: list[Path]) -> list[str]:
    """Make every folder under ``roots`` 0700 and every file 0600 where they are looser; return what changed."""
    if os.name == "nt":
        return []
    repaired = []
    for root in roots:
        if not root.is_dir():
            continue
        for folder, folders, files in os.walk(root):
            for path in [Path(folder)] + [Path(folder) / name for name in files]:
                try:
                    info = path.lstat()
                except FileNotFoundError:
                    continue
                if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
                    continue
                wanted = PRIVATE_DIR_MODE if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE_MODE
                if stat.S_IMODE(info.st_mode) & 0o077:
                    os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077 | (wanted & 0o700))
                    repaired.append(f"{path}: {stat.S_IMODE(info.st_mode):o} -> "
                                    f"{stat.S_IMODE(path.lstat().st_mode):o}")
            folders[:] = [name for name in folders if not (Path(folder) / name).is_symlink()]
    return repaired


def check_workspace(workspace: Workspace, progress: Callable[[int, int], None] | None = None) -> CheckReport:
    report = CheckReport()
    report.modes_repaired = repair_private_modes(
        workspace.paths.private_roots() + ([workspace.media.root] if workspace.media.root.parent
                                           != workspace.paths.data_dir else []))
    database = sqlite_file(workspace.db.url)
    if database is not None:
        report.database = integrity_problems(database)
    with workspace.db.reading() as session:
        items = session.execute(select(MediaItemRow.stored_name, MediaItemRow.file_hash,
                                       MediaItemRow.original_name)).all()
    for number, (stored_name, file_hash, original) in enumerate(items, start=1):
        path = workspace.media.path_of(stored_name)
        if not path.is_file():
            report.media_missing += 1
            if report.media_missing <= MISSING_LISTED:
                report.media.append(f"{original}: file missing ({path})")
        elif file_sha256(path) != file_hash:
            report.media.append(f"{original}: content does not match its hash ({path})")
        report.media_checked += 1
        if progress:
            progress(number, len(items))
    return report
