"""Checking a planned session against timetables, holidays and other sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import SchoolCalendar, window_intervals
from classesduo.domain.timezones import UTC, local_dates, utc_to_local


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """A visio session as the conflict checker sees it (aware datetimes, any zone)."""

    id: str
    duo_id: str
    facilitator_id: str | None
    paris_class_id: str
    partner_class_id: str
    start_utc: datetime
    end_utc: datetime


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(translate("scheduling", "a naive date-time has no time zone; give an aware one"))
    return value.astimezone(UTC)


def _when(start: datetime, end: datetime, zone: str) -> dict[str, str]:
    local_start, local_end = utc_to_local(start, zone), utc_to_local(end, zone)
    return {"date": local_start.date().isoformat(), "start": f"{local_start:%H:%M}", "end": f"{local_end:%H:%M}"}


def _inside_windows(start: datetime, end: datetime, calendar: SchoolCalendar) -> bool:
    """Whether [start, end] fits in a single window (holidays are reported separately)."""
    days = local_dates(start, end, calendar.zone)
    open_times = window_intervals(replace(calendar, holidays=()), days[0], days[-1])
    return any(begin <= start and end <= finish for begin, finish in open_times)


def session_problems(
    session: PlannedSession,
    paris: SchoolCalendar,
    partner: SchoolCalendar,
    others: Sequence[PlannedSession],
    buffer_minutes: int = 0,
) -> list[str]:
    """Human-readable reasons why ``session`` is a bad idea; an empty list means it is fine.

    ``others`` should hold the sessions still planned (cancelled ones left
    out); one with the same ``id`` as ``session`` is ignored. The facilitator
    needs ``buffer_minutes`` between two sessions; a class only needs them
    not to overlap. Times of other sessions are given on the Paris clock.
    """
    if buffer_minutes < 0:
        raise ValueError(
            translate("scheduling", "the buffer cannot be negative, not {buffer}").format(buffer=buffer_minutes)
        )
    start, end = _utc(session.start_utc), _utc(session.end_utc)
    if end <= start:
        raise ValueError(translate("scheduling", "a session must end after it starts"))
    problems: list[str] = []

    if not _inside_windows(start, end, paris):
        problems.append(
            translate(
                "scheduling", "Outside the Paris class's availability: {date} {start}–{end} (Paris time)."
            ).format(**_when(start, end, paris.zone))
        )
    if not _inside_windows(start, end, partner):
        problems.append(
            translate(
                "scheduling",
                "Outside the partner class's availability: {date} {start}–{end} local time ({zone}).",
            ).format(zone=partner.zone, **_when(start, end, partner.zone))
        )

    for day in local_dates(start, end, paris.zone):
        holiday = paris.holiday_on(day)
        if holiday is not None:
            problems.append(
                translate("scheduling", "{date} is a Paris holiday: {name}.").format(
                    date=day.isoformat(), name=holiday.name
                )
            )
    for day in local_dates(start, end, partner.zone):
        holiday = partner.holiday_on(day)
        if holiday is not None:
            problems.append(
                translate("scheduling", "{date} (local date) is a holiday for the partner class: {name}.").format(
                    date=day.isoformat(), name=holiday.name
                )
            )

    buffer = timedelta(minutes=buffer_minutes)
    for other in sorted(others, key=lambda s: _utc(s.start_utc)):
        if other.id == session.id:
            continue
        other_start, other_end = _utc(other.start_utc), _utc(other.end_utc)
        when = _when(other_start, other_end, paris.zone)
        overlaps = other_start < end and start < other_end
        if (
            session.facilitator_id is not None
            and other.facilitator_id == session.facilitator_id
            and other_start - buffer < end
            and start < other_end + buffer
        ):
            if overlaps:
                text = translate(
                    "scheduling", "The facilitator already has a session on {date} {start}–{end} (Paris time)."
                )
            else:
                text = translate(
                    "scheduling",
                    "The facilitator has another session within {buffer} minutes: {date} {start}–{end} (Paris time).",
                )
            problems.append(text.format(buffer=buffer_minutes, **when))
        if overlaps and other.paris_class_id == session.paris_class_id:
            problems.append(
                translate(
                    "scheduling", "The Paris class already has a session on {date} {start}–{end} (Paris time)."
                ).format(**when)
            )
        if overlaps and other.partner_class_id == session.partner_class_id:
            problems.append(
                translate(
                    "scheduling", "The partner class already has a session on {date} {start}–{end} (Paris time)."
                ).format(**when)
            )
    return problems
