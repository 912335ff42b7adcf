"""Test files made on the spot: images (with EXIF written by Pillow), bombs and broken files."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from pathlib import Path


def qimage_file(path: Path, color: int = 0x3366AA, size: tuple[int, int] = (320, 240), fmt: str = "PNG") -> Path:
    from PySide6.QtGui import QImage

    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(color)
    assert image.save(str(path), fmt)
    return path


def jpeg_with_exif(path: Path, taken: datetime, offset: str | None = None, gps: bool = True,
                   color: tuple[int, int, int] = (200, 60, 40)) -> Path:
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if offset:
        sub[0x9011] = offset
    if gps:
        info = exif.get_ifd(0x8825)
        info[1] = "N"
        info[2] = (48.0, 51.0, 24.0)
        info[3] = "E"
        info[4] = (2.0, 21.0, 7.0)
    Image.new("RGB", (64, 48), color).save(path, "JPEG", exif=exif)
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A valid PNG header claiming huge dimensions, with a tiny body: decoding it would need 40 GB."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))
    return path


def corrupt_png(path: Path) -> Path:
    """A PNG whose header is fine and whose pixel data is garbage."""
    ihdr = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"not zlib at all" * 4)
                     + _chunk(b"IEND", b""))
    return path


def fake_mp4(path: Path, size: int = 300_000) -> Path:
    """An ISO-BMFF header (ftyp isom) followed by filler: enough to be recognised, not to be played."""
    header = struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00" + b"isomiso2"
    path.write_bytes(header + b"\x00" * (size - len(header)))
    return path
