"""JPEG checks without decoding: marker walk up to the image data, end-of-image marker after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from classesduo.domain.enums import Side
from classesduo.services import media_probe
from classesduo.services.duos import list_duos
from classesduo.services.media_import import import_files
from classesduo.services.workspace import Workspace


def _photo(path: Path, size: tuple[int, int] = (640, 480), progressive: bool = False) -> Path:
    """A JPEG with real compressed data (noise compresses badly) and EXIF."""
    from PIL import Image

    image = Image.effect_noise(size, 80).convert("RGB")
    exif = Image.Exif()
    exif[0x0132] = "2026:10:05 14:30:00"
    image.save(path, "JPEG", quality=90, exif=exif, progressive=progressive)
    return path


@pytest.mark.parametrize("progressive", [False, True])
def test_a_whole_jpeg_passes_without_being_decoded(tmp_path: Path, progressive: bool) -> None:
    photo = _photo(tmp_path / "p.jpg", progressive=progressive)
    assert media_probe.image_problem(photo, "image/jpeg") is None
    assert media_probe.image_problem(photo, "image/jpeg", photo.read_bytes()[-65536:]) is None


def test_a_jpeg_with_data_after_its_end_passes(tmp_path: Path) -> None:
    """A phone's "motion photo" appends a video after the end-of-image marker: that is a whole photo."""
    photo = _photo(tmp_path / "motion.jpg")
    photo.write_bytes(photo.read_bytes() + b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 1024)
    tail = photo.read_bytes()[-65536:]
    assert b"\xff\xd9" not in tail
    assert media_probe.image_problem(photo, "image/jpeg", tail) is None


@pytest.mark.parametrize("damage", ["cut in half", "cut before the end marker", "second half zeroed"])
def test_an_incomplete_jpeg_is_refused(tmp_path: Path, damage: str) -> None:
    """libjpeg (and so Qt) would decode these, painting the missing part grey; an import refuses them."""
    photo = _photo(tmp_path / "p.jpg")
    data = photo.read_bytes()
    if damage == "cut in half":
        data = data[: len(data) // 2]
    elif damage == "cut before the end marker":
        data = data[:-2]
    else:
        data = data[: len(data) // 2] + bytes(len(data) - len(data) // 2)
    photo.write_bytes(data)
    problem = media_probe.image_problem(photo, "image/jpeg")
    assert problem is not None and "incomplete" in problem


@pytest.mark.qt_log_ignore("jpeg", "JPEG", "Corrupt", "Invalid")
def test_a_jpeg_whose_markers_are_broken_is_refused(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "p.jpg")
    data = photo.read_bytes()
    start_of_scan = data.index(b"\xff\xda")
    photo.write_bytes(data[:start_of_scan] + b"\x00\x00" + data[start_of_scan:])  # garbage between segments
    problem = media_probe.image_problem(photo, "image/jpeg")
    assert problem is not None and "damaged" in problem
    assert media_probe.jpeg_problem(photo) == problem  # the marker walk, whatever libjpeg tolerates
    only_markers = tmp_path / "markers.jpg"
    only_markers.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
    assert media_probe.jpeg_problem(only_markers) is not None


def test_the_import_names_an_incomplete_photo_and_keeps_the_good_ones(demo_workspace: Workspace,
                                                                    tmp_path: Path) -> None:
    good = _photo(tmp_path / "entier.jpg")
    cut = _photo(tmp_path / "coupé.jpg", size=(800, 600))
    cut.write_bytes(cut.read_bytes()[:-5000])
    report = import_files(demo_workspace, list_duos(demo_workspace.db)[0].duo.id, [cut, good], Side.PARIS)
    assert [i.original_name for i in report.imported] == ["entier.jpg"]
    assert [name for name, _ in report.rejected] == ["coupé.jpg"] and "incomplete" in report.rejected[0][1]


def test_the_import_decodes_no_jpeg_pixels(demo_workspace: Workspace, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoding even at 1/8 scale reads all of a photo's compressed data: the import only reads headers."""
    from PySide6 import QtGui

    from tests.media_files import qimage_file

    decoded: list[bytes] = []

    class Reader(QtGui.QImageReader):
        def read(self) -> QtGui.QImage:  # type: ignore[override]
            decoded.append(bytes(self.format()))
            return super().read()

    monkeypatch.setattr(QtGui, "QImageReader", Reader)
    files = [_photo(tmp_path / "photo.jpg"), qimage_file(tmp_path / "drawing.png")]
    report = import_files(demo_workspace, list_duos(demo_workspace.db)[0].duo.id, files, Side.PARIS)
    assert len(report.imported) == 2
    assert decoded == [b"png"]  # other formats still get their small decode
