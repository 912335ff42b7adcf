"""Drafts of forms being typed, kept in the data folder until they are saved or discarded.

The log form writes its fields here as they change, so a crash, a closed laptop or a restart
loses nothing: the next time the same form opens (the same session, or a new unplanned
exchange) the draft comes back. Files are private (0600, in a 0700 folder), like the database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from classesduo.paths import AppPaths
from classesduo.storage.atomic import private_folder, write_text_atomic


def _path(paths: AppPaths, name: str) -> Path:
    return paths.data_dir / "drafts" / f"{name}.json"


def save_draft(paths: AppPaths, name: str, data: dict[str, Any]) -> None:
    private_folder(paths.data_dir / "drafts")
    write_text_atomic(_path(paths, name), json.dumps(data, ensure_ascii=False, sort_keys=True))


def load_draft(paths: AppPaths, name: str) -> dict[str, Any] | None:
    """The draft stored under ``name``, or None (none, or unreadable: a draft is never worth an error)."""
    try:
        data = json.loads(_path(paths, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def discard_draft(paths: AppPaths, name: str) -> None:
    _path(paths, name).unlink(missing_ok=True)
