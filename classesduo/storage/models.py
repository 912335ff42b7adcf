"""The database schema as SQLAlchemy 2 typed models.

Every row has a stable UUID primary key (used by exports, bundles and the CLI),
created/updated stamps in UTC, and a ``version`` counter that SQLAlchemy checks
on every UPDATE, so two people editing the same row on a shared PostgreSQL
server cannot silently overwrite each other.

Alembic sees every model through :data:`Base.metadata`; this is the one module
that defines them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.orm import Session as OrmSession

from classesduo.domain.calendar_identity import CALENDAR_FIELDS, calendar_changed, next_sequence
from classesduo.domain.change_history import extended, new_change
from classesduo.domain.enums import (
    ConsentStatus,
    DuoStatus,
    HolidaySource,
    MediaKind,
    SessionKind,
    SessionStatus,
    Side,
)
from classesduo.domain.text import fold
from classesduo.domain.validation import CITY_MAX, CLASS_NAME_MAX, EMAIL_MAX, LEVEL_MAX, LINK_MAX, NAME_MAX
from classesduo.storage.types import CodeList, UTCDateTime, now_utc, str_enum

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), list[str]: CodeList()}


class Stamped:
    """UUID key, stamps and optimistic-locking version shared by every table."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    #: The ids of the record's last changes (domain/change_history.py): bundles compare them, not clocks.
    change_history: Mapped[str | None] = mapped_column(Text, nullable=True, default=new_change,
                                                       info={"since_format": 5})

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


#: Columns whose change is not a change of the record's content.
_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "version", "change_history", "search_text", "sequence"})


@event.listens_for(Base, "before_update", propagate=True)
def _record_change(mapper: Any, _connection: Any, target: Any) -> None:
    """Every ORM change of a record appends a change id to its history (bundles' updates set it themselves)."""
    if not isinstance(target, Stamped):
        return
    state = inspect(target)
    if state.attrs.change_history.history.added:
        return  # set explicitly (a bundle decision)
    if any(state.attrs[attribute.key].history.has_changes() for attribute in mapper.column_attrs
           if attribute.key not in _BOOKKEEPING):
        target.change_history = extended(target.change_history, new_change())


class SchoolRow(Stamped, Base):
    __tablename__ = "school"

    name: Mapped[str] = mapped_column(String(NAME_MAX))
    side: Mapped[Side] = mapped_column(str_enum(Side))
    city: Mapped[str] = mapped_column(String(CITY_MAX))
    country: Mapped[str] = mapped_column(String(2))
    arrondissement: Mapped[int | None]
    timezone: Mapped[str] = mapped_column(String(64))
    languages: Mapped[list[str]] = mapped_column(default=list)
    contact_email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    windows: Mapped[list[AvailabilityWindowRow]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="AvailabilityWindowRow.weekday"
    )
    holidays: Mapped[list[HolidayPeriodRow]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="HolidayPeriodRow.start_date"
    )
    subdivision: Mapped[str] = mapped_column(String(10), default="", server_default="",
                                             info={"since_format": 4, "default_before": ""})
    school_years: Mapped[list[SchoolYearRow]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="SchoolYearRow.first_day"
    )
    classes: Mapped[list[ClassGroupRow]] = relationship(back_populates="school")

    __table_args__ = (
        UniqueConstraint("name", "city", name="name_city"),
        Index("ix_school_side_name", "side", "name"),
    )


class AvailabilityWindowRow(Stamped, Base):
    __tablename__ = "availability_window"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)

    school: Mapped[SchoolRow] = relationship(back_populates="windows")

    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("end_time > start_time", name="end_after_start"),
    )


class HolidayPeriodRow(Stamped, Base):
    __tablename__ = "holiday_period"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    source: Mapped[HolidaySource] = mapped_column(str_enum(HolidaySource), default=HolidaySource.MANUAL)
    origin: Mapped[str] = mapped_column(String(300), default="", server_default="",
                                        info={"since_format": 4, "default_before": ""})

    school: Mapped[SchoolRow] = relationship(back_populates="holidays")

    __table_args__ = (CheckConstraint("end_date >= start_date", name="end_after_start"),)


class SchoolYearRow(Stamped, Base):
    """A partner school's school year (first and last day of classes)."""

    __tablename__ = "school_year"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(20))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(300), default="", server_default="")

    school: Mapped[SchoolRow] = relationship(back_populates="school_years")

    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="last_after_first"),
        UniqueConstraint("school_id", "label", name="school_label"),
    )


class ClassGroupRow(Stamped, Base):
    __tablename__ = "class_group"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(CLASS_NAME_MAX))
    level: Mapped[str] = mapped_column(String(LEVEL_MAX))
    pupil_count: Mapped[int] = mapped_column(Integer, default=0)
    teacher_name: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    teacher_email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    school: Mapped[SchoolRow] = relationship(back_populates="classes")

    __table_args__ = (
        UniqueConstraint("school_id", "name", name="school_name"),
        CheckConstraint("pupil_count >= 0", name="pupil_count_positive"),
    )


class FacilitatorRow(Stamped, Base):
    __tablename__ = "facilitator"

    name: Mapped[str] = mapped_column(String(NAME_MAX))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="")
    languages: Mapped[list[str]] = mapped_column(default=list)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_facilitator_name", "name"),)


class DuoRow(Stamped, Base):
    __tablename__ = "duo"

    paris_class_id: Mapped[str] = mapped_column(ForeignKey("class_group.id", ondelete="RESTRICT"), index=True)
    partner_class_id: Mapped[str] = mapped_column(ForeignKey("class_group.id", ondelete="RESTRICT"), index=True)
    school_year: Mapped[str] = mapped_column(String(9))
    facilitator_id: Mapped[str | None] = mapped_column(
        ForeignKey("facilitator.id", ondelete="SET NULL"), index=True
    )
    languages: Mapped[list[str]] = mapped_column(default=list)
    project: Mapped[str] = mapped_column(Text, default="")
    tools: Mapped[list[str]] = mapped_column(default=list)
    status: Mapped[DuoStatus] = mapped_column(str_enum(DuoStatus), default=DuoStatus.PROPOSED)
    visio_link: Mapped[str] = mapped_column(String(LINK_MAX), default="")

    paris_class: Mapped[ClassGroupRow] = relationship(foreign_keys=[paris_class_id])
    partner_class: Mapped[ClassGroupRow] = relationship(foreign_keys=[partner_class_id])
    facilitator: Mapped[FacilitatorRow | None] = relationship()

    __table_args__ = (
        UniqueConstraint("paris_class_id", "partner_class_id", "school_year", name="pair_year"),
        CheckConstraint("paris_class_id <> partner_class_id", name="two_classes"),
        Index("ix_duo_status_year", "status", "school_year"),
    )


class SessionSeriesRow(Stamped, Base):
    """A recurring plan ("every other Friday 15:00 Paris until June")."""

    __tablename__ = "session_series"

    duo_id: Mapped[str] = mapped_column(ForeignKey("duo.id", ondelete="CASCADE"), index=True)
    interval_weeks: Mapped[int] = mapped_column(Integer, default=1)
    paris_wall_time: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    first_date: Mapped[date] = mapped_column(Date)
    until_date: Mapped[date] = mapped_column(Date)

    __table_args__ = (CheckConstraint("interval_weeks >= 1", name="interval_positive"),)


def session_search_text(activities: str | None, notes: str | None) -> str:
    """What the Exchange log's filter matches a session's free text against.

    Folding in Python once per write, rather than calling a fold function on
    every row of every filter query, keeps a keystroke in the filter a plain
    ``LIKE`` over one column — and makes the match accent-insensitive on
    PostgreSQL too. The newline keeps a word from spanning both fields.
    """
    return fold(activities) + "\n" + fold(notes)


def _search_text_default(context: Any) -> str:
    """For inserts that bypass the ORM events (bulk Core inserts of the large demo and bundles)."""
    parameters = context.get_current_parameters()
    return session_search_text(parameters.get("activities"), parameters.get("notes"))


#: The rows the one-held-record-per-visio index covers (as the migration 0006 writes it).
HELD_VISIO = "status = 'held' AND kind = 'visio'"


class ExchangeSessionRow(Stamped, Base):
    """One exchange (visio, e-mail, letter, blog post) and its log."""

    __tablename__ = "exchange_session"

    duo_id: Mapped[str] = mapped_column(ForeignKey("duo.id", ondelete="RESTRICT"))
    series_id: Mapped[str | None] = mapped_column(ForeignKey("session_series.id", ondelete="SET NULL"), index=True)
    kind: Mapped[SessionKind] = mapped_column(str_enum(SessionKind))
    start_utc: Mapped[datetime]
    minutes: Mapped[int] = mapped_column(Integer)
    status: Mapped[SessionStatus] = mapped_column(str_enum(SessionStatus), default=SessionStatus.PLANNED)
    visio_link: Mapped[str] = mapped_column(String(500), default="")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    postponed_to_id: Mapped[str | None] = mapped_column(
        ForeignKey("exchange_session.id", ondelete="SET NULL")
    )
    # The log: counts only, never pupils' names.
    present_paris: Mapped[int | None]
    present_partner: Mapped[int | None]
    actual_minutes: Mapped[int | None]
    cancel_reason: Mapped[str] = mapped_column(String(40), default="")
    activities: Mapped[str] = mapped_column(Text, default="")
    activity_tags: Mapped[list[str]] = mapped_column(default=list)
    languages_used: Mapped[list[str]] = mapped_column(default=list)
    problems: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    logged_at: Mapped[datetime | None]
    #: ``activities`` and ``notes`` folded (lower case, no accents) for the log's filter; derived, kept
    #: up to date on every write (see :func:`session_search_text`), never exported in bundles.
    search_text: Mapped[str] = mapped_column(Text, default=_search_text_default, server_default="",
                                             info={"derived": True})

    duo: Mapped[DuoRow] = relationship()

    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        CheckConstraint("present_paris IS NULL OR present_paris >= 0", name="present_paris_positive"),
        CheckConstraint("present_partner IS NULL OR present_partner >= 0", name="present_partner_positive"),
        Index("ix_exchange_session_duo_start", "duo_id", "start_utc"),
        Index("ix_exchange_session_start", "start_utc"),
        Index("ix_exchange_session_status_start", "status", "start_utc"),
        # one held record per visio (migration 0006): logging the same visio twice is refused. Its
        # PostgreSQL ``where`` is added by :func:`postgresql_options` when a PostgreSQL engine is made:
        # naming it here would import SQLAlchemy's PostgreSQL dialect at every start (~60 ms) on SQLite.
        Index("uq_exchange_session_held_visio", "duo_id", "start_utc", unique=True,
              sqlite_where=sql_text(HELD_VISIO)),
    )


def postgresql_options() -> None:
    """The schema's PostgreSQL-only options (the dialect is imported only when PostgreSQL is used)."""
    index = next(index for index in ExchangeSessionRow.__table__.indexes
                 if index.name == "uq_exchange_session_held_visio")
    index.dialect_options["postgresql"]["where"] = sql_text(HELD_VISIO)


@event.listens_for(ExchangeSessionRow, "before_insert")
@event.listens_for(ExchangeSessionRow, "before_update")
def _refresh_search_text(_mapper: Any, _connection: Any, target: ExchangeSessionRow) -> None:
    target.search_text = session_search_text(target.activities, target.notes)


@event.listens_for(ExchangeSessionRow, "before_update")
def _raise_sequence(_mapper: Any, _connection: Any, target: ExchangeSessionRow) -> None:
    """The one place every ORM change of a session passes: SEQUENCE + 1 on a change calendars show
    (rule: :mod:`classesduo.domain.calendar_identity`; bundles' bulk updates apply the same function)."""
    state = inspect(target)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in CALENDAR_FIELDS:
        history = state.attrs[name].history
        if history.added and history.deleted:
            before[name], after[name] = history.deleted[0], history.added[0]
    raised = state.session.info.setdefault(_RAISED, {}) if state.session is not None else {}
    if target.id in raised:  # a second flush of the same transaction: once per user action, not per flush
        target.sequence = next_sequence(raised[target.id], target.sequence, True)
        return
    sequence = state.attrs.sequence.history
    stored = sequence.deleted[0] if sequence.deleted else target.sequence
    changed = calendar_changed(before, after)
    target.sequence = next_sequence(stored, target.sequence, changed)
    if changed:
        raised[target.id] = stored


#: Session.info key: the SEQUENCE each session had before the current transaction raised it.
_RAISED = "classesduo.sequence_raised"


@event.listens_for(OrmSession, "after_commit")
@event.listens_for(OrmSession, "after_rollback")
def _forget_raised(session: OrmSession) -> None:
    session.info.pop(_RAISED, None)


class SessionRevisionRow(Base):
    """Previous values of a session's log, kept each time it is edited."""

    __tablename__ = "session_revision"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("exchange_session.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(default=now_utc)
    changed_by: Mapped[str] = mapped_column(String(120), default="")
    previous: Mapped[str] = mapped_column(Text)  # JSON object of the fields before the edit


class MediaItemRow(Stamped, Base):
    __tablename__ = "media_item"

    duo_id: Mapped[str] = mapped_column(ForeignKey("duo.id", ondelete="RESTRICT"))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("exchange_session.id", ondelete="SET NULL"), index=True)
    kind: Mapped[MediaKind] = mapped_column(str_enum(MediaKind))
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    stored_name: Mapped[str] = mapped_column(String(200))
    original_name: Mapped[str] = mapped_column(String(400))
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    mime_type: Mapped[str] = mapped_column(String(100), default="")
    taken_at: Mapped[datetime | None]
    side: Mapped[Side] = mapped_column(str_enum(Side))
    caption: Mapped[str] = mapped_column(Text, default="")
    caption_partner: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    identifiable_children: Mapped[int] = mapped_column(Integer, default=0)
    consent_exchange: Mapped[ConsentStatus] = mapped_column(str_enum(ConsentStatus), default=ConsentStatus.UNKNOWN)
    consent_publication: Mapped[ConsentStatus] = mapped_column(
        str_enum(ConsentStatus), default=ConsentStatus.UNKNOWN
    )
    consent_reports: Mapped[ConsentStatus] = mapped_column(str_enum(ConsentStatus), default=ConsentStatus.UNKNOWN)
    consent_until: Mapped[date | None] = mapped_column(Date)

    duo: Mapped[DuoRow] = relationship()

    __table_args__ = (
        UniqueConstraint("duo_id", "file_hash", name="duo_hash"),
        Index("ix_media_item_duo_created", "duo_id", "created_at"),
    )


class MediaTallyRow(Stamped, Base):
    """Anonymous counts of media erased at the end of the retention period, kept for the reports."""

    __tablename__ = "media_tally"

    duo_id: Mapped[str] = mapped_column(ForeignKey("duo.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MediaKind] = mapped_column(str_enum(MediaKind))
    side: Mapped[Side] = mapped_column(str_enum(Side))
    count: Mapped[int] = mapped_column(Integer, default=0)
    erased_on: Mapped[date] = mapped_column(Date)
    #: The Paris day the erased items were dated on (their exchange, else taken, else added), as reports count
    #: media; None only in bundles older than format 3.
    dated_on: Mapped[date | None] = mapped_column(Date, info={"since_format": 3})

    __table_args__ = (CheckConstraint("count >= 0", name="count_positive"),)


class TermRow(Stamped, Base):
    __tablename__ = "term"

    school_year: Mapped[str] = mapped_column(String(9))
    number: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint("school_year", "number", name="year_number"),
        CheckConstraint("number BETWEEN 1 AND 3", name="number_range"),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
    )


ALL_TABLES = [table.name for table in Base.metadata.sorted_tables]
