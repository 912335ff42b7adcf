"""Text matching as people type it: case and accents do not matter ("ecole" finds "École")."""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """Lower-case, accents removed; the same function filters in Python and, on SQLite, in SQL."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
