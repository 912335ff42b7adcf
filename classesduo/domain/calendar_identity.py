"""A session's identity in other people's calendars (iCalendar UID, SEQUENCE, STATUS).

One rule, whatever path changes a session (planning form, drag in the calendar,
exchange log, CSV import, bundle import, series edit):

* the UID is the session's UUID and never changes;
* SEQUENCE goes up by exactly one when something a calendar shows changes —
  start, length, status (held, cancelled, postponed), the session it was
  postponed to, the visio link or the kind — and never goes down (a bundle from
  another laptop that already raised it keeps its higher value);
* a postponement is exported as the **cancelled original plus a new event**
  (the replacement session, with its own UID): the original's STATUS becomes
  CANCELLED, so no reader shows both times as confirmed.

The storage layer applies :func:`next_sequence` to every update of a session
(an ORM ``before_update`` hook, and the bundle import's bulk update).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from classesduo.domain.enums import SessionStatus
from classesduo.domain.session_status import takes_time

#: The fields whose change a calendar app must notice.
CALENDAR_FIELDS: tuple[str, ...] = ("start_utc", "minutes", "status", "postponed_to_id", "visio_link", "kind")

UID_DOMAIN = "classesduo.paris.fr"


def session_uid(session_id: str) -> str:
    """The iCalendar UID of a session: the same in every file, invitation, feed and CalDAV calendar."""
    return f"{session_id}@{UID_DOMAIN}"


def ical_status(status: SessionStatus) -> str:
    """STATUS of a session's VEVENT: a postponed session is cancelled at its old time (its replacement is
    another event), so only planned and held sessions are CONFIRMED."""
    return "CONFIRMED" if takes_time(status) else "CANCELLED"


def _comparable(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)  # SQLite hands stored instants back naive UTC before conversion
    if isinstance(value, str):  # enums (StrEnum) and their stored string compare alike
        return str(value).strip()
    return value


def calendar_changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether a calendar app would show ``after`` differently from ``before`` (missing keys: unchanged)."""
    return any(name in after and _comparable(before.get(name)) != _comparable(after[name])
               for name in CALENDAR_FIELDS)


def next_sequence(stored: int, given: int, changed: bool) -> int:
    """The SEQUENCE after an update: ``stored`` was the value before, ``given`` the one being written.

    Exactly one above the stored value on a visible change (or ``given`` if it is already higher,
    as in a bundle from a laptop that made the change first); never lower than before.
    """
    stored, given = stored or 0, given or 0
    return max(given, stored + 1) if changed else max(given, stored)
