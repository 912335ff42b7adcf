"""Issue 18, findings 7 and 8: the contract gaps and leftovers."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from classesduo.cli import main
from classesduo.services.bundle_format import BundleError
from classesduo.services.bundles import export_bundle, import_bundle
from classesduo.services.workspace import Workspace
from classesduo.storage.backups import list_backups
from tests.media_files import png_with_metadata


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_onto_the_live_database_is_refused(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    database = data_dir / "classesduo.sqlite3"
    before = database.read_bytes()
    for target in (database, data_dir / "classesduo.sqlite3-wal"):
        code, _, err = run(capsys, "--data-dir", str(data_dir), "backup", "-o", str(target))
        assert code == 2 and "live database" in err
    assert database.read_bytes() == before


def test_output_into_a_missing_folder_is_refused(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                 tmp_path: Path) -> None:
    for command in (("backup", "-o"), ("bundle", "export", "-o")):
        code, _, err = run(capsys, "--data-dir", str(data_dir), *command, str(tmp_path / "typo" / "x.zip"))
        assert code == 2 and "does not exist" in err
    assert not (tmp_path / "typo").exists()


def test_a_bundle_with_an_extra_entry_is_refused_and_takes_no_backup(demo_workspace: Workspace,
                                                                     workspace: Workspace, tmp_path: Path) -> None:
    bundle = tmp_path / "b.zip"
    export_bundle(demo_workspace, bundle)
    extra = tmp_path / "extra.zip"
    shutil.copy(bundle, extra)
    with zipfile.ZipFile(extra, "a") as archive:
        archive.writestr("media/ab/" + "ab" * 32 + ".png", b"smuggled")
    with pytest.raises(BundleError, match="not used by any media_item"):
        import_bundle(workspace, extra)
    assert list_backups(workspace.paths.backups_dir) == []


def test_a_refused_import_leaves_no_backup_and_rotation_drops_nothing(demo_workspace: Workspace,
                                                                      workspace: Workspace, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from classesduo.services import bundles

    bundle = tmp_path / "b.zip"
    export_bundle(demo_workspace, bundle)

    def refuse(*_args: object) -> None:
        raise BundleError("refused inside the transaction")

    monkeypatch.setattr(bundles, "_upsert", refuse)
    with pytest.raises(BundleError):
        import_bundle(workspace, bundle)
    assert list_backups(workspace.paths.backups_dir) == []


def test_a_newline_in_a_file_name_cannot_forge_a_line_of_output(capsys: pytest.CaptureFixture[str],
                                                                demo_dir: Path, tmp_path: Path) -> None:
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    duo = json.loads(out)[0]["id"]
    source = tmp_path / "in"
    source.mkdir()
    (source / "ok.png\nimported  forged-id  photo    evil.png").write_bytes(png_with_metadata())
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "media", "import", duo, str(source))
    assert code == 0, err
    assert "forged-id" in out and not any(line.startswith("imported  forged-id") for line in out.splitlines())
    assert "ok.png\ufffdimported  forged-id" in out  # stored and shown on one line


def test_check_counts_missing_files_instead_of_listing_each(capsys: pytest.CaptureFixture[str],
                                                            demo_dir: Path) -> None:
    shutil.rmtree(demo_dir / "media")
    (demo_dir / "media").mkdir()
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "check")
    assert code == 1
    assert err.count("file missing") <= 10 and "20 in all" in err and "20 media files missing" in err


def test_cli_restore_and_erase_refuse_while_a_window_is_open(capsys: pytest.CaptureFixture[str],
                                                             demo_dir: Path) -> None:
    from PySide6 import QtCore

    assert run(capsys, "--data-dir", str(demo_dir), "backup")[0] == 0
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    duo = json.loads(out)[0]["id"]
    window = QtCore.QLockFile(str(demo_dir / "classesduo.lock"))
    assert window.tryLock(100)
    try:
        from tests.edges.cli_run import run_cli

        result = run_cli("--data-dir", str(demo_dir), "restore", "--latest")
        assert result.returncode == 2 and "close its window" in result.stderr, result.stderr
        result = run_cli("--data-dir", str(demo_dir), "erase", "duo", duo, "--yes")
        assert result.returncode == 2 and "close its window" in result.stderr, result.stderr
    finally:
        window.unlock()
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    assert duo in out


def test_names_with_bidi_overrides_are_refused_or_neutralised(demo_workspace: Workspace, tmp_path: Path) -> None:
    from classesduo.domain.text import neutralised_name
    from classesduo.domain.validation import validate_facilitator
    from classesduo.services.bundle_format import validate_manifest
    from classesduo.domain.entities import Facilitator

    errors = validate_facilitator(Facilitator(name="Ana\u202eilsrep", email="", languages=["fr"]))
    assert [error.field for error in errors] == ["name"]
    assert neutralised_name("photo\u202egnp.exe") == "photo\ufffdgnp.exe"
    bundle = tmp_path / "b.zip"
    export_bundle(demo_workspace, bundle)
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["tables"]["school"][0]["name"] = "\u202eevil"
    with pytest.raises(BundleError, match="override"):
        validate_manifest(manifest)


def test_report_and_album_outputs_create_no_missing_folders(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                                            tmp_path: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "report", "--term", "2026-2027/1", "-o",
                       str(tmp_path / "typo" / "report.csv"))
    assert code == 2 and "does not exist" in err
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    duo = json.loads(out)[0]["id"]
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "media", "album", duo, "--term", "2026-2027/1", "-o",
                       str(tmp_path / "typo" / "album"))
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "typo").exists()


def test_the_backup_service_refuses_the_live_database_whoever_calls_it(workspace) -> None:  # noqa: ANN001
    """The refusal lives in the backup service, not only in the CLI command that calls it."""
    from classesduo.services.backups import backup_now
    from classesduo.services.errors import ServiceError

    database = workspace.paths.data_dir / "classesduo.sqlite3"
    before = database.read_bytes()
    for target in (database, database.with_name(database.name + "-shm")):
        with pytest.raises(ServiceError, match="live database"):
            backup_now(workspace, target=target)
    assert database.read_bytes() == before
