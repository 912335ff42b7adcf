"""``classesduo media``: import with a bad file among good ones, album, retention."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from classesduo.cli import main
from tests.media_files import jpeg_with_exif, qimage_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _first_duo(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> str:
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    return json.loads(out)[0]["id"]


def test_import_album_and_retention(capsys: pytest.CaptureFixture[str], demo_dir: Path, tmp_path: Path) -> None:
    duo = _first_duo(capsys, demo_dir)
    good = jpeg_with_exif(tmp_path / "photo.jpg", datetime(2026, 10, 5, 10, 0))
    empty = tmp_path / "vide.png"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "media", "import", duo, str(good), str(empty),
                         str(good), "--side", "partner")
    assert code == 2
    assert "imported" in out and "photo.jpg" in out and "duplicate photo.jpg: already in this duo" in out
    assert "vide.png: the file is empty" in err and "Traceback" not in err

    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "media", "album", duo, "--term", "2026-2027/1",
                       "-o", str(tmp_path / "album"), "--on", "2026-11-28")
    assert code == 0 and (tmp_path / "album" / "index.html").is_file()
    assert "not cleared for publication" in out  # the new photo's consent is still unknown

    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "media", "retention", "--today", "2028-08-01")
    assert code == 0 and duo in out and "--erase" in out
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "media", "retention", "--today", "2028-08-01", "--erase")
    assert code == 0 and "erased" in out
    assert not [p for p in (demo_dir / "media").rglob("*") if p.is_file()]


def test_bad_term_is_a_one_line_error(capsys: pytest.CaptureFixture[str], demo_dir: Path, tmp_path: Path) -> None:
    duo = _first_duo(capsys, demo_dir)
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "media", "album", duo, "--term", "2026/4",
                       "-o", str(tmp_path / "a"))
    assert code == 2 and "not a term" in err and len(err.strip().splitlines()) == 1


def test_unknown_duo(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "media", "import", "nope",
                       str(qimage_file(tmp_path / "a.png")))
    assert code == 2 and "nope" in err


@pytest.mark.parametrize(("lang", "title_word"), [("fr", "trimestre"), ("en", "term")])
def test_the_album_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str], demo_dir: Path, tmp_path: Path,
                                            lang: str, title_word: str) -> None:
    """The CLI album had an English title under lang="fr" and no way to choose: --lang, like reports."""
    import re

    duo = _first_duo(capsys, demo_dir)
    code, _, _ = run(capsys, "--data-dir", str(demo_dir), "media", "album", duo, "--term", "2026-2027/1",
                     "-o", str(tmp_path / "album"), "--on", "2026-11-28", "--lang", lang)
    page = (tmp_path / "album" / "index.html").read_text(encoding="utf-8")
    assert code == 0 and f'<html lang="{lang}">' in page
    title = re.search(r"<title>(.*)</title>", page).group(1)
    assert f" {title_word} 2026-2027/1" in title
