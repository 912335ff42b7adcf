"""The gallery one page at a time: filtering, consent, ordering and counting done by the database.

A programme can hold 200,000 media records; loading them all to filter and sort
them in Python took 20 s and 400 MB. :func:`media_page` returns only the rows a
view shows (LIMIT/OFFSET) and :func:`count_media` their number, with the same
results as :func:`classesduo.services.media.list_media` filtered by
:func:`classesduo.domain.consent.consent_filter_matches`.

The consent rule itself lives in :mod:`classesduo.domain.consent`, written once
against a small algebra of conditions; :func:`consent_condition` hands it an SQL
implementation of that algebra, so the database applies the very same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, or_, select, true

from classesduo.domain.consent import ConsentFilter, consent_filter_matches
from classesduo.domain.enums import ConsentStatus, MediaKind, Side
from classesduo.services.media import MediaFilter, MediaView, filter_media, media_order, media_select, media_view
from classesduo.storage.database import Database
from classesduo.storage.models import ExchangeSessionRow, MediaItemRow

@dataclass(frozen=True)
class MediaQuery:
    """Which items a gallery page shows, and in which order.

    ``start``/``end``: Paris days, inclusive, on the item's ``when``. ``consent`` is judged on
    ``today`` (required unless ``consent`` is ALL). ``descending``: newest first.
    """

    duo_id: str | None = None
    session_id: str | None = None
    start: date | None = None
    end: date | None = None
    kind: MediaKind | None = None
    side: Side | None = None
    consent: ConsentFilter = ConsentFilter.ALL
    today: date | None = None
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "consent", ConsentFilter(self.consent))
        if self.consent is not ConsentFilter.ALL and self.today is None:
            raise ValueError("a consent filter needs the day it is judged on (today)")

    @property
    def where(self) -> MediaFilter:
        return MediaFilter(self.duo_id, self.session_id, self.start, self.end, self.kind, self.side)


def media_page(db: Database, query: MediaQuery, offset: int = 0, limit: int = 200) -> list[MediaView]:
    """One page of items: ids chosen on the media table (with the session for ``when``), then their names joined."""
    ids_query = _where(select(MediaItemRow.id).select_from(MediaItemRow)
                       .outerjoin(ExchangeSessionRow, MediaItemRow.session_id == ExchangeSessionRow.id), query)
    ids_query = ids_query.order_by(*media_order(db, query.descending)).offset(max(offset, 0)).limit(max(limit, 0))
    with db.reading() as session:
        ids = list(session.scalars(ids_query))
        if not ids:
            return []
        rows = session.execute(media_select().where(MediaItemRow.id.in_(ids))).mappings().all()
    rank = {media_id: index for index, media_id in enumerate(ids)}
    return [media_view(row) for row in sorted(rows, key=lambda row: rank[row["id"]])]


def count_media(db: Database, query: MediaQuery) -> int:
    statement = select(func.count()).select_from(MediaItemRow)
    if query.start is not None or query.end is not None:  # the day is the session's when the item has no date
        statement = statement.outerjoin(ExchangeSessionRow, MediaItemRow.session_id == ExchangeSessionRow.id)
    with db.reading() as session:
        return int(session.scalar(_where(statement, query)) or 0)


def _where(statement: Select[Any], query: MediaQuery) -> Select[Any]:
    statement = filter_media(statement, query.where)
    if query.consent is not ConsentFilter.ALL:
        assert query.today is not None
        statement = statement.where(consent_condition(query.consent, query.today))
    return statement


class _SqlLogic:
    """The consent rule's conditions as SQL (see :class:`classesduo.domain.consent.Logic`)."""

    def equals(self, value: Any, constant: ConsentStatus) -> ColumnElement[bool]:
        return value == constant

    def is_none(self, value: Any) -> ColumnElement[bool]:
        return value.is_(None)

    def on_or_before(self, day: date, last: Any) -> ColumnElement[bool]:
        return last >= day

    def all(self, *conditions: ColumnElement[bool]) -> ColumnElement[bool]:
        return and_(*conditions)

    def any(self, *conditions: ColumnElement[bool]) -> ColumnElement[bool]:
        return or_(*conditions)

    def negate(self, condition: ColumnElement[bool]) -> ColumnElement[bool]:
        # never NULL: the status columns are NOT NULL and "consent_until IS NULL OR …" is true or false
        return not_(condition)

    def true(self) -> ColumnElement[bool]:
        return true()


SQL = _SqlLogic()


def consent_condition(wanted: ConsentFilter, on: date) -> ColumnElement[bool]:
    """:func:`classesduo.domain.consent.consent_filter_matches` on ``on``, as a condition on the media table."""
    return consent_filter_matches(MediaItemRow, wanted, on, SQL)
