"""The save/get plumbing every editable record shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from classesduo.domain.i18n import translate
from classesduo.services.errors import ConcurrentEditError, NotFoundError
from classesduo.storage.models import Base

RowT = TypeVar("RowT", bound=Base)


def get_row(session: Session, row_cls: type[RowT], record_id: str | None) -> RowT:
    row = session.get(row_cls, record_id) if record_id else None
    if row is None:
        message = translate("errors", "No {kind} with id {id}.")
        raise NotFoundError(message.format(kind=row_cls.__tablename__.replace("_", " "), id=record_id))
    return row


def row_for_save(session: Session, row_cls: type[RowT], record_id: str | None, version: int) -> RowT:
    """The row to write a record into: a new one, or the stored one if nobody changed it since it was read."""
    if record_id is None:
        row = row_cls()
        session.add(row)
        return row
    row = get_row(session, row_cls, record_id)
    if version and row.version != version:  # type: ignore[attr-defined]
        raise ConcurrentEditError()
    return row


def save(
    session: Session,
    row_cls: type[RowT],
    record_id: str | None,
    version: int,
    fill: Callable[[RowT], object],
) -> RowT:
    """Create or update one row and flush, so its id and version are known."""
    row = row_for_save(session, row_cls, record_id, version)
    fill(row)
    session.flush()
    return row
