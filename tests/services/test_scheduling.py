"""Scheduling services on the demo: finder with a facilitator clash, series, moves, edits, rule checks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from classesduo.domain.enums import SessionStatus
from classesduo.services import planning, scheduling, series
from classesduo.services.duos import list_duos
from classesduo.services.errors import ConcurrentEditError, NotFoundError, ServiceError
from classesduo.services.sessions import list_sessions

PARIS = ZoneInfo("Europe/Paris")


def _duo(workspace, city: str):  # noqa: ANN001, ANN202
    return next(view for view in list_duos(workspace.db) if view.partner.city == city)


def _paris(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), PARIS).astimezone(UTC)


def test_finder_shows_both_clocks_across_the_march_change(demo_workspace) -> None:  # noqa: ANN001
    duo = _duo(demo_workspace, "Montréal")
    search = scheduling.find_duo_slots(demo_workspace.db, duo.duo.id, date(2027, 3, 8), date(2027, 3, 26))
    by_day = {}
    for slot in search.slots:
        by_day.setdefault(slot.paris_local.date(), []).append(slot)
    # 15:00 Paris is 09:00 in Montréal before North America changes clocks (14 March), 10:00 after.
    assert by_day[date(2027, 3, 12)][0].partner_local.strftime("%H:%M") == "09:00"
    assert by_day[date(2027, 3, 23)][0].partner_local.strftime("%H:%M") == "10:00"
    assert all(slot.paris_local.strftime("%H:%M") in {"15:00", "15:15", "15:30", "15:45"} for slot in search.slots)
    assert [change[0] for change in search.clock_changes] == [date(2027, 3, 14)]
    data = search.slots[0].as_json()
    assert {"start_utc", "paris_local", "partner_local", "partner_weekday"} <= set(data)


def test_finder_leaves_out_the_facilitators_other_visio(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    montreal = _duo(demo_workspace, "Montréal")
    day = date(2027, 3, 9)  # a Tuesday with no demo visio for this duo
    before = scheduling.find_duo_slots(db, montreal.duo.id, day, day)
    assert [s.paris_local.strftime("%H:%M") for s in before.slots] == ["15:00", "15:15", "15:30", "15:45"]
    # Another duo of the same facilitator (Emily Carter) gets a visio at 15:00–15:30 Paris that day.
    other = next(v for v in list_duos(db) if v.duo.facilitator_id == montreal.duo.facilitator_id
                 and v.duo.id != montreal.duo.id and "visio" in v.duo.tools)
    planning.create_session(db, other.duo.id, _paris(day, 15), 30)
    after = scheduling.find_duo_slots(db, montreal.duo.id, day, day, buffer_minutes=0)
    assert [s.paris_local.strftime("%H:%M") for s in after.slots] == ["15:30", "15:45"]
    with_buffer = scheduling.find_duo_slots(db, montreal.duo.id, day, day, buffer_minutes=15)
    assert [s.paris_local.strftime("%H:%M") for s in with_buffer.slots] == ["15:45"]


def test_finder_explains_tokyo_and_proposes_asynchronous_exchanges(demo_workspace) -> None:  # noqa: ANN001
    tokyo = _duo(demo_workspace, "Tokyo")
    search = scheduling.find_duo_slots(demo_workspace.db, tokyo.duo.id, date(2027, 1, 11), date(2027, 1, 22))
    assert search.slots == []
    assert "Tokyo is 8 h ahead: Paris 15:00 is 23:00 in Tokyo" in search.explanation
    assert "asynchronous" in search.asynchronous_proposal


def test_finder_refuses_bad_ranges_and_unknown_duos(demo_workspace) -> None:  # noqa: ANN001
    duo = _duo(demo_workspace, "Madrid")
    with pytest.raises(ValueError, match="after the end date"):
        scheduling.find_duo_slots(demo_workspace.db, duo.duo.id, date(2027, 3, 8), date(2027, 3, 1))
    with pytest.raises(NotFoundError):
        scheduling.find_duo_slots(demo_workspace.db, "no-such-duo", date(2027, 3, 1), date(2027, 3, 8))


def test_series_skips_the_holiday_and_stays_on_paris_time(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Montréal")
    # Every Thursday 16:00 Paris from 4 Feb to 25 Mar 2027: the winter holidays (zone C) fall in between, and
    # Québec's spring break (the demo school's "semaine de relâche", 1-7 March).
    result = series.create_series(db, duo.duo.id, date(2027, 2, 4), date(2027, 3, 25), time(16, 0), 30)
    skipped_days = [day for day, _reason in result.skipped]
    assert skipped_days == [date(2027, 2, 11), date(2027, 2, 18), date(2027, 3, 4)]
    assert all("hiver" in reason.lower() for _day, reason in result.skipped[:2])
    assert "relâche" in result.skipped[2][1]
    stored = series.series_sessions(db, result.series_id)
    assert [s.id for s in stored] == [s.id for s in result.sessions]
    assert {s.start_utc.astimezone(PARIS).strftime("%H:%M") for s in stored} == {"16:00"}
    toronto = {s.start_utc.astimezone(PARIS).date(): s.start_utc.astimezone(ZoneInfo("America/Toronto")).hour
               for s in stored}
    assert toronto[date(2027, 3, 11)] == 10 and toronto[date(2027, 3, 18)] == 11  # North America changed on 14/3
    assert all(s.series_id == result.series_id and s.sequence == 0 for s in stored)


def test_move_bumps_sequence_and_keeps_the_uuid(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Madrid")
    created = planning.create_session(db, duo.duo.id, _paris(date(2027, 3, 9), 15), 45)
    moved = planning.move_session(db, created.id, _paris(date(2027, 3, 9), 15, 30), version=created.version)
    assert moved.id == created.id and moved.sequence == 1
    assert moved.start_utc == _paris(date(2027, 3, 9), 15, 30)
    assert moved.visio_link == duo.duo.visio_link
    again = planning.move_session(db, created.id, moved.start_utc, version=moved.version)
    assert again.sequence == 1  # nothing changed, nothing to tell calendars
    with pytest.raises(ServiceError):
        planning.move_session(db, created.id, _paris(date(2027, 3, 9), 16), version=created.version)  # stale
    cancelled = planning.cancel_session(db, created.id)
    assert cancelled.status is SessionStatus.CANCELLED and cancelled.sequence == 2
    with pytest.raises(ValueError, match="naive"):
        planning.move_session(db, created.id, datetime(2027, 3, 9, 15))


def test_edit_one_occurrence_vs_this_and_following(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Madrid")
    result = series.create_series(db, duo.duo.id, date(2027, 1, 7), date(2027, 2, 4), time(14, 0), 45)
    first, second, third, *rest = result.sessions
    # One occurrence: only it moves, it stays in the series.
    planning.move_session(db, second.id, _paris(date(2027, 1, 14), 14, 30))
    stored = {s.id: s for s in series.series_sessions(db, result.series_id)}
    assert stored[second.id].start_utc == _paris(date(2027, 1, 14), 14, 30) and stored[second.id].sequence == 1
    assert stored[third.id].start_utc == third.start_utc and stored[third.id].sequence == 0
    # This and following: the third and later move to 15:15, the first two keep their times.
    edited = series.edit_following(db, third.id, time(15, 15), 30)
    assert [s.id for s in edited.sessions] == [third.id, *(s.id for s in rest)]
    assert edited.series_id != result.series_id
    for session in edited.sessions:
        local = session.start_utc.astimezone(PARIS)
        assert (local.hour, local.minute, session.minutes, session.sequence) == (15, 15, 30, 1)
    left = series.series_sessions(db, result.series_id)
    assert [s.id for s in left] == [first.id, second.id]
    assert left[0].start_utc == first.start_utc


def test_edit_following_refuses_a_session_changed_meanwhile(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Madrid")
    result = series.create_series(db, duo.duo.id, date(2027, 1, 7), date(2027, 2, 4), time(14, 0), 45)
    seen = result.sessions[1]
    planning.move_session(db, seen.id, _paris(date(2027, 1, 14), 14, 30))  # someone else, meanwhile
    with pytest.raises(ConcurrentEditError):
        series.edit_following(db, seen.id, time(15, 15), 30, version=seen.version)
    assert [s.start_utc.astimezone(PARIS).hour for s in series.series_sessions(db, result.series_id)][2:] == \
        [14] * (len(result.sessions) - 2)  # nothing moved


def test_edit_following_refuses_a_time_that_does_not_exist(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Séoul")  # Madrid's Semana Santa (by its school calendar) covers 28 March 2027
    result = series.create_series(db, duo.duo.id, date(2027, 3, 21), date(2027, 4, 4), time(14, 0), 45,
                                  interval_weeks=1)
    # Moving the series to Sunday 02:30 hits 28 March 2027, when Paris skips 02:00–03:00.
    with pytest.raises(ServiceError, match="does not exist"):
        series.edit_following(db, result.sessions[0].id, time(2, 30), 45)
    unchanged = series.series_sessions(db, result.series_id)
    assert [s.start_utc for s in unchanged] == [s.start_utc for s in result.sessions]


def test_flags_name_the_rule_that_is_broken(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    madrid = _duo(demo_workspace, "Madrid")
    start, end = _paris(date(2027, 3, 1), 0), _paris(date(2027, 3, 20), 0)
    late = planning.create_session(db, madrid.duo.id, _paris(date(2027, 3, 10), 18), 45)
    holiday = planning.create_session(db, madrid.duo.id, _paris(date(2027, 2, 16), 15), 45)
    flags = scheduling.session_flags(db, start, end)
    assert any("Outside the Paris class's availability" in text for text in flags[late.id])
    holiday_flags = scheduling.session_flags(db, _paris(date(2027, 2, 15), 0), _paris(date(2027, 2, 20), 0))
    assert any("Paris holiday" in text for text in holiday_flags[holiday.id])
    # The demo's Tuesday visios of Camille Martin's duos clash with each other.
    tuesday = _paris(date(2026, 12, 8), 0)
    clashes = scheduling.session_flags(db, tuesday, tuesday + timedelta(days=1))
    assert any("facilitator already has a session" in text for texts in clashes.values() for text in texts)
    fine = [v for v in list_sessions(db, start=tuesday, end=tuesday + timedelta(days=1))
            if v.session.id not in clashes and v.session.kind.value == "visio"]
    assert fine, "sessions breaking no rule are not flagged"
