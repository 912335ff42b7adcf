"""Text matching as people type it: case and accents do not matter ("ecole" finds "École")."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold(text: str | None) -> str:
    """Lower-case, accents removed; the same function filters in Python and, on SQLite, in SQL."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold_unicode(text)


@lru_cache(maxsize=16384)
def _fold_unicode(text: str) -> str:
    """Cached: a filter folds the same few thousand school and facilitator names at every keystroke."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
