"""Compute a :class:`ReportData` with SQL aggregates (see ``model.py`` for the definitions).

Every figure comes from a GROUP BY over indexed columns (``exchange_session`` by
``duo_id, start_utc`` and ``status, start_utc``); Python only sees one row per
duo, per bucket or per consent combination, so 1,000 duos and 100,000 sessions
stay fast.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, and_, func, or_, select

from classesduo.domain.enums import DuoStatus, SessionStatus
from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind, comparison_periods, use_weeks
from classesduo.domain.terms import school_year_of
from classesduo.domain.text import natural_key
from classesduo.domain.timezones import paris_today
from classesduo.services.duos import ParisClass, ParisSchool, PartnerClass, PartnerSchool, join_duo_sides
from classesduo.services.errors import NotFoundError
from classesduo.services.reports.model import (
    CountryLine,
    DuoLine,
    GroupLine,
    Headline,
    Photo,
    Rates,
    ReportData,
    TimelineEntry,
    TrendLine,
)
from classesduo.services.reports.queries import (
    EMPTY,
    PARIS,
    Figures,
    S,
    bucket_starts,
    by_kind,
    consent_lines,
    erased_media,
    held_over_time,
    highlights_of,
    paris_midnight,
    photos_of,
    session_stats,
    still_to_come,
    timeline_of,
)
from classesduo.services.terms import list_terms
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, FacilitatorRow, SchoolRow

__all__ = ["ReportCancelled", "bucket_starts", "build_report"]

Progress = Callable[[int, int], None]
STEPS = 7


class ReportCancelled(Exception):
    """The user cancelled the report; nothing was written."""


def build_report(db: Database, period: ReportPeriod, scope: ReportScope, *, as_of: date | None = None,
                 media_root: Path | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, compare: bool = True,
                 rates_only: bool = False) -> ReportData:
    """All the figures of one report. Raises NotFoundError for a scope naming nothing.

    With ``compare`` the rates are also computed for the term before and the same term a year earlier
    (the summary's trend), with the same scope and the same day of reckoning; those comparisons run with
    ``rates_only`` (the duo lines and rates, no highlights, charts, consent, timeline or breakdown by kind)."""
    as_of = as_of or paris_today()
    start, end = paris_midnight(period.start), paris_midnight(period.end + timedelta(days=1))
    in_period = and_(S.start_utc >= start, S.start_utc < end)
    step = _Stepper(progress, cancelled)
    with db.reading() as session:
        subject = _scope_subject(session, scope)
        first, last = (int(school_year_of(day)[:4]) for day in (period.start, period.end))
        years = {f"{year}-{year + 1}" for year in range(first, last + 1)}
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
            ParisClass.level, DuoRow.languages, DuoRow.facilitator_id,
        )).where(duo_filter)).all()
        step()
        # A duo with a session in the period is in the report exactly when it is in the scope, so the
        # sessions need only the scope (and nothing at all for the whole programme).
        in_report = in_period if scope.kind is ScopeKind.PROGRAMME else and_(
            in_period, S.duo_id.in_(_joined(select(DuoRow.id)).where(scoped)))
        stats, attendance = session_stats(session, in_report)
        to_come = still_to_come(session, in_report, paris_midnight(as_of + timedelta(days=1)))
        step()
        by_week = use_weeks(period)
        kinds, highlights, reasons, over_time, consent = [], {}, [], [], []
        media_total = cleared_publication = media_erased = 0
        if not rates_only:
            kinds = by_kind(session, in_report)
            highlights = highlights_of(session, in_report)
            step()
            reasons = session.execute(
                select(S.cancel_reason, func.count()).where(in_report, S.status == SessionStatus.CANCELLED)
                .group_by(S.cancel_reason).order_by(func.count().desc(), S.cancel_reason)).all()
            over_time = held_over_time(session, in_report, period, by_week)
            step()
            consent, media_total, cleared_publication = consent_lines(session, report_duos, start, end, as_of)
            media_erased = erased_media(session, report_duos, period)
            step()
        timeline: list[TimelineEntry] = []
        photos: list[Photo] = []
        if scope.kind is ScopeKind.DUO and not rates_only:
            timeline = timeline_of(session, scope.value, in_period)
            photos = photos_of(session, scope.value, start, end, as_of, media_root)
        step()

    lines: list[DuoLine] = []
    paris_schools: set[str] = set()
    partner_schools: set[str] = set()
    arrondissements: set[int] = set()
    countries: dict[str, list[int]] = {}
    present = [0, 0, 0, 0]  # pupils present and class sizes over counted held exchanges: Paris, partner
    for (duo_id, paris_id, paris_name, arr, paris_class, paris_pupils, partner_id, partner_name, city, country,
         partner_pupils, facilitator, status, level, languages, facilitator_id) in duo_rows:
        figures = stats.get(duo_id, EMPTY)
        sum_paris, counted_paris, sum_partner, counted_partner = attendance.get(duo_id, (0, 0, 0, 0))
        present[0] += sum_paris
        present[1] += counted_paris * (paris_pupils or 0)
        present[2] += sum_partner
        present[3] += counted_partner * (partner_pupils or 0)
        line = DuoLine(
            duo_id=duo_id, paris_school=paris_name, arrondissement=arr, paris_class=paris_class,
            partner_school=partner_name, partner_city=city, country=country, facilitator=facilitator or "",
            status=str(status), sessions_held=figures.held, sessions_planned=figures.planned,
            last_exchange=figures.last_held.astimezone(PARIS).date() if figures.last_held else None,
            children_paris=figures.reached(figures.max_paris, figures.unknown_paris, paris_pupils),
            children_partner=figures.reached(figures.max_partner, figures.unknown_partner, partner_pupils),
            highlights=highlights.get(duo_id, ""), sessions_cancelled=figures.cancelled,
            visio_minutes=figures.visio_minutes, level=level or "", languages=tuple(languages or ()),
            pupils_paris=paris_pupils or 0, pupils_partner=partner_pupils or 0, facilitator_id=facilitator_id or "",
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
    lines.sort(key=lambda line: (natural_key(line.paris_school), natural_key(line.paris_class),
                                 natural_key(line.partner_school), line.duo_id))
    totals = Figures.total(stats.values())
    headline = Headline(
        duos=len(lines), active_duos=sum(1 for line in lines if line.sessions_held),
        paris_schools=len(paris_schools), partner_schools=len(partner_schools),
        arrondissements=len(arrondissements), countries=len(countries),
        sessions_planned=totals.planned, sessions_held=totals.held, sessions_cancelled=totals.cancelled,
        sessions_postponed=totals.postponed, sessions_to_log=totals.to_log, visio_minutes=totals.visio_minutes,
        children_paris=sum(line.children_paris for line in lines),
        children_partner=sum(line.children_partner for line in lines),
        media_shared=media_total + media_erased, media_erased=media_erased,
        media_cleared_publication=cleared_publication,
    )
    rates = Rates(
        sessions_planned=totals.planned, sessions_due=totals.planned - to_come, sessions_held=totals.held,
        sessions_cancelled=totals.cancelled, children_paris=headline.children_paris,
        children_partner=headline.children_partner, enrolled_paris=sum(line.pupils_paris for line in lines),
        enrolled_partner=sum(line.pupils_partner for line in lines), present_paris=present[0],
        capacity_paris=present[1], present_partner=present[2], capacity_partner=present[3])
    trend: list[TrendLine] = []
    if compare:
        trend.append(TrendLine("current", period, rates))
        terms = {f"{term.school_year}/{term.number}": (term.start, term.end) for term in list_terms(db)}
        for kind, other in zip(("previous", "year_before"), comparison_periods(period, terms), strict=True):
            trend.append(TrendLine(kind, other, build_report(db, other, scope, as_of=as_of, compare=False,
                                                             rates_only=True).rates))
    step()
    return ReportData(
        period=period, scope=scope, scope_label=subject, as_of=as_of, headline=headline, rates=rates, trend=trend,
        by_kind=[GroupLine(kind, sessions_planned=planned, sessions_held=held, sessions_cancelled=cancelled_,
                           visio_minutes=minutes) for kind, planned, held, cancelled_, minutes in kinds],
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
    return join_duo_sides(query.select_from(DuoRow))


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


