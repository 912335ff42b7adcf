"""Media files stored by content hash: the same file twice is stored once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from classesduo.storage.atomic import write_bytes_atomic


class MediaStore:
    """Files live at ``<root>/<first two hex digits>/<sha256><suffix>``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def stored_name(digest: str, suffix: str) -> str:
        return f"{digest[:2]}/{digest}{suffix.lower()}"

    def path_of(self, stored_name: str) -> Path:
        return self.root / stored_name

    def store_bytes(self, data: bytes, suffix: str) -> tuple[str, str]:
        """Store ``data``; return its sha256 and stored name. Existing identical files are kept."""
        digest = hashlib.sha256(data).hexdigest()
        name = self.stored_name(digest, suffix)
        target = self.path_of(name)
        if not target.exists():
            write_bytes_atomic(target, data)
        return digest, name
