"""The buffer around visios: the one rule the slot finder and the conflict flags share.

Whoever takes part in a visio — its facilitator, its Paris class, its partner
class — needs ``buffer_minutes`` free before and after it (to connect, to move
rooms, to breathe). Two visios sharing someone are *too close* when they
overlap or when less than the buffer separates them; touching the buffer's
edge exactly is fine.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Protocol

from classesduo.domain.i18n import translate


class Participants(Protocol):
    """Who a visio occupies (a planned session, a duo)."""

    facilitator_id: str | None
    paris_class_id: str
    partner_class_id: str


def check_buffer(buffer_minutes: int) -> timedelta:
    """The buffer as a duration; ValueError when negative."""
    if buffer_minutes < 0:
        message = translate("scheduling", "the buffer cannot be negative, not {buffer}")
        raise ValueError(message.format(buffer=buffer_minutes))
    return timedelta(minutes=buffer_minutes)


def widened(start: datetime, end: datetime, buffer_minutes: int) -> tuple[datetime, datetime]:
    """The time a visio blocks for its participants: itself plus the buffer on each side."""
    buffer = check_buffer(buffer_minutes)
    return start - buffer, end + buffer


def too_close(start: datetime, end: datetime, other_start: datetime, other_end: datetime,
              buffer_minutes: int) -> bool:
    """Whether [start, end) overlaps the other visio or comes within ``buffer_minutes`` of it."""
    blocked_start, blocked_end = widened(other_start, other_end, buffer_minutes)
    return blocked_start < end and start < blocked_end


def shared_participants(one: Participants, other: Participants) -> list[str]:
    """Who the two visios have in common: ``"facilitator"``, ``"paris_class"``, ``"partner_class"``."""
    shared = []
    if one.facilitator_id is not None and one.facilitator_id == other.facilitator_id:
        shared.append("facilitator")
    if one.paris_class_id == other.paris_class_id:
        shared.append("paris_class")
    if one.partner_class_id == other.partner_class_id:
        shared.append("partner_class")
    return shared


def blocked_intervals(busy: Iterable[tuple[datetime, datetime]], buffer_minutes: int) -> list[tuple[datetime, datetime]]:
    """Each busy interval widened by the buffer (not merged)."""
    return [widened(start, end, buffer_minutes) for start, end in busy]


__all__ = ["Participants", "blocked_intervals", "check_buffer", "shared_participants", "too_close", "widened"]
