"""Unknown school calendars are flagged wherever dates are planned; a series never silently crosses one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from classesduo.domain.availability import default_windows
from classesduo.domain.entities import ClassGroup, Duo, School
from classesduo.domain.enums import DuoStatus, Side
from classesduo.services import classes, duos, scheduling, schools, series
from classesduo.services.duos import list_duos
from classesduo.services.school_calendars import add_school_year
from classesduo.services.series import UnknownCalendarError
from classesduo.services.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")


def _santiago_duo(workspace: Workspace) -> tuple[str, str]:
    db = workspace.db
    paris = schools.save_school(db, School(
        name="École Buffon", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris", arrondissement=5,
        windows=default_windows(Side.PARIS)))
    santiago = schools.save_school(db, School(
        name="Colegio X", side=Side.PARTNER, city="Santiago", country="CL", timezone="America/Santiago",
        windows=default_windows(Side.PARTNER)))
    paris_class = classes.save_class(db, ClassGroup(school_id=paris.id, name="CM1 A", level="CM1"))
    partner_class = classes.save_class(db, ClassGroup(school_id=santiago.id, name="4° B", level="4"))
    duo = duos.save_duo(db, Duo(paris_class_id=paris_class.id, partner_class_id=partner_class.id,
                                school_year="2026-2027", status=DuoStatus.ACTIVE))
    return duo.id, santiago.id  # type: ignore[return-value]


def test_a_series_through_the_chilean_summer_is_never_planned_without_a_word(workspace: Workspace) -> None:
    duo_id, santiago = _santiago_duo(workspace)
    # Fridays 15:00 Paris (11:00 in Santiago), 8 January to 26 February 2027: the Chilean summer break
    with pytest.raises(UnknownCalendarError) as raised:
        series.create_series(workspace.db, duo_id, date(2027, 1, 8), date(2027, 2, 26), time(15, 0), 45)
    assert "Colegio X, Santiago: school holidays for 2027 are unknown — add them" in str(raised.value)
    assert raised.value.dates[0][0] == date(2027, 1, 8)
    assert series.series_sessions(workspace.db, "") == [] and scheduling.session_flags(
        workspace.db, datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC)) == {}
    accepted = series.create_series(workspace.db, duo_id, date(2027, 1, 8), date(2027, 1, 22), time(15, 0), 45,
                                    accept_unknown=True)
    assert accepted.sessions and [day for day, _ in accepted.unknown] == [date(2027, 1, 8), date(2027, 1, 15),
                                                                           date(2027, 1, 22)]
    # once the school's years are known, the summer between them is skipped with its reason
    add_school_year(workspace.db, santiago, "2026", date(2026, 3, 2), date(2026, 12, 18))
    add_school_year(workspace.db, santiago, "2027", date(2027, 3, 1), date(2027, 12, 17))
    result = series.create_series(workspace.db, duo_id, date(2027, 1, 29), date(2027, 3, 12), time(15, 0), 45)
    assert [day for day, _ in result.skipped] == [date(2027, 1, 29), date(2027, 2, 5), date(2027, 2, 12),
                                                  date(2027, 2, 19), date(2027, 2, 26)]
    assert all("Between school years 2026 and 2027" in reason or "hiver" in reason for _d, reason in result.skipped)
    assert result.unknown == [] and [s.start_utc.astimezone(PARIS).date() for s in result.sessions] == [
        date(2027, 3, 5), date(2027, 3, 12)]


def test_new_visio_and_planned_visios_say_when_a_calendar_is_unknown(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    roma = next(view for view in list_duos(db) if view.partner.city == "Roma")
    start = datetime(2027, 11, 2, 15, tzinfo=PARIS).astimezone(UTC)
    problems = scheduling.problems_for(db, roma.duo.id, start, 45)
    assert any("Paris: school holidays for 2027-2028 are unknown — add them" in text for text in problems)
    assert not any("unknown" in text for text in scheduling.problems_for(
        db, roma.duo.id, datetime(2027, 3, 9, 15, tzinfo=PARIS).astimezone(UTC), 45))
    planned = series.create_series(db, roma.duo.id, date(2027, 11, 2), date(2027, 11, 9), time(15, 0), 45,
                                   accept_unknown=True)
    flags = scheduling.session_flags(db, start, datetime(2027, 11, 10, tzinfo=UTC))
    assert all(any("are unknown" in text for text in flags[s.id]) for s in planned.sessions)
