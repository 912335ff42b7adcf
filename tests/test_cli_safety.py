"""The data-safety commands: backup, restore, check, bundle, erase; a damaged database exits non-zero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classesduo.cli import main
from classesduo.storage.backups import integrity_problems, list_backups


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_to_a_file_and_to_the_folder(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                            tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "backup", "-o", str(tmp_path / "mine.sqlite3"))
    assert code == 0 and "checked" in out and integrity_problems(tmp_path / "mine.sqlite3") == []
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "backup")
    assert code == 0 and len(list_backups(demo_dir / "backups")) == 1
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "backup", "--list")
    assert code == 0 and "manual" in out


def test_damaged_database_exits_non_zero_then_restore_latest(capsys: pytest.CaptureFixture[str],
                                                             demo_dir: Path) -> None:
    assert run(capsys, "--data-dir", str(demo_dir), "backup")[0] == 0
    database = demo_dir / "classesduo.sqlite3"
    for companion in ("-wal", "-shm"):
        (demo_dir / f"classesduo.sqlite3{companion}").unlink(missing_ok=True)
    database.write_bytes(database.read_bytes()[:5000])
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "list", "duos")
    assert code == 2 and "damaged" in err and "restore" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "restore", "--latest")
    assert code == 0 and "damaged database was kept" in out
    assert len(list(demo_dir.glob("classesduo.sqlite3.damaged-*"))) == 1
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    assert code == 0 and len(json.loads(out)) == 12


def test_restore_refuses_a_file_that_is_not_a_backup(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                     tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 100)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(junk))
    assert code == 2 and "cannot be restored" in err


def test_check_finds_a_tampered_media_file(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "check")
    assert code == 0 and "20 media files" in out
    victim = next((demo_dir / "media").rglob("*.png"))
    victim.write_bytes(victim.read_bytes() + b"x")
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "check")
    assert code == 1 and "does not match its hash" in err


def test_bundle_export_import_and_erase(capsys: pytest.CaptureFixture[str], demo_dir: Path, data_dir: Path,
                                        tmp_path: Path) -> None:
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    duo = json.loads(out)[0]["id"]
    bundle = tmp_path / "one.zip"
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "bundle", "export", "-o", str(bundle), "--duo", duo)
    assert code == 0 and "1 duo" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "bundle", "import", str(bundle))
    assert code == 0 and "added" in out and "1 duo" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "bundle", "import", str(bundle))
    assert code == 0 and "added: none" in out
    code, _, err = run(capsys, "--data-dir", str(data_dir), "erase", "duo", duo)
    assert code == 2 and "--yes" in err  # not a terminal: no silent erase
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "erase", "duo", duo, "--yes")
    assert code == 0 and "Erased" in out
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "duos", "--json")
    assert json.loads(out) == []
