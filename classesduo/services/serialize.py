"""Records as JSON-ready dicts: field names are the model's, instants are ISO 8601 with offset."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.services.views import DuoView, SchoolSide, SessionView


def plain(value: Any) -> Any:
    """Turn dataclasses, enums, dates and times into JSON types."""
    if isinstance(value, WeeklyWindow):
        return {"weekday": value.weekday, "start": value.start.strftime("%H:%M"), "end": value.end.strftime("%H:%M")}
    if isinstance(value, HolidayPeriod):
        return {"name": value.name, "start": value.start.isoformat(), "end": value.end.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _side_fields(prefix: str, side: SchoolSide) -> dict[str, Any]:
    return {
        f"{prefix}_school": side.school,
        f"{prefix}_class": side.class_name,
        f"{prefix}_level": side.level,
        f"{prefix}_pupils": side.pupils,
        f"{prefix}_city": side.city,
        f"{prefix}_country": side.country,
        f"{prefix}_timezone": side.timezone,
        f"{prefix}_arrondissement": side.arrondissement,
    }


def duo_dict(view: DuoView) -> dict[str, Any]:
    return {**plain(view.duo), **_side_fields("paris", view.paris), **_side_fields("partner", view.partner),
            "facilitator": view.facilitator}


def session_dict(view: SessionView) -> dict[str, Any]:
    session = view.session
    data = plain(session)
    log = data.pop("log")
    start = session.start_utc
    return {
        **data,
        **log,
        "start_utc": start.isoformat(),
        "paris_local": start.astimezone(ZoneInfo(view.paris_timezone)).isoformat(),
        "partner_local": start.astimezone(ZoneInfo(view.partner_timezone)).isoformat(),
        "duo": view.duo_label,
        "facilitator": view.facilitator,
    }
