"""Checking a planned session against timetables, holidays and other sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from classesduo.domain.busy_index import BusyIndex, Who
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import SchoolCalendar, window_intervals
from classesduo.domain.timezones import UTC, local_dates, utc_to_local
from classesduo.domain.visio_buffer import check_buffer


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
    open_times = window_intervals(calendar.without_closures(), days[0], days[-1])
    return any(begin <= start and end <= finish for begin, finish in open_times)


def session_problems(
    session: PlannedSession,
    paris: SchoolCalendar,
    partner: SchoolCalendar,
    others: Sequence[PlannedSession] | BusyIndex,
    buffer_minutes: int = 0,
) -> list[str]:
    """Human-readable reasons why ``session`` is a bad idea; an empty list means it is fine.

    ``others`` holds the sessions still planned or held (cancelled ones left
    out), as a list or as the :class:`~classesduo.domain.busy_index.BusyIndex`
    of a range (build it once to check many sessions); one with the same
    ``id`` as ``session`` is ignored. The facilitator and each of the two
    classes need ``buffer_minutes`` between two visios. Times of other sessions
    are given on the Paris clock; text is written only for real problems.
    """
    check_buffer(buffer_minutes)
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

    index = others if isinstance(others, BusyIndex) else BusyIndex(others)
    for clash in index.clashes(session, buffer_minutes):
        when = _when(clash.other.start_utc, clash.other.end_utc, paris.zone)
        problems.append(_clash_text(clash.who, clash.overlaps).format(buffer=buffer_minutes, **when))
    return problems


def _clash_text(who: Who, overlaps: bool) -> str:
    """What a clash says, by whose visio it is and whether the two share time (else: within the buffer)."""
    if who is Who.FACILITATOR:
        if overlaps:
            return translate("scheduling",
                             "The facilitator already has a session on {date} {start}–{end} (Paris time).")
        return translate("scheduling", "The facilitator has another session within {buffer} minutes: "
                                       "{date} {start}–{end} (Paris time).")
    if who is Who.PARIS_CLASS:
        if overlaps:
            return translate("scheduling",
                             "The Paris class already has a session on {date} {start}–{end} (Paris time).")
        return translate("scheduling", "The Paris class has another session within {buffer} minutes: "
                                       "{date} {start}–{end} (Paris time).")
    if overlaps:
        return translate("scheduling",
                         "The partner class already has a session on {date} {start}–{end} (Paris time).")
    return translate("scheduling", "The partner class has another session within {buffer} minutes: "
                                   "{date} {start}–{end} (Paris time).")
