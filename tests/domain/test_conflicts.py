"""Checking one planned session against timetables, holidays and other sessions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow, default_windows
from classesduo.domain.conflicts import PlannedSession, session_problems
from classesduo.domain.enums import Side
from classesduo.domain.scheduling import SchoolCalendar, find_slots

UTC = timezone.utc
BUENOS_AIRES = "America/Argentina/Buenos_Aires"
PARIS = SchoolCalendar("Europe/Paris", default_windows(Side.PARIS))
PARTNER = SchoolCalendar(BUENOS_AIRES, default_windows(Side.PARTNER))
TUESDAY = date(2027, 1, 12)


def at(hour: int, minute: int = 0, minutes: int = 45, **fields: str | None) -> PlannedSession:
    """A session on Tuesday 12 January 2027 at the given *Paris* time (UTC+1)."""
    start = datetime(2027, 1, 12, hour - 1, minute, tzinfo=UTC)
    values = {"id": "s1", "duo_id": "duo1", "facilitator_id": "fac1", "paris_class_id": "p1",
              "partner_class_id": "q1"} | fields
    return PlannedSession(start_utc=start, end_utc=start + timedelta(minutes=minutes), **values)


def test_a_good_session_has_no_problem() -> None:
    assert session_problems(at(15), PARIS, PARTNER, []) == []
    assert session_problems(at(15, 45), PARIS, PARTNER, []) == []  # ends exactly at 16:30


def test_outside_the_paris_window() -> None:
    assert session_problems(at(17), PARIS, PARTNER, []) == [
        "Outside the Paris class's availability: 2027-01-12 17:00–17:45 (Paris time)."
    ]
    assert len(session_problems(at(16), PARIS, PARTNER, [])) == 1  # 16:00-16:45 overruns 16:30


def test_outside_the_partner_window_gives_local_times() -> None:
    morning = SchoolCalendar(BUENOS_AIRES, [WeeklyWindow(TUESDAY.weekday(), time(8, 30), time(10))])
    assert session_problems(at(15), PARIS, morning, []) == [
        "Outside the partner class's availability: 2027-01-12 11:00–11:45 local time "
        "(America/Argentina/Buenos_Aires)."
    ]


def test_holidays_are_named() -> None:
    paris = replace(PARIS, holidays=(HolidayPeriod("Grève", TUESDAY, TUESDAY),))
    partner = replace(PARTNER, holidays=(HolidayPeriod("Receso", date(2027, 1, 4), date(2027, 1, 29)),))
    assert session_problems(at(15), paris, partner, []) == [
        "2027-01-12 is a Paris holiday: Grève.",
        "2027-01-12 (local date) is a holiday for the partner class: Receso.",
    ]


def test_partner_holiday_on_the_partner_date() -> None:
    # Paris 17:00 Tuesday is 01:00 Wednesday in Tokyo
    paris = SchoolCalendar("Europe/Paris", [WeeklyWindow(1, time(16), time(18))])
    tokyo = SchoolCalendar("Asia/Tokyo", [WeeklyWindow(2, time(0), time(3))],
                           [HolidayPeriod("Seijin", date(2027, 1, 13), date(2027, 1, 13))])
    assert session_problems(at(17), paris, tokyo, []) == [
        "2027-01-13 (local date) is a holiday for the partner class: Seijin."
    ]


def test_facilitator_clash_removes_slots_and_is_reported() -> None:
    other = at(14, 0, 50, id="s0", duo_id="duo2", paris_class_id="p2", partner_class_id="q2")  # 14:00-14:50
    busy = [(other.start_utc, other.end_utc)]
    starts = [f"{slot.local('Europe/Paris')[0]:%H:%M}"
              for slot in find_slots(PARIS, PARTNER, TUESDAY, TUESDAY, busy=busy, buffer_minutes=15)]
    assert starts == ["15:15", "15:30", "15:45"]  # 15:00 is within 15 minutes of 14:50
    assert session_problems(at(15), PARIS, PARTNER, [other], buffer_minutes=15) == [
        "The facilitator has another session within 15 minutes: 2027-01-12 14:00–14:50 (Paris time)."
    ]
    assert session_problems(at(15), PARIS, PARTNER, [other]) == []
    overlapping = replace(other, start_utc=other.start_utc + timedelta(hours=1, minutes=30),
                          end_utc=other.end_utc + timedelta(hours=1, minutes=30))  # 15:30-16:20
    assert session_problems(at(15), PARIS, PARTNER, [overlapping], buffer_minutes=15) == [
        "The facilitator already has a session on 2027-01-12 15:30–16:20 (Paris time)."
    ]


def test_no_facilitator_no_facilitator_clash() -> None:
    other = at(15, 30, id="s0", facilitator_id=None, paris_class_id="p2", partner_class_id="q2")
    assert session_problems(at(15, facilitator_id=None), PARIS, PARTNER, [other]) == []
    assert session_problems(at(15), PARIS, PARTNER, [other]) == []


def test_classes_double_booked() -> None:
    other = at(15, 30, id="s0", facilitator_id="fac2")
    assert session_problems(at(15), PARIS, PARTNER, [other], buffer_minutes=15) == [
        "The Paris class already has a session on 2027-01-12 15:30–16:15 (Paris time).",
        "The partner class already has a session on 2027-01-12 15:30–16:15 (Paris time).",
    ]
    back_to_back = at(15, 45, id="s0", facilitator_id="fac2")
    assert session_problems(at(15), PARIS, PARTNER, [back_to_back]) == []


def test_a_session_does_not_clash_with_itself() -> None:
    session = at(15)
    moved = replace(session, start_utc=session.start_utc + timedelta(minutes=15),
                    end_utc=session.end_utc + timedelta(minutes=15))
    assert session_problems(moved, PARIS, PARTNER, [session]) == []


def test_invalid_sessions() -> None:
    naive = replace(at(15), start_utc=datetime(2027, 1, 12, 14))
    with pytest.raises(ValueError):
        session_problems(naive, PARIS, PARTNER, [])
    backwards = replace(at(15), end_utc=at(15).start_utc)
    with pytest.raises(ValueError):
        session_problems(backwards, PARIS, PARTNER, [])
    with pytest.raises(ValueError):
        session_problems(at(15), PARIS, PARTNER, [], buffer_minutes=-5)
