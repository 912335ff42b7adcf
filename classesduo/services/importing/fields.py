"""Parsers for the cells of an import file; each raises ValueError with a message for the user."""

from __future__ import annotations

import re
from datetime import datetime, time
from enum import StrEnum
from typing import TypeVar

from classesduo.domain.availability import WeeklyWindow
from classesduo.domain.i18n import translate

E = TypeVar("E", bound=StrEnum)

_LIST_SPLIT = re.compile(r"[;,/|\s]+")
_WINDOW_SPLIT = re.compile(r"[;,|]+")
_WINDOW_RE = re.compile(r"^\s*(\w+)\.?\s+(\d{1,2}(?::|h)?\d{0,2})\s*[-–—]\s*(\d{1,2}(?::|h)?\d{0,2})\s*$")
_TIME_RE = re.compile(r"^(\d{1,2})(?:[:h](\d{2})?)?$")

#: Weekday names (English and French, short and long) to Monday = 0.
_DAYS: dict[str, int] = {}
for _index, _names in enumerate([
    ("mon", "monday", "lun", "lundi"), ("tue", "tues", "tuesday", "mar", "mardi"),
    ("wed", "wednesday", "mer", "mercredi"), ("thu", "thur", "thurs", "thursday", "jeu", "jeudi"),
    ("fri", "friday", "ven", "vendredi"), ("sat", "saturday", "sam", "samedi"),
    ("sun", "sunday", "dim", "dimanche"),
]):
    for _name in _names:
        _DAYS[_name] = _index


def normalise_key(text: str) -> str:
    """Natural keys compare case-insensitively with runs of spaces collapsed."""
    return " ".join(text.split()).casefold()


def code_list(text: str, upper: bool = False) -> list[str]:
    """``fr;es``, ``fr, es`` or ``fr es`` → ``["fr", "es"]`` (duplicates dropped, order kept)."""
    items = [item.upper() if upper else item.lower() for item in _LIST_SPLIT.split(text) if item]
    return list(dict.fromkeys(items))


def whole_number(text: str) -> int:
    try:
        return int(text.replace("\u202f", "").replace(" ", ""))
    except ValueError:
        raise ValueError(translate("import", "Not a whole number: {value}").format(value=text)) from None


def yes_no(text: str) -> bool:
    value = text.strip().casefold()
    if value in {"yes", "y", "true", "1", "oui", "o", "x", "vrai"}:
        return True
    if value in {"no", "n", "false", "0", "non", "faux"}:
        return False
    raise ValueError(translate("import", "Expected yes or no: {value}").format(value=text))


def choice(enum: type[E], text: str, aliases: dict[str, str] | None = None) -> E:
    value = text.strip().casefold().replace(" ", "_").replace("-", "_")
    value = (aliases or {}).get(value, value)
    try:
        return enum(value)
    except ValueError:
        message = translate("import", "Unknown value “{value}” (use one of: {choices})")
        raise ValueError(message.format(value=text, choices=", ".join(item.value for item in enum))) from None


def wall_time(text: str) -> time:
    """``15:00``, ``15h00``, ``15h`` or ``9:30``."""
    match = _TIME_RE.match(text.strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError(translate("import", "Not a time of day (expected e.g. 15:00): {value}").format(value=text))


def windows(text: str) -> list[WeeklyWindow]:
    """``Tue 15:00-16:30; Fri 15:00-16:30`` (English or French day names)."""
    result = []
    for part in _WINDOW_SPLIT.split(text):
        if not part.strip():
            continue
        match = _WINDOW_RE.match(part)
        day = _DAYS.get(match.group(1).casefold()) if match else None
        if match is None or day is None:
            message = translate("import", "Not an availability window (expected e.g. “Tue 15:00-16:30”): {value}")
            raise ValueError(message.format(value=part.strip()))
        result.append(WeeklyWindow(day, wall_time(match.group(2)), wall_time(match.group(3))))
    return sorted(result, key=lambda window: (window.weekday, window.start))


def local_start(text: str) -> datetime:
    """``2027-03-16 15:00`` (also ``2027-03-16T15:00``, ``16/03/2027 15:00``); naive unless an offset is given."""
    value = " ".join(text.split())
    for pattern in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"):
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            pass
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or (len(value) <= 10 and isinstance(parsed, datetime) and ":" not in value):
        message = translate("import", "Not a date and time (expected e.g. 2027-03-16 15:00): {value}")
        raise ValueError(message.format(value=text))
    return parsed

