"""Compute a :class:`ReportData` with SQL aggregates (see ``model.py`` for the definitions).

Every figure comes from a GROUP BY over indexed columns (``exchange_session`` by
``duo_id, start_utc`` and ``status, start_utc``); Python only sees one row per
duo, per bucket or per consent combination, so 1,000 duos and 100,000 sessions
stay fast.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, or_, select, type_coerce

from classesduo.domain.enums import ConsentStatus, DuoStatus, MediaKind, SessionKind, SessionStatus
from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind, use_weeks
from classesduo.domain.terms import school_year_of
from classesduo.services.duos import ParisClass, ParisSchool, PartnerClass, PartnerSchool
from classesduo.services.errors import NotFoundError
from classesduo.services.reports.model import (
    ConsentLine,
    CountryLine,
    DuoLine,
    Headline,
    Photo,
    ReportData,
    TimelineEntry,
)
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow, FacilitatorRow, MediaItemRow, SchoolRow

PARIS = ZoneInfo("Europe/Paris")
Progress = Callable[[int, int], None]
STEPS = 7
HIGHLIGHT_CHARS = 160
MAX_TIMELINE = 400
MAX_PHOTOS = 6
S = ExchangeSessionRow


class ReportCancelled(Exception):
    """The user cancelled the report; nothing was written."""


def consent_cleared(status: ConsentStatus | str, until: date | None, on: date) -> bool:
    """Consent for one channel: granted, and not expired on ``on``. Refused/unknown/expired are not cleared.

    Stand-in for ``classesduo.domain.consent.is_cleared`` until that module lands.
    """
    return status == ConsentStatus.GRANTED and (until is None or until >= on)


def paris_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), PARIS).astimezone(UTC)


def build_report(db: Database, period: ReportPeriod, scope: ReportScope, *, as_of: date | None = None,
                 media_root: Path | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ReportData:
    """All the figures of one report. Raises NotFoundError for a scope naming nothing."""
    as_of = as_of or date.today()
    start, end = paris_midnight(period.start), paris_midnight(period.end + timedelta(days=1))
    in_period = and_(S.start_utc >= start, S.start_utc < end)
    step = _Stepper(progress, cancelled)
    with db.reading() as session:
        subject = _scope_subject(session, scope)
        years = {school_year_of(period.start), school_year_of(period.end)}
        scoped = _scope_condition(scope)
        with_sessions = select(S.duo_id).where(in_period).distinct()
        duo_filter = and_(scoped, or_(and_(DuoRow.status.in_([DuoStatus.ACTIVE, DuoStatus.PAUSED]),
                                           DuoRow.school_year.in_(years)),
                                      DuoRow.id.in_(with_sessions)))
        report_duos = _joined(select(DuoRow.id)).where(duo_filter)
        duo_rows = session.execute(_joined(select(
            DuoRow.id, ParisSchool.id, ParisSchool.name, ParisSchool.arrondissement, ParisClass.name,
            ParisClass.pupil_count, PartnerSchool.id, PartnerSchool.name, PartnerSchool.city,
            PartnerSchool.country, PartnerClass.pupil_count, FacilitatorRow.name, DuoRow.status,
        )).where(duo_filter)).all()
        step()
        in_report = and_(in_period, S.duo_id.in_(report_duos))
        stats = _session_stats(session, in_report)
        step()
        highlights = _highlights(session, in_report)
        step()
        reasons = session.execute(
            select(S.cancel_reason, func.count()).where(in_report, S.status == SessionStatus.CANCELLED)
            .group_by(S.cancel_reason).order_by(func.count().desc(), S.cancel_reason)).all()
        by_week = use_weeks(period)
        over_time = _held_over_time(session, in_report, period, by_week)
        step()
        consent, media_total, cleared_publication = _consent(session, report_duos, start, end, as_of)
        step()
        timeline: list[TimelineEntry] = []
        photos: list[Photo] = []
        if scope.kind is ScopeKind.DUO:
            timeline = _timeline(session, scope.value, in_period)
            photos = _photos(session, scope.value, start, end, as_of, media_root)
        step()

    lines: list[DuoLine] = []
    paris_schools: set[str] = set()
    partner_schools: set[str] = set()
    arrondissements: set[int] = set()
    countries: dict[str, list[int]] = {}
    for (duo_id, paris_id, paris_name, arr, paris_class, paris_pupils, partner_id, partner_name, city, country,
         partner_pupils, facilitator, status) in duo_rows:
        figures = stats.get(duo_id, _EMPTY)
        line = DuoLine(
            duo_id=duo_id, paris_school=paris_name, arrondissement=arr, paris_class=paris_class,
            partner_school=partner_name, partner_city=city, country=country, facilitator=facilitator or "",
            status=str(status), sessions_held=figures.held, sessions_planned=figures.planned,
            last_exchange=figures.last_held.astimezone(PARIS).date() if figures.last_held else None,
            children_paris=figures.reached(figures.max_paris, figures.unknown_paris, paris_pupils),
            children_partner=figures.reached(figures.max_partner, figures.unknown_partner, partner_pupils),
            highlights=highlights.get(duo_id, ""),
        )
        lines.append(line)
        paris_schools.add(paris_id)
        partner_schools.add(partner_id)
        if arr is not None:
            arrondissements.add(arr)
        bucket = countries.setdefault(country, [0, 0, 0])
        bucket[0] += 1
        bucket[1] += line.sessions_held
        bucket[2] += line.sessions_planned
    lines.sort(key=lambda line: (line.paris_school.casefold(), line.partner_school.casefold(), line.duo_id))
    totals = _Figures.total(stats.values())
    headline = Headline(
        duos=len(lines), active_duos=sum(1 for line in lines if line.sessions_held),
        paris_schools=len(paris_schools), partner_schools=len(partner_schools),
        arrondissements=len(arrondissements), countries=len(countries),
        sessions_planned=totals.planned, sessions_held=totals.held, sessions_cancelled=totals.cancelled,
        sessions_postponed=totals.postponed, sessions_to_log=totals.to_log, visio_minutes=totals.visio_minutes,
        children_paris=sum(line.children_paris for line in lines),
        children_partner=sum(line.children_partner for line in lines),
        media_shared=media_total, media_cleared_publication=cleared_publication,
    )
    step()
    return ReportData(
        period=period, scope=scope, scope_label=subject, as_of=as_of, headline=headline,
        cancel_reasons=[(reason or "", count) for reason, count in reasons],
        by_week=by_week, held_over_time=over_time,
        countries=sorted((CountryLine(code, *values) for code, values in countries.items()),
                         key=lambda line: (-line.sessions_held, line.country)),
        duos=lines, consent=consent, timeline=timeline, photos=photos,
    )


class _Stepper:
    def __init__(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self.done, self.progress, self.cancelled = 0, progress, cancelled

    def __call__(self) -> None:
        if self.cancelled and self.cancelled():
            raise ReportCancelled
        self.done += 1
        if self.progress:
            self.progress(self.done, STEPS)


def _joined(query):  # noqa: ANN001, ANN202 - a Select
    return (query.select_from(DuoRow).join(ParisClass, DuoRow.paris_class_id == ParisClass.id)
            .join(ParisSchool, ParisClass.school_id == ParisSchool.id)
            .join(PartnerClass, DuoRow.partner_class_id == PartnerClass.id)
            .join(PartnerSchool, PartnerClass.school_id == PartnerSchool.id)
            .outerjoin(FacilitatorRow, DuoRow.facilitator_id == FacilitatorRow.id))


def _scope_condition(scope: ReportScope) -> ColumnElement[bool]:
    match scope.kind:
        case ScopeKind.ARRONDISSEMENT:
            return ParisSchool.arrondissement == int(scope.value)
        case ScopeKind.COUNTRY:
            return PartnerSchool.country == scope.value
        case ScopeKind.FACILITATOR:
            return DuoRow.facilitator_id == scope.value
        case ScopeKind.DUO:
            return DuoRow.id == scope.value
    return and_(True)


def _scope_subject(session, scope: ReportScope) -> str:  # noqa: ANN001
    """What the scope names (a facilitator's name, a duo's schools…); NotFoundError if nothing."""
    match scope.kind:
        case ScopeKind.PROGRAMME:
            return ""
        case ScopeKind.ARRONDISSEMENT:
            found = session.scalar(select(func.count()).select_from(SchoolRow)
                                   .where(SchoolRow.arrondissement == int(scope.value)))
            if not found:
                raise NotFoundError(f"no Paris school in arrondissement {scope.value}")
            return scope.value
        case ScopeKind.COUNTRY:
            found = session.scalar(select(func.count()).select_from(SchoolRow)
                                   .where(SchoolRow.country == scope.value))
            if not found:
                raise NotFoundError(f"no partner school in country {scope.value}")
            return scope.value
        case ScopeKind.FACILITATOR:
            name = session.scalar(select(FacilitatorRow.name).where(FacilitatorRow.id == scope.value))
            if name is None:
                raise NotFoundError(f"no facilitator with id {scope.value}")
            return name
    row = session.execute(_joined(select(ParisSchool.name, ParisClass.name, PartnerSchool.name,
                                         PartnerSchool.city)).where(DuoRow.id == scope.value)).first()
    if row is None:
        raise NotFoundError(f"no duo with id {scope.value}")
    return f"{row[0]} ({row[1]}) ↔ {row[2]}, {row[3]}"


class _Figures:
    __slots__ = ("cancelled", "held", "last_held", "max_paris", "max_partner", "postponed", "to_log",
                 "unknown_paris", "unknown_partner", "visio_minutes")

    def __init__(self, held: int = 0, cancelled: int = 0, postponed: int = 0, to_log: int = 0,
                 visio_minutes: int = 0, last_held: datetime | None = None, max_paris: int | None = None,
                 unknown_paris: int = 0, max_partner: int | None = None, unknown_partner: int = 0) -> None:
        self.held, self.cancelled, self.postponed, self.to_log = held, cancelled, postponed, to_log
        self.visio_minutes, self.last_held = visio_minutes, last_held
        self.max_paris, self.unknown_paris = max_paris, unknown_paris
        self.max_partner, self.unknown_partner = max_partner, unknown_partner

    @property
    def planned(self) -> int:
        return self.held + self.cancelled + self.to_log

    def reached(self, most: int | None, unknown: int, pupils: int) -> int:
        """The largest presence logged; the class size if some held exchange has no count."""
        if not self.held:
            return 0
        return max(most or 0, pupils if unknown else 0)

    @classmethod
    def total(cls, items) -> _Figures:  # noqa: ANN001
        out = cls()
        for item in items:
            out.held += item.held
            out.cancelled += item.cancelled
            out.postponed += item.postponed
            out.to_log += item.to_log
            out.visio_minutes += item.visio_minutes
        return out


_EMPTY = _Figures()


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _session_stats(session, in_report: ColumnElement[bool]) -> dict[str, _Figures]:  # noqa: ANN001
    held = S.status == SessionStatus.HELD
    rows = session.execute(select(
        S.duo_id,
        _count_if(held), _count_if(S.status == SessionStatus.CANCELLED),
        _count_if(S.status == SessionStatus.POSTPONED), _count_if(S.status == SessionStatus.PLANNED),
        func.coalesce(func.sum(case((and_(held, S.kind == SessionKind.VISIO),
                                     func.coalesce(S.actual_minutes, S.minutes)), else_=0)), 0),
        func.max(type_coerce(case((held, S.start_utc), else_=None), S.start_utc.type)),
        func.max(case((held, S.present_paris), else_=None)),
        _count_if(and_(held, S.present_paris.is_(None))),
        func.max(case((held, S.present_partner), else_=None)),
        _count_if(and_(held, S.present_partner.is_(None))),
    ).where(in_report).group_by(S.duo_id)).all()
    return {row[0]: _Figures(*row[1:]) for row in rows}


def _highlights(session, in_report: ColumnElement[bool]) -> dict[str, str]:  # noqa: ANN001
    """The activities logged at each duo's latest held exchange that has some."""
    logged = and_(in_report, S.status == SessionStatus.HELD, S.activities != "")
    latest = select(S.duo_id.label("duo_id"), func.max(S.start_utc).label("start")).where(logged) \
        .group_by(S.duo_id).subquery()
    rows = session.execute(select(S.duo_id, S.activities).join(
        latest, and_(S.duo_id == latest.c.duo_id, S.start_utc == latest.c.start)).where(logged)).all()
    out: dict[str, str] = {}
    for duo_id, text in rows:
        text = " ".join(text.split())
        out[duo_id] = text if len(text) <= HIGHLIGHT_CHARS else text[:HIGHLIGHT_CHARS - 1].rstrip() + "…"
    return out


def bucket_starts(period: ReportPeriod, by_week: bool) -> list[date]:
    """First day of each week (Monday) or month touching the period."""
    if by_week:
        day = period.start - timedelta(days=period.start.weekday())
        step = lambda d: d + timedelta(days=7)  # noqa: E731
    else:
        day = period.start.replace(day=1)
        step = lambda d: (d.replace(day=28) + timedelta(days=4)).replace(day=1)  # noqa: E731
    out = []
    while day <= period.end:
        out.append(day)
        day = step(day)
    return out


def _held_over_time(session, in_report: ColumnElement[bool], period: ReportPeriod,  # noqa: ANN001
                    by_week: bool) -> list[tuple[date, int]]:
    starts = bucket_starts(period, by_week)
    # The bucket index as a CASE over the buckets' UTC boundaries (Paris days), portable SQL.
    whens = [(S.start_utc < paris_midnight(day), index) for index, day in enumerate(starts[1:])]
    bucket = case(*whens, else_=len(starts) - 1) if whens else case((S.start_utc.is_not(None), 0))
    counts = dict(session.execute(select(bucket, func.count()).where(in_report, S.status == SessionStatus.HELD)
                                  .group_by(bucket)).all())
    return [(day, int(counts.get(index, 0))) for index, day in enumerate(starts)]


_CHANNELS = ("exchange", "reports", "publication")


def _consent(session, report_duos, start: datetime, end: datetime,  # noqa: ANN001
             as_of: date) -> tuple[list[ConsentLine], int, int]:
    when = func.coalesce(S.start_utc, MediaItemRow.taken_at, MediaItemRow.created_at)
    rows = session.execute(
        select(MediaItemRow.consent_exchange, MediaItemRow.consent_reports, MediaItemRow.consent_publication,
               MediaItemRow.consent_until, func.count())
        .outerjoin(S, MediaItemRow.session_id == S.id)
        .where(MediaItemRow.duo_id.in_(report_duos), when >= start, when < end)
        .group_by(MediaItemRow.consent_exchange, MediaItemRow.consent_reports, MediaItemRow.consent_publication,
                  MediaItemRow.consent_until)).all()
    tallies = {channel: [0, 0, 0, 0] for channel in _CHANNELS}  # cleared, refused, unknown, expired
    total = 0
    for exchange, reports, publication, until, count in rows:
        total += count
        for channel, status in zip(_CHANNELS, (exchange, reports, publication), strict=True):
            if consent_cleared(status, until, as_of):
                tallies[channel][0] += count
            elif status == ConsentStatus.REFUSED:
                tallies[channel][1] += count
            elif status == ConsentStatus.GRANTED:
                tallies[channel][3] += count
            else:
                tallies[channel][2] += count
    lines = [ConsentLine(channel, *tallies[channel]) for channel in _CHANNELS]
    return lines, total, tallies["publication"][0]


def _timeline(session, duo_id: str, in_period: ColumnElement[bool]) -> list[TimelineEntry]:  # noqa: ANN001
    rows = session.execute(select(S.start_utc, S.kind, S.status, S.minutes, S.actual_minutes, S.present_paris,
                                  S.present_partner, S.activities, S.cancel_reason)
                           .where(in_period, S.duo_id == duo_id).order_by(S.start_utc).limit(MAX_TIMELINE)).all()
    return [TimelineEntry(start_utc=start, kind=str(kind), status=str(status), minutes=actual or minutes,
                          present_paris=paris, present_partner=partner,
                          note=" ".join((activities or "").split()) if status == SessionStatus.HELD else reason or "")
            for start, kind, status, minutes, actual, paris, partner, activities, reason in rows]


def _photos(session, duo_id: str, start: datetime, end: datetime, as_of: date,  # noqa: ANN001
            media_root: Path | None) -> list[Photo]:
    """A few photos and drawings of the duo in the period whose consent for reports is cleared."""
    if media_root is None:
        return []
    when = func.coalesce(S.start_utc, MediaItemRow.taken_at, MediaItemRow.created_at)
    rows = session.execute(
        select(MediaItemRow.stored_name, MediaItemRow.caption, MediaItemRow.consent_reports,
               MediaItemRow.consent_until, type_coerce(when, S.start_utc.type))
        .outerjoin(S, MediaItemRow.session_id == S.id)
        .where(MediaItemRow.duo_id == duo_id, MediaItemRow.kind.in_([MediaKind.PHOTO, MediaKind.DRAWING]), when >= start, when < end,
               MediaItemRow.consent_reports == ConsentStatus.GRANTED)
        .order_by(when).limit(50)).all()
    photos = []
    for stored_name, caption, status, until, taken in rows:
        path = media_root / stored_name
        if consent_cleared(status, until, as_of) and path.is_file():
            photos.append(Photo(path, caption, taken.astimezone(PARIS).date() if taken else None))
        if len(photos) == MAX_PHOTOS:
            break
    return photos
