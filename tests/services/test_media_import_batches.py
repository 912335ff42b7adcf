"""Batched media import: what a batch promises when a file, a row or the disk fails, on cancel, for duplicates."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from sqlalchemy import func, select

from classesduo.domain.enums import Side
from classesduo.services import media_batch
from classesduo.services.duos import list_duos
from classesduo.services.media_import import import_files
from classesduo.services.workspace import Workspace
from classesduo.storage import atomic
from classesduo.storage.media_store import MediaStore
from classesduo.storage.models import MediaItemRow
from tests.media_files import fake_mp4, qimage_file


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of exactly 2 files, whatever the machine's speed."""
    monkeypatch.setattr(media_batch, "BATCH_FILES", 2)
    monkeypatch.setattr(media_batch, "BATCH_SECONDS", 1e9)


def _duo(workspace: Workspace) -> str:
    return list_duos(workspace.db)[0].duo.id


def _photos(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [qimage_file(folder / f"p{n}.png", color=0x101010 * (n + 1)) for n in range(count)]


def _store_files(workspace: Workspace) -> set[Path]:
    return {p for p in workspace.paths.media_dir.rglob("*") if p.is_file()}


def _row_count(workspace: Workspace) -> int:
    with workspace.db.reading() as session:
        return session.scalar(select(func.count()).select_from(MediaItemRow))


def _incoming(workspace: Workspace) -> list[Path]:
    folder = workspace.media.incoming_dir
    return list(folder.iterdir()) if folder.is_dir() else []


def test_rows_commit_only_after_their_files_are_durable(demo_workspace: Workspace, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    """Per file: its fsync is submitted and waited for, then it is renamed, then its folder is fsynced,
    then the transaction holding its row runs."""
    events: list[tuple[str, object]] = []
    real_submit, real_wait = atomic.BackgroundSync.submit, atomic.BackgroundSync.wait
    real_commit, real_sync_dirs = MediaStore.commit, MediaStore.sync_directories
    real_insert = media_batch.Batch._insert_rows
    monkeypatch.setattr(atomic.BackgroundSync, "submit",
                        lambda self, path: (events.append(("submit", path.name)), real_submit(self, path))[1])
    monkeypatch.setattr(atomic.BackgroundSync, "wait", lambda self: (real_wait(self), events.append(("waited", None)))[0])
    monkeypatch.setattr(MediaStore, "commit", lambda self, staged, suffix: (
        events.append(("rename", staged.temp_path.name)), real_commit(self, staged, suffix))[1])
    monkeypatch.setattr(MediaStore, "sync_directories",
                        lambda self, names: (events.append(("dirs", set(names))), real_sync_dirs(self, names))[1])

    def insert_rows(self: media_batch.Batch, placed: list) -> list:
        for entry in placed:
            assert _digest(demo_workspace.media.path_of(entry.stored_name)) == entry.item.staged.digest
            events.append(("insert", (entry.item.staged.temp_path.name, entry.stored_name)))
        return real_insert(self, placed)

    monkeypatch.setattr(media_batch.Batch, "_insert_rows", insert_rows)
    report = import_files(demo_workspace, _duo(demo_workspace), _photos(tmp_path / "in", 5), Side.PARIS)

    assert len(report.imported) == 5
    inserts = [(index, payload) for index, (kind, payload) in enumerate(events) if kind == "insert"]
    assert len(inserts) == 5
    for index, (temp_name, stored_name) in inserts:  # type: ignore[misc]
        submitted = events.index(("submit", temp_name))
        renamed = events.index(("rename", temp_name))
        assert ("waited", None) in events[submitted:renamed]
        assert any(kind == "dirs" and stored_name in names for kind, names in events[renamed:index])  # type: ignore[operator]
    # Three batches (2 + 2 + 1): one round of folder fsyncs each, not one per file.
    assert sum(kind == "dirs" for kind, _ in events) == 3


def test_background_sync_waits_for_every_file_and_reports_errors(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    done: list[str] = []
    real_fsync = atomic.fsync_file

    def fsync(path: Path) -> None:
        if path.name == "bad":
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(path)
        done.append(path.name)

    monkeypatch.setattr(atomic, "fsync_file", fsync)
    for name in ("a", "b", "bad", "c"):
        (tmp_path / name).write_bytes(name.encode())
    with atomic.BackgroundSync() as sync:
        for name in ("a", "b"):
            sync.submit(tmp_path / name)
        sync.wait()
        assert done == ["a", "b"]
        sync.submit(tmp_path / "bad")
        sync.submit(tmp_path / "c")
        with pytest.raises(OSError, match="Input/output"):
            sync.wait()
        assert done == ["a", "b", "c"]  # the error is raised once every file has been tried
        sync.wait()  # nothing pending any more


def test_a_file_that_cannot_be_stored_costs_only_itself(demo_workspace: Workspace, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    photos = _photos(tmp_path / "in", 4)
    real_commit = MediaStore.commit

    def commit(self: MediaStore, staged, suffix: str):
        if staged.digest == _digest(photos[1]):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_commit(self, staged, suffix)

    monkeypatch.setattr(MediaStore, "commit", commit)
    files_before, rows_before = _store_files(demo_workspace), _row_count(demo_workspace)
    report = import_files(demo_workspace, _duo(demo_workspace), photos, Side.PARIS)

    assert [i.original_name for i in report.imported] == ["p0.png", "p2.png", "p3.png"]
    assert report.rejected == [("p1.png", "cannot be copied (No space left on device)")]
    assert _row_count(demo_workspace) == rows_before + 3
    assert {p.name[:64] for p in _store_files(demo_workspace) - files_before} == \
        {_digest(photos[n]) for n in (0, 2, 3)}
    assert _incoming(demo_workspace) == []


def test_a_row_refused_at_commit_is_retried_alone(demo_workspace: Workspace, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    """Another window imports p1 between our duplicate check and our insert: the batch's transaction
    fails on the duo's unique hash; the batch is retried file by file and p1 is reported as a duplicate."""
    photos = _photos(tmp_path / "in", 4)
    duo = _duo(demo_workspace)
    real_place = media_batch.Batch._place
    other_window: list[object] = []

    def place(self: media_batch.Batch, items: list) -> list:
        if not other_window and any(item.original_name == "p1.png" for item in items):
            other_window.append(None)  # the other window's own batch goes through here too
            other_window[0] = import_files(demo_workspace, duo, [photos[1]], Side.PARTNER)
        return real_place(self, items)

    monkeypatch.setattr(media_batch.Batch, "_place", place)
    rows_before = _row_count(demo_workspace)
    report = import_files(demo_workspace, duo, photos, Side.PARIS)

    assert [i.original_name for i in report.imported] == ["p0.png", "p2.png", "p3.png"]
    assert report.duplicates == ["p1.png"] and report.rejected == []
    assert _row_count(demo_workspace) == rows_before + 4  # 3 ours, 1 the other window's
    other = other_window[0].imported[0]  # type: ignore[attr-defined]
    assert demo_workspace.media.path_of(other.stored_name).read_bytes() == photos[1].read_bytes()


def test_a_later_batch_failing_keeps_the_earlier_batches(demo_workspace: Workspace, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    """An unexpected error in the second batch: the first stays (rows and files), the second leaves nothing."""
    photos = _photos(tmp_path / "in", 4)
    real_convert = media_batch.media_from_row
    converted: list[object] = []

    def convert(row: MediaItemRow) -> object:
        if len(converted) == 2:
            raise RuntimeError("disk full")
        converted.append(row)
        return real_convert(row)

    monkeypatch.setattr(media_batch, "media_from_row", convert)
    files_before, rows_before = _store_files(demo_workspace), _row_count(demo_workspace)
    with pytest.raises(RuntimeError):
        import_files(demo_workspace, _duo(demo_workspace), photos, Side.PARIS)

    assert _row_count(demo_workspace) == rows_before + 2
    assert {p.name[:64] for p in _store_files(demo_workspace) - files_before} == {_digest(p) for p in photos[:2]}
    assert _incoming(demo_workspace) == []


def test_a_disk_error_while_flushing_rejects_that_batch_only(demo_workspace: Workspace, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             small_batches: None) -> None:
    photos = _photos(tmp_path / "in", 4)
    real_fsync = atomic.fsync_file
    calls: list[Path] = []

    def fsync(path: Path) -> None:
        calls.append(path)
        if len(calls) == 3:  # the first file of the second batch
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(path)

    monkeypatch.setattr(atomic, "fsync_file", fsync)
    files_before, rows_before = _store_files(demo_workspace), _row_count(demo_workspace)
    report = import_files(demo_workspace, _duo(demo_workspace), photos, Side.PARIS)

    assert [i.original_name for i in report.imported] == ["p0.png", "p1.png"]
    assert report.rejected == [("p2.png", "cannot be copied (Input/output error)"),
                               ("p3.png", "cannot be copied (Input/output error)")]
    assert _row_count(demo_workspace) == rows_before + 2
    assert len(_store_files(demo_workspace) - files_before) == 2
    assert _incoming(demo_workspace) == []


def test_cancel_in_the_middle_of_a_batch_keeps_what_was_fully_copied(demo_workspace: Workspace, tmp_path: Path,
                                                                    small_batches: None) -> None:
    """Batches of 2: p0 and p1 are committed, p2 is copied and waiting, the video is being copied when the
    user cancels. p2 is committed and reported, nothing of the video or of p3 is kept."""
    folder = tmp_path / "in"
    photos = _photos(folder, 3)
    video = fake_mp4(folder / "video.mp4", size=3 * (1 << 20) + 5)
    last = qimage_file(folder / "p3.png", color=0xABCDEF)
    sizes = {p: p.stat().st_size for p in [*photos, video, last]}
    copied = 0

    def progress(done: int, total: int) -> None:
        nonlocal copied
        copied = done * sum(sizes.values()) // total

    def cancelled() -> bool:  # one chunk of the video copied, then cancel
        return copied > sum(sizes[p] for p in photos) + (1 << 19)

    files_before, rows_before = _store_files(demo_workspace), _row_count(demo_workspace)
    report = import_files(demo_workspace, _duo(demo_workspace), [*photos, video, last], Side.PARIS,
                          progress=progress, cancelled=cancelled)

    assert report.cancelled
    assert [i.original_name for i in report.imported] == ["p0.png", "p1.png", "p2.png"]
    assert _row_count(demo_workspace) == rows_before + 3
    assert {p.name[:64] for p in _store_files(demo_workspace) - files_before} == {_digest(p) for p in photos}
    assert _incoming(demo_workspace) == []


def test_duplicates_within_a_batch_and_across_batches(demo_workspace: Workspace, tmp_path: Path,
                                                      small_batches: None) -> None:
    a, b, c = _photos(tmp_path / "in", 3)
    copy_of_a = tmp_path / "in" / "copie de p0.png"
    copy_of_a.write_bytes(a.read_bytes())
    files_before = _store_files(demo_workspace)
    # batches: [a, copy of a] (duplicate inside the batch), [b, c], [b] (duplicate of an earlier batch)
    report = import_files(demo_workspace, _duo(demo_workspace), [a, copy_of_a, b, c, b], Side.PARIS)

    assert [i.original_name for i in report.imported] == ["p0.png", "p1.png", "p2.png"]
    assert report.duplicates == ["copie de p0.png", "p1.png"]
    assert len(_store_files(demo_workspace) - files_before) == 3
    assert _incoming(demo_workspace) == []


def test_a_stale_temporary_copy_is_removed_and_a_fresh_one_kept(demo_workspace: Workspace, tmp_path: Path) -> None:
    import os
    import time

    incoming = demo_workspace.media.incoming_dir
    incoming.mkdir(parents=True, exist_ok=True)
    stale, fresh = incoming / "import-old.tmp", incoming / "import-new.tmp"
    stale.write_bytes(b"left by a killed import")
    fresh.write_bytes(b"another window is copying this")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    import_files(demo_workspace, _duo(demo_workspace), _photos(tmp_path / "in", 1), Side.PARIS)
    assert sorted(p.name for p in incoming.iterdir()) == ["import-new.tmp"]


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_big_file_does_not_keep_the_photos_before_it_waiting(demo_workspace: Workspace, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The photos are committed before a video that would overflow their batch starts copying."""
    monkeypatch.setattr(media_batch, "BATCH_BYTES", 2 << 20)
    monkeypatch.setattr(media_batch, "BATCH_SECONDS", 1e9)
    photos = _photos(tmp_path / "in", 2)
    video = fake_mp4(tmp_path / "in" / "video.mp4", size=3 << 20)
    rows_before = _row_count(demo_workspace)
    rows_during_video: list[int] = []
    real_stage = MediaStore.stage

    def stage(self: MediaStore, source: Path, *args: object, **kwargs: object) -> object:
        if source == video:
            rows_during_video.append(_row_count(demo_workspace) - rows_before)
        return real_stage(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(MediaStore, "stage", stage)
    report = import_files(demo_workspace, _duo(demo_workspace), [*photos, video], Side.PARIS)
    assert rows_during_video == [2]
    assert [i.original_name for i in report.imported] == ["p0.png", "p1.png", "video.mp4"]
