"""Bundles: duos with their schools, classes, facilitators, sessions, logs and media, in one zip file.

Export writes ``manifest.json`` (docs/bundles.md) and ``media/<stored name>``
to a temporary file renamed into place. Only media whose *exchange* consent is
valid on the export day travel (:func:`classesduo.domain.consent.is_cleared`);
the others are left out and listed, unless the caller includes them explicitly,
which the manifest records. Images travel as copies re-encoded without metadata
(:mod:`classesduo.services.clean_images`); the originals stay here. Import checks the whole archive first,
streams media to temporary files checked against their hashes, then writes every
row in one transaction (matched by UUID; a newer ``updated_at`` wins) and only
after the commit renames the media files into place. Any failure leaves the
database and the media folder as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from classesduo import __version__
from classesduo.domain.calendar_identity import CALENDAR_FIELDS, calendar_changed, next_sequence
from classesduo.domain.change_history import Seen, is_from_the_future
from classesduo.domain.change_history import compare as compare_changes
from classesduo.domain.change_history import merged as merged_changes
from classesduo.domain.change_history import seed as change_seed
from classesduo.domain.consent import ConsentChannel, ConsentState, consent_state, is_cleared, recorded_status
from classesduo.domain.enums import ConsentStatus, MediaKind
from classesduo.domain.i18n import translate
from classesduo.domain.timezones import paris_today
from classesduo.services import records
from classesduo.services.backups import backup_before, rotate_backups
from classesduo.services.bundle_format import (
    BUNDLE_TABLES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    BundleError,
    bundle_columns,
    check_entries,
    encode,
    table_of,
    validate_manifest,
)
from classesduo.services.clean_images import clean_image_file
from classesduo.services.errors import translated_storage_errors
from classesduo.services.workspace import Workspace
from classesduo.storage.atomic import WorkInProgress, private_folder
from classesduo.storage.media_store import STAGING
from classesduo.storage.models import ClassGroupRow, DuoRow, session_search_text

Progress = Callable[[int, int], None]

#: What reading a damaged zip raises (a bad CRC, lying sizes, truncated or garbled deflate data).
ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)


class BundleCancelled(BundleError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancelled: nothing was written")


@dataclass(frozen=True)
class Conflict:
    """A record changed on both laptops since they last agreed: the user chooses which copy to keep."""

    table: str
    id: str
    label: str  # what the record is, for the user (a school's name, a session's day…)
    mine_updated_at: datetime
    theirs_updated_at: datetime


@dataclass
class ImportSummary:
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    media_files: int = 0
    conflicts: list[Conflict] = field(default_factory=list)  # kept this laptop's copy unless taken
    taken_theirs: Counter[str] = field(default_factory=Counter)  # conflicts decided for the bundle's copy
    future_clamped: int = 0  # rows dated more than a day ahead: their stamps set to the import time

    def describe(self) -> str:
        def part(counter: Counter[str]) -> str:
            return ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in sorted(counter.items())) or "none"

        text = f"added: {part(self.added)}; updated: {part(self.updated)}; unchanged: {part(self.unchanged)}"
        if self.taken_theirs:
            text += f"; conflicts decided for the bundle: {part(self.taken_theirs)}"
        if self.conflicts:
            text += (f"; {len(self.conflicts)} changed on both laptops, this laptop's copy kept: "
                     + ", ".join(f"{conflict.table} {conflict.id} ({conflict.label})" for conflict in self.conflicts[:20])
                     + (" …" if len(self.conflicts) > 20 else ""))
        if self.future_clamped:
            text += (f"; {self.future_clamped} rows were dated in the future (a wrong clock on the other laptop): "
                     "their dates were set to now")
        return text


# export -----------------------------------------------------------------------------------------------------
def _selected_ids(session: Session, duo_ids: list[str]) -> dict[str, Any]:
    """For each table, a WHERE clause choosing the rows of ``duo_ids`` and what they reference."""
    duos = session.scalars(select(DuoRow).where(DuoRow.id.in_(duo_ids))).all()
    class_ids = {duo.paris_class_id for duo in duos} | {duo.partner_class_id for duo in duos}
    school_ids = set(session.scalars(select(ClassGroupRow.school_id).where(ClassGroupRow.id.in_(class_ids))))
    facilitator_ids = {duo.facilitator_id for duo in duos if duo.facilitator_id}
    years = {duo.school_year for duo in duos}
    t = {name: table_of(name) for name in BUNDLE_TABLES}
    session_ids = select(t["exchange_session"].c.id).where(t["exchange_session"].c.duo_id.in_(duo_ids))
    return {
        "facilitator": t["facilitator"].c.id.in_(facilitator_ids),
        "school": t["school"].c.id.in_(school_ids),
        "availability_window": t["availability_window"].c.school_id.in_(school_ids),
        "holiday_period": t["holiday_period"].c.school_id.in_(school_ids),
        "school_year": t["school_year"].c.school_id.in_(school_ids),
        "class_group": t["class_group"].c.id.in_(class_ids),
        "term": t["term"].c.school_year.in_(years),
        "duo": t["duo"].c.id.in_(duo_ids),
        "session_series": t["session_series"].c.duo_id.in_(duo_ids),
        "exchange_session": t["exchange_session"].c.duo_id.in_(duo_ids),
        "session_revision": t["session_revision"].c.session_id.in_(session_ids),
        "media_item": t["media_item"].c.duo_id.in_(duo_ids),
        "media_tally": t["media_tally"].c.duo_id.in_(duo_ids),
    }


@dataclass(frozen=True)
class UnclearedMedia:
    """A media item whose exchange consent is not valid on the export day."""

    id: str
    duo_id: str
    original_name: str
    reason: str  # translated: "consent refused", "consent unknown", "consent expired on …"


@dataclass
class BundleExport:
    rows: dict[str, int]
    on: date
    left_out: list[UnclearedMedia] = field(default_factory=list)  # not in the bundle
    included_without_consent: list[UnclearedMedia] = field(default_factory=list)  # the user asked for them
    cleaned_images: int = 0


def _consent_of(row: dict[str, Any]) -> SimpleNamespace:
    until = row["consent_until"]
    return SimpleNamespace(consent_exchange=ConsentStatus(row["consent_exchange"]),
                           consent_publication=ConsentStatus(row["consent_publication"]),
                           consent_reports=ConsentStatus(row["consent_reports"]),
                           consent_until=date.fromisoformat(until) if until else None)


def _uncleared(row: dict[str, Any], on: date) -> UnclearedMedia | None:
    item = _consent_of(row)
    if is_cleared(item, ConsentChannel.EXCHANGE, on):
        return None
    state = consent_state(recorded_status(item, ConsentChannel.EXCHANGE), item.consent_until, on)
    if state is ConsentState.EXPIRED:
        reason = translate("Bundles", "exchange consent expired on {day}").format(day=item.consent_until.isoformat())
    elif state is ConsentState.REFUSED:
        reason = translate("Bundles", "exchange consent refused")
    else:
        reason = translate("Bundles", "exchange consent unknown")
    return UnclearedMedia(row["id"], row["duo_id"], row["original_name"], reason)


def _read_tables(workspace: Workspace, duo_ids: list[str] | None) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with workspace.db.reading() as session:
        for duo_id in duo_ids or []:
            records.get_row(session, DuoRow, duo_id)
        chosen = _selected_ids(session, duo_ids) if duo_ids else {}
        for name in BUNDLE_TABLES:
            table = table_of(name)
            query = select(*bundle_columns(table)).order_by(table.c.id)
            if name in chosen:
                query = query.where(chosen[name])
            tables[name] = [{key: encode(value) for key, value in row._mapping.items()}
                            for row in session.execute(query)]
    return tables


def uncleared_media(workspace: Workspace, duo_ids: list[str] | None = None,
                    on: date | None = None) -> list[UnclearedMedia]:
    """The media a bundle of ``duo_ids`` would leave out on ``on`` (default today, Paris)."""
    on = on or paris_today()
    rows = _read_tables(workspace, duo_ids)["media_item"]
    return [found for row in rows if (found := _uncleared(row, on))]


def export_bundle(workspace: Workspace, target: Path, duo_ids: list[str] | None = None,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  on: date | None = None, include_uncleared: bool = False) -> BundleExport:
    """Write a bundle of ``duo_ids`` (all data when None) to ``target``.

    Media without valid exchange consent on ``on`` (default today) are left out unless
    ``include_uncleared``; images are re-encoded without metadata (their rows name the clean copy)."""
    on = on or paris_today()
    tables = _read_tables(workspace, duo_ids)
    result = BundleExport(rows={}, on=on)
    kept = []
    for row in tables["media_item"]:
        problem = _uncleared(row, on)
        if problem is None:
            kept.append(row)
        elif include_uncleared:
            result.included_without_consent.append(problem)
            kept.append(row)
        else:
            result.left_out.append(problem)
    tables["media_item"] = kept
    media = sorted({row["stored_name"]: row for row in kept}.items())
    manifest = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "app_version": __version__,
                "created_at": datetime.now(UTC).isoformat(),
                "media_consent": {"channel": ConsentChannel.EXCHANGE.value, "checked_on": on.isoformat(),
                                  "left_out": [item.id for item in result.left_out],
                                  "included_without_consent": [item.id for item in result.included_without_consent]},
                "tables": tables}
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            renamed: dict[str, dict[str, Any]] = {}
            for number, (stored_name, row) in enumerate(media, start=1):
                source = workspace.media.path_of(stored_name)
                if not source.is_file():
                    raise BundleError(f"media file missing: {source} (run `classesduo check`)")
                if row["kind"] in (MediaKind.PHOTO.value, MediaKind.DRAWING.value):
                    clean = clean_image_file(source)
                    if clean is None:
                        raise BundleError(f"media file {source} cannot be read as an image (run `classesduo check`)")
                    data, suffix, mime = clean
                    digest = hashlib.sha256(data).hexdigest()
                    name = f"{digest[:2]}/{digest}{suffix}"
                    renamed[stored_name] = {"file_hash": digest, "stored_name": name, "size_bytes": len(data),
                                            "mime_type": mime}
                    archive.writestr(MEDIA_PREFIX + name, data, compress_type=zipfile.ZIP_STORED)
                    result.cleaned_images += 1
                else:
                    archive.write(source, MEDIA_PREFIX + stored_name, compress_type=zipfile.ZIP_STORED)
                if cancelled and cancelled():
                    raise BundleCancelled()
                if progress:
                    progress(number, len(media))
            tables["media_item"] = [{**row, **renamed.get(row["stored_name"], {})} for row in kept]
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1),
                             compress_type=zipfile.ZIP_DEFLATED)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    result.rows = {name: len(rows) for name, rows in tables.items()}
    return result


# import -----------------------------------------------------------------------------------------------------
def import_bundle(workspace: Workspace, source: Path, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, take_theirs: set[str] | None = None,
                  keep_mine: set[str] | None = None, now: datetime | None = None) -> ImportSummary:
    """Import a bundle all-or-nothing; see the module docstring.

    Records changed on both laptops since they last agreed are :class:`Conflict` s: this laptop's copy is
    kept and the conflict reported, unless its id is in ``take_theirs`` (the bundle's copy wins) or in
    ``keep_mine`` (this copy wins and remembers having seen the other, so it is not reported again)."""
    now = now or datetime.now(UTC)
    from classesduo.storage.backups import remove_stale_temporaries

    remove_stale_temporaries(workspace.media.root, "*/.*.importing")  # left by an import that was killed
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as error:
        raise BundleError(f"{source} is not a readable zip file ({error})") from error
    staged: list[tuple[Path, Path]] = []  # (temporary file, final place)
    marks: list[WorkInProgress] = []
    safety: Path | None = None
    try:
        with archive:
            entries = check_entries(archive)
            try:
                manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError) as error:
                raise BundleError(f"manifest.json is not valid JSON ({error})") from error
            except ARCHIVE_ERRORS as error:
                raise BundleError(f"{source} is damaged: manifest.json cannot be read ({error})") from error
            rows = validate_manifest(manifest)
            _check_created_at(manifest, now)
            _check_media_rows(rows["media_item"], entries)
            with workspace.db.reading() as session:
                _check_references(session, rows)
            staged = _stage_media(workspace, archive, rows["media_item"], progress, cancelled, marks)
        # Rotation waits for the commit: a refused import must not make rotation drop an older backup.
        safety = backup_before(workspace, "import", rotate=False)

        def work(session: Session) -> ImportSummary:  # may run twice (PG retry): reads ``rows``, never changes them
            _check_references(session, rows)
            return _upsert(session, rows, now, take_theirs or set(), keep_mine or set())

        with translated_storage_errors():
            summary = workspace.db.run(work)
        safety = None
        rotate_backups(workspace)
        for temporary, final in staged:
            if final.exists():
                temporary.unlink()
            else:
                os.replace(temporary, final)
                summary.media_files += 1
        return summary
    finally:
        for temporary, _final in staged:
            temporary.unlink(missing_ok=True)
        for mark in marks:
            mark.release()
        if safety is not None:  # the import was refused: the state it saved is the current one
            safety.unlink(missing_ok=True)


def _check_media_rows(media_rows: list[dict[str, Any]], entries: dict[str, zipfile.ZipInfo]) -> None:
    used = {MEDIA_PREFIX + row["stored_name"] for row in media_rows}
    extra = sorted(name for name, info in entries.items()
                   if name.startswith(MEDIA_PREFIX) and not info.is_dir() and name not in used)
    if extra:
        raise BundleError(f"entry {extra[0]!r} is not used by any media_item row: not a bundle this app wrote")
    for row in media_rows:
        stored, digest = row["stored_name"], row["file_hash"]
        if not stored.startswith(f"{digest[:2]}/{digest}") or len(digest) != 64:
            raise BundleError(f"media_item row {row['id']!r}: stored_name does not match its file_hash")
        if MEDIA_PREFIX + stored not in entries:
            raise BundleError(f"media_item row {row['id']!r}: the archive has no file {MEDIA_PREFIX + stored}")


def _stage_media(workspace: Workspace, archive: zipfile.ZipFile, media_rows: list[dict[str, Any]],
                 progress: Progress | None, cancelled: Callable[[], bool] | None,
                 marks: list[WorkInProgress]) -> list[tuple[Path, Path]]:
    """Copy each media file to a temporary name in the media folder's ``.staging`` (marked in progress in
    ``marks`` until the import ends), checking its hash on the way."""
    staged: list[tuple[Path, Path]] = []
    names = sorted({row["stored_name"]: row["file_hash"] for row in media_rows}.items())
    try:
        for number, (stored, digest) in enumerate(names, start=1):
            final = workspace.media.path_of(stored)
            final.parent.mkdir(parents=True, exist_ok=True)
            staging = private_folder(workspace.media.root / STAGING)
            fd, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".importing", dir=staging)
            staged.append((Path(temporary), final))
            marks.append(WorkInProgress(Path(temporary)))  # the next start deletes it only if this process died
            hasher = hashlib.sha256()
            with os.fdopen(fd, "wb") as out:
                try:
                    with archive.open(MEDIA_PREFIX + stored) as data:
                        while block := data.read(1 << 20):
                            hasher.update(block)
                            out.write(block)
                except ARCHIVE_ERRORS as error:
                    raise BundleError(f"the bundle is damaged: {MEDIA_PREFIX + stored} cannot be read "
                                      f"({error})") from error
                out.flush()
                os.fsync(out.fileno())
            if hasher.hexdigest() != digest:
                raise BundleError(f"media file {stored} does not match its hash: the bundle is damaged")
            if cancelled and cancelled():
                raise BundleCancelled()
            if progress:
                progress(number, len(names))
    except BaseException:
        for temporary, _final in staged:
            temporary.unlink(missing_ok=True)
        for mark in marks:
            mark.release()
        raise
    return staged


def _check_references(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Every foreign key of every row names a row in the bundle or already in the database."""
    ids = {name: {row["id"] for row in table_rows} for name, table_rows in rows.items()}
    for name in BUNDLE_TABLES:
        for column in table_of(name).columns:
            for key in column.foreign_keys:
                target = key.column.table
                wanted = {row[column.name] for row in rows[name] if row[column.name] is not None}
                missing = wanted - ids.get(target.name, set())
                if missing:
                    found = set(session.scalars(select(key.column).where(key.column.in_(missing))))
                    missing -= found
                if missing:
                    raise BundleError(f"{name}.{column.name} refers to {target.name} {sorted(missing)[0]!r}, "
                                      "which is neither in the bundle nor in this database")


def _check_created_at(manifest: dict[str, Any], now: datetime) -> None:
    created = manifest.get("created_at")
    try:
        created_at = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        created_at = None
    if created_at is not None and created_at.tzinfo is not None and is_from_the_future(created_at, now):
        raise BundleError(f"this bundle is dated {created_at:%Y-%m-%d %H:%M} UTC, in the future: the clock of the "
                          "laptop that exported it is wrong. Set its date and time, then export again")


def _label(name: str, row: dict[str, Any]) -> str:
    for key in ("name", "label", "original_name", "school_year"):
        if row.get(key):
            return str(row[key])[:60]
    if row.get("start_utc"):
        return f"{row['start_utc']:%Y-%m-%d %H:%M} UTC"
    return name.replace("_", " ")


def _upsert(session: Session, rows: dict[str, list[dict[str, Any]]], now: datetime, take_theirs: set[str],
            keep_mine: set[str]) -> ImportSummary:
    summary = ImportSummary()
    for name in BUNDLE_TABLES:
        table = table_of(name)
        incoming = _parents_first(rows[name]) if name == "exchange_session" else rows[name]
        if not incoming:
            continue
        keys = ("id", "updated_at", "version", "change_history",
                *((*CALENDAR_FIELDS, "sequence") if name == "exchange_session" else ()))
        existing = {row.id: row for row in session.execute(
            select(*[table.c[key] for key in keys if key in table.c])
            .where(table.c.id.in_([row["id"] for row in incoming])))}
        tracked = "change_history" in table.c
        for row in incoming:
            if name == "exchange_session":
                row = {**row, "search_text": session_search_text(row["activities"], row["notes"])}
            if tracked and not row.get("change_history"):
                row = {**row, "change_history": change_seed(row["id"], row["updated_at"])}
            if "updated_at" in row and is_from_the_future(row["updated_at"], now):
                row = {**row, "updated_at": now,
                       **({"created_at": min(row["created_at"], now)} if row.get("created_at") else {})}
                summary.future_clamped += 1
            current = existing.get(row["id"])
            if current is None:
                session.execute(table.insert().values(**row))
                summary.added[name] += 1
                continue
            if tracked:
                mine = current.change_history or change_seed(current.id, current.updated_at)
                seen = compare_changes(mine, row["change_history"])
                take = seen is Seen.THEIRS_NEWER
                if seen is Seen.CONCURRENT:
                    if row["id"] in take_theirs:
                        row = {**row, "change_history": merged_changes(mine, row["change_history"])}
                        summary.taken_theirs[name] += 1
                        take = True
                    elif row["id"] in keep_mine:
                        session.execute(table.update().where(table.c.id == row["id"]).values(
                            change_history=merged_changes(row["change_history"], mine),
                            version=current.version + 1))
                        summary.unchanged[name] += 1
                        continue
                    else:
                        summary.conflicts.append(Conflict(name, row["id"], _label(name, row), current.updated_at,
                                                          row["updated_at"]))
                        continue
            else:  # a table without histories (none today): the newer stamp wins, future ones clamped above
                take = "updated_at" in table.c and row["updated_at"] > current.updated_at
            if take:
                values = {**row, "version": current.version + 1}
                if name == "exchange_session":  # the same SEQUENCE rule as every ORM update
                    stored = current._mapping
                    values["sequence"] = next_sequence(stored["sequence"], row.get("sequence", 0),
                                                       calendar_changed(stored, row))
                session.execute(table.update().where(table.c.id == row["id"]).values(**values))
                summary.updated[name] += 1
            else:
                summary.unchanged[name] += 1
    return summary


def _parents_first(sessions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sessions a postponed session points to come before it (the self-reference of exchange_session)."""
    by_id = {row["id"]: row for row in sessions}
    ordered: list[dict[str, Any]] = []
    done: set[str] = set()

    def visit(row: dict[str, Any], depth: int = 0) -> None:
        if row["id"] in done or depth > len(sessions):
            return
        target = by_id.get(row["postponed_to_id"] or "")
        if target is not None:
            visit(target, depth + 1)
        done.add(row["id"])
        ordered.append(row)

    for row in sessions:
        visit(row)
    return ordered
