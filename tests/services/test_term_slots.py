"""The finder for every duo at once gives what the single-duo finder gives, duo by duo, on the demo."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from classesduo.domain.enums import DuoStatus, SessionKind, SessionStatus
from classesduo.domain.scheduling import find_slots
from classesduo.domain.terms import TermDates
from classesduo.services import planning, scheduling
from classesduo.services.duos import get_duo, list_duos
from classesduo.services.sessions import list_sessions
from classesduo.services.term_slots import (
    SlotSearchCancelled,
    current_term,
    find_slots_for_duos,
    term_around,
)

TERM = (date(2026, 9, 1), date(2026, 12, 31))


def _as_tuple(search: scheduling.SlotSearch) -> tuple:
    return (search.calendars, search.start, search.end, search.minutes, search.slots, search.explanation,
            search.asynchronous_proposal, search.clock_changes)


@pytest.mark.parametrize(("minutes", "buffer"), [(45, 15), (30, 0)])
def test_batch_equals_the_single_duo_finder_for_every_demo_duo(demo_workspace, minutes: int,  # noqa: ANN001
                                                               buffer: int) -> None:
    db = demo_workspace.db
    duo_ids = [view.duo.id for view in list_duos(db)]
    batch = find_slots_for_duos(db, *TERM, minutes=minutes, buffer_minutes=buffer)
    assert sorted(search.calendars.duo_id for search in batch) == sorted(duo_ids)
    for search in batch:
        single = scheduling.find_duo_slots(db, search.calendars.duo_id, *TERM, minutes, buffer_minutes=buffer)
        assert _as_tuple(search) == _as_tuple(single)
        assert search.calendars.view == get_duo(db, search.calendars.duo_id)
    assert any(search.slots for search in batch)
    assert any(search.timetables_never_meet for search in batch)  # Tokyo


def test_every_duo_leaves_out_its_classes_and_facilitators_visios(demo_workspace) -> None:  # noqa: ANN001
    """An independent check of the busy rule, from the session list rather than the finder's own query."""
    db = demo_workspace.db
    views = {view.duo.id: view.duo for view in list_duos(db)}
    start, end = TERM
    visios = [v.session for v in list_sessions(db, start=datetime(2026, 8, 30, tzinfo=UTC),
                                               end=datetime(2027, 1, 3, tzinfo=UTC))
              if v.session.kind is SessionKind.VISIO
              and v.session.status in (SessionStatus.PLANNED, SessionStatus.HELD)]
    checked_busy = 0
    for search in find_slots_for_duos(db, start, end):
        duo = views[search.calendars.duo_id]
        people = {duo.paris_class_id, duo.partner_class_id}
        busy = []
        for visio in visios:
            other = views[visio.duo_id]
            if people & {other.paris_class_id, other.partner_class_id} or (
                    duo.facilitator_id and other.facilitator_id == duo.facilitator_id):
                busy.append((visio.start_utc, visio.start_utc + timedelta(minutes=visio.minutes)))
        checked_busy += bool(busy)
        expected = find_slots(search.calendars.paris, search.calendars.partner, start, end, busy=busy)
        assert [view.slot for view in search.slots] == expected
    assert checked_busy > 0  # the demo has visios in the term, so the rule is exercised


def test_a_new_visio_takes_the_slot_from_every_duo_of_its_facilitator(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    day = date(2027, 3, 9)
    montreal = next(view for view in list_duos(db) if view.partner.city == "Montréal")
    others = [view.duo.id for view in list_duos(db) if view.duo.facilitator_id == montreal.duo.facilitator_id]
    before = {s.calendars.duo_id: s for s in find_slots_for_duos(db, day, day, duo_ids=others)}
    assert set(before) == set(others)
    start = datetime.combine(day, time(14), UTC)  # 15:00 Paris
    planning.create_session(db, montreal.duo.id, start, 30)
    after = {s.calendars.duo_id: s for s in find_slots_for_duos(db, day, day, buffer_minutes=0, duo_ids=others)}
    for search in after.values():
        assert all(not (view.slot.start_utc < start + timedelta(minutes=30) and view.slot.end_utc > start)
                   for view in search.slots)
    assert [s.paris_local.strftime("%H:%M") for s in after[montreal.duo.id].slots] == ["15:30", "15:45"]


def test_progress_cancel_unknown_ids_and_bad_ranges(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    reports: list[tuple[int, int]] = []
    results = find_slots_for_duos(db, *TERM, progress=lambda done, total: reports.append((done, total)))
    assert reports[0] == (0, len(results)) and reports[-1] == (len(results), len(results))
    with pytest.raises(SlotSearchCancelled):
        find_slots_for_duos(db, *TERM, cancelled=lambda: True)
    assert find_slots_for_duos(db, *TERM, duo_ids=["no-such-duo"]) == []
    active = {view.duo.id for view in list_duos(db) if view.duo.status is DuoStatus.ACTIVE}
    assert {s.calendars.duo_id for s in find_slots_for_duos(db, *TERM, statuses=[DuoStatus.ACTIVE])} == active
    assert 0 < len(active) < len(results)
    with pytest.raises(ValueError, match="after the end date"):
        find_slots_for_duos(db, date(2027, 1, 2), date(2027, 1, 1))
    with pytest.raises(ValueError, match="too long"):
        find_slots_for_duos(db, date(2026, 1, 1), date(2027, 6, 1))


def test_the_current_term_or_the_next_one(demo_workspace) -> None:  # noqa: ANN001
    assert term_around(demo_workspace.db, date(2026, 11, 28)).label == "2026-2027/1"
    assert term_around(demo_workspace.db, date(2027, 7, 20)).label == "2027-2028/1"  # summer: the coming term
    stored = [TermDates("2026-2027", 2, date(2027, 1, 4), date(2027, 4, 2))]
    assert current_term(stored, date(2027, 1, 2)) == stored[0]  # the next stored term, between terms
    assert current_term(stored, date(2027, 2, 1)) == stored[0]


def test_batch_equals_single_on_each_backend(workspace) -> None:  # noqa: ANN001 - SQLite, and PostgreSQL when set
    from classesduo.services.demo import load_demo
    from tests.conftest import DEMO_TODAY

    load_demo(workspace, today=DEMO_TODAY)
    db = workspace.db
    start, end = date(2026, 11, 1), date(2026, 12, 31)
    batch = find_slots_for_duos(db, start, end)
    assert len(batch) == len(list_duos(db)) and any(search.slots for search in batch)
    for search in batch:
        assert _as_tuple(search) == _as_tuple(scheduling.find_duo_slots(db, search.calendars.duo_id, start, end))
    some = [search.calendars.duo_id for search in batch[:3]]
    assert [s.calendars.duo_id for s in find_slots_for_duos(db, start, end, duo_ids=some)] == some
