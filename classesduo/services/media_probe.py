"""Looking inside imported files: image headers and pixels (Qt), EXIF dates (Pillow).

Images are checked with :class:`QImageReader` before anything is decoded: the
header gives the size, so an "image bomb" (tiny file, absurd dimensions) is
refused without allocating its pixels. Then a small scaled decode proves the
pixels are readable. QtGui works without a QGuiApplication for this, so the
CLI uses the same code. Qt's bundled image plugins read no HEIC; HEIC is
accepted only if the installed Qt has a plugin for it.

EXIF is read with Pillow (Qt applies the EXIF orientation but does not expose
DateTimeOriginal); Pillow opens lazily and reads only the metadata here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from classesduo.domain.i18n import translate

log = logging.getLogger(__name__)

#: Larger images are refused: no camera or scanner a school owns makes them.
MAX_SIDE = 20_000
MAX_PIXELS = 120_000_000

_QT_FORMATS = {"image/jpeg": b"jpeg", "image/png": b"png", "image/gif": b"gif", "image/webp": b"webp",
               "image/tiff": b"tiff", "image/heic": b"heic"}

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132


@dataclass(frozen=True, slots=True)
class ExifDate:
    local: datetime  # naive wall-clock time as the camera wrote it
    offset: timezone | None


def qt_can_read(mime: str) -> bool:
    from PySide6.QtGui import QImageReader

    wanted = _QT_FORMATS.get(mime)
    return wanted is not None and any(bytes(f) == wanted for f in QImageReader.supportedImageFormats())


def image_problem(path: Path, mime: str) -> str | None:
    """Why the image at ``path`` cannot be imported, or None if it is fine."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImageReader

    if not qt_can_read(mime):
        if mime == "image/heic":
            return translate("MediaImport", "HEIC photos cannot be read by this version of Qt; "
                                            "export them as JPEG from the phone or computer first")
        return translate("MediaImport", "this image format cannot be read")
    reader = QImageReader(str(path), _QT_FORMATS[mime])
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return translate("MediaImport", "the image is damaged (its header cannot be read)")
    if size.width() > MAX_SIDE or size.height() > MAX_SIDE or size.width() * size.height() > MAX_PIXELS:
        return translate("MediaImport", "the image claims absurd dimensions ({width} × {height} pixels)").format(
            width=size.width(), height=size.height())
    reader.setScaledSize(QSize(min(64, size.width()), min(64, size.height())))
    image = reader.read()
    if image.isNull():
        return translate("MediaImport", "the image is damaged ({error})").format(error=reader.errorString())
    return None


def exif_date(path: Path) -> ExifDate | None:
    """DateTimeOriginal (else DateTime) and its offset, when the file has EXIF."""
    try:
        from PIL import Image

        with Image.open(path) as image:
            exif = image.getexif()
            sub = exif.get_ifd(_EXIF_IFD)
            text = sub.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
            offset_text = sub.get(_OFFSET_TIME_ORIGINAL)
    except Exception as error:  # noqa: BLE001 - metadata is optional; the image itself was checked by Qt
        log.info("no EXIF read from %s: %s", path.name, error)
        return None
    if not isinstance(text, str):
        return None
    try:
        local = datetime.strptime(text.strip().rstrip("\x00"), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return ExifDate(local, _parse_offset(offset_text))


def _parse_offset(text: object) -> timezone | None:
    if not isinstance(text, str) or len(text.strip()) != 6:
        return None
    value = text.strip()
    try:
        sign = -1 if value[0] == "-" else 1
        hours, minutes = int(value[1:3]), int(value[4:6])
    except ValueError:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def pdf_problem(path: Path) -> str | None:
    """A PDF must end with an end-of-file marker; a truncated download does not."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        end = handle.tell()
        handle.seek(max(0, end - 2048))
        tail = handle.read()
    if b"%%EOF" not in tail:
        return translate("MediaImport", "the PDF is incomplete or damaged (no end-of-file marker)")
    return None
