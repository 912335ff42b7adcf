"""Which side of a bundle has seen what: a per-record change history instead of wall clocks.

Every record carries the ids of its last changes, oldest first (``change_history``, space-separated).
A change appends a fresh id. Comparing two copies of a record needs no clock:

- the same last change: the same state;
- my last change is in their history: theirs descends from mine (take it);
- their last change is in my history: mine descends from theirs (keep it);
- neither: both changed since they last agreed — a conflict the user decides.

A record without a history (written before histories existed, or in a bundle of format 2) gets a seed
derived from its id and ``updated_at``: two laptops holding the same copy derive the same seed.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from enum import StrEnum

#: Changes a record remembers: enough for laptops that exchange bundles every few weeks.
MAX_CHANGES = 64


class Seen(StrEnum):
    SAME = "same"
    THEIRS_NEWER = "theirs-newer"
    MINE_NEWER = "mine-newer"
    CONCURRENT = "concurrent"


def new_change() -> str:
    return uuid.uuid4().hex[:16]


def seed(record_id: str, updated_at: datetime) -> str:
    """The history of a record that has none: the same on every laptop holding the same copy."""
    stamp = updated_at.astimezone(UTC).isoformat() if updated_at.tzinfo else updated_at.isoformat()
    return hashlib.sha256(f"{record_id}|{stamp}".encode()).hexdigest()[:16]


def changes(history: str | None) -> list[str]:
    return history.split() if history else []


def extended(history: str | None, *added: str) -> str:
    ids = [change for change in changes(history) if change not in added] + list(added)
    return " ".join(ids[-MAX_CHANGES:])


def merged(mine: str | None, theirs: str | None) -> str:
    """A history that has seen both sides, plus a new change (the user's decision)."""
    known = changes(theirs)
    return extended(" ".join(known + [change for change in changes(mine) if change not in known]), new_change())


def compare(mine: str, theirs: str) -> Seen:
    mine_ids, their_ids = changes(mine), changes(theirs)
    if mine_ids[-1] == their_ids[-1]:
        return Seen.SAME
    if mine_ids[-1] in their_ids:
        return Seen.THEIRS_NEWER
    if their_ids[-1] in mine_ids:
        return Seen.MINE_NEWER
    return Seen.CONCURRENT


#: A timestamp more than this far ahead of the importing laptop's clock is from a wrong clock.
FUTURE_TOLERANCE_SECONDS = 24 * 3600


def is_from_the_future(instant: datetime, now: datetime) -> bool:
    return (instant - now).total_seconds() > FUTURE_TOLERANCE_SECONDS
