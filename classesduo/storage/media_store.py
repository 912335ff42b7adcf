"""Media files stored by content hash: the same file twice is stored once.

Imports stream the source into a temporary file under ``<root>/.incoming``
while hashing it, in one read pass (a video is never held in memory), then
rename it to its content-hash name. A cancelled or failed import removes its
temporary file, so the store never holds a half-copied file under a final name.

A staged file is flushed to the disk before it is renamed: either at once
(``durable=True``) or, for a batch, by the caller through
:class:`~classesduo.storage.atomic.BackgroundSync`; :meth:`MediaStore.sync_directories`
then makes the renames durable, before the rows pointing at the files commit.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from classesduo.storage.atomic import fsync_directory, write_bytes_atomic

CHUNK_BYTES = 1 << 20
#: Where a bundle import stages media files before its commit (one folder: cleaning up after a crash is one listing).
STAGING = ".staging"
#: The end of each staged file is kept: end-of-file markers (JPEG, PDF) are checked there.
TAIL_BYTES = 64 * 1024


class CopyCancelled(Exception):
    """The user cancelled while a file was being copied; its temporary copy is gone."""


@dataclass(frozen=True, slots=True)
class StagedFile:
    """A source copied into the store's incoming folder, not yet under its final name."""

    temp_path: Path
    digest: str
    size: int
    header: bytes
    tail: bytes = b""  # the last TAIL_BYTES (or fewer) bytes


class MediaStore:
    """Files live at ``<root>/<first two hex digits>/<sha256><suffix>``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def stored_name(digest: str, suffix: str) -> str:
        return f"{digest[:2]}/{digest}{suffix.lower()}"

    def path_of(self, stored_name: str) -> Path:
        return self.root / stored_name

    @property
    def incoming_dir(self) -> Path:
        return self.root / ".incoming"

    def store_bytes(self, data: bytes, suffix: str) -> tuple[str, str]:
        """Store ``data``; return its sha256 and stored name. Existing identical files are kept."""
        digest = hashlib.sha256(data).hexdigest()
        name = self.stored_name(digest, suffix)
        target = self.path_of(name)
        if not target.exists():
            write_bytes_atomic(target, data)
        return digest, name

    def stage(self, source: Path, cancelled: Callable[[], bool] = lambda: False,
              on_chunk: Callable[[int], None] | None = None, header_bytes: int = 64,
              durable: bool = True) -> StagedFile:
        """Copy ``source`` to a temporary file while hashing it, chunk by chunk.

        With ``durable=False`` the copy is not flushed to the disk: the caller must ``fsync`` it
        before :meth:`commit` (see ``BackgroundSync``).
        """
        self.incoming_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="import-", suffix=".tmp", dir=self.incoming_dir)
        temp = Path(name)
        digest = hashlib.sha256()
        size = 0
        header = tail = b""
        buffer = bytearray(CHUNK_BYTES)
        view = memoryview(buffer)
        try:
            with os.fdopen(fd, "wb", buffering=0) as out, source.open("rb", buffering=0) as src:
                while count := src.readinto(buffer):
                    if cancelled():
                        raise CopyCancelled()
                    chunk = view[:count]
                    if len(header) < header_bytes:
                        header += bytes(chunk[: header_bytes - len(header)])
                    digest.update(chunk)  # hashlib and the writes release the GIL for large buffers
                    written = 0
                    while written < count:
                        written += out.write(chunk[written:])
                    tail = (tail + bytes(chunk[-TAIL_BYTES:]))[-TAIL_BYTES:]
                    size += count
                    if on_chunk is not None:
                        on_chunk(count)
                if durable:
                    os.fsync(out.fileno())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return StagedFile(temp, digest.hexdigest(), size, header, tail)

    def commit(self, staged: StagedFile, suffix: str) -> tuple[str, bool]:
        """Move a staged file to its content-hash name; return (stored name, whether it is new)."""
        name = self.stored_name(staged.digest, suffix)
        target = self.path_of(name)
        if target.exists():
            staged.temp_path.unlink(missing_ok=True)
            return name, False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.temp_path, target)
        return name, True

    def sync_directories(self, stored_names: list[str]) -> None:
        """Make the renames of :meth:`commit` durable: one ``fsync`` per folder touched, and the root's."""
        for folder in sorted({self.path_of(name).parent for name in stored_names}):
            fsync_directory(folder)
        if stored_names:
            fsync_directory(self.root)

    def remove_stale_incoming(self, older_than_seconds: float = 3600) -> int:
        """Remove temporary copies a killed import left behind; return how many went.

        Only files untouched for an hour: another window's import may be copying right now.
        """
        removed = 0
        if not self.incoming_dir.is_dir():
            return 0
        limit = time.time() - older_than_seconds
        for path in self.incoming_dir.glob("import-*.tmp"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                pass  # gone meanwhile, or not ours to remove: try again next time
        return removed

    def discard(self, staged: StagedFile) -> None:
        staged.temp_path.unlink(missing_ok=True)

    def remove(self, stored_name: str) -> None:
        self.path_of(stored_name).unlink(missing_ok=True)
