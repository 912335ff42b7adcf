"""Column types that keep the database honest about time and lists."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import DateTime, Enum, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC; refuses naive datetimes on the way in.

    SQLite has no time-zone type, so the value is stored as naive UTC there and
    made aware again when read; PostgreSQL keeps ``timestamptz``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime refused (store instants, not wall times): {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class CodeList(TypeDecorator[list[str]]):
    """A short list of codes (languages, tools, tags) stored as ``"fr,es"``.

    Plain text keeps the column filterable with LIKE and readable in any SQL
    tool; codes never contain commas.
    """

    impl = String(255)
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str:
        return ",".join(item.strip() for item in (value or []) if item.strip())

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[str]:
        return [item for item in (value or "").split(",") if item]


def str_enum(enum_cls: type[StrEnum], length: int = 20) -> Enum:
    """A portable VARCHAR column for a StrEnum, storing its values."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def now_utc() -> datetime:
    return datetime.now(UTC)


