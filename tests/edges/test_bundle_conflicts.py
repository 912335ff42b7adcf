"""Issue 18, finding 2: bundle conflicts are decided by what each side has seen (change histories), not by
wall clocks; a change on both sides is reported, never silently dropped; timestamps from the future are
clamped (rows) or refused (the bundle's date), and said so."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from classesduo.services.bundle_format import BundleError
from classesduo.services.bundles import export_bundle, import_bundle
from classesduo.services.workspace import Workspace
from classesduo.storage.models import FacilitatorRow


def _rewrite(source: Path, target: Path, change: Callable[[dict], None]) -> Path:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        manifest = json.loads(archive.read("manifest.json"))
        change(manifest)
        out.writestr("manifest.json", json.dumps(manifest))
        for info in archive.infolist():
            if info.filename != "manifest.json":
                out.writestr(info, archive.read(info))
    return target


def _edited(base: Path, target: Path, name: str, when: datetime, history: str) -> Path:
    """The bundle another laptop would write after editing the first facilitator."""
    def change(manifest: dict) -> None:
        manifest["tables"]["facilitator"][0].update(name=name, updated_at=when.isoformat(), change_history=history)
    return _rewrite(base, target, change)


def _name(workspace: Workspace, facilitator_id: str) -> str:
    with workspace.db.reading() as session:
        return session.scalar(select(FacilitatorRow.name).where(FacilitatorRow.id == facilitator_id))


@pytest.fixture
def base(demo_workspace: Workspace, workspace: Workspace, tmp_path: Path) -> tuple[Path, dict]:
    bundle = tmp_path / "base.zip"
    export_bundle(demo_workspace, bundle)
    import_bundle(workspace, bundle)
    with zipfile.ZipFile(bundle) as archive:
        row = json.loads(archive.read("manifest.json"))["tables"]["facilitator"][0]
    return bundle, row


def test_a_laptop_whose_clock_is_ahead_does_not_win_every_conflict(workspace: Workspace, base: tuple[Path, dict],
                                                                   tmp_path: Path) -> None:
    bundle, row = base
    now = datetime.now(UTC)
    ahead = _edited(bundle, tmp_path / "ahead.zip", "Edited on the fast laptop", now + timedelta(days=365),
                    f"{row['change_history']} fast-1")
    summary = import_bundle(workspace, ahead)
    assert summary.updated["facilitator"] == 1 and summary.future_clamped == 1
    assert "dated in the future" in summary.describe()
    with workspace.db.reading() as session:
        stored = session.scalar(select(FacilitatorRow.updated_at).where(FacilitatorRow.id == row["id"]))
    assert stored <= datetime.now(UTC) + timedelta(minutes=1)  # clamped, not a year ahead
    # A third laptop imported the fast laptop's bundle, then edited the record for real, with a right clock.
    later = _edited(bundle, tmp_path / "later.zip", "Genuine later edit", now,
                    f"{row['change_history']} fast-1 third-1")
    summary = import_bundle(workspace, later)
    assert summary.updated["facilitator"] == 1, summary.describe()
    assert _name(workspace, row["id"]) == "Genuine later edit"
    # The fast laptop's copy again: this laptop has seen it, it changes nothing.
    assert import_bundle(workspace, ahead).updated["facilitator"] == 0


def test_a_bundle_dated_in_the_far_future_is_refused(workspace: Workspace, base: tuple[Path, dict],
                                                     tmp_path: Path) -> None:
    bundle, _row = base
    future = _rewrite(bundle, tmp_path / "9999.zip",
                      lambda manifest: manifest.update(created_at="9999-12-31T23:59:59+00:00"))
    with pytest.raises(BundleError, match="in the future"):
        import_bundle(workspace, future)


def test_a_change_on_both_sides_is_reported_and_the_user_chooses(workspace: Workspace, base: tuple[Path, dict],
                                                                 tmp_path: Path) -> None:
    bundle, row = base
    with workspace.db.transaction() as session:  # edited here (the ORM records the change)
        session.get(FacilitatorRow, row["id"]).name = "Edited here"
    with workspace.db.reading() as session:
        mine = session.get(FacilitatorRow, row["id"]).change_history
    assert mine.startswith(row["change_history"]) and mine != row["change_history"]
    theirs = _edited(bundle, tmp_path / "theirs.zip", "Edited there", datetime.now(UTC) - timedelta(days=3),
                     f"{row['change_history']} there-1")
    summary = import_bundle(workspace, theirs)
    assert [conflict.id for conflict in summary.conflicts] == [row["id"]]
    assert "changed on both laptops" in summary.describe() and summary.updated["facilitator"] == 0
    assert _name(workspace, row["id"]) == "Edited here"  # kept, and reported: not silently either way
    summary = import_bundle(workspace, theirs, take_theirs={row["id"]})
    assert summary.taken_theirs["facilitator"] == 1 and not summary.conflicts
    assert _name(workspace, row["id"]) == "Edited there"
    assert not import_bundle(workspace, theirs).conflicts  # decided once: not asked again


def test_keeping_my_copy_is_remembered(workspace: Workspace, base: tuple[Path, dict], tmp_path: Path) -> None:
    bundle, row = base
    with workspace.db.transaction() as session:
        session.get(FacilitatorRow, row["id"]).name = "Edited here"
    theirs = _edited(bundle, tmp_path / "theirs.zip", "Edited there", datetime.now(UTC),
                     f"{row['change_history']} there-1")
    assert import_bundle(workspace, theirs, keep_mine={row["id"]}).conflicts == []
    assert _name(workspace, row["id"]) == "Edited here"
    assert import_bundle(workspace, theirs).conflicts == []
