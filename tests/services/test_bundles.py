"""Bundles: a round trip gives the same rows and media; re-import changes nothing; newer wins; hostile
archives are refused with nothing written."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from classesduo.services.bundle_format import BUNDLE_TABLES, table_of
from classesduo.services.bundles import BundleError, export_bundle, import_bundle
from classesduo.services.duos import list_duos
from classesduo.services.workspace import Workspace, open_workspace


def _rows(workspace: Workspace) -> dict[str, list[tuple]]:
    with workspace.db.reading() as session:
        return {name: sorted(tuple(row) for row in session.execute(select(table_of(name))))
                for name in BUNDLE_TABLES}


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def bundle(demo_workspace: Workspace, tmp_path: Path) -> Path:
    target = tmp_path / "all.zip"
    export_bundle(demo_workspace, target)
    return target


def test_round_trip_into_an_empty_folder_gives_the_same_rows_and_media(
        demo_workspace: Workspace, bundle: Path, workspace: Workspace) -> None:
    summary = import_bundle(workspace, bundle)
    assert summary.added["duo"] == 12 and summary.added["media_item"] == 20 and not summary.updated
    assert _rows(workspace) == _rows(demo_workspace)
    assert _files(workspace.media.root) == _files(demo_workspace.media.root)
    again = import_bundle(workspace, bundle)
    assert not again.added and not again.updated
    assert again.unchanged["exchange_session"] == summary.added["exchange_session"] > 100
    assert _rows(workspace) == _rows(demo_workspace)


def test_one_duo_travels_with_what_it_needs(demo_workspace: Workspace, workspace: Workspace,
                                            tmp_path: Path) -> None:
    duo = list_duos(demo_workspace.db)[0]
    counts = export_bundle(demo_workspace, tmp_path / "one.zip", [duo.duo.id]).rows
    assert counts["duo"] == 1 and counts["class_group"] == 2 and counts["school"] == 2
    import_bundle(workspace, tmp_path / "one.zip")
    [imported] = list_duos(workspace.db)
    assert imported.duo == duo.duo and imported.paris == duo.paris and imported.partner == duo.partner


def test_a_newer_row_wins_and_an_older_one_does_not(demo_workspace: Workspace, bundle: Path,
                                                    workspace: Workspace, tmp_path: Path) -> None:
    import_bundle(workspace, bundle)
    facilitator = table_of("facilitator")
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    row = manifest["tables"]["facilitator"][0]
    later = datetime.fromisoformat(row["updated_at"]) + timedelta(days=1)
    newer = _with_manifest(bundle, tmp_path / "newer.zip", lambda m: _edit_first(m, "Renamed", later))
    assert import_bundle(workspace, newer).updated == {"facilitator": 1}
    older = bundle  # the copy before the rename: this laptop has seen it, so it changes nothing
    assert import_bundle(workspace, older).unchanged["facilitator"] == 6
    with workspace.db.reading() as session:
        name, version = session.execute(select(facilitator.c.name, facilitator.c.version)
                                        .where(facilitator.c.id == row["id"])).one()
    assert name == "Renamed" and version == row["version"] + 1


def _edit_first(manifest: dict, name: str, when: datetime) -> None:
    """An edit made on another laptop after the bundle: a new change on top of the row's history."""
    row = manifest["tables"]["facilitator"][0]
    row.update(name=name, updated_at=when.isoformat(), change_history=f"{row['change_history']} other-laptop-1")


def _with_manifest(source: Path, target: Path, change: Callable[[dict], None]) -> Path:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        manifest = json.loads(archive.read("manifest.json"))
        change(manifest)
        out.writestr("manifest.json", json.dumps(manifest))
        for info in archive.infolist():
            if info.filename != "manifest.json":
                out.writestr(info, archive.read(info))
    return target


def _add_entry(source: Path, target: Path, info: zipfile.ZipInfo | str, data: bytes,
               compress: int = zipfile.ZIP_STORED) -> Path:
    import warnings

    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for item in archive.infolist():
            out.writestr(item, archive.read(item))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name we add on purpose
            out.writestr(info, data, compress_type=compress)
    return target


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _first_media(bundle: Path) -> str:
    with zipfile.ZipFile(bundle) as archive:
        return next(name for name in archive.namelist() if name.startswith("media/"))


HOSTILE: dict[str, Callable[[Path, Path], Path]] = {
    "absolute path": lambda b, t: _add_entry(b, t, "/etc/cron.d/evil", b"x"),
    "dot-dot": lambda b, t: _add_entry(b, t, "media/../../evil.sh", b"x"),
    "drive letter": lambda b, t: _add_entry(b, t, "C:/Windows/evil.dll", b"x"),
    "symlink": lambda b, t: _add_entry(b, t, _symlink("media/ab/" + "a" * 64 + ".png"), b"/etc/passwd"),
    "duplicate name": lambda b, t: _add_entry(b, t, "manifest.json", b"{}"),
    "compression bomb": lambda b, t: _add_entry(b, t, "media/00/" + "0" * 64 + ".png", bytes(50 << 20),
                                                zipfile.ZIP_DEFLATED),
    "unexpected entry": lambda b, t: _add_entry(b, t, "payload.exe", b"MZ"),
    "unknown table": lambda b, t: _with_manifest(b, t, lambda m: m["tables"].update(pupils=[])),
    "missing field": lambda b, t: _with_manifest(b, t, lambda m: m["tables"]["school"][0].pop("timezone")),
    "wrong type": lambda b, t: _with_manifest(b, t, lambda m: m["tables"]["class_group"][0].update(
        pupil_count="many")),
    "naive instant": lambda b, t: _with_manifest(b, t, lambda m: m["tables"]["duo"][0].update(
        updated_at="2026-11-28T10:00:00")),
    "missing reference": lambda b, t: _with_manifest(b, t, lambda m: m["tables"].update(school=[])),
    "newer format": lambda b, t: _with_manifest(b, t, lambda m: m.update(format_version=99)),
    "hash mismatch": lambda b, t: _tamper_media(b, t),
    "not a zip": lambda b, t: (t.write_bytes(b"PK\x03\x04 garbage"), t)[1],
    "nested json bomb": lambda b, t: _replace_manifest(b, t, b"[" * 200_000 + b"]" * 200_000),
    "invalid json": lambda b, t: _replace_manifest(b, t, b'{"format": '),
}


def _replace_manifest(source: Path, target: Path, data: bytes) -> Path:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for item in archive.infolist():
            out.writestr(item, data if item.filename == "manifest.json" else archive.read(item))
    return target


def _tamper_media(source: Path, target: Path) -> Path:
    victim = _first_media(source)
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for item in archive.infolist():
            data = archive.read(item)
            out.writestr(item, data[:-1] + bytes([data[-1] ^ 1]) if item.filename == victim else data)
    return target


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_or_broken_archives_are_refused_with_nothing_written(
        kind: str, bundle: Path, workspace: Workspace, tmp_path: Path) -> None:
    hostile = HOSTILE[kind](bundle, tmp_path / "hostile.zip")
    rows_before = _rows(workspace)
    files_before = _files(workspace.paths.data_dir)
    with pytest.raises(BundleError):
        import_bundle(workspace, hostile)
    assert _rows(workspace) == rows_before
    after = {name: data for name, data in _files(workspace.paths.data_dir).items() if not name.startswith("logs")}
    assert after == {name: data for name, data in files_before.items() if not name.startswith("logs")}
    assert not (tmp_path / "evil.sh").exists()


def test_a_failing_transaction_leaves_no_media_behind(demo_workspace: Workspace, bundle: Path,
                                                      data_dir: Path, tmp_path: Path) -> None:
    """A school with the same name and city but another id breaks a unique rule mid-import: all rolled back."""
    workspace = open_workspace(str(data_dir))
    conflict = _with_manifest(bundle, tmp_path / "conflict.zip", lambda m: m["tables"]["school"].append(
        {**m["tables"]["school"][0], "id": "another-id"}))
    with pytest.raises(Exception, match="same name"):
        import_bundle(workspace, conflict)
    assert _rows(workspace)["school"] == []
    assert _files(workspace.media.root) == {}
    workspace.close()


def test_a_cancelled_import_writes_nothing(bundle: Path, workspace: Workspace) -> None:
    from classesduo.services.bundles import BundleCancelled

    with pytest.raises(BundleCancelled):
        import_bundle(workspace, bundle, cancelled=lambda: True)
    assert all(rows == [] for rows in _rows(workspace).values())
    assert _files(workspace.media.root) == {}


def test_anonymous_counts_of_erased_media_travel_with_the_duo(demo_workspace: Workspace, workspace: Workspace,
                                                              tmp_path: Path) -> None:
    from datetime import date

    from classesduo.services.media_retention import erase_expired, erased_counts

    erase_expired(demo_workspace, date(2028, 8, 1), retention_years=1)
    counts = erased_counts(demo_workspace)
    assert counts
    target = tmp_path / "after-retention.zip"
    export_bundle(demo_workspace, target)
    summary = import_bundle(workspace, target)
    from sqlalchemy import func, select

    from classesduo.storage.models import MediaTallyRow

    with demo_workspace.db.reading() as session:  # one row per duo, kind, side and day
        rows = session.scalar(select(func.count()).select_from(MediaTallyRow))
    assert summary.added["media_tally"] == rows
    assert erased_counts(workspace) == counts


def test_a_format_3_bundle_without_the_school_calendar_fields_still_imports(
        demo_workspace: Workspace, bundle: Path, workspace: Workspace, tmp_path: Path) -> None:
    """Format 4 added school_year, school.subdivision and holiday_period.origin; older bundles lack them."""
    def downgrade(manifest: dict) -> None:
        manifest["format_version"] = 3
        manifest["tables"].pop("school_year", None)
        for row in manifest["tables"]["school"]:
            row.pop("subdivision")
        for row in manifest["tables"]["holiday_period"]:
            row.pop("origin")

    older = _with_manifest(bundle, tmp_path / "format3.zip", downgrade)
    summary = import_bundle(workspace, older)
    assert summary.added["school"] == 24
    from classesduo.services.schools import list_schools

    assert all(school.subdivision == "" and school.school_years == [] for school in list_schools(workspace.db))
