"""Album export: consent gates every item, images lose their EXIF/GPS, the page escapes text."""

from __future__ import annotations

import html.parser
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from classesduo.domain.enums import ConsentStatus, Side
from classesduo.services.duos import list_duos
from classesduo.services.errors import ServiceError
from classesduo.services.media import save_media
from classesduo.services.media_album import export_album
from classesduo.services.media_import import import_files
from classesduo.services.workspace import Workspace
from tests.media_files import fake_mp4, jpeg_with_exif

ON = date(2026, 11, 28)


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in ("src", "href") and value]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _empty_duo(workspace: Workspace) -> str:
    """A demo duo without demo drawings, so the album holds only this test's items."""
    from classesduo.services.media import list_media

    for view in list_duos(workspace.db):
        if not list_media(workspace.db, view.duo.id):
            return view.duo.id
    raise AssertionError("every demo duo has media")


def _import(workspace: Workspace, duo: str, path: Path, publication: ConsentStatus,
            until: date = date(2027, 7, 31), caption: str = "") -> str:
    item = import_files(workspace, duo, [path], Side.PARIS).imported[0]
    saved = save_media(workspace.db, replace(item, consent_publication=publication, consent_until=until,
                                             caption=caption, caption_partner="Foto del parque"))
    return saved.file_hash


def test_only_items_cleared_for_publication_reach_the_album(demo_workspace: Workspace, tmp_path: Path) -> None:
    duo = _empty_duo(demo_workspace)
    taken = datetime(2026, 10, 5, 10, 0)
    granted = _import(demo_workspace, duo, jpeg_with_exif(tmp_path / "ok.jpg", taken, color=(1, 2, 3)),
                      ConsentStatus.GRANTED, caption="Le <parc> & nous")
    refused = _import(demo_workspace, duo, jpeg_with_exif(tmp_path / "no.jpg", taken, color=(4, 5, 6)),
                      ConsentStatus.REFUSED)
    unknown = _import(demo_workspace, duo, jpeg_with_exif(tmp_path / "unk.jpg", taken, color=(7, 8, 9)),
                      ConsentStatus.UNKNOWN)
    expired = _import(demo_workspace, duo, jpeg_with_exif(tmp_path / "old.jpg", taken, color=(9, 9, 9)),
                      ConsentStatus.GRANTED, until=date(2026, 11, 1))
    later = _import(demo_workspace, duo, jpeg_with_exif(tmp_path / "t2.jpg", datetime(2027, 2, 1, 10), color=(0, 0, 1)),
                    ConsentStatus.GRANTED)
    video = _import(demo_workspace, duo, fake_mp4(tmp_path / "chant.mp4"), ConsentStatus.GRANTED)
    folder = tmp_path / "album"

    report = export_album(demo_workspace, duo, "2026-2027/1", folder, on=ON)

    exported = {p.name for p in folder.rglob("*") if p.is_file()}
    assert f"{granted}.jpg" in exported and any(name.startswith(video) for name in exported)
    for left_out in (refused, unknown, expired, later):
        assert not any(left_out in name for name in exported)
    assert report.included == 2 and report.left_out_consent == 3
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Le &lt;parc&gt; &amp; nous" in page and "Foto del parque" in page
    parser = _Links()
    parser.feed(page)
    assert parser.links and all(not link.startswith(("/", "http")) for link in parser.links)
    assert all((folder / link).is_file() for link in parser.links)


def test_exported_images_carry_no_exif_or_gps(demo_workspace: Workspace, tmp_path: Path) -> None:
    from PIL import Image

    duo = _empty_duo(demo_workspace)
    source = jpeg_with_exif(tmp_path / "gps.jpg", datetime(2026, 10, 5, 10, 0))
    with Image.open(source) as original:
        assert original.getexif().get_ifd(0x8825)  # the test image really has GPS data
    digest = _import(demo_workspace, duo, source, ConsentStatus.GRANTED)
    export_album(demo_workspace, duo, "2026-2027/1", tmp_path / "album", on=ON)
    for path in (tmp_path / "album" / "images" / f"{digest}.jpg", tmp_path / "album" / "thumbs" / f"{digest}.jpg"):
        data = path.read_bytes()
        assert b"Exif" not in data and b"TestCam" not in data
        with Image.open(path) as exported:
            assert len(exported.getexif()) == 0 and "exif" not in exported.info


def test_refuses_a_folder_that_holds_something_else(demo_workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.odt").write_text("precious")
    with pytest.raises(ServiceError, match="not empty"):
        export_album(demo_workspace, _empty_duo(demo_workspace), "2026-2027/1", folder, on=ON)
    assert (folder / "thesis.odt").read_text() == "precious"


def test_cancel_leaves_no_album(demo_workspace: Workspace, tmp_path: Path) -> None:
    from classesduo.services.media_album import AlbumCancelled

    duo = _empty_duo(demo_workspace)
    _import(demo_workspace, duo, jpeg_with_exif(tmp_path / "a.jpg", datetime(2026, 10, 5)), ConsentStatus.GRANTED)
    with pytest.raises(AlbumCancelled):
        export_album(demo_workspace, duo, "2026-2027/1", tmp_path / "out" / "album", on=ON,
                     cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []
