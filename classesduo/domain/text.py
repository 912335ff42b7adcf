"""Text matching as people type it: case and accents do not matter ("ecole" finds "École")."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Names are folded again at each filter keystroke and cached; longer texts (a log's activities) are not.
_CACHED_LENGTH = 120


def fold(text: str | None) -> str:
    """Lower-case, accents removed: how every filter compares what is typed with what is stored."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold_name(text) if len(text) <= _CACHED_LENGTH else _fold_unicode(text)


@lru_cache(maxsize=16384)
def _fold_name(text: str) -> str:
    """Cached: a filter folds the same few thousand school and facilitator names at every keystroke."""
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
