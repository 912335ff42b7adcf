"""Services behind the management pages: workload, suggestions, holidays, archiving, duplicate duos."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.domain.entities import ClassGroup, School
from classesduo.domain.enums import DuoStatus, HolidaySource, SessionStatus, Side
from classesduo.services import classes, duos, facilitators, schools
from classesduo.services.errors import ServiceError, ValidationError
from classesduo.services.sessions import list_sessions, save_session
from classesduo.services.suggestions import suggest_partners
from classesduo.services.workload import facilitator_workload, paris_week
from classesduo.services.workspace import Workspace

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)  # a Wednesday of the demo year


def _paris_class_ids(workspace: Workspace) -> list[str]:
    paris = {s.id for s in schools.list_schools(workspace.db, side=Side.PARIS)}
    return [c.id for c in classes.list_classes(workspace.db) if c.school_id in paris]


def test_workload_counts_active_duos_and_this_weeks_sessions(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    load = facilitator_workload(db, NOW)
    people = {p.name: p.id for p in facilitators.list_facilitators(db)}
    views = duos.list_duos(db)
    start, end = paris_week(NOW)
    week = [s for s in list_sessions(db, start=start, end=end) if s.session.status is not SessionStatus.CANCELLED]
    assert week, "the demo has sessions in this week"
    for name, person_id in people.items():
        expected_duos = sum(1 for v in views if v.duo.facilitator_id == person_id and v.duo.status is DuoStatus.ACTIVE)
        expected_sessions = sum(1 for s in week if s.facilitator == name)
        got = load.get(person_id)
        assert (got.active_duos if got else 0) == expected_duos, name
        assert (got.sessions_this_week if got else 0) == expected_sessions, name
    assert sum(w.sessions_this_week for w in load.values()) == len(week)


def test_a_cancelled_session_leaves_the_workload(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    start, end = paris_week(NOW)
    view = next(s for s in list_sessions(db, start=start, end=end) if s.session.status is not SessionStatus.CANCELLED)
    person = next(p.id for p in facilitators.list_facilitators(db) if p.name == view.facilitator)
    before = facilitator_workload(db, NOW)[person].sessions_this_week
    save_session(db, replace(view.session, status=SessionStatus.CANCELLED))
    assert facilitator_workload(db, NOW)[person].sessions_this_week == before - 1
    assert paris_week(NOW)[0] == datetime(2026, 11, 23, tzinfo=start.tzinfo)


def test_suggestions_list_only_unpaired_partner_classes(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    paris_id = _paris_class_ids(demo_workspace)[0]
    assert suggest_partners(db, paris_id, "2026-2027") == []  # every demo partner class has a duo this year
    next_year = suggest_partners(db, paris_id, "2027-2028")
    assert len(next_year) == 12
    scores = [s.score for s in next_year]
    assert scores == sorted(scores, reverse=True)
    tokyo = next(s for s in next_year if s.candidate.city == "Tokyo")
    assert tokyo.asynchronous_only and "asynchronous only" in tokyo.explanation
    assert "4年生" in tokyo.explanation and tokyo.facilitator and tokyo.facilitator.name == "Hiroshi Tanaka"
    buenos_aires = next(s for s in next_year if s.candidate.city == "Buenos Aires")
    assert buenos_aires.score == 7 and not buenos_aires.asynchronous_only
    with pytest.raises(ServiceError):
        suggest_partners(db, buenos_aires.candidate.class_id, "2027-2028")  # not a Paris class


def test_a_new_partner_class_is_suggested_and_archived_ones_are_not(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    school = schools.save_school(db, School(
        name="Escola Municipal Tiradentes", side=Side.PARTNER, city="São Paulo", country="BR",
        timezone="America/Sao_Paulo", languages=["pt"],
        windows=[WeeklyWindow(d, time(7, 30), time(12, 0)) for d in range(5)]))
    group = classes.save_class(db, ClassGroup(school_id=school.id, name="4º ano B", level="4º ano"))
    paris_id = _paris_class_ids(demo_workspace)[0]
    (found,) = [s for s in suggest_partners(db, paris_id, "2026-2027")]
    assert found.candidate.class_id == group.id
    assert "no facilitator speaks pt" in found.explanation
    classes.set_class_archived(db, group.id, True)
    assert suggest_partners(db, paris_id, "2026-2027") == []


def test_own_closures_keep_their_source_and_origin(workspace: Workspace) -> None:
    periods = [HolidayPeriod("Sortie", date(2027, 6, 1), date(2027, 6, 1)),
               HolidayPeriod("Fête de l'école", date(2027, 6, 12), date(2027, 6, 12), HolidaySource.IMPORTED,
                             "fete.ics")]
    saved = schools.save_school(workspace.db, School(
        name="École Buffon", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris",
        arrondissement=5, holidays=periods))
    again = schools.get_school(workspace.db, saved.id)
    assert again.holidays == periods


def test_archiving_classes_and_facilitators(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    person = facilitators.list_facilitators(db)[0]
    assert facilitators.facilitator_dependents(db, person.id) > 0
    facilitators.set_facilitator_archived(db, person.id, True)
    assert facilitators.get_facilitator(db, person.id).archived
    group_id = _paris_class_ids(demo_workspace)[0]
    classes.set_class_archived(db, group_id, True)
    assert classes.get_class(db, group_id).archived


def test_the_same_pair_twice_in_a_year_is_refused_next_to_the_partner_field(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    existing = duos.list_duos(db)[0].duo
    copy = replace(existing, id=None, version=0)
    with pytest.raises(ValidationError) as caught:
        duos.save_duo(db, copy)
    assert "already form a duo in 2026-2027" in caught.value.for_field("partner_class_id")
    duos.save_duo(db, replace(copy, school_year="2027-2028"))  # next year is fine
    assert duos.save_duo(db, replace(existing, project="Nouveau projet")).project == "Nouveau projet"


def test_schools_listed_without_their_calendars_are_the_same_schools(demo_workspace) -> None:  # noqa: ANN001
    full = schools.list_schools(demo_workspace.db)
    assert any(school.windows for school in full) and any(school.holidays for school in full)
    light = schools.list_schools(demo_workspace.db, calendars=False)
    assert light == [replace(school, windows=[], holidays=[], school_years=[]) for school in full]
    paris = schools.list_schools(demo_workspace.db, side=Side.PARIS, calendars=False)
    assert paris and all(school.side is Side.PARIS for school in paris)
