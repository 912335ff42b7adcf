"""What the finder shows for one duo: its slots with both local clocks, or why there is none.

:func:`search_duo` is the one rule behind the single-duo finder and the
finder for a whole programme; both load what it needs (calendars, busy
times) and call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from classesduo.domain.availability import WEEKDAY_NAMES
from classesduo.domain.busy_index import BusyIndex
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import Slot, explain_no_overlap, find_slots, format_hours, weekly_overlap_minutes
from classesduo.domain.school_calendar import CalendarNote, calendar_notes, unknown_flags
from classesduo.domain.timezones import difference_changes, utc_to_local
from classesduo.services.duo_calendars import DuoCalendars

#: The finder refuses ranges longer than this (a school year and a bit).
MAX_RANGE_DAYS = 400


@dataclass(frozen=True)
class SlotView:
    """A slot with both local clocks, as the finder lists it."""

    slot: Slot
    paris_local: datetime
    partner_local: datetime
    partner_zone: str

    @property
    def partner_day_shift(self) -> int:
        """+1 when the partner is already on the next day (Asia), -1 when still on the day before."""
        return (self.partner_local.date() - self.paris_local.date()).days

    @property
    def partner_weekday(self) -> str:
        return WEEKDAY_NAMES[self.partner_local.weekday()]

    def as_json(self) -> dict[str, object]:
        end_paris = utc_to_local(self.slot.end_utc, self.paris_local.tzinfo.key)  # type: ignore[union-attr]
        end_partner = utc_to_local(self.slot.end_utc, self.partner_zone)
        return {
            "start_utc": self.slot.start_utc.isoformat(),
            "end_utc": self.slot.end_utc.isoformat(),
            "minutes": self.slot.minutes,
            "paris_local": self.paris_local.isoformat(),
            "paris_end_local": end_paris.isoformat(),
            "paris_weekday": WEEKDAY_NAMES[self.paris_local.weekday()],
            "partner_local": self.partner_local.isoformat(),
            "partner_end_local": end_partner.isoformat(),
            "partner_weekday": self.partner_weekday,
            "partner_timezone": self.partner_zone,
            "partner_day_shift": self.partner_day_shift,
        }


def slot_view(slot: Slot, paris_zone: str, partner_zone: str) -> SlotView:
    return SlotView(slot, utc_to_local(slot.start_utc, paris_zone), utc_to_local(slot.start_utc, partner_zone),
                    partner_zone)


class SlotViews:
    """Slot views made once per (slot, zones): the duos of a programme share most of their slots."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str], dict[Slot, SlotView]] = {}

    def views(self, slots: list[Slot], paris_zone: str, partner_zone: str) -> list[SlotView]:
        made = self._made.setdefault((paris_zone, partner_zone), {})
        result = []
        for slot in slots:
            view = made.get(slot)
            if view is None:
                view = made[slot] = slot_view(slot, paris_zone, partner_zone)
            result.append(view)
        return result


@dataclass(frozen=True)
class SlotSearch:
    """What the finder found; when ``slots`` is empty, ``explanation`` says why."""

    calendars: DuoCalendars
    start: date
    end: date
    minutes: int
    slots: list[SlotView] = field(default_factory=list)
    explanation: str = ""
    asynchronous_proposal: str = ""
    #: (date, hours before, hours after): when the difference between the clocks changes in the range.
    clock_changes: list[tuple[date, float, float]] = field(default_factory=list)
    #: What either school's calendar leaves out of the range (with the reason) or does not know.
    notes: list[CalendarNote] = field(default_factory=list)

    @property
    def unknown(self) -> list[CalendarNote]:
        """The stretches of the range for which either school's calendar is unknown."""
        return [note for note in self.notes if note.kind == "unknown"]

    @property
    def exclusions(self) -> list[CalendarNote]:
        return [note for note in self.notes if note.kind == "closed"]

    def unknown_for(self, view: SlotView) -> list[str]:
        """Why this slot may fall on a closed day nobody knows of: one message per school whose year is unknown."""
        return slot_unknown(self.calendars, view)

    @property
    def timetables_never_meet(self) -> bool:
        return bool(self.asynchronous_proposal)

    @property
    def first_slot(self) -> SlotView | None:
        return self.slots[0] if self.slots else None


def slot_unknown(calendars: DuoCalendars, view: SlotView) -> list[str]:
    """The unknown-calendar flags of one slot (each school's local date)."""
    return unknown_flags(calendars.paris, calendars.paris_school, calendars.partner, calendars.partner_school,
                         view.slot.start_utc)


def duo_notes(calendars: DuoCalendars, start: date, end: date) -> list[CalendarNote]:
    return calendar_notes(calendars.paris, calendars.paris_school, calendars.partner, calendars.partner_school,
                          start, end)


def asynchronous_proposal(city: str) -> str:
    return translate(
        "scheduling", "Live visios are not possible with {city} in these timetables. Plan asynchronous exchanges "
                      "instead: recorded video messages, letters, e-mails or blog posts, answered at each "
                      "class's own time.").format(city=city)


def check_range(start: date, end: date) -> None:
    if start > end:
        raise ValueError(translate("scheduling", "the start date {start} is after the end date {end}").format(
            start=start.isoformat(), end=end.isoformat()))
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValueError(translate("scheduling", "the date range is too long ({days} days); search at most {max} "
                                                 "days at a time").format(days=(end - start).days,
                                                                          max=MAX_RANGE_DAYS))


def utc_range(start: date, end: date) -> tuple[datetime, datetime]:
    """Midnight UTC on ``start`` to midnight UTC after ``end``: what busy times are loaded around."""
    return datetime.combine(start, time(), UTC), datetime.combine(end + timedelta(days=1), time(), UTC)


def search_duo(calendars: DuoCalendars, busy: BusyIndex, start: date, end: date, minutes: int = 45, step: int = 15,
               buffer_minutes: int = 15, views: SlotViews | None = None) -> SlotSearch:
    """Every slot for the duo in [start, end] (Paris dates), minus the facilitator's and classes' other visios."""
    paris, partner = calendars.paris, calendars.partner
    slots = find_slots(paris, partner, start, end, minutes=minutes, step=step,
                       busy=busy.for_duo(calendars.view.duo), buffer_minutes=buffer_minutes)
    found = (views or SlotViews()).views(slots, paris.zone, partner.zone)
    changes = difference_changes(paris.zone, partner.zone, start, end)
    explanation = proposal = ""
    if not found:
        week_starts = {start + timedelta(days=offset) for offset in range(0, (end - start).days + 1, 7)}
        week_starts |= {day for day, _before, _after in changes}
        if all(weekly_overlap_minutes(paris, partner, day) == 0 for day in week_starts):
            explanation = explain_no_overlap(paris, partner, calendars.partner_city, start)
            proposal = asynchronous_proposal(calendars.partner_city)
        else:
            explanation = translate(
                "scheduling", "The two timetables do meet, but every common time from {start} to {end} falls on a "
                              "holiday, is shorter than {minutes} minutes, or is taken by another visio of the "
                              "facilitator or of one of the classes (with {buffer} minutes around it). Try other "
                              "dates or a shorter session.").format(
                start=start.isoformat(), end=end.isoformat(), minutes=minutes, buffer=buffer_minutes)
    return SlotSearch(calendars, start, end, minutes, found, explanation, proposal, changes,
                      duo_notes(calendars, start, end))


def describe_clock_change(change: tuple[date, float, float], city: str) -> str:
    day, before, after = change
    text = translate("scheduling", "From {date} {city} is {hours} {direction} Paris (was {previous}).")
    direction = (translate("scheduling", "ahead of") if after > 0 else translate("scheduling", "behind")
                 if after < 0 else translate("scheduling", "level with"))
    return text.format(date=day.isoformat(), city=city, hours=format_hours(after), direction=direction,
                       previous=format_hours(before))
