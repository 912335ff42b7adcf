"""What a file is, from its first bytes (and its extension only where bytes cannot tell).

No Qt here: this decides the media kind, MIME type and stored suffix of an
imported file. Containers that share a signature (ZIP for .docx/.odt, ISO BMFF
for MP4/MOV/HEIC/M4A) are told apart by their brand or extension.
"""

from __future__ import annotations

from dataclasses import dataclass

from classesduo.domain.enums import MediaKind

#: Bytes read from the start of a file to recognise it.
HEADER_BYTES = 64


@dataclass(frozen=True, slots=True)
class FileType:
    kind: MediaKind
    mime: str
    suffix: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"}
_MOV_BRANDS = {b"qt  "}
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_TEXT_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".csv": "text/csv"}
_ZIP_DOCUMENTS = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}


def sniff(header: bytes, extension: str = "") -> FileType | None:
    """The type of a file whose first bytes are ``header``, or None if it is not one we accept."""
    ext = extension.lower()
    if header.startswith(b"\xff\xd8\xff"):
        return FileType(MediaKind.PHOTO, "image/jpeg", ".jpg")
    if header.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType(MediaKind.PHOTO, "image/png", ".png")
    if header.startswith((b"GIF87a", b"GIF89a")):
        return FileType(MediaKind.PHOTO, "image/gif", ".gif")
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return FileType(MediaKind.PHOTO, "image/webp", ".webp")
    if header.startswith((b"II*\x00", b"MM\x00*")):
        return FileType(MediaKind.DRAWING, "image/tiff", ".tif")  # scanners write TIFF
    if header[4:8] == b"ftyp":
        brand = header[8:12]
        if brand in _HEIC_BRANDS:
            return FileType(MediaKind.PHOTO, "image/heic", ".heic")
        if brand in _MOV_BRANDS:
            return FileType(MediaKind.VIDEO, "video/quicktime", ".mov")
        if brand in _AUDIO_BRANDS:
            return FileType(MediaKind.AUDIO, "audio/mp4", ".m4a")
        return FileType(MediaKind.VIDEO, "video/mp4", ".mp4")
    if header.startswith(b"\x1a\x45\xdf\xa3"):
        return FileType(MediaKind.VIDEO, "video/webm", ".webm")
    if header.startswith(b"ID3") or (len(header) > 1 and header[0] == 0xFF and header[1] & 0xE0 == 0xE0
                                     and ext in {".mp3", ""}):
        return FileType(MediaKind.AUDIO, "audio/mpeg", ".mp3")
    if header[:4] == b"RIFF" and header[8:12] == b"WAVE":
        return FileType(MediaKind.AUDIO, "audio/wav", ".wav")
    if header.startswith(b"OggS"):
        return FileType(MediaKind.AUDIO, "audio/ogg", ".ogg")
    if header.startswith(b"fLaC"):
        return FileType(MediaKind.AUDIO, "audio/flac", ".flac")
    if header.startswith(b"%PDF-"):
        return FileType(MediaKind.TEXT, "application/pdf", ".pdf")
    if header.startswith(b"PK\x03\x04") and ext in _ZIP_DOCUMENTS:
        return FileType(MediaKind.TEXT, _ZIP_DOCUMENTS[ext], ext)
    if ext in _TEXT_SUFFIXES and _looks_like_text(header):
        return FileType(MediaKind.TEXT, _TEXT_SUFFIXES[ext], ext)
    return None


def _looks_like_text(header: bytes) -> bool:
    if b"\x00" in header:
        return False
    try:
        header.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(header) - 3  # a multi-byte character cut by the header's end
    return True
