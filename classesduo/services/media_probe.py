"""Looking inside imported files: image headers and pixels (Qt), EXIF dates (Pillow).

Images are checked with :class:`QImageReader` before anything is decoded: the
header gives the size, so an "image bomb" (tiny file, absurd dimensions) is
refused without allocating its pixels. QtGui works without a QGuiApplication
for this, so the CLI uses the same code. Qt's bundled image plugins read no
HEIC; HEIC is accepted only if the installed Qt has a plugin for it.

JPEG photos are not decoded at import: even a 1/8-scale decode reads all the
compressed data (≈ 25 ms for a 12 MP photo here, most of an import's time)
and libjpeg accepts a truncated file anyway, painting the missing part grey.
Instead the marker structure is walked up to the image data (:func:`jpeg_problem`)
and the end-of-image marker must follow it, which catches the usual damage
(an interrupted copy or download). Other formats get a small scaled decode,
which proves the pixels are readable.

EXIF is read with Pillow (Qt applies the EXIF orientation but does not expose
DateTimeOriginal); Pillow opens lazily and reads only the metadata here.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO

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
    wanted = _QT_FORMATS.get(mime)
    return wanted is not None and wanted in _qt_formats()


@functools.cache
def _qt_formats() -> frozenset[bytes]:
    """The image plugins Qt found (asked once: the answer does not change while the app runs)."""
    from PySide6.QtGui import QImageReader

    return frozenset(bytes(f) for f in QImageReader.supportedImageFormats())


def image_problem(path: Path, mime: str, tail: bytes | None = None) -> str | None:
    """Why the image at ``path`` cannot be imported, or None if it is fine (``tail``: see :func:`jpeg_problem`)."""
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
    if mime == "image/jpeg":
        return jpeg_problem(path, tail)
    reader.setScaledSize(QSize(min(64, size.width()), min(64, size.height())))
    image = reader.read()
    if image.isNull():
        return translate("MediaImport", "the image is damaged ({error})").format(error=reader.errorString())
    return None


#: Start-of-frame markers (SOF0–SOF15 without DHT, JPG and DAC), start of scan, end of image.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_SOS, _EOI = 0xDA, b"\xff\xd9"
_MAX_SEGMENTS = 10_000


def jpeg_problem(path: Path, tail: bytes | None = None) -> str | None:
    """Why a JPEG is damaged, reading only its marker segments and its end; None if it is whole.

    ``tail`` is the file's last bytes when the caller has them (the import keeps them while
    copying), so the usual photo is not read again. Data after the end-of-image marker (a phone's
    "motion photo" video, a maker's trailer) is allowed: the marker need only follow the image data.
    """
    with path.open("rb") as handle:
        scan_start = _first_scan(handle)
        if scan_start is None:
            return translate("MediaImport", "the image is damaged (its header cannot be read)")
        end = handle.seek(0, 2)
        if tail is None or len(tail) > end:
            handle.seek(max(scan_start, end - 65536))
            tail = handle.read()
        tail_start = end - len(tail)
        if tail.find(_EOI, max(0, scan_start - tail_start)) >= 0:
            return None
        if tail_start > scan_start and _find_after(handle, _EOI, scan_start):
            return None
    return translate("MediaImport", "the photo is incomplete (its end is missing); copy it again from the "
                                    "camera or phone")


def _first_scan(handle: BinaryIO) -> int | None:
    """The offset where the first scan's compressed data begins, or None if the markers before it are broken."""
    if handle.read(2) != b"\xff\xd8":
        return None
    seen_frame = False
    for _ in range(_MAX_SEGMENTS):
        if handle.read(1) != b"\xff":
            return None
        marker = handle.read(1)
        while marker == b"\xff":  # fill bytes
            marker = handle.read(1)
        if not marker or marker[0] in (0xD8, 0xD9):
            return None  # the file ends (or starts again) before any image data
        if 0xD0 <= marker[0] <= 0xD7 or marker[0] == 0x01:
            continue  # markers without a length
        raw = handle.read(2)
        length = int.from_bytes(raw, "big")
        if len(raw) < 2 or length < 2:
            return None
        seen_frame = seen_frame or marker[0] in _SOF
        if marker[0] == _SOS:
            return handle.tell() + length - 2 if seen_frame else None
        handle.seek(length - 2, 1)
    return None


def _find_after(handle: BinaryIO, needle: bytes, start: int) -> bool:
    """Whether ``needle`` occurs at or after ``start``, reading 1 MiB at a time."""
    handle.seek(start)
    previous = b""
    while block := handle.read(1 << 20):
        if needle in previous[-(len(needle) - 1):] + block:
            return True
        previous = block
    return False


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


def pdf_problem(path: Path, tail: bytes | None = None) -> str | None:
    """A PDF must end with an end-of-file marker; a truncated download does not.

    ``tail`` is the file's last bytes when the caller already has them (at least 2 KB of them).
    """
    if tail is None or len(tail) < 2048:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            end = handle.tell()
            handle.seek(max(0, end - 2048))
            tail = handle.read()
    if b"%%EOF" not in tail[-2048:]:
        return translate("MediaImport", "the PDF is incomplete or damaged (no end-of-file marker)")
    return None
