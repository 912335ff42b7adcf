"""A duo's detail: its summary figures and its timeline of exchanges and shared media."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from classesduo.domain.entities import ExchangeSession, MediaItem
from classesduo.domain.enums import SessionStatus
from classesduo.domain.terms import TermDates, with_default_terms
from classesduo.services.duos import get_duo
from classesduo.services.log_queries import paris_day, to_log
from classesduo.services.media import list_media
from classesduo.services.sessions import list_sessions
from classesduo.services.terms import list_terms
from classesduo.services.views import DuoView, SessionView
from classesduo.storage.database import Database

#: Timeline kinds: the session kinds plus ``media``.
MEDIA_KIND = "media"


@dataclass(frozen=True, slots=True)
class DuoSummary:
    held: int
    planned: int
    cancelled: int
    postponed: int
    last_exchange: datetime | None  # the last held exchange
    media_count: int
    to_log: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of a duo's history: a session (with its log) or a shared media item."""

    when: datetime
    kind: str  # a SessionKind value or MEDIA_KIND
    term: str  # e.g. "2026-2027/1", "" outside every term
    session: ExchangeSession | None = None
    media: MediaItem | None = None

    @property
    def status(self) -> SessionStatus | None:
        return self.session.status if self.session else None


@dataclass(frozen=True, slots=True)
class DuoDetail:
    duo: DuoView
    summary: DuoSummary
    timeline: list[TimelineEntry]
    to_log: list[SessionView]
    terms: list[TermDates]


def _terms_for(db: Database, school_year: str) -> list[TermDates]:
    return with_default_terms((TermDates(t.school_year, t.number, t.start, t.end) for t in list_terms(db)),
                              [school_year])


def _term_label(when: datetime, terms: list[TermDates]) -> str:
    day = paris_day(when)
    return next((term.label for term in terms if term.contains(day)), "")


def duo_detail(db: Database, duo_id: str, now: datetime) -> DuoDetail:
    """Everything the duo page shows, read in a handful of queries."""
    duo = get_duo(db, duo_id)
    sessions = list_sessions(db, duo_id=duo_id)
    media = list_media(db, duo_id=duo_id)
    pending = to_log(db, now, duo_id=duo_id)
    terms = _terms_for(db, duo.duo.school_year)
    count = {status: 0 for status in SessionStatus}
    for view in sessions:
        count[view.session.status] += 1
    held = [view.session.start_utc for view in sessions
            if view.session.status is SessionStatus.HELD and view.session.start_utc <= now]
    summary = DuoSummary(
        held=count[SessionStatus.HELD], planned=count[SessionStatus.PLANNED],
        cancelled=count[SessionStatus.CANCELLED], postponed=count[SessionStatus.POSTPONED],
        last_exchange=max(held, default=None), media_count=len(media), to_log=len(pending),
    )
    entries = [TimelineEntry(view.session.start_utc, view.session.kind.value,
                             _term_label(view.session.start_utc, terms), session=view.session)
               for view in sessions]
    for item in media:  # every item, so the summary's count is the timeline's
        when = item.when  # its EXIF date, else its session's start, else its import (as the gallery)
        entries.append(TimelineEntry(when, MEDIA_KIND, _term_label(when, terms), media=item.item))
    entries.sort(key=lambda entry: (entry.when, entry.kind == MEDIA_KIND))
    return DuoDetail(duo=duo, summary=summary, timeline=entries, to_log=pending, terms=terms)


def filter_timeline(entries: list[TimelineEntry], kinds: set[str] | None = None,
                    term: str | None = None) -> list[TimelineEntry]:
    """Keep the entries of the given kinds (None = all) in the given term label (None = all)."""
    return [entry for entry in entries
            if (kinds is None or entry.kind in kinds) and (term is None or entry.term == term)]
