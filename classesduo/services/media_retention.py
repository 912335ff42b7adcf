"""End-of-year retention: erase what is older than the retention period, keep anonymous counts.

A duo lasts one school year; it is over on 31 July of that year. Once
``retention_years`` more school years have passed, its media (files,
thumbnails, rows) and the free text of its exchange logs (activities,
problems, follow-up, notes, and every earlier revision of them) are erased.
What the reports need stays: each session's date, kind, status, minutes and
head counts, and per duo the number of media erased by kind and side
(``media_tally`` rows).

The rows go in ONE transaction; files are removed after it commits, and only
files no remaining row refers to (the store shares identical files between
duos). A crash in between leaves unreferenced files, never rows without files.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, select, type_coerce
from sqlalchemy.orm import Session

from classesduo.domain.enums import MediaKind, Side
from classesduo.domain.terms import school_year_bounds
from classesduo.domain.timezones import PARIS_ZONE, utc_to_local
from classesduo.services.duos import ParisSchool, PartnerSchool, join_duo_sides
from classesduo.services.erase_copies import erase_everywhere
from classesduo.services.workspace import Workspace
from classesduo.storage.models import (
    DuoRow,
    ExchangeSessionRow,
    MediaItemRow,
    MediaTallyRow,
    SessionRevisionRow,
)

log = logging.getLogger(__name__)

_LOG_TEXT_FIELDS = ("activities", "problems", "follow_up", "notes")


def erase_after(school_year: str, retention_years: int) -> date:
    """The last day a duo's media and logs are kept; they may be erased from the next day on."""
    end = school_year_bounds(school_year)[1]
    return end.replace(year=end.year + retention_years)


@dataclass(frozen=True, slots=True)
class ExpiredDuo:
    duo_id: str
    label: str
    school_year: str
    kept_until: date
    media: int
    logs: int


@dataclass
class RetentionResult:
    duos: int = 0
    media_rows: int = 0
    logs_cleared: int = 0
    files_removed: int = 0
    file_problems: list[str] = field(default_factory=list)
    backups_scrubbed: int = 0
    backups_removed: int = 0


def expired_duos(workspace: Workspace, today: date, retention_years: int = 1) -> list[ExpiredDuo]:
    """Duos past the retention period that still hold media or log text."""
    db = workspace.db
    with db.reading() as session:
        duos = session.execute(
            join_duo_sides(select(DuoRow.id, DuoRow.school_year, ParisSchool.name, PartnerSchool.name),
                           facilitator=False)
        ).all()
        media = dict(session.execute(select(MediaItemRow.duo_id, func.count()).group_by(MediaItemRow.duo_id)).all())
        has_text = (ExchangeSessionRow.activities != "") | (ExchangeSessionRow.problems != "") | \
                   (ExchangeSessionRow.follow_up != "") | (ExchangeSessionRow.notes != "")
        logs = dict(session.execute(select(ExchangeSessionRow.duo_id, func.count())
                                    .where(has_text).group_by(ExchangeSessionRow.duo_id)).all())
    found = []
    for duo_id, year, paris, partner in duos:
        kept_until = erase_after(year, retention_years)
        if today > kept_until and (media.get(duo_id) or logs.get(duo_id)):
            found.append(ExpiredDuo(duo_id, f"{paris} ↔ {partner}", year, kept_until,
                                    media.get(duo_id, 0), logs.get(duo_id, 0)))
    return sorted(found, key=lambda d: (d.school_year, d.label))


def erase_expired(workspace: Workspace, today: date, retention_years: int = 1) -> RetentionResult:
    """Erase the media and log text of every duo :func:`expired_duos` lists (re-checked here)."""
    targets = expired_duos(workspace, today, retention_years)
    result = RetentionResult(duos=len(targets))
    if not targets:
        return result
    duo_ids = [d.duo_id for d in targets]
    from classesduo.services.erase import erased_terms

    marks = ", ".join("?" * len(duo_ids))
    erased = erase_everywhere(
        workspace, "retention", lambda session: erase_old_rows(session, duo_ids, today),
        lambda session: set().union(*(erased_terms(session, duo_id) for duo_id in duo_ids)),
        (f"SELECT 1 FROM media_item WHERE duo_id IN ({marks}) UNION ALL SELECT 1 FROM exchange_session "
         f"WHERE duo_id IN ({marks}) AND (activities != '' OR problems != '' OR follow_up != '' OR notes != '')",
         (*duo_ids, *duo_ids)))
    result.media_rows, result.logs_cleared = len(erased.media), erased.count
    result.files_removed, result.file_problems = erased.files_removed, erased.file_problems
    result.backups_scrubbed, result.backups_removed = len(erased.copies.scrubbed), len(erased.copies.removed)
    log.info("retention: erased %d media and the log text of %d sessions in %d duos", result.media_rows,
             result.logs_cleared, result.duos)
    return result


def erase_old_rows(session: Session, duo_ids: list[str], today: date) -> tuple[list[tuple[str, str]], int]:
    """In one session (the live database or a backup): count the duos' media into ``media_tally``, delete them,
    clear their logs' text and revisions. Returns the media's (hash, stored name) and the logs cleared."""
    when = type_coerce(func.coalesce(ExchangeSessionRow.start_utc, MediaItemRow.taken_at, MediaItemRow.created_at),
                       ExchangeSessionRow.start_utc.type)
    items = session.execute(select(MediaItemRow.duo_id, MediaItemRow.kind, MediaItemRow.side,
                                   MediaItemRow.file_hash, MediaItemRow.stored_name, when)
                            .outerjoin(ExchangeSessionRow, MediaItemRow.session_id == ExchangeSessionRow.id)
                            .where(MediaItemRow.duo_id.in_(duo_ids))).all()
    # One count per duo, kind, side and day, the day reports count media on (docs/media.md).
    tallies: Counter[tuple[str, MediaKind, Side, date]] = Counter(
        (duo, kind, side, utc_to_local(instant, PARIS_ZONE).date()) for duo, kind, side, _, _, instant in items)
    for (duo_id, kind, side, day), count in tallies.items():
        session.add(MediaTallyRow(duo_id=duo_id, kind=kind, side=side, count=count, erased_on=today, dated_on=day))
    session.execute(delete(MediaItemRow).where(MediaItemRow.duo_id.in_(duo_ids)))
    sessions = session.scalars(select(ExchangeSessionRow).where(ExchangeSessionRow.duo_id.in_(duo_ids))).all()
    cleared = 0
    for row in sessions:
        if any(getattr(row, name) for name in _LOG_TEXT_FIELDS):
            cleared += 1
            for name in _LOG_TEXT_FIELDS:
                setattr(row, name, "")
    session_ids = [row.id for row in sessions]
    for start in range(0, len(session_ids), 500):
        session.execute(delete(SessionRevisionRow).where(SessionRevisionRow.session_id.in_(session_ids[start:start + 500])))
    session.flush()
    return [(digest, stored_name) for _, _, _, digest, stored_name, _ in items], cleared


def erased_counts(workspace: Workspace, duo_id: str | None = None) -> dict[tuple[str, MediaKind, Side], int]:
    """Anonymous counts of erased media, for the reports: (duo id, kind, side) → count."""
    query = select(MediaTallyRow.duo_id, MediaTallyRow.kind, MediaTallyRow.side, func.sum(MediaTallyRow.count)) \
        .group_by(MediaTallyRow.duo_id, MediaTallyRow.kind, MediaTallyRow.side)
    if duo_id:
        query = query.where(MediaTallyRow.duo_id == duo_id)
    with workspace.db.reading() as session:
        return {(duo, kind, side): int(total) for duo, kind, side, total in session.execute(query).all()}
