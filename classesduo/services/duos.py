"""Duos: one Paris class paired with one partner class for a school year."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from classesduo.domain.entities import Duo
from classesduo.domain.i18n import Plural, translate
from classesduo.domain.validation import FieldError, raise_if_any, validate_duo
from classesduo.services import records
from classesduo.services.errors import InUseError, one_transaction, translated_storage_errors
from classesduo.services.views import DuoView, SchoolSide
from classesduo.storage.convert import duo_from_row, duo_to_row
from classesduo.storage.database import Database
from classesduo.storage.models import (
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    FacilitatorRow,
    MediaItemRow,
    SchoolRow,
)

ParisClass = aliased(ClassGroupRow, name="paris_class")
PartnerClass = aliased(ClassGroupRow, name="partner_class")
ParisSchool = aliased(SchoolRow, name="paris_school")
PartnerSchool = aliased(SchoolRow, name="partner_school")


def join_duo_sides(query: Select, facilitator: bool = True) -> Select:
    """``query`` (which reaches ``duo``) joined to both classes, both schools and, unless told not to, the
    facilitator (an outer join): the aliases ``ParisClass``, ``ParisSchool``, ``PartnerClass``, ``PartnerSchool``."""
    query = (query.join(ParisClass, DuoRow.paris_class_id == ParisClass.id)
             .join(ParisSchool, ParisClass.school_id == ParisSchool.id)
             .join(PartnerClass, DuoRow.partner_class_id == PartnerClass.id)
             .join(PartnerSchool, PartnerClass.school_id == PartnerSchool.id))
    return query.outerjoin(FacilitatorRow, DuoRow.facilitator_id == FacilitatorRow.id) if facilitator else query


_SIDE_COLUMNS = ("name", "level", "pupil_count")
_SCHOOL_COLUMNS = ("name", "city", "country", "timezone", "arrondissement")


def duo_view_query() -> Select:
    """Duos joined with both classes, both schools and the facilitator.

    Plain columns rather than five ORM objects per duo: the Duos page, the
    filters and the home page list every duo, a thousand of them at large scale.
    """
    columns = [*DuoRow.__table__.columns]
    for prefix, group, school in (("paris", ParisClass, ParisSchool), ("partner", PartnerClass, PartnerSchool)):
        columns += [getattr(group, name).label(f"{prefix}_class_{name}") for name in _SIDE_COLUMNS]
        columns += [getattr(school, name).label(f"{prefix}_school_{name}") for name in _SCHOOL_COLUMNS]
    return join_duo_sides(select(*columns, FacilitatorRow.name.label("facilitator_name")))


def _side(row, prefix: str) -> SchoolSide:  # noqa: ANN001 - a result row of duo_view_query()
    values = row._mapping
    return SchoolSide(
        class_name=values[f"{prefix}_class_name"], level=values[f"{prefix}_class_level"],
        pupils=values[f"{prefix}_class_pupil_count"], school=values[f"{prefix}_school_name"],
        city=values[f"{prefix}_school_city"], country=values[f"{prefix}_school_country"],
        timezone=values[f"{prefix}_school_timezone"], arrondissement=values[f"{prefix}_school_arrondissement"],
    )


def _view(row) -> DuoView:  # noqa: ANN001 - a result row of duo_view_query()
    return DuoView(duo=duo_from_row(row), paris=_side(row, "paris"), partner=_side(row, "partner"),
                   facilitator=row.facilitator_name or "")


def list_duos(db: Database, facilitator_id: str | None = None, school_year: str | None = None,
              duo_ids: set[str] | None = None) -> list[DuoView]:
    query = duo_view_query()
    if duo_ids is not None:
        query = query.where(DuoRow.id.in_(duo_ids))
    if facilitator_id:
        query = query.where(DuoRow.facilitator_id == facilitator_id)
    if school_year:
        query = query.where(DuoRow.school_year == school_year)
    with db.reading() as session:
        rows = session.execute(query.order_by(ParisSchool.name, ParisClass.name, PartnerSchool.name)).all()
        return [_view(row) for row in rows]


def count_duos(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(DuoRow)) or 0)


def get_duo(db: Database, duo_id: str) -> DuoView:
    with db.reading() as session:
        row = session.execute(duo_view_query().where(DuoRow.id == duo_id)).first()
        if row is None:
            records.get_row(session, DuoRow, duo_id)  # raises NotFoundError
        return _view(row)


@one_transaction
def save_duo(db: Database, duo: Duo) -> Duo:
    with translated_storage_errors(), db.transaction() as session:
        paris = session.get(ClassGroupRow, duo.paris_class_id) if duo.paris_class_id else None
        partner = session.get(ClassGroupRow, duo.partner_class_id) if duo.partner_class_id else None
        errors = validate_duo(duo, paris.school.side if paris else None, partner.school.side if partner else None)
        if not errors:
            errors += _duplicate_pair(session, duo)
        raise_if_any(errors)
        row = records.save(session, DuoRow, duo.id, duo.version, lambda r: duo_to_row(duo, r))
        return duo_from_row(row)


def _duplicate_pair(session, duo: Duo) -> list[FieldError]:  # noqa: ANN001 - an ORM session
    """The unique (Paris class, partner class, year) rule, said next to the partner class field."""
    query = select(DuoRow.id).where(DuoRow.paris_class_id == duo.paris_class_id,
                                    DuoRow.partner_class_id == duo.partner_class_id,
                                    DuoRow.school_year == duo.school_year.strip())
    if duo.id:
        query = query.where(DuoRow.id != duo.id)
    if session.scalar(query) is None:
        return []
    message = translate("services", "These two classes already form a duo in {year}.")
    return [FieldError("partner_class_id", message.format(year=duo.school_year))]


def get_duo_record(db: Database, duo_id: str) -> Duo:
    with db.reading() as session:
        return duo_from_row(records.get_row(session, DuoRow, duo_id))


def duo_dependents(db: Database, duo_id: str) -> tuple[int, int]:
    """How many sessions and media items belong to this duo."""
    with db.reading() as session:
        sessions = session.scalar(select(func.count()).where(ExchangeSessionRow.duo_id == duo_id)) or 0
        media = session.scalar(select(func.count()).where(MediaItemRow.duo_id == duo_id)) or 0
        return sessions, media


@one_transaction
def delete_duo(db: Database, duo_id: str) -> None:
    sessions, media = duo_dependents(db, duo_id)
    if sessions or media:
        message = translate("services", "{sessions} and {media} belong to this duo; close it instead.")
        raise InUseError(message.format(sessions=Plural.tr("%n session(s)", "", sessions),
                                         media=Plural.tr("%n media item(s)", "", media)))
    with translated_storage_errors(), db.transaction() as session:
        session.delete(records.get_row(session, DuoRow, duo_id))
