"""Bilingual facilitators who run the exchanges."""

from __future__ import annotations

from sqlalchemy import func, select

from classesduo.domain.entities import Facilitator
from classesduo.domain.i18n import Plural, translate
from classesduo.domain.validation import raise_if_any, validate_facilitator
from classesduo.services import records
from classesduo.services.errors import InUseError, one_transaction, translated_storage_errors
from classesduo.storage.convert import facilitator_from_row, facilitator_to_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, FacilitatorRow


def list_facilitators(db: Database) -> list[Facilitator]:
    with db.reading() as session:
        rows = session.scalars(select(FacilitatorRow).order_by(FacilitatorRow.name)).all()
        return [facilitator_from_row(row) for row in rows]


@one_transaction
def save_facilitator(db: Database, person: Facilitator) -> Facilitator:
    raise_if_any(validate_facilitator(person))
    with translated_storage_errors(), db.transaction() as session:
        row = records.save(
            session, FacilitatorRow, person.id, person.version, lambda r: facilitator_to_row(person, r)
        )
        return facilitator_from_row(row)


def get_facilitator(db: Database, facilitator_id: str) -> Facilitator:
    with db.reading() as session:
        return facilitator_from_row(records.get_row(session, FacilitatorRow, facilitator_id))


def facilitator_dependents(db: Database, facilitator_id: str) -> int:
    """How many duos this facilitator runs (any status, any year)."""
    with db.reading() as session:
        return session.scalar(select(func.count()).where(DuoRow.facilitator_id == facilitator_id)) or 0


@one_transaction
def set_facilitator_archived(db: Database, facilitator_id: str, archived: bool) -> None:
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, FacilitatorRow, facilitator_id).archived = archived


@one_transaction
def delete_facilitator(db: Database, facilitator_id: str) -> None:
    duos = facilitator_dependents(db, facilitator_id)
    if duos:
        message = translate("services", "This facilitator runs {duos}; archive the facilitator instead.")
        raise InUseError(message.format(duos=Plural.tr("%n duo(s)", "", duos)))
    with translated_storage_errors(), db.transaction() as session:
        session.delete(records.get_row(session, FacilitatorRow, facilitator_id))
