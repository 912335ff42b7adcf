"""Media items: listing with filters, editing captions, tags and consent, where files and thumbnails live."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, func, select

from classesduo.domain.entities import MediaItem
from classesduo.domain.enums import MediaKind, Side
from classesduo.domain.i18n import translate
from classesduo.domain.timezones import PARIS_ZONE, local_day_bounds, utc_to_local
from classesduo.domain.validation import FieldError, raise_if_any
from classesduo.services import records
from classesduo.services.duos import ParisSchool, PartnerSchool, join_duo_sides
from classesduo.services.errors import one_transaction, translated_storage_errors
from classesduo.storage.convert import media_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow, MediaItemRow

if TYPE_CHECKING:
    from classesduo.storage.media_store import MediaStore
    from classesduo.services.workspace import Workspace

#: Thumbnails are cached at this size (longest side, pixels).
THUMBNAIL_SIZE = 256


@dataclass(frozen=True, slots=True)
class MediaView:
    item: MediaItem
    duo_label: str
    #: When the item was made: its EXIF date, else its session's start, else its import.
    when: datetime
    duo_languages: tuple[str, ...] = ()

    @property
    def day(self) -> date:
        """The Paris calendar day (terms are Paris days, as in the reports)."""
        return utc_to_local(self.when, PARIS_ZONE).date()


@dataclass(frozen=True, slots=True)
class MediaFilter:
    duo_id: str | None = None
    session_id: str | None = None
    start: date | None = None  # inclusive, on the item's day
    end: date | None = None  # inclusive
    kind: MediaKind | None = None
    side: Side | None = None


def media_when() -> ColumnElement[datetime]:
    """When an item was made, in SQL: its EXIF date, else its session's start, else its import.

    The statement must outer-join ``ExchangeSessionRow`` on the item's session (:func:`media_select` does).
    """
    return func.coalesce(MediaItemRow.taken_at, ExchangeSessionRow.start_utc, MediaItemRow.created_at)


def media_select() -> Select[Any]:
    """Every column :func:`media_view` needs: the item, its duo's names and languages, and ``when``."""
    # Plain columns, not ORM objects: a gallery of thousands of items loads several times faster.
    columns = [column for column in MediaItemRow.__table__.columns if column.key not in ("updated_at",)]
    query = (select(*columns, ParisSchool.name.label("paris_name"), PartnerSchool.name.label("partner_name"),
                    media_when().label("when"), DuoRow.languages.label("duo_languages"))
             .join(DuoRow, MediaItemRow.duo_id == DuoRow.id))
    return (join_duo_sides(query, facilitator=False)
            .outerjoin(ExchangeSessionRow, MediaItemRow.session_id == ExchangeSessionRow.id))


def media_view(row: Any) -> MediaView:
    """A :class:`MediaView` from a row of :func:`media_select` (as a mapping)."""
    return MediaView(_item(row), f"{row['paris_name']} ↔ {row['partner_name']}", row["when"],
                     tuple(row["duo_languages"]))


def filter_media(statement: Select[Any], where: MediaFilter) -> Select[Any]:
    """``where`` as SQL conditions. A day range needs ``ExchangeSessionRow`` outer-joined (see :func:`media_when`).

    Days are Paris days (:attr:`MediaView.day`): the range becomes UTC instants, so the
    comparison is plain SQL on every database.
    """
    if where.duo_id:
        statement = statement.where(MediaItemRow.duo_id == where.duo_id)
    if where.session_id:
        statement = statement.where(MediaItemRow.session_id == where.session_id)
    if where.kind:
        statement = statement.where(MediaItemRow.kind == where.kind)
    if where.side:
        statement = statement.where(MediaItemRow.side == where.side)
    first, stop = local_day_bounds(where.start, where.end, PARIS_ZONE)
    if first is not None:
        statement = statement.where(media_when() >= first)
    if stop is not None:
        statement = statement.where(media_when() < stop)
    return statement


def media_order(db: Database, descending: bool = True) -> list[ColumnElement[Any]]:
    """Newest first (or oldest), then by original name, then by id so that pages are stable.

    Names compare by code point, as Python compares strings: PostgreSQL is told so with the
    "C" collation (SQLite's default already is).
    """
    name: ColumnElement[str] = MediaItemRow.original_name
    if not db.is_sqlite:
        name = name.collate("C")
    columns = (media_when(), name, MediaItemRow.id)
    return [column.desc() if descending else column.asc() for column in columns]


def list_media(db: Database, duo_id: str | None = None, where: MediaFilter | None = None) -> list[MediaView]:
    """Every item matching ``where`` (newest first). For one duo's items; the gallery pages with ``media_pages``."""
    where = where or MediaFilter(duo_id=duo_id)
    if duo_id and not where.duo_id:
        where = replace(where, duo_id=duo_id)
    with db.reading() as session:
        rows = session.execute(filter_media(media_select(), where).order_by(*media_order(db))).mappings().all()
    return [media_view(row) for row in rows]


def _item(row: Any) -> MediaItem:
    return MediaItem(
        id=row["id"], version=row["version"], duo_id=row["duo_id"], session_id=row["session_id"], kind=row["kind"],
        file_hash=row["file_hash"], stored_name=row["stored_name"], original_name=row["original_name"],
        size_bytes=row["size_bytes"], mime_type=row["mime_type"], taken_at=row["taken_at"], side=row["side"],
        caption=row["caption"], caption_partner=row["caption_partner"], tags=list(row["tags"]),
        identifiable_children=row["identifiable_children"], consent_exchange=row["consent_exchange"],
        consent_publication=row["consent_publication"], consent_reports=row["consent_reports"],
        consent_until=row["consent_until"],
    )


def get_media(db: Database, media_id: str) -> MediaItem:
    with db.reading() as session:
        return media_from_row(records.get_row(session, MediaItemRow, media_id))


def validate_media(item: MediaItem) -> list[FieldError]:
    errors = []
    if item.identifiable_children < 0:
        errors.append(FieldError("identifiable_children",
                                 translate("validation", "The number of children shown cannot be negative.")))
    if item.identifiable_children > 200:
        errors.append(FieldError("identifiable_children",
                                 translate("validation", "More than 200 identifiable children? Check the number.")))
    for name, text in (("caption", item.caption), ("caption_partner", item.caption_partner)):
        if len(text) > 2000:
            errors.append(FieldError(name, translate("validation", "A caption is at most 2000 characters.")))
    for tag in item.tags:
        if not tag.strip() or len(tag) > 40 or "," in tag:
            errors.append(FieldError("tags", translate(
                "validation", "Each tag is 1 to 40 characters, without commas: {tag!r}").format(tag=tag)))
    return errors


@one_transaction
def save_media(db: Database, item: MediaItem, store: MediaStore | None = None) -> MediaItem:
    """Save the editable fields of an item (captions, tags, side, session, consent).

    With ``store``, a photo whose side changes has its camera time read again in the zone of the side
    that made it (the camera's clock is local; EXIF OffsetTimeOriginal, when present, wins).
    """
    raise_if_any(validate_media(item))
    retimed = _camera_time_for_side(db, item, store) if store is not None else None

    def fill(row: MediaItemRow) -> None:
        if item.session_id and item.session_id != row.session_id:  # attached or moved after import
            target = session.get(ExchangeSessionRow, item.session_id)
            if target is None or target.duo_id != row.duo_id:
                raise_if_any([FieldError("session_id", translate(
                    "validation", "Choose a session of this item's duo."))])
        row.caption = item.caption.strip()
        row.caption_partner = item.caption_partner.strip()
        row.tags = [tag.strip() for tag in item.tags]
        if retimed is not None and row.side != item.side:
            row.taken_at = retimed
        row.side = item.side
        row.kind = item.kind
        row.session_id = item.session_id
        row.identifiable_children = item.identifiable_children
        row.consent_exchange = item.consent_exchange
        row.consent_publication = item.consent_publication
        row.consent_reports = item.consent_reports
        row.consent_until = item.consent_until

    with translated_storage_errors(), db.transaction() as session:
        return media_from_row(records.save(session, MediaItemRow, item.id, item.version, fill))


def _camera_time_for_side(db: Database, item: MediaItem, store: MediaStore) -> datetime | None:
    """The item's camera time read in its (new) side's zone, or None (no EXIF date, or not an image)."""
    from classesduo.services.duos import get_duo
    from classesduo.services.media_import import camera_time

    if not (item.mime_type or "").startswith("image/"):
        return None
    duo = get_duo(db, item.duo_id)
    zone = duo.paris.timezone if item.side is Side.PARIS else duo.partner.timezone
    try:
        return camera_time(store.path_of(item.stored_name), zone)
    except OSError:
        return None


def parse_tags(text: str) -> list[str]:
    seen: list[str] = []
    for part in text.split(","):
        tag = part.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def media_path(media_dir: Path, item: MediaItem) -> Path:
    return media_dir / item.stored_name


def thumbnail_path(thumbnails_dir: Path, file_hash: str) -> Path:
    return thumbnails_dir / file_hash[:2] / f"{file_hash}-{THUMBNAIL_SIZE}.png"




def remove_unused_files(workspace: Workspace, files: Iterable[tuple[str, str]]) -> tuple[int, list[str]]:
    """Delete the stored files (and their thumbnails) of ``(hash, stored name)`` that no media row uses any more.

    Called after the rows are deleted and committed (erase, retention). Returns how many media files
    went, and a line per file that could not be deleted.
    """
    wanted = dict(files)
    used: set[str] = set()
    hashes = list(wanted)
    with workspace.db.reading() as session:
        for start in range(0, len(hashes), 500):  # stay under the database's limit on bound parameters
            chunk = hashes[start:start + 500]
            used.update(session.scalars(select(MediaItemRow.file_hash).where(MediaItemRow.file_hash.in_(chunk))))
    unused = {digest: name for digest, name in wanted.items() if digest not in used}
    thumbnails: dict[str, list[Path]] = {}
    if unused and workspace.paths.thumbnails_dir.is_dir():  # one walk, whatever sizes or formats are cached
        for path in workspace.paths.thumbnails_dir.rglob("*"):
            digest = path.name[:64]
            if digest in unused and path.is_file():
                thumbnails.setdefault(digest, []).append(path)
    removed, problems = 0, []
    for digest, stored_name in unused.items():
        media_file = workspace.media.path_of(stored_name)
        for path in (media_file, *thumbnails.get(digest, [])):
            try:
                if path.exists():
                    path.unlink()
                    removed += path == media_file
            except OSError as error:
                problems.append(f"{path}: {error.strerror}")
    return removed, problems
