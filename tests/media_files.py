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


# What a parent's or photographer's file may carry, and what must never leave the app.
SECRETS = ("ArtistParentDupont", "SERIALXYZ123", "RueSecrete12", "XmpCreatorMartin", "PngAuthorBernard",
           "PngCommentGps", "PngXmpCreator", "IptcBylineDurand")


def jpeg_with_metadata(color: tuple[int, int, int] = (200, 60, 40)) -> bytes:
    """A JPEG with EXIF (artist, serial, GPS), an XMP packet, an IPTC block and a comment naming an address."""
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "ArtistParentDupont"  # Artist
    exif[0x010F] = "TestCam"  # Make
    exif.get_ifd(0x8769)[0xA431] = "SERIALXYZ123"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (48.0, 51.0, 24.0), "E", (2.0, 21.0, 7.0)
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XmpCreatorMartin</dc:creator>'
           b'</rdf:Description></rdf:RDF></x:xmpmeta>')
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, "JPEG", exif=exif, xmp=xmp,
                                           comment=b"GPS 48.8566 2.3522 RueSecrete12")
    data = buffer.getvalue()
    # An APP13 Photoshop/IPTC block with a by-line (2:80), inserted after SOI.
    iptc = b"\x1c\x02\x50" + struct.pack(">H", 16) + b"IptcBylineDurand"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    app13 = b"Photoshop 3.0\x00" + resource
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(app13) + 2) + app13 + data[2:]


def png_with_metadata(color: tuple[int, int, int] = (20, 160, 40)) -> bytes:
    """A PNG with tEXt (author, a comment with GPS) and an iTXt XMP packet."""
    import io

    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "PngAuthorBernard")
    info.add_text("Comment", "PngCommentGps 48.8566 2.3522")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>PngXmpCreator</x:xmpmeta>")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def assert_no_metadata(data: bytes) -> None:
    """Neither the bytes nor Pillow's reading of them hold any of :data:`SECRETS` or any metadata block."""
    import io

    from PIL import Image

    for secret in SECRETS:
        assert secret.encode() not in data, secret
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif(), image.getexif()
        leftovers = {key for key in image.info if key in ("exif", "xmp", "comment", "photoshop", "icc_profile")
                     or key[:1].isupper() or key.startswith("XML")}
        assert not leftovers, leftovers
        assert not getattr(image, "text", {}), image.text
        assert not [marker for marker, *_ in getattr(image, "applist", []) if marker in ("APP1", "APP13")]
