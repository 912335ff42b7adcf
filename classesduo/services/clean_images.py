"""The one way an image leaves the app: re-encoded from its pixels, with no metadata at all.

Every file that leaves Classes Duo — the PDF report's photos, the album, a bundle's
images — goes through :func:`clean_image` or :func:`clean_jpeg`. The image is decoded
(EXIF rotation applied), its pixels are painted onto a blank :class:`QImage` (which
carries no text keys), and that is what is drawn or saved. So no EXIF (author,
camera serial, GPS), XMP, IPTC, PNG text chunk or JPEG comment of the original
survives: Qt would otherwise write a decoded image's text keys back as JPEG
comments. The original file stays untouched in the local media folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

JPEG_QUALITY = 88

#: The resolution written into every image the app makes (96 dpi). A new ``QImage`` otherwise takes the
#: screen's resolution when a GUI application exists and 100 dpi when none does, so the same photo
#: cleaned by the window and by the CLI gave different bytes (another hash, another file in a bundle).
DOTS_PER_METER = 3780


def new_image(width: int, height: int) -> QImage:
    """A blank RGB32 image with the app's fixed resolution, the same with or without a GUI."""
    from PySide6.QtGui import QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(DOTS_PER_METER)
    image.setDotsPerMeterY(DOTS_PER_METER)
    return image


def clean_image(source: Path, longest: int | None = None) -> QImage | None:
    """The image's pixels only (no text keys), at most ``longest`` pixels on a side; None if unreadable."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QColor, QImageReader, QPainter

    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None
    if longest is not None and max(size.width(), size.height()) > longest:
        reader.setScaledSize(size.scaled(QSize(longest, longest), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    clean = new_image(image.width(), image.height())
    clean.fill(QColor("white"))  # transparent areas become white, as on paper
    painter = QPainter(clean)
    painter.drawImage(0, 0, image)
    painter.end()
    return clean


def clean_jpeg(source: Path, longest: int | None = None) -> bytes | None:
    """The image as a JPEG file with no metadata; None if it cannot be read."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = clean_image(source, longest)
    if image is None:
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", JPEG_QUALITY)
    buffer.close()
    return bytes(data.data())


def clean_image_file(source: Path) -> tuple[bytes, str, str] | None:
    """A full-size copy without metadata: (bytes, suffix, MIME type). JPEG stays JPEG; others become PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = clean_image(source)
    if image is None:
        return None
    jpeg = source.suffix.lower() in (".jpg", ".jpeg")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG" if jpeg else "PNG", JPEG_QUALITY if jpeg else -1)
    buffer.close()
    return bytes(data.data()), ".jpg" if jpeg else ".png", "image/jpeg" if jpeg else "image/png"
