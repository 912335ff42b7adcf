from __future__ import annotations

import pytest

from classesduo.domain.enums import MediaKind
from classesduo.domain.media_types import sniff


@pytest.mark.parametrize(("header", "ext", "kind", "mime"), [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", ".png", MediaKind.PHOTO, "image/jpeg"),  # bytes win over the extension
    (b"\x89PNG\r\n\x1a\n\x00\x00", ".jpg", MediaKind.PHOTO, "image/png"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00", ".heic", MediaKind.PHOTO, "image/heic"),
    (b"\x00\x00\x00\x18ftypisom\x00\x00", ".mp4", MediaKind.VIDEO, "video/mp4"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00", ".mov", MediaKind.VIDEO, "video/quicktime"),
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", ".webm", MediaKind.VIDEO, "video/webm"),
    (b"ID3\x04\x00\x00\x00", ".mp3", MediaKind.AUDIO, "audio/mpeg"),
    (b"RIFF\x24\x00\x00\x00WAVEfmt ", ".wav", MediaKind.AUDIO, "audio/wav"),
    (b"%PDF-1.7\n", ".pdf", MediaKind.TEXT, "application/pdf"),
    ("Bonjour à tous".encode(), ".txt", MediaKind.TEXT, "text/plain"),
    (b"II*\x00\x08\x00\x00\x00", ".tif", MediaKind.DRAWING, "image/tiff"),
])
def test_sniff_recognises_accepted_types(header: bytes, ext: str, kind: MediaKind, mime: str) -> None:
    found = sniff(header, ext)
    assert found is not None and (found.kind, found.mime) == (kind, mime)


@pytest.mark.parametrize(("header", "ext"), [
    (b"MZ\x90\x00\x03", ".exe"),
    (b"hello\x00world", ".txt"),  # a NUL byte: not text
    (b"PK\x03\x04\x14\x00", ".zip"),
    (b"\x00\x00\x00\x00", ".jpg"),  # the extension alone proves nothing
])
def test_sniff_refuses_the_rest(header: bytes, ext: str) -> None:
    assert sniff(header, ext) is None
