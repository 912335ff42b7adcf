"""No metadata of a parent's or photographer's file leaves the app: PDF report, album, bundle."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from classesduo.domain.enums import ConsentStatus, MediaKind, Side
from classesduo.domain.reports import ReportScope, ScopeKind
from classesduo.services.clean_images import clean_jpeg
from classesduo.services.reports.data import build_report
from classesduo.services.reports.export import write_report
from classesduo.storage.models import MediaItemRow
from tests.media_files import assert_no_metadata, jpeg_with_metadata, png_with_metadata
from tests.services.report_fixture import AS_OF, build_fixture
from tests.services.test_report_formats import TERM


def test_the_test_images_do_carry_metadata(tmp_path: Path) -> None:
    import pytest

    for data in (jpeg_with_metadata(), png_with_metadata()):
        with pytest.raises(AssertionError):
            assert_no_metadata(data)


def test_clean_jpeg_keeps_pixels_and_nothing_else(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    for name, data in (("a.jpg", jpeg_with_metadata()), ("b.png", png_with_metadata())):
        (tmp_path / name).write_bytes(data)
        clean = clean_jpeg(tmp_path / name)
        assert clean is not None and clean.startswith(b"\xff\xd8")
        assert_no_metadata(clean)


def test_one_duo_pdf_images_carry_no_metadata(qapp, tmp_path: Path, workspace) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    ids = build_fixture(workspace, png_with_metadata())
    file_hash, stored = workspace.media.store_bytes(jpeg_with_metadata(), ".jpg")
    with workspace.db.transaction() as s:
        s.add(MediaItemRow(duo_id=ids.d1, kind=MediaKind.PHOTO, file_hash=file_hash, stored_name=stored,
                           original_name="parent.jpg", side=Side.PARIS, caption="Photo parent",
                           taken_at=datetime(2026, 9, 20, 10, tzinfo=UTC), consent_exchange=ConsentStatus.GRANTED,
                           consent_publication=ConsentStatus.GRANTED, consent_reports=ConsentStatus.GRANTED))
    report = build_report(workspace.db, TERM, ReportScope(ScopeKind.DUO, ids.d1), as_of=AS_OF,
                          media_root=workspace.media.root)
    assert len(report.photos) == 2
    path = tmp_path / "duo.pdf"
    write_report(report, path, "en")
    images = [image for page in PdfReader(path).pages for image in page.images]
    assert len(images) == 2
    for image in images:
        assert_no_metadata(image.data)
        assert not image.image.info.get("comment")


_HEADLESS = """
import hashlib, sys
from pathlib import Path
from classesduo.services.clean_images import clean_image_file, clean_jpeg
from classesduo.services.demo_images import draw_picture
source = Path(sys.argv[1])
print(hashlib.sha256(draw_picture(3)).hexdigest(), hashlib.sha256(clean_image_file(source)[0]).hexdigest(),
      hashlib.sha256(clean_jpeg(source)).hexdigest())
"""


def test_the_window_and_the_cli_make_the_same_bytes_of_the_same_image(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    """A new QImage takes the screen's resolution once a GUI application exists (100 dpi without one): a
    photo cleaned by the window and by the CLI differed in its resolution chunk, so in its hash."""
    import hashlib
    import os
    import subprocess
    import sys

    from classesduo.services.clean_images import clean_image_file
    from classesduo.services.demo_images import draw_picture

    source = tmp_path / "photo.jpg"
    source.write_bytes(jpeg_with_metadata())
    headless = subprocess.run([sys.executable, "-c", _HEADLESS, str(source)], check=True, capture_output=True,
                              text=True, cwd=Path(__file__).parents[2],
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}).stdout.split()
    with_window = [hashlib.sha256(data).hexdigest()
                   for data in (draw_picture(3), clean_image_file(source)[0], clean_jpeg(source))]
    assert with_window == headless
