"""Bundles carry only media whose exchange consent is valid on the export day, as copies without metadata."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from classesduo.domain.enums import ConsentStatus, MediaKind, Side
from classesduo.services.bundles import export_bundle, import_bundle, uncleared_media
from classesduo.services.workspace import Workspace
from classesduo.storage.models import MediaItemRow
from tests.media_files import assert_no_metadata, jpeg_with_metadata, png_with_metadata

ON = date(2026, 12, 2)


def _add(workspace: Workspace, duo_id: str, name: str, data: bytes, suffix: str, exchange: ConsentStatus,
         until: date | None = None) -> str:
    file_hash, stored = workspace.media.store_bytes(data, suffix)
    row = MediaItemRow(duo_id=duo_id, kind=MediaKind.PHOTO, file_hash=file_hash, stored_name=stored,
                       original_name=name, side=Side.PARIS, consent_exchange=exchange,
                       consent_publication=ConsentStatus.GRANTED, consent_reports=ConsentStatus.GRANTED,
                       consent_until=until, size_bytes=len(data))
    with workspace.db.transaction() as s:
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def items(demo_workspace: Workspace) -> dict[str, str]:
    return _mark(demo_workspace)


def _mark(demo_workspace: Workspace) -> dict[str, str]:
    """A demo duo with no media of its own gets one cleared item and three uncleared ones."""
    from classesduo.services.duos import list_duos
    from classesduo.services.media import list_media

    workspace = demo_workspace
    duo = next(view.duo.id for view in list_duos(workspace.db) if not list_media(workspace.db, view.duo.id))
    return {"duo": duo,
            "ok": _add(workspace, duo, "ok.jpg", jpeg_with_metadata(), ".jpg", ConsentStatus.GRANTED),
            "refused": _add(workspace, duo, "refused.jpg", jpeg_with_metadata((1, 2, 3)), ".jpg",
                            ConsentStatus.REFUSED),
            "unknown": _add(workspace, duo, "unknown.png", png_with_metadata((4, 5, 6)), ".png",
                            ConsentStatus.UNKNOWN),
            "expired": _add(workspace, duo, "expired.jpg", jpeg_with_metadata((7, 8, 9)), ".jpg",
                            ConsentStatus.GRANTED, until=date(2026, 11, 30))}


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def test_uncleared_media_are_left_out_and_listed(items: dict[str, str], demo_workspace: Workspace,
                                                 tmp_path: Path) -> None:
    workspace = demo_workspace
    target = tmp_path / "b.zip"
    result = export_bundle(workspace, target, [items["duo"]], on=ON)
    left = {item.id: item.reason for item in result.left_out}
    assert left == {items["refused"]: "exchange consent refused", items["unknown"]: "exchange consent unknown",
                    items["expired"]: "exchange consent expired on 2026-11-30"}
    assert {item.id for item in uncleared_media(workspace, [items["duo"]], ON)} == set(left)
    manifest = _manifest(target)
    carried = {row["id"] for row in manifest["tables"]["media_item"]}
    assert items["ok"] in carried and not carried & set(left)
    consent = manifest["media_consent"]
    assert consent["channel"] == "exchange" and consent["checked_on"] == "2026-12-02"
    assert set(consent["left_out"]) == set(left) and consent["included_without_consent"] == []
    with zipfile.ZipFile(target) as archive:
        media = [name for name in archive.namelist() if name.startswith("media/")]
        assert len(media) == len({row["stored_name"] for row in manifest["tables"]["media_item"]})
        for name in media:
            assert_no_metadata(archive.read(name))  # every carried image is a copy without metadata


def test_included_on_request_and_recorded(items: dict[str, str], demo_workspace: Workspace, tmp_path: Path) -> None:
    workspace = demo_workspace
    target = tmp_path / "b.zip"
    result = export_bundle(workspace, target, [items["duo"]], on=ON, include_uncleared=True)
    assert not result.left_out and len(result.included_without_consent) == 3
    manifest = _manifest(target)
    assert set(manifest["media_consent"]["included_without_consent"]) == {
        items["refused"], items["unknown"], items["expired"]}
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.startswith("media/"):
                assert_no_metadata(archive.read(name))


def test_clean_copies_import_with_matching_hashes(items: dict[str, str], demo_workspace: Workspace,
                                                  workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "b.zip"
    export_bundle(demo_workspace, target, [items["duo"]], on=ON)
    summary = import_bundle(workspace, target)
    assert summary.added["media_item"] == 1 and summary.media_files == 1
    [path] = [path for path in workspace.media.root.rglob("*.jpg")]
    assert_no_metadata(path.read_bytes())
    original = demo_workspace.media.root.rglob("*.jpg")
    assert jpeg_with_metadata() in [p.read_bytes() for p in original]  # the original stays here, untouched


def test_cli_lists_what_it_leaves_out_and_includes_on_request(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                                              tmp_path: Path) -> None:
    from classesduo.cli import main
    from classesduo.services.workspace import open_workspace

    workspace = open_workspace(str(demo_dir))
    try:
        marked = _mark(workspace)
    finally:
        workspace.close()
    bundle = tmp_path / "b.zip"
    assert main(["--data-dir", str(demo_dir), "bundle", "export", "-o", str(bundle), "--duo", marked["duo"],
                 "--on", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    assert f"left out  {marked['refused']}  refused.jpg: exchange consent refused" in out
    assert "expired.jpg: exchange consent expired on 2026-11-30" in out and "3 media items without" in out
    assert "(s)" not in out and re.search(r"\(1 facilitator, 2 schools, .*1 duo, \d+ exchange sessions", out)
    assert main(["--data-dir", str(demo_dir), "bundle", "export", "-o", str(bundle), "--duo", marked["duo"],
                 "--on", "2026-12-02", "--include-without-consent"]) == 0
    out = capsys.readouterr().out
    assert "included without consent" in out and "left out " not in out
    assert len(_manifest(bundle)["media_consent"]["included_without_consent"]) == 3
