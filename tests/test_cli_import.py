"""``classesduo import``: summary on stdout, every problem on stderr with exit 2, --dry-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classesduo.cli import main
from classesduo.paths import resources_dir

SAMPLES = resources_dir() / "samples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def count(capsys: pytest.CaptureFixture[str], data_dir: Path, kind: str) -> int:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", kind, "--json")
    assert code == 0
    return len(json.loads(out))


def test_import_the_samples_twice(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    for kind in ("schools", "classes", "facilitators", "duos", "sessions"):
        code, out, err = run(capsys, "--data-dir", str(data_dir), "import", kind, str(SAMPLES / f"{kind}.csv"))
        assert code == 0 and " added, 0 updated, 0 unchanged." in out and not err
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", "sessions", str(SAMPLES / "sessions.csv"))
    assert code == 0 and out.strip() == "sessions.csv: 0 added, 0 updated, 6 unchanged."
    assert count(capsys, data_dir, "sessions") == 6


def test_bad_file_exits_2_with_one_line_per_problem(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                    tmp_path: Path) -> None:
    bad = tmp_path / "schools.csv"
    bad.write_text("name;city;country;timezone;arrondissement\n"
                   "A;Paris;FR;Europe/Paris;30\n"
                   "B;Oslo;NO;Europe/Oslo;\n"
                   "C;Lima;PE;Peru/Lima;\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "schools", str(bad))
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert lines[0].startswith("schools.csv, line 2, field arrondissement: ")
    assert lines[1].startswith("schools.csv, line 4, field timezone: Unknown time zone")
    assert lines[-1] == f"classesduo: error: 2 problems in {bad}; nothing was imported."
    assert count(capsys, data_dir, "schools") == 0


def test_dry_run_and_unreadable_files(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", "--dry-run", "schools",
                       str(SAMPLES / "schools.csv"))
    assert code == 0 and "4 added" in out and "nothing was written" in out
    assert count(capsys, data_dir, "schools") == 0
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "schools", str(tmp_path / "nope.csv"))
    assert code == 2 and "nope.csv: The file cannot be read" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(data_dir), "import", "pupils", str(SAMPLES / "schools.csv")])
    assert caught.value.code == 2


def test_an_import_that_changes_data_is_backed_up_first(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    from classesduo.paths import AppPaths
    from classesduo.services.backups import list_backups

    paths = AppPaths.resolve(data_dir)
    reasons = lambda: [b.reason for b in list_backups(paths)]  # noqa: E731
    run(capsys, "--data-dir", str(data_dir), "import", "schools", str(SAMPLES / "schools.csv"))
    assert reasons().count("before-import") == 1
    run(capsys, "--data-dir", str(data_dir), "import", "schools", str(SAMPLES / "schools.csv"))  # changes nothing
    run(capsys, "--data-dir", str(data_dir), "import", "classes", str(SAMPLES / "classes.csv"), "--dry-run")
    assert reasons().count("before-import") == 1
