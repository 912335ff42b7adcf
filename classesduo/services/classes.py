"""Class groups: counts of pupils, never names."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from classesduo.domain.entities import ClassGroup
from classesduo.domain.i18n import Plural, translate
from classesduo.domain.validation import raise_if_any, validate_class
from classesduo.services import records
from classesduo.services.errors import InUseError, one_transaction, translated_storage_errors
from classesduo.storage.convert import class_from_row, class_to_row
from classesduo.storage.database import Database
from classesduo.storage.models import ClassGroupRow, DuoRow, ExchangeSessionRow, SchoolRow


def list_classes(db: Database, school_id: str | None = None) -> list[ClassGroup]:
    query = select(ClassGroupRow).join(SchoolRow)
    if school_id is not None:
        query = query.where(ClassGroupRow.school_id == school_id)
    with db.reading() as session:
        rows = session.scalars(query.order_by(SchoolRow.name, ClassGroupRow.name)).all()
        return [class_from_row(row) for row in rows]


def get_class(db: Database, class_id: str) -> ClassGroup:
    with db.reading() as session:
        return class_from_row(records.get_row(session, ClassGroupRow, class_id))


@one_transaction
def save_class(db: Database, group: ClassGroup) -> ClassGroup:
    raise_if_any(validate_class(group))
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, SchoolRow, group.school_id)
        row = records.save(session, ClassGroupRow, group.id, group.version, lambda r: class_to_row(group, r))
        return class_from_row(row)


def class_dependents(db: Database, class_id: str) -> tuple[int, int]:
    """How many duos and sessions use this class."""
    with db.reading() as session:
        duo_ids = select(DuoRow.id).where(or_(DuoRow.paris_class_id == class_id, DuoRow.partner_class_id == class_id))
        duos = session.scalar(select(func.count()).select_from(duo_ids.subquery())) or 0
        sessions = session.scalar(
            select(func.count()).select_from(ExchangeSessionRow).where(ExchangeSessionRow.duo_id.in_(duo_ids))
        ) or 0
        return duos, sessions


@one_transaction
def delete_class(db: Database, class_id: str) -> None:
    duos, sessions = class_dependents(db, class_id)
    if duos:
        message = translate("services", "{duos} and {sessions} use this class; archive it instead.")
        raise InUseError(message.format(duos=Plural.tr("%n duo(s)", "", duos),
                                         sessions=Plural.tr("%n session(s)", "", sessions)))
    with translated_storage_errors(), db.transaction() as session:
        session.delete(records.get_row(session, ClassGroupRow, class_id))


@one_transaction
def set_class_archived(db: Database, class_id: str, archived: bool) -> None:
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, ClassGroupRow, class_id).archived = archived
