"""A tiny programme (one Paris class of 24, one partner class of 20, one active duo) for log tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from classesduo.domain.availability import HolidayPeriod, default_windows
from classesduo.domain.entities import ClassGroup, Duo, ExchangeSession, School
from classesduo.domain.enums import DuoStatus, SessionKind, Side
from classesduo.services import classes, duos, schools, sessions
from classesduo.services.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")
#: Christmas holidays of zone C, 2026-2027.
CHRISTMAS = HolidayPeriod("Vacances de Noël", date(2026, 12, 19), date(2027, 1, 3))


@dataclass
class Programme:
    duo_id: str
    paris_class_id: str
    partner_class_id: str


def paris_instant(day: date, hour: int = 15) -> datetime:
    return datetime.combine(day, time(hour, 0), PARIS)


def make_programme(workspace: Workspace, partner_name: str = "Escuela 12", paris_name: str = "École Buffon",
                   holidays: list[HolidayPeriod] | None = None) -> Programme:
    db = workspace.db
    paris = schools.save_school(db, School(
        name=paris_name, side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris", arrondissement=5,
        languages=["fr"], windows=default_windows(Side.PARIS),
        holidays=[CHRISTMAS] if holidays is None else holidays))
    partner = schools.save_school(db, School(
        name=partner_name, side=Side.PARTNER, city="Buenos Aires", country="AR",
        timezone="America/Argentina/Buenos_Aires", languages=["es"], windows=default_windows(Side.PARTNER)))
    paris_class = classes.save_class(db, ClassGroup(school_id=paris.id, name="CM1 A", level="CM1", pupil_count=24))
    partner_class = classes.save_class(db, ClassGroup(school_id=partner.id, name="4°B", level="4", pupil_count=20))
    duo = duos.save_duo(db, Duo(paris_class_id=paris_class.id, partner_class_id=partner_class.id,
                                school_year="2026-2027", languages=["fr", "es"], status=DuoStatus.ACTIVE))
    return Programme(duo.id, paris_class.id, partner_class.id)


def plan(workspace: Workspace, duo_id: str, start: datetime, minutes: int = 45,
         kind: SessionKind = SessionKind.VISIO) -> ExchangeSession:
    return sessions.save_session(workspace.db, ExchangeSession(duo_id=duo_id, kind=kind, start_utc=start,
                                                               minutes=minutes))
