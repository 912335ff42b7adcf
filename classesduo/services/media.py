"""Media items: listing (import, gallery and consent arrive with the media issue)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from classesduo.domain.entities import MediaItem
from classesduo.services.duos import ParisClass, ParisSchool, PartnerClass, PartnerSchool
from classesduo.storage.convert import media_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, MediaItemRow


@dataclass(frozen=True, slots=True)
class MediaView:
    item: MediaItem
    duo_label: str


def list_media(db: Database, duo_id: str | None = None) -> list[MediaView]:
    query = (
        select(MediaItemRow, ParisSchool.name, PartnerSchool.name)
        .join(DuoRow, MediaItemRow.duo_id == DuoRow.id)
        .join(ParisClass, DuoRow.paris_class_id == ParisClass.id)
        .join(ParisSchool, ParisClass.school_id == ParisSchool.id)
        .join(PartnerClass, DuoRow.partner_class_id == PartnerClass.id)
        .join(PartnerSchool, PartnerClass.school_id == PartnerSchool.id)
    )
    if duo_id:
        query = query.where(MediaItemRow.duo_id == duo_id)
    with db.reading() as session:
        rows = session.execute(query.order_by(MediaItemRow.taken_at.desc(), MediaItemRow.original_name)).all()
        return [MediaView(media_from_row(row), f"{paris} ↔ {partner}") for row, paris, partner in rows]
