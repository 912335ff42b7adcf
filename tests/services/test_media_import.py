"""Importing media: dedupe, every kind of bad file, cancel half-way, EXIF dates."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from classesduo.domain.enums import MediaKind, Side
from classesduo.services.duos import list_duos
from classesduo.services.media import list_media
from classesduo.services.media_import import import_files
from classesduo.services.workspace import Workspace
from classesduo.storage.models import MediaItemRow
from tests.media_files import corrupt_png, fake_mp4, jpeg_with_exif, png_bomb, qimage_file


def _duo(workspace: Workspace, index: int = 0) -> str:
    return list_duos(workspace.db)[index].duo.id


def _store_files(workspace: Workspace) -> set[Path]:
    return {p for p in workspace.paths.media_dir.rglob("*") if p.is_file()}


def _row_count(workspace: Workspace) -> int:
    with workspace.db.reading() as session:
        return session.scalar(select(func.count()).select_from(MediaItemRow))


def test_import_keeps_metadata_and_dedupes(demo_workspace: Workspace, tmp_path: Path) -> None:
    duo = _duo(demo_workspace)
    photo = jpeg_with_exif(tmp_path / "sortie au parc.jpg", datetime(2026, 10, 5, 14, 30))
    drawing = qimage_file(tmp_path / "dessin.png")
    video = fake_mp4(tmp_path / "chanson.mp4")
    copy = tmp_path / "copie.jpg"
    copy.write_bytes(photo.read_bytes())

    report = import_files(demo_workspace, duo, [photo, drawing, video, copy, photo], Side.PARTNER)

    assert [i.original_name for i in report.imported] == ["sortie au parc.jpg", "dessin.png", "chanson.mp4"]
    assert report.duplicates == ["copie.jpg", "sortie au parc.jpg"]
    assert report.rejected == [] and not report.cancelled
    first = report.imported[0]
    assert (first.kind, first.mime_type, first.side, first.size_bytes) == (
        MediaKind.PHOTO, "image/jpeg", Side.PARTNER, photo.stat().st_size)
    assert report.imported[2].kind is MediaKind.VIDEO and report.imported[2].mime_type == "video/mp4"
    # The partner school's zone turns the camera's wall-clock time into UTC.
    zone = list_duos(demo_workspace.db)[0].partner.timezone
    from zoneinfo import ZoneInfo
    assert first.taken_at == datetime(2026, 10, 5, 14, 30, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    stored = demo_workspace.media.path_of(first.stored_name)
    assert stored.read_bytes() == photo.read_bytes() and first.file_hash in stored.name
    assert report.imported[1].taken_at is None
    # The same file in another duo is a new item sharing the stored file.
    again = import_files(demo_workspace, _duo(demo_workspace, 1), [photo], Side.PARIS)
    assert len(again.imported) == 1 and again.imported[0].stored_name == first.stored_name
    assert not list(demo_workspace.media.incoming_dir.iterdir())


def test_exif_offset_is_used_when_present(workspace_with_duo: tuple[Workspace, str], tmp_path: Path) -> None:
    workspace, duo = workspace_with_duo
    photo = jpeg_with_exif(tmp_path / "p.jpg", datetime(2026, 10, 5, 9, 0), offset="-03:00", gps=False)
    item = import_files(workspace, duo, [photo], Side.PARIS).imported[0]
    assert item.taken_at == datetime(2026, 10, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def workspace_with_duo(demo_workspace: Workspace) -> tuple[Workspace, str]:
    return demo_workspace, _duo(demo_workspace)


@pytest.mark.qt_log_ignore("libpng", "PNG", "Corrupt", "invalid")
def test_bad_files_are_reported_by_name_and_skipped(demo_workspace: Workspace, tmp_path: Path) -> None:
    duo = _duo(demo_workspace)
    good = qimage_file(tmp_path / "bon.png")
    empty = tmp_path / "vide.jpg"
    empty.write_bytes(b"")
    unsupported = tmp_path / "programme.exe"
    unsupported.write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    bomb = png_bomb(tmp_path / "bombe.png")
    corrupt = corrupt_png(tmp_path / "abime.png")
    truncated_pdf = tmp_path / "lettre.pdf"
    truncated_pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    bad_name = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.png"))
    qimage_file(bad_name)
    heic = tmp_path / "iphone.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)
    files_before, rows_before = _store_files(demo_workspace), _row_count(demo_workspace)

    report = import_files(demo_workspace, duo, [empty, unsupported, bomb, good, corrupt, truncated_pdf, bad_name,
                                                heic, tmp_path / "absent.jpg"], Side.PARIS)

    assert [i.original_name for i in report.imported] == ["bon.png"]
    reasons = dict(report.rejected)
    assert list(reasons) == ["vide.jpg", "programme.exe", "bombe.png", "abime.png", "lettre.pdf", "caf\\xe9.png",
                             "iphone.heic", "absent.jpg"]
    assert "empty" in reasons["vide.jpg"]
    assert "unsupported" in reasons["programme.exe"]
    assert "100000 × 100000" in reasons["bombe.png"]
    assert "damaged" in reasons["abime.png"]
    assert "PDF" in reasons["lettre.pdf"]
    assert "UTF-8" in reasons["caf\\xe9.png"]
    assert "HEIC" in reasons["iphone.heic"]
    assert _row_count(demo_workspace) == rows_before + 1
    assert len(_store_files(demo_workspace) - files_before) == 1  # only the good file, no leftovers


def test_cancel_half_way_leaves_no_orphan_files_or_rows(demo_workspace: Workspace, tmp_path: Path) -> None:
    """Cancel while the second (multi-chunk) file is being copied: the first stays, nothing of the second."""
    duo = _duo(demo_workspace)
    first = qimage_file(tmp_path / "a.png")
    big = fake_mp4(tmp_path / "big.mp4", size=3 * (1 << 20) + 5)
    third = qimage_file(tmp_path / "c.png", color=0x00FF00)
    files_before, rows_before = _store_files(demo_workspace), _row_count(demo_workspace)
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)

    def cancelled() -> bool:
        return len(calls) >= 2  # one chunk of a.png, one chunk of big.mp4 copied, then cancel

    report = import_files(demo_workspace, duo, [first, big, third], Side.PARIS, progress=progress,
                          cancelled=cancelled)

    assert report.cancelled
    assert [i.original_name for i in report.imported] == ["a.png"]
    assert _row_count(demo_workspace) == rows_before + 1
    new_files = _store_files(demo_workspace) - files_before
    assert [p.name for p in new_files] == [report.imported[0].stored_name.split("/")[1]]
    names = {v.item.original_name for v in list_media(demo_workspace.db, duo)}
    assert "big.mp4" not in names and "c.png" not in names


def test_a_failing_row_insert_removes_the_new_file(demo_workspace: Workspace, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from classesduo.services import media_batch

    duo = _duo(demo_workspace)
    files_before = _store_files(demo_workspace)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(media_batch, "media_from_row", boom)
    with pytest.raises(RuntimeError):
        import_files(demo_workspace, duo, [qimage_file(tmp_path / "a.png")], Side.PARIS)
    assert _store_files(demo_workspace) == files_before


def test_session_must_belong_to_the_duo(demo_workspace: Workspace, tmp_path: Path) -> None:
    from classesduo.services.errors import ServiceError
    from classesduo.services.sessions import list_sessions

    other = list_sessions(demo_workspace.db, duo_id=_duo(demo_workspace, 1))[0].session.id
    with pytest.raises(ServiceError, match="another duo"):
        import_files(demo_workspace, _duo(demo_workspace), [qimage_file(tmp_path / "a.png")], Side.PARIS,
                     session_id=other)


def test_a_folder_imports_the_files_inside(demo_workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "sortie"
    (folder / "jour 2").mkdir(parents=True)
    qimage_file(folder / "a.png")
    qimage_file(folder / "jour 2" / "b.png", color=0x112233)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    report = import_files(demo_workspace, _duo(demo_workspace), [folder], Side.PARIS)
    assert sorted(i.original_name for i in report.imported) == ["a.png", "b.png"] and report.rejected == []


def test_camera_time_follows_the_side_that_made_the_photo(demo_workspace: Workspace, tmp_path: Path) -> None:
    """Finding 5: a Paris photo at camera time 15:20 was stored as if taken in the partner's city."""
    from dataclasses import replace
    from zoneinfo import ZoneInfo

    from classesduo.services.media import save_media

    duo = next(v for v in list_duos(demo_workspace.db) if v.partner.city == "Buenos Aires")
    taken = datetime(2026, 11, 20, 15, 20)
    plain = jpeg_with_exif(tmp_path / "sans_offset.jpg", taken, gps=False)
    stamped = jpeg_with_exif(tmp_path / "avec_offset.jpg", taken, offset="+01:00", gps=False, color=(10, 200, 30))
    import_files(demo_workspace, duo.duo.id, [plain, stamped], Side.PARTNER)  # the wrong side chosen at import
    items = {v.item.original_name: v.item for v in list_media(demo_workspace.db, duo_id=duo.duo.id)}
    buenos_aires, paris = ZoneInfo("America/Argentina/Buenos_Aires"), ZoneInfo("Europe/Paris")
    assert items["sans_offset.jpg"].taken_at == taken.replace(tzinfo=buenos_aires)
    fixed = save_media(demo_workspace.db, replace(items["sans_offset.jpg"], side=Side.PARIS), demo_workspace.media)
    assert fixed.taken_at == taken.replace(tzinfo=paris)  # 15:20 in Paris, not 19:20
    kept = save_media(demo_workspace.db, replace(items["avec_offset.jpg"], side=Side.PARIS), demo_workspace.media)
    assert kept.taken_at == taken.replace(tzinfo=paris)  # the camera's own offset (+01:00) wins either way
    assert items["avec_offset.jpg"].taken_at == kept.taken_at
