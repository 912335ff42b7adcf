"""Media files stored by content hash: the same file twice is stored once.

Imports stream the source into a temporary file under ``<root>/.incoming``
while hashing it (a video is never held in memory), then rename it to its
content-hash name. A cancelled or failed import removes its temporary file,
so the store never holds a half-copied file under a final name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from classesduo.storage.atomic import write_bytes_atomic

CHUNK_BYTES = 1 << 20


class CopyCancelled(Exception):
    """The user cancelled while a file was being copied; its temporary copy is gone."""


@dataclass(frozen=True, slots=True)
class StagedFile:
    """A source copied into the store's incoming folder, not yet under its final name."""

    temp_path: Path
    digest: str
    size: int
    header: bytes


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
              on_chunk: Callable[[int], None] | None = None, header_bytes: int = 64) -> StagedFile:
        """Copy ``source`` to a temporary file while hashing it, chunk by chunk."""
        self.incoming_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="import-", suffix=".tmp", dir=self.incoming_dir)
        temp = Path(name)
        digest = hashlib.sha256()
        size = 0
        header = b""
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK_BYTES):
                    if cancelled():
                        raise CopyCancelled()
                    if len(header) < header_bytes:
                        header += chunk[: header_bytes - len(header)]
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    if on_chunk is not None:
                        on_chunk(len(chunk))
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return StagedFile(temp, digest.hexdigest(), size, header)

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

    def discard(self, staged: StagedFile) -> None:
        staged.temp_path.unlink(missing_ok=True)

    def remove(self, stored_name: str) -> None:
        self.path_of(stored_name).unlink(missing_ok=True)
