"""Issue 18, finding 4: everything written with children's data is private to the user (folders 0700, files
0600) whatever the umask, and ``check`` repairs looser modes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.edges.cli_run import run_cli

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _loose(root: Path) -> list[str]:
    found = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(f"{path.relative_to(root.parent)} {mode:o}")
    return found


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_everything_written_is_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    os.chmod(out, 0o700)
    assert run_cli("--data-dir", str(data), "demo", umask=umask).returncode == 0
    assert run_cli("--data-dir", str(data), "backup", umask=umask).returncode == 0
    duos = json.loads(run_cli("--data-dir", str(data), "list", "duos", "--json", umask=umask).stdout)
    term = "2026-2027/1"
    report = run_cli("--data-dir", str(data), "report", "--from", "2026-09-01", "--to", "2027-07-01", "-o",
                     str(out / "report.csv"), umask=umask)
    assert report.returncode == 0, report.stderr
    album = run_cli("--data-dir", str(data), "media", "album", duos[0]["id"], "--term", str(term), "-o",
                    str(out / "album"), umask=umask)
    assert album.returncode == 0, album.stderr
    assert (data / "classesduo.sqlite3").exists() and list((data / "backups").iterdir())
    assert list((data / "logs").iterdir())
    assert _loose(data) == [] and _loose(out) == []


def test_check_repairs_looser_modes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("--data-dir", str(data), "demo").returncode == 0
    os.chmod(data, 0o755)
    os.chmod(data / "classesduo.sqlite3", 0o644)
    victim = next((data / "media").rglob("*.png"))
    os.chmod(victim, 0o664)
    result = run_cli("--data-dir", str(data), "check")
    assert result.returncode == 0, result.stderr
    assert "now private" in result.stdout
    assert _loose(data) == []
