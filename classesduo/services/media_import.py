"""Importing files into a duo's media library.

Each file is streamed into the store while being hashed, then checked (type
from its magic bytes, image header, JPEG structure or a small decode, PDF end
marker). Checked files are committed in batches (``media_batch.py``): made
durable, renamed to their content-hash names, and their rows inserted in ONE
transaction per batch of about half a second of copying. A file already in the
duo, or twice in one import, is not stored twice; the user is told.

Cancelling stops between chunks: the file being copied is removed from the
store's incoming folder and nothing of it reaches the database. Files fully
copied before the cancel are committed (their batch is finished) and listed in
the report, so the user sees exactly what is in the library.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from classesduo.domain.entities import MediaItem
from classesduo.domain.enums import MediaKind, Side
from classesduo.domain.i18n import Plural, translate
from classesduo.domain.media_types import HEADER_BYTES, FileType, sniff
from classesduo.domain.terms import school_year_bounds
from classesduo.services import media_probe
from classesduo.services.duos import get_duo
from classesduo.services.errors import NotFoundError, ServiceError
from classesduo.services.media_batch import Batch, Checked, Outcomes, RowDefaults
from classesduo.services.workspace import Workspace
from classesduo.storage.atomic import BackgroundSync
from classesduo.storage.media_store import CopyCancelled, StagedFile
from classesduo.storage.models import ExchangeSessionRow

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: Progress is reported in thousandths of the total bytes (Qt's progress bars take ints).
PROGRESS_STEPS = 1000


@dataclass
class ImportReport:
    imported: list[MediaItem] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # names of files already in the duo
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    cancelled: bool = False

    def summary(self) -> str:
        lines = [Plural.tr("%n file(s) imported.", "", len(self.imported))]
        if self.cancelled:
            lines.append(translate("MediaImport", "Import cancelled: the file being copied was not kept."))
        for name in self.duplicates:
            lines.append(translate("MediaImport", "{name}: already in this duo (not stored twice).").format(name=name))
        for name, reason in self.rejected:
            lines.append(translate("MediaImport", "{name}: skipped — {reason}.").format(name=name, reason=reason))
        return "\n".join(lines)


def display_name(path: Path) -> str:
    """The file's name as a person can read it, even when it is not valid UTF-8."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")


def expand_folders(paths: Sequence[Path | str]) -> list[Path]:
    """Files as given, with each folder replaced by the files inside it (sorted, hidden ones skipped)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*")
                            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found.append(path)
    return found


def _name_is_utf8(path: Path) -> bool:
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def import_files(
    workspace: Workspace,
    duo_id: str,
    paths: Sequence[Path | str],
    side: Side,
    session_id: str | None = None,
    as_drawing: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import ``paths`` into the duo; bad files are skipped and reported by name."""
    is_cancelled = cancelled or (lambda: False)
    duo = get_duo(workspace.db, duo_id)  # raises NotFoundError
    if session_id is not None:
        _check_session(workspace, duo_id, session_id)
    zone = ZoneInfo(duo.paris.timezone if side is Side.PARIS else duo.partner.timezone)
    consent_until = school_year_bounds(duo.duo.school_year)[1]  # authorisations end with the duo's year
    workspace.media.remove_stale_incoming()  # left by an import that was killed
    files = expand_folders(paths)
    total = sum(_size_or_zero(p) for p in files) or 1
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total), PROGRESS_STEPS)

    outcomes = Outcomes()
    cancelled_at_file = False
    defaults = RowDefaults(duo_id, session_id, side, consent_until)
    with BackgroundSync() as sync:
        batch = Batch(workspace, defaults, outcomes, sync)
        try:
            for index, path in enumerate(files):
                if is_cancelled():
                    cancelled_at_file = True
                    break
                if batch.crowded_by(_size_or_zero(path)):
                    batch.flush()
                try:
                    checked = _check(workspace, index, path, as_drawing, zone, is_cancelled, advance)
                except CopyCancelled:
                    cancelled_at_file = True
                    break
                except _Rejected as rejection:
                    outcomes.rejected.append((index, display_name(path), str(rejection)))
                    continue
                batch.add(checked)
                if batch.due():
                    batch.flush()
            batch.flush()  # after a cancel too: what was fully copied is kept, and reported
        except BaseException:
            batch.abandon()
            raise
    report = ImportReport(
        imported=[item for _, item in sorted(outcomes.imported, key=lambda pair: pair[0])],
        duplicates=[name for _, name in sorted(outcomes.duplicates)],
        rejected=[(name, reason) for _, name, reason in sorted(outcomes.rejected)],
        cancelled=cancelled_at_file,
    )
    if progress is not None:
        progress(PROGRESS_STEPS, PROGRESS_STEPS)
    log.info("media import into duo %s: %d imported, %d duplicates, %d rejected%s", duo_id,
             len(report.imported), len(report.duplicates), len(report.rejected),
             " (cancelled)" if report.cancelled else "")
    return report


class _Rejected(Exception):
    pass


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _check_session(workspace: Workspace, duo_id: str, session_id: str) -> None:
    with workspace.db.reading() as session:
        row = session.get(ExchangeSessionRow, session_id)
        if row is None:
            raise NotFoundError(translate("MediaImport", "No session with id {id}.").format(id=session_id))
        if row.duo_id != duo_id:
            raise ServiceError(translate("MediaImport", "Session {id} belongs to another duo.").format(id=session_id))


def _check(workspace: Workspace, index: int, path: Path, as_drawing: bool, zone: ZoneInfo,
           cancelled: Callable[[], bool], advance: Callable[[int], None]) -> Checked:
    """Stage ``path`` (copy + hash, not yet flushed to the disk) and check it; raise _Rejected if it is bad."""
    if not _name_is_utf8(path):
        raise _Rejected(translate("MediaImport", "the file name is not valid UTF-8; rename the file"))
    if not path.is_file():
        raise _Rejected(translate("MediaImport", "not a file, or not found"))
    if _size_or_zero(path) == 0:
        raise _Rejected(translate("MediaImport", "the file is empty"))
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except OSError as error:
        raise _Rejected(translate("MediaImport", "cannot be read ({error})").format(error=error.strerror)) from error
    file_type = sniff(header, path.suffix)
    if file_type is None:
        raise _Rejected(translate("MediaImport", "unsupported kind of file (photos, videos, audio, drawings, "
                                                 "PDFs and text documents are accepted)"))
    try:
        staged = workspace.media.stage(path, cancelled, advance, HEADER_BYTES, durable=False)
    except OSError as error:
        raise _Rejected(translate("MediaImport", "cannot be copied ({error})").format(error=error.strerror)) from error
    try:
        problem = _problem(path, staged, file_type)
        if problem:
            raise _Rejected(problem)
        taken_at = _taken_at(staged.temp_path, zone) if file_type.mime in ("image/jpeg", "image/tiff",
                                                                            "image/webp") else None
    except BaseException:
        workspace.media.discard(staged)
        raise
    kind = MediaKind.DRAWING if as_drawing and (file_type.is_image or file_type.mime == "application/pdf") \
        else file_type.kind
    return Checked(index, display_name(path), path.name, staged, file_type, kind, taken_at)


def _problem(path: Path, staged: StagedFile, file_type: FileType) -> str | None:
    if sniff(staged.header, path.suffix) != file_type:
        return translate("MediaImport", "the file changed while it was being copied")
    if file_type.is_image:
        return media_probe.image_problem(staged.temp_path, file_type.mime, staged.tail)
    if file_type.mime == "application/pdf":
        return media_probe.pdf_problem(staged.temp_path, staged.tail)
    return None


def camera_time(path: Path, zone: str) -> datetime | None:
    """When a photo was taken: its EXIF local time in ``zone`` (the side that made it), or at its own
    OffsetTimeOriginal when the camera recorded one."""
    return _taken_at(path, ZoneInfo(zone))


def _taken_at(path: Path, zone: ZoneInfo) -> datetime | None:
    found = media_probe.exif_date(path)
    if found is None:
        return None
    local = found.local.replace(tzinfo=found.offset or zone)
    return local.astimezone(UTC)
