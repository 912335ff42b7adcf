"""Committing imported files in batches: one transaction and one round of fsyncs per ~0.5 s of copying.

Committing each file on its own (an fsync of the file, of its folder and of the database's
journal per photo) cost more than copying and hashing it. The import now hands every staged and
checked file to a :class:`Batch`. When the batch is due (half a second after its first file, or
100 files, or 256 MiB), :meth:`Batch.flush`:

1. waits until every staged copy is on the disk (their fsyncs ran on a background thread while
   the next files were being copied);
2. drops the duplicates: files whose hash is already in the duo, or earlier in the import;
3. renames the others to their content-hash names and fsyncs the folders they went into;
4. inserts their rows in ONE transaction; only then are they reported as imported.

So a row is only ever committed after its file is complete and durable under its final name.
A crash between 3 and 4 leaves stored files that no row points at and that nobody was told were
imported (the same as before batching, for one file). If the insert fails with a
:class:`ServiceError` (say another window imported the same photo at the same moment), the batch
is retried file by file, so a bad row costs only its own file. Any other error removes the files
this batch added to the store and is raised.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from classesduo.domain.entities import MediaItem
from classesduo.domain.enums import MediaKind, Side
from classesduo.domain.i18n import translate
from classesduo.domain.media_types import FileType
from classesduo.domain.text import neutralised_name
from classesduo.services.errors import ServiceError, translated_storage_errors
from classesduo.services.workspace import Workspace
from classesduo.storage.atomic import BackgroundSync
from classesduo.storage.convert import media_from_row
from classesduo.storage.media_store import StagedFile
from classesduo.storage.models import MediaItemRow

#: A batch is committed when the first of these is reached.
BATCH_SECONDS = 0.5
BATCH_FILES = 100
BATCH_BYTES = 256 << 20


@dataclass(frozen=True, slots=True)
class Checked:
    """A staged file that passed the checks, waiting for its batch."""

    index: int  # its place in the import, so the report keeps the user's order
    name: str  # as shown to the user
    original_name: str
    staged: StagedFile
    file_type: FileType
    kind: MediaKind
    taken_at: datetime | None


@dataclass(frozen=True, slots=True)
class RowDefaults:
    duo_id: str
    session_id: str | None
    side: Side
    consent_until: date


@dataclass
class Outcomes:
    """What happened to each file, by its place in the import (batches finish out of the files' order)."""

    imported: list[tuple[int, MediaItem]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Placed:
    item: Checked
    stored_name: str
    created: bool  # the file was new to the store: remove it again if its row is not committed


class Batch:
    """Checked files waiting to be committed together (see the module's docstring)."""

    def __init__(self, workspace: Workspace, defaults: RowDefaults, outcomes: Outcomes, sync: BackgroundSync,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._workspace = workspace
        self._defaults = defaults
        self._outcomes = outcomes
        self._sync = sync
        self._clock = clock
        self._items: list[Checked] = []
        self._bytes = 0
        self._started = 0.0

    def add(self, item: Checked) -> None:
        if not self._items:
            self._started = self._clock()
        self._items.append(item)
        self._bytes += item.staged.size
        self._sync.submit(item.staged.temp_path)

    def crowded_by(self, size: int) -> bool:
        """Whether a file of ``size`` bytes should start a batch of its own: a long video is not kept
        waiting behind the photos before it, nor they behind it."""
        return bool(self._items) and self._bytes + size > BATCH_BYTES

    def due(self) -> bool:
        return bool(self._items) and (len(self._items) >= BATCH_FILES or self._bytes >= BATCH_BYTES
                                      or self._clock() - self._started >= BATCH_SECONDS)

    def abandon(self) -> None:
        """Forget the waiting files (after an unexpected error, or Ctrl+C): their staged copies are removed."""
        items, self._items, self._bytes = self._items, [], 0
        try:
            self._sync.wait()  # no fsync may still hold a file we remove
        except OSError:
            pass
        for item in items:
            self._workspace.media.discard(item.staged)

    def flush(self) -> None:
        items, self._items, self._bytes = self._items, [], 0
        if not items:
            return
        try:
            self._sync.wait()
        except OSError as error:
            for item in items:
                self._workspace.media.discard(item.staged)
                self._reject(item, translate("MediaImport", "cannot be copied ({error})").format(
                    error=error.strerror or error))
            return
        try:
            placed = self._place(self._without_duplicates(items))
        except BaseException:
            for item in items:
                self._workspace.media.discard(item.staged)  # no-op for those renamed (and removed) already
            raise
        self._insert(placed)

    def _reject(self, item: Checked, reason: str) -> None:
        self._outcomes.rejected.append((item.index, item.name, reason))

    def _without_duplicates(self, items: list[Checked]) -> list[Checked]:
        with self._workspace.db.reading() as session:
            seen = set(session.scalars(select(MediaItemRow.file_hash).where(
                MediaItemRow.duo_id == self._defaults.duo_id,
                MediaItemRow.file_hash.in_(sorted({item.staged.digest for item in items})))))
        fresh = []
        for item in items:
            if item.staged.digest in seen:
                self._outcomes.duplicates.append((item.index, item.name))
                self._workspace.media.discard(item.staged)
            else:
                seen.add(item.staged.digest)
                fresh.append(item)
        return fresh

    def _place(self, items: list[Checked]) -> list[_Placed]:
        """Rename the (durable) staged copies to their final names, then make the renames durable."""
        placed: list[_Placed] = []
        try:
            for item in items:
                try:
                    stored_name, created = self._workspace.media.commit(item.staged, item.file_type.suffix)
                except OSError as error:
                    self._workspace.media.discard(item.staged)
                    self._reject(item, translate("MediaImport", "cannot be copied ({error})").format(
                        error=error.strerror or error))
                    continue
                placed.append(_Placed(item, stored_name, created))
            self._workspace.media.sync_directories([entry.stored_name for entry in placed if entry.created])
        except BaseException:
            self._remove_created(placed)
            raise
        return placed

    def _insert(self, placed: list[_Placed]) -> None:
        if not placed:
            return
        try:
            items = self._insert_rows(placed)
        except ServiceError:
            self._insert_one_by_one(placed)
            return
        except BaseException:
            self._remove_created(placed)
            raise
        self._outcomes.imported += [(entry.item.index, item) for entry, item in zip(placed, items, strict=True)]

    def _insert_one_by_one(self, placed: list[_Placed]) -> None:
        for position, entry in enumerate(placed):
            try:
                if self._already_in_duo(entry.item.staged.digest):
                    # Imported meanwhile by another window: its row may use this very file, so keep it.
                    self._outcomes.duplicates.append((entry.item.index, entry.item.name))
                    continue
                [item] = self._insert_rows([entry])
            except ServiceError as error:
                self._remove_created([entry])
                self._reject(entry.item, str(error))
                continue
            except BaseException:
                self._remove_created(placed[position:])
                raise
            self._outcomes.imported.append((entry.item.index, item))

    def _already_in_duo(self, digest: str) -> bool:
        with self._workspace.db.reading() as session:
            return session.scalar(select(MediaItemRow.id).where(
                MediaItemRow.duo_id == self._defaults.duo_id, MediaItemRow.file_hash == digest)) is not None

    def _insert_rows(self, placed: list[_Placed]) -> list[MediaItem]:
        defaults = self._defaults

        def work(session) -> list[MediaItem]:  # noqa: ANN001 - an ORM session; may run twice (PG retry)
            rows = [MediaItemRow(
                duo_id=defaults.duo_id, session_id=defaults.session_id, kind=entry.item.kind,
                file_hash=entry.item.staged.digest, stored_name=entry.stored_name,
                original_name=neutralised_name(entry.item.original_name)[:400], size_bytes=entry.item.staged.size,
                mime_type=entry.item.file_type.mime, taken_at=entry.item.taken_at, side=defaults.side,
                identifiable_children=0, consent_until=defaults.consent_until,
            ) for entry in placed]
            session.add_all(rows)
            session.flush()
            return [media_from_row(row) for row in rows]

        with translated_storage_errors():  # the files are in place: only the rows are written again
            return self._workspace.db.run(work)

    def _remove_created(self, placed: list[_Placed]) -> None:
        for entry in placed:
            if entry.created:  # the file was new to the store and no row points at it: no orphan
                try:
                    self._workspace.media.remove(entry.stored_name)
                except OSError:
                    pass

