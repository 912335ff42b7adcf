"""An import killed (SIGKILL) at a chosen point, for the crash tests of tests/services/test_media_import_crash.py.

    python -m tests.helpers.crashing_import DATA_DIR FOLDER POINT

Batches hold 3 files. POINT is where the second batch dies: ``copying`` (in the middle of its
second file's copy), ``synced`` (its files are on the disk, not yet renamed), ``placed`` (renamed
to their final names, their rows not yet inserted) or ``inserting`` (inside the transaction).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main(data_dir: str, folder: str, point: str) -> None:
    from classesduo.domain.enums import Side
    from classesduo.services import media_batch
    from classesduo.services.duos import list_duos
    from classesduo.services.media_import import import_files
    from classesduo.services.workspace import open_workspace
    from classesduo.storage.atomic import BackgroundSync
    from classesduo.storage.media_store import MediaStore

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    media_batch.BATCH_FILES, media_batch.BATCH_SECONDS = 3, 1e9  # batches of exactly 3 files
    flushes = 0
    original_flush, original_wait = media_batch.Batch.flush, BackgroundSync.wait
    original_place = media_batch.Batch._place
    original_stage = MediaStore.stage

    def flush(self: media_batch.Batch) -> None:
        nonlocal flushes
        flushes += 1
        original_flush(self)

    def wait(self: BackgroundSync) -> None:
        original_wait(self)
        if point == "synced" and flushes == 2:
            die()

    def place(self: media_batch.Batch, items: list) -> list:
        placed = original_place(self, items)
        if point == "placed" and flushes == 2:
            die()
        return placed

    original_convert = media_batch.media_from_row

    def convert(row: object) -> object:  # runs inside the transaction, after the INSERT
        if point == "inserting" and flushes == 2:
            die()
        return original_convert(row)

    copies = 0

    def stage(self: MediaStore, source: Path, cancelled, on_chunk=None, *args, **kwargs):
        nonlocal copies
        copies += 1
        if point == "copying" and copies == 5:
            def chunk(count: int) -> None:
                die()
            return original_stage(self, source, cancelled, chunk, *args, **kwargs)
        return original_stage(self, source, cancelled, on_chunk, *args, **kwargs)

    media_batch.Batch.flush = flush  # type: ignore[method-assign]
    BackgroundSync.wait = wait  # type: ignore[method-assign]
    media_batch.Batch._place = place  # type: ignore[method-assign]
    media_batch.media_from_row = convert  # type: ignore[assignment]
    MediaStore.stage = stage  # type: ignore[method-assign]
    workspace = open_workspace(data_dir)
    duo_id = list_duos(workspace.db)[0].duo.id
    import_files(workspace, duo_id, sorted(Path(folder).iterdir()), Side.PARIS)
    print("finished without dying", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
