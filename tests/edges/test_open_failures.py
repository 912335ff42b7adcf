"""Issue 18, findings 5 and 6: every failure while opening the data or reading an archive is one line on stderr
and exit status 2 (the traceback only in the log), with a sentence that does not mislead."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.edges.cli_run import ROOT, run_cli


def _one_line(result) -> str:  # noqa: ANN001 - a CompletedProcess
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("classesduo: error: ")
    return result.stderr


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql+psycopg://user@:notaport/x", "not a database URL"),
    ("nosuchdb+driver://x/y", "Unknown database driver"),
    ("sqlite:////no/such/folder/db.sqlite3", "does not exist"),
    ("postgresql+psycopg://classesduo:secret@127.0.0.1:1/classesduo", "cannot be reached"),
])
def test_a_bad_database_url_is_one_line(tmp_path: Path, url: str, expected: str) -> None:
    error = _one_line(run_cli("--data-dir", str(tmp_path / "d"), "--db-url", url, "list", "schools"))
    assert expected in error and "secret" not in error


def test_postgresql_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "psycopg.py").write_text("raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n")
    import os

    result = run_cli("--data-dir", str(tmp_path / "d"), "--db-url", "postgresql+psycopg://u@localhost/x", "list",
                     "schools", env={"PYTHONPATH": f"{ROOT}{os.pathsep}{blocker}"})
    assert "classesduo[postgres]" in _one_line(result)


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert "not a folder" in _one_line(run_cli("--data-dir", str(plain), "list", "schools"))


def test_a_newer_schema_is_one_line(data_dir: Path) -> None:
    connection = sqlite3.connect(data_dir / "classesduo.sqlite3")
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    error = _one_line(run_cli("--data-dir", str(data_dir), "list", "schools"))
    assert "newer Classes Duo" in error and "9999_future" in error


def _bundle(demo_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "b.zip"
    assert run_cli("--data-dir", str(demo_dir), "bundle", "export", "-o", str(target)).returncode == 0
    return target


def test_a_damaged_zip_is_one_line_and_exit_2(demo_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    bundle = _bundle(demo_dir, tmp_path)
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as archive:
        media = next(info for info in archive.infolist() if info.filename.startswith("media/"))
    start = media.header_offset + 30 + len(media.filename.encode()) + len(media.extra) + 10
    data[start] ^= 0xFF  # a flipped byte in a stored media file: its CRC no longer matches
    bad_crc = tmp_path / "bad-crc.zip"
    bad_crc.write_bytes(bytes(data))
    error = _one_line(run_cli("--data-dir", str(data_dir), "bundle", "import", str(bad_crc)))
    assert "damaged" in error
    assert not list((data_dir / "backups").glob("*before-import*"))  # a refused import takes no backup


def test_a_zip_with_lying_sizes_is_one_line_and_exit_2(demo_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    bundle = _bundle(demo_dir, tmp_path)
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.getinfo("manifest.json")
    lying = (manifest.file_size // 2).to_bytes(4, "little")  # the sizes say half of what the data holds
    position = 0
    while (position := data.find(b"PK\x01\x02", position + 1)) >= 0:  # central directory records
        length = int.from_bytes(data[position + 28:position + 30], "little")
        if data[position + 46:position + 46 + length] == b"manifest.json":
            data[position + 24:position + 28] = lying
    data[manifest.header_offset + 22:manifest.header_offset + 26] = lying
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bytes(data))
    assert "damaged" in _one_line(run_cli("--data-dir", str(data_dir), "bundle", "import", str(liar)))
