"""The bundle format (docs/bundles.md): checks on the archive and its manifest, and the value codec.

Everything here refuses before anything is written: a hostile or broken archive
raises :class:`BundleError` naming the entry, table, row or field at fault.
"""

from __future__ import annotations

import re
import stat
import zipfile
from datetime import date, datetime, time
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import Boolean, Column, Date, Enum, Integer, String, Table, Time

from classesduo.domain.text import has_bidi_control
from classesduo.services.errors import ServiceError
from classesduo.storage.models import Base
from classesduo.storage.types import CodeList, UTCDateTime

FORMAT_NAME = "classesduo-bundle"
FORMAT_VERSION = 5  # 2: media_tally (anonymous counts of media erased by retention); 3: media_tally.dated_on;
# 4: school_year, school.subdivision, holiday_period.origin (school calendars); 5: change_history on every row
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"

#: Parents before children, so rows can be inserted in this order.
BUNDLE_TABLES = ["facilitator", "school", "availability_window", "holiday_period", "school_year", "class_group",
                 "term", "duo", "session_series", "exchange_session", "session_revision", "media_item", "media_tally"]

MAX_ENTRIES = 100_000
MAX_ENTRY_BYTES = 4 << 30  # one video of 4 GiB
MAX_TOTAL_BYTES = 64 << 30
MAX_MANIFEST_BYTES = 256 << 20
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1 << 20

_MEDIA_NAME = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$")
_DRIVE = re.compile(r"^[A-Za-z]:")


class BundleError(ServiceError):
    """The archive is not a bundle this app accepts; nothing was written."""


def check_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Refuse unsafe entries; return the entries by name."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BundleError(f"the archive has {len(infos)} entries (at most {MAX_ENTRIES})")
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or _DRIVE.match(name):
            raise BundleError(f"entry {name!r} has an absolute path")
        parts = re.split(r"[\\/]", name)
        if ".." in parts:
            raise BundleError(f"entry {name!r} points outside the archive (..)")
        if "\\" in name or "\x00" in name:
            raise BundleError(f"entry {name!r} has a forbidden character")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleError(f"entry {name!r} is a symbolic link")
        if name in seen:
            raise BundleError(f"entry {name!r} appears twice")
        if info.file_size > MAX_ENTRY_BYTES:
            raise BundleError(f"entry {name!r} is too large ({info.file_size} bytes)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BundleError(f"entry {name!r} expands {info.file_size // max(info.compress_size, 1)} times "
                              "(a compression bomb?)")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BundleError("the archive expands to more than 64 GiB")
        if info.is_dir():
            seen[name] = info
            continue
        if name != MANIFEST and not (name.startswith(MEDIA_PREFIX) and _MEDIA_NAME.match(name[len(MEDIA_PREFIX):])):
            raise BundleError(f"entry {name!r} is not part of a bundle")
        seen[name] = info
    if MANIFEST not in seen:
        raise BundleError("the archive has no manifest.json: not a Classes Duo bundle")
    if seen[MANIFEST].file_size > MAX_MANIFEST_BYTES:
        raise BundleError("manifest.json is too large")
    return seen


def encode(value: Any) -> Any:
    if isinstance(value, PyEnum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def decode(table: str, row_id: Any, column: Column, value: Any) -> Any:
    """A manifest value as the column's Python value; BundleError naming table, row and field if wrong."""
    where = f"{table} row {row_id!r}, field {column.name!r}"
    if value is None:
        if not column.nullable:
            raise BundleError(f"{where}: a value is required")
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            parsed = datetime.fromisoformat(_str(value))
            if parsed.tzinfo is None:
                raise ValueError("an instant needs its UTC offset")
            return parsed
        if isinstance(kind, CodeList):
            if not isinstance(value, list) or not all(isinstance(item, str) and "," not in item for item in value):
                raise ValueError("expected a list of codes")
            return value
        if isinstance(kind, Enum):
            return kind.enum_class(value) if kind.enum_class else _str(value)
        if isinstance(kind, Date):
            return date.fromisoformat(_str(value))
        if isinstance(kind, Time):
            return time.fromisoformat(_str(value))
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("expected true or false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("expected a whole number")
            return value
        if isinstance(kind, String):  # String and Text
            text = _str(value)
            if has_bidi_control(text):
                raise ValueError("holds text-direction override characters (U+202A–U+202E, U+2066–U+2069)")
            if kind.length and len(text) > kind.length:
                raise ValueError(f"longer than {kind.length} characters")
            return text
    except (TypeError, ValueError) as error:
        raise BundleError(f"{where}: {error}") from None
    raise BundleError(f"{where}: unsupported column type")  # pragma: no cover - a new column type


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


def bundle_columns(table: Table) -> list[Column]:
    """The columns a bundle carries: not the ones derived from others (``info={"derived": True}``)."""
    return [column for column in table.columns if not column.info.get("derived")]


def validate_manifest(manifest: Any) -> dict[str, list[dict[str, Any]]]:
    """Check the manifest's shape and every value; return decoded rows by table."""
    if not isinstance(manifest, dict):
        raise BundleError("manifest.json is not a JSON object")
    if manifest.get("format") != FORMAT_NAME:
        raise BundleError("manifest.json does not describe a Classes Duo bundle")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleError("manifest.json: format_version is missing")
    if version > FORMAT_VERSION:
        raise BundleError(f"this bundle uses format {version}; this Classes Duo reads up to {FORMAT_VERSION}: "
                          "update the app")
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        raise BundleError("manifest.json: tables is missing")
    unknown = sorted(set(tables) - set(BUNDLE_TABLES))
    if unknown:
        raise BundleError(f"manifest.json: unknown table {unknown[0]!r}")
    decoded: dict[str, list[dict[str, Any]]] = {}
    for name in BUNDLE_TABLES:
        rows = tables.get(name, [])
        if not isinstance(rows, list):
            raise BundleError(f"manifest.json: {name} is not a list of rows")
        table = table_of(name)
        ids: set[str] = set()
        out = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise BundleError(f"{name} row {number} is not an object")
            row_id = row.get("id")
            if not isinstance(row_id, str) or not row_id or len(row_id) > 36:
                raise BundleError(f"{name} row {number}: id is missing")
            if row_id in ids:
                raise BundleError(f"{name} row {row_id!r} appears twice")
            ids.add(row_id)
            columns = bundle_columns(table)
            extra = sorted(set(row) - {column.name for column in columns})
            if extra:
                raise BundleError(f"{name} row {row_id!r}: unknown field {extra[0]!r}")
            older = {column.name for column in columns if column.name not in row
                     and version < column.info.get("since_format", 0)
                     and (column.nullable or "default_before" in column.info)}
            missing = [column.name for column in columns if column.name not in row and column.name not in older]
            if missing:
                raise BundleError(f"{name} row {row_id!r}: field {missing[0]!r} is missing")
            out.append({column.name: column.info.get("default_before") if column.name in older
                        else decode(name, row_id, column, row.get(column.name)) for column in columns})
        decoded[name] = out
    return decoded
