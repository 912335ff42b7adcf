"""The SQL aggregates behind a report: one GROUP BY per figure family, one row per duo or bucket.

They run on ``exchange_session``'s indexes (``duo_id, start_utc`` and ``status, start_utc``), so
Python never sees individual sessions of a large programme.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, and_, case, func, select, type_coerce

from classesduo.domain.consent import ConsentState, consent_state, valid_on
from classesduo.domain.enums import ConsentStatus, MediaKind, SessionKind, SessionStatus
from classesduo.domain import session_status
from classesduo.domain.reports import ReportPeriod, highlight
from classesduo.domain.timezones import PARIS
from classesduo.services.reports.model import ConsentLine, Photo, TimelineEntry
from classesduo.storage.models import ExchangeSessionRow, MediaItemRow, MediaTallyRow

MAX_TIMELINE = 400
MAX_PHOTOS = 6
S = ExchangeSessionRow


def _held_visio_minutes() -> ColumnElement[int]:
    """Minutes of held visios (the actual length, else the planned one): the one sum behind "hours of visio"."""
    return func.coalesce(func.sum(case((and_(S.status == SessionStatus.HELD, S.kind == SessionKind.VISIO),
                                        func.coalesce(S.actual_minutes, S.minutes)), else_=0)), 0)


def paris_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), PARIS).astimezone(UTC)


class Figures:
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
    def total(cls, items) -> Figures:  # noqa: ANN001
        out = cls()
        for item in items:
            out.held += item.held
            out.cancelled += item.cancelled
            out.postponed += item.postponed
            out.to_log += item.to_log
            out.visio_minutes += item.visio_minutes
        return out


EMPTY = Figures()


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def session_stats(session, in_report: ColumnElement[bool]  # noqa: ANN001
                  ) -> tuple[dict[str, Figures], dict[str, tuple[int, int, int, int]]]:
    """Per duo, in one pass: its :class:`Figures`, and its attendance (pupils present summed over its held
    exchanges with a Paris count, how many such exchanges, the same for the partner side)."""
    held = S.status == SessionStatus.HELD
    rows = session.execute(select(
        S.duo_id,
        _count_if(held), _count_if(S.status == SessionStatus.CANCELLED),
        _count_if(S.status == SessionStatus.POSTPONED), _count_if(S.status == SessionStatus.PLANNED),
        _held_visio_minutes(),
        func.max(type_coerce(case((held, S.start_utc), else_=None), S.start_utc.type)),
        func.max(case((held, S.present_paris), else_=None)),
        _count_if(and_(held, S.present_paris.is_(None))),
        func.max(case((held, S.present_partner), else_=None)),
        _count_if(and_(held, S.present_partner.is_(None))),
        func.coalesce(func.sum(case((held, S.present_paris), else_=0)), 0),
        _count_if(and_(held, S.present_paris.is_not(None))),
        func.coalesce(func.sum(case((held, S.present_partner), else_=0)), 0),
        _count_if(and_(held, S.present_partner.is_not(None))),
    ).where(in_report).group_by(S.duo_id)).all()
    return ({row[0]: Figures(*row[1:11]) for row in rows},
            {row[0]: tuple(int(value) for value in row[11:]) for row in rows})


def highlights_of(session, in_report: ColumnElement[bool]) -> dict[str, str]:  # noqa: ANN001
    """Each duo's Highlights (:func:`classesduo.domain.reports.highlight`): its latest held exchange's activities."""
    held = and_(in_report, S.status.in_(session_status.HELD))
    latest = select(S.duo_id.label("duo_id"), func.max(S.start_utc).label("start")).where(held) \
        .group_by(S.duo_id).subquery()
    rows = session.execute(select(S.duo_id, S.start_utc, S.activities).join(
        latest, and_(S.duo_id == latest.c.duo_id, S.start_utc == latest.c.start)).where(held)
        .order_by(S.duo_id, S.id)).all()
    by_duo: dict[str, list[tuple[datetime, str | None]]] = {}
    for duo_id, start, text in rows:
        by_duo.setdefault(duo_id, []).append((start, text))
    return {duo_id: text for duo_id, held_rows in by_duo.items() if (text := highlight(held_rows))}


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


def held_over_time(session, in_report: ColumnElement[bool], period: ReportPeriod,  # noqa: ANN001
                    by_week: bool) -> list[tuple[date, int]]:
    starts = bucket_starts(period, by_week)
    # The bucket index as a CASE over the buckets' UTC boundaries (Paris days), portable SQL.
    whens = [(S.start_utc < paris_midnight(day), index) for index, day in enumerate(starts[1:])]
    bucket = (case(*whens, else_=len(starts) - 1) if whens else case((S.start_utc.is_not(None), 0))).label("bucket")
    counts = dict(session.execute(select(bucket, func.count()).where(in_report, S.status == SessionStatus.HELD)
                                  .group_by(bucket)).all())
    return [(day, int(counts.get(index, 0))) for index, day in enumerate(starts)]


CHANNELS = ("exchange", "reports", "publication")
_TALLY = {ConsentState.CLEARED: 0, ConsentState.REFUSED: 1, ConsentState.UNKNOWN: 2, ConsentState.EXPIRED: 3}


def consent_lines(session, report_duos, start: datetime, end: datetime,  # noqa: ANN001
             as_of: date) -> tuple[list[ConsentLine], int, int]:
    when = func.coalesce(S.start_utc, MediaItemRow.taken_at, MediaItemRow.created_at)
    rows = session.execute(
        select(MediaItemRow.consent_exchange, MediaItemRow.consent_reports, MediaItemRow.consent_publication,
               MediaItemRow.consent_until, func.count())
        .outerjoin(S, MediaItemRow.session_id == S.id)
        .where(MediaItemRow.duo_id.in_(report_duos), when >= start, when < end)
        .group_by(MediaItemRow.consent_exchange, MediaItemRow.consent_reports, MediaItemRow.consent_publication,
                  MediaItemRow.consent_until)).all()
    tallies = {channel: [0, 0, 0, 0] for channel in CHANNELS}  # cleared, refused, unknown, expired
    total = 0
    for exchange, reports, publication, until, count in rows:
        total += count
        for channel, status in zip(CHANNELS, (exchange, reports, publication), strict=True):
            tallies[channel][_TALLY[consent_state(status, until, as_of)]] += count
    lines = [ConsentLine(channel, *tallies[channel]) for channel in CHANNELS]
    return lines, total, tallies["publication"][0]


def erased_media(session, report_duos, period: ReportPeriod) -> int:  # noqa: ANN001
    """Media of the report's duos dated in the period and since erased by retention (``media_tally``)."""
    return int(session.scalar(select(func.coalesce(func.sum(MediaTallyRow.count), 0)).where(
        MediaTallyRow.duo_id.in_(report_duos), MediaTallyRow.dated_on >= period.start,
        MediaTallyRow.dated_on <= period.end)))


def timeline_of(session, duo_id: str, in_period: ColumnElement[bool]) -> list[TimelineEntry]:  # noqa: ANN001
    rows = session.execute(select(S.start_utc, S.kind, S.status, S.minutes, S.actual_minutes, S.present_paris,
                                  S.present_partner, S.activities, S.cancel_reason)
                           .where(in_period, S.duo_id == duo_id).order_by(S.start_utc).limit(MAX_TIMELINE)).all()
    return [TimelineEntry(start_utc=start, kind=str(kind), status=str(status), minutes=actual or minutes,
                          present_paris=paris, present_partner=partner,
                          note=" ".join((activities or "").split()) if status == SessionStatus.HELD else reason or "")
            for start, kind, status, minutes, actual, paris, partner, activities, reason in rows]


def photos_of(session, duo_id: str, start: datetime, end: datetime, as_of: date,  # noqa: ANN001
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
        if valid_on(status, until, as_of) and path.is_file():
            photos.append(Photo(path, caption, taken.astimezone(PARIS).date() if taken else None))
        if len(photos) == MAX_PHOTOS:
            break
    return photos


def still_to_come(session, in_report: ColumnElement[bool], after: datetime) -> int:  # noqa: ANN001
    """Sessions of the report still planned at or after ``after`` (not yet due, so not yet missed)."""
    return int(session.scalar(select(func.count()).where(in_report, S.status == SessionStatus.PLANNED,
                                                         S.start_utc >= after)))


def by_kind(session, in_report: ColumnElement[bool]) -> list[tuple[str, int, int, int, int]]:  # noqa: ANN001
    """Per exchange kind: planned (held + cancelled + not yet logged), held, cancelled, visio minutes
    (held visios only, as in the per-duo figures: an e-mail's length is no hour of visio)."""
    held = S.status == SessionStatus.HELD
    rows = session.execute(select(
        S.kind, _count_if(S.status.in_(session_status.COUNTS_AS_PLANNED)), _count_if(held),
        _count_if(S.status == SessionStatus.CANCELLED), _held_visio_minutes(),
    ).where(in_report).group_by(S.kind)).all()
    order = [kind.value for kind in SessionKind]
    return sorted(((str(kind), int(a), int(b), int(c), int(d)) for kind, a, b, c, d in rows),
                  key=lambda row: order.index(row[0]) if row[0] in order else 99)
