"""A media import killed (SIGKILL) at each step of a batch never leaves a row without its whole file.

The helper process imports 9 photos in batches of 3 and dies during the second batch; the first
batch must be there, intact, and nothing of the second may be in the database. Files of the second
batch already renamed into the store stay as unused files (nobody was told they were imported);
importing the folder again reuses them and finishes the job.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from classesduo.domain.enums import Side
from classesduo.services.duos import list_duos
from classesduo.services.media_import import import_files
from classesduo.services.workspace import open_workspace
from classesduo.storage.models import MediaItemRow
from tests.media_files import qimage_file

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="SIGKILL")]

ROOT = Path(__file__).resolve().parents[2]


def _photos(folder: Path) -> list[Path]:
    folder.mkdir()
    return [qimage_file(folder / f"photo-{n}.jpg", color=0x102030 * (n + 1), fmt="JPEG") for n in range(9)]


def _rows(data_dir: Path) -> list[tuple[str, str, int, str]]:
    workspace = open_workspace(str(data_dir))
    try:
        with workspace.db.reading() as session:
            return [tuple(row) for row in session.execute(select(
                MediaItemRow.file_hash, MediaItemRow.stored_name, MediaItemRow.size_bytes,
                MediaItemRow.original_name))]
    finally:
        workspace.close()


@pytest.mark.parametrize("point", ["copying", "synced", "placed", "inserting"])
def test_a_kill_during_a_batch_leaves_no_row_without_its_whole_file(demo_dir: Path, tmp_path: Path,
                                                                    point: str) -> None:
    photos = _photos(tmp_path / "photos")
    before = set(_rows(demo_dir))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.run([sys.executable, "-m", "tests.helpers.crashing_import", str(demo_dir),
                            str(tmp_path / "photos"), point], check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr

    new_rows = set(_rows(demo_dir)) - before
    assert sorted(name for *_, name in new_rows) == ["photo-0.jpg", "photo-1.jpg", "photo-2.jpg"]
    media_dir = demo_dir / "media"
    for digest, stored_name, size, _name in new_rows:
        data = (media_dir / stored_name).read_bytes()
        assert len(data) == size and hashlib.sha256(data).hexdigest() == digest
    # Whatever else reached the store is from the second batch, and complete.
    batch_two = {hashlib.sha256(p.read_bytes()).hexdigest() for p in photos[3:6]}
    referenced = {stored_name for _, stored_name, _, _ in _rows(demo_dir)}
    unused = {p for p in media_dir.rglob("*") if p.is_file() and ".incoming" not in p.parts
              and str(p.relative_to(media_dir)) not in referenced}
    assert all(p.name[:64] in batch_two and hashlib.sha256(p.read_bytes()).hexdigest() == p.name[:64]
               for p in unused)
    assert bool(unused) is (point in ("placed", "inserting"))

    # An hour later, importing again finishes the job, reusing what the killed import left, and
    # removes its temporary copies.
    incoming = media_dir / ".incoming"
    left = list(incoming.glob("import-*.tmp"))
    assert bool(left) is (point in ("copying", "synced"))
    for path in left:
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 3601))
    workspace = open_workspace(str(demo_dir))
    try:
        report = import_files(workspace, list_duos(workspace.db)[0].duo.id, photos, Side.PARIS)
    finally:
        workspace.close()
    assert [item.original_name for item in report.imported] == [p.name for p in photos[3:]]
    assert report.duplicates == [p.name for p in photos[:3]] and report.rejected == []
    assert list(incoming.iterdir()) == []
