"""Schools: list, save with validation, archive, delete only when nothing depends on them."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from classesduo.domain.entities import School
from classesduo.domain.enums import Side
from classesduo.domain.i18n import Plural, translate
from classesduo.domain.validation import raise_if_any, validate_school
from classesduo.services import records
from classesduo.services.errors import InUseError, one_transaction, translated_storage_errors
from classesduo.storage.convert import school_from_row, school_to_row
from classesduo.storage.database import Database
from classesduo.storage.models import ClassGroupRow, DuoRow, ExchangeSessionRow, SchoolRow


def list_schools(db: Database, side: Side | None = None, include_archived: bool = True,
                 calendars: bool = True) -> list[School]:
    """``calendars=False``: windows and holidays are left empty — for lists that show only the schools'
    own fields (2,000 schools load several times faster); edit a school from :func:`get_school`."""
    if calendars:
        query = select(SchoolRow).options(selectinload(SchoolRow.windows), selectinload(SchoolRow.holidays),
                                          selectinload(SchoolRow.school_years))
    else:
        query = select(*SchoolRow.__table__.columns)
    if side is not None:
        query = query.where(SchoolRow.side == side)
    if not include_archived:
        query = query.where(SchoolRow.archived.is_(False))
    with db.reading() as session:
        query = query.order_by(SchoolRow.side, SchoolRow.name)
        if not calendars:
            return [school_from_row(row, calendar=False) for row in session.execute(query)]
        return [school_from_row(row) for row in session.scalars(query)]


def get_school(db: Database, school_id: str) -> School:
    with db.reading() as session:
        return school_from_row(records.get_row(session, SchoolRow, school_id))


@one_transaction
def save_school(db: Database, school: School) -> School:
    raise_if_any(validate_school(school))
    with translated_storage_errors(), db.transaction() as session:
        row = records.save(session, SchoolRow, school.id, school.version, lambda r: school_to_row(school, r))
        return school_from_row(row)


def school_dependents(db: Database, school_id: str) -> tuple[int, int, int]:
    """How many classes, duos and sessions use this school."""
    with db.reading() as session:
        class_ids = select(ClassGroupRow.id).where(ClassGroupRow.school_id == school_id)
        classes = session.scalar(select(func.count()).select_from(class_ids.subquery())) or 0
        duo_ids = select(DuoRow.id).where(
            or_(DuoRow.paris_class_id.in_(class_ids), DuoRow.partner_class_id.in_(class_ids))
        )
        duos = session.scalar(select(func.count()).select_from(duo_ids.subquery())) or 0
        sessions = session.scalar(
            select(func.count()).select_from(ExchangeSessionRow).where(ExchangeSessionRow.duo_id.in_(duo_ids))
        ) or 0
        return classes, duos, sessions


@one_transaction
def delete_school(db: Database, school_id: str) -> None:
    classes, duos, sessions = school_dependents(db, school_id)
    if classes:
        message = translate("services", "{classes}, {duos} and {sessions} use this school; archive it instead.")
        raise InUseError(message.format(classes=Plural.tr("%n class(es)", "", classes),
                                        duos=Plural.tr("%n duo(s)", "", duos),
                                        sessions=Plural.tr("%n session(s)", "", sessions)))
    with translated_storage_errors(), db.transaction() as session:
        session.delete(records.get_row(session, SchoolRow, school_id))


@one_transaction
def set_school_archived(db: Database, school_id: str, archived: bool) -> None:
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, SchoolRow, school_id).archived = archived
