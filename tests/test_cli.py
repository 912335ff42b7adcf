"""The command line: exit codes, one-line errors, JSON that scripts can use without a second query."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from classesduo import __version__
from classesduo.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    import tzdata

    assert capsys.readouterr().out.strip() == f"classesduo {__version__} (tz database {tzdata.IANA_VERSION})"


@pytest.mark.parametrize("args", [["frobnicate"], ["list"], ["list", "pupils"], ["--data-dir"]])
def test_bad_usage_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "error" in err and "Traceback" not in err


def test_option_in_wrong_place_is_a_usage_error(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list", "duos", "--duo", "x")
    assert code == 2 and err.count("\n") == 1


def test_demo_then_list(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "demo", "--today", "2026-11-28")
    assert code == 0 and "Demo loaded" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "demo", "--today", "2026-11-28")
    assert code == 0 and "nothing added" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "schools")
    assert code == 0 and "École élémentaire Buffon" in out


def test_json_lists_carry_ids_and_context(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    base = ("--data-dir", str(demo_dir))
    for kind in ("schools", "classes", "facilitators", "duos", "sessions"):
        code, out, _ = run(capsys, *base, "list", kind, "--json")
        rows = json.loads(out)
        assert code == 0 and rows and all(len(row["id"]) == 36 for row in rows)
    _, out, _ = run(capsys, *base, "list", "duos", "--json")
    duo = next(d for d in json.loads(out) if d["partner_city"] == "Tokyo")
    assert duo["paris_timezone"] == "Europe/Paris" and duo["partner_timezone"] == "Asia/Tokyo"
    assert duo["paris_school"].startswith("École") and duo["partner_country"] == "JP"
    _, out, _ = run(capsys, *base, "list", "sessions", "--json", "--duo", duo["id"])
    sessions = json.loads(out)
    assert sessions and {s["duo_id"] for s in sessions} == {duo["id"]}
    first = sessions[0]
    assert datetime.fromisoformat(first["start_utc"]).utcoffset() is not None
    assert {"minutes", "status", "present_paris", "present_partner", "notes"} <= set(first)


def test_module_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "classesduo", "--data-dir", str(tmp_path), "list", "nothing"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_no_command_opens_the_gui_without_importing_the_commands() -> None:
    """Start-up time: the window must not wait for the thirteen command modules."""
    import subprocess
    import sys

    script = ("import sys\nimport classesduo.ui.app as app\nfrom classesduo import cli\n"
              "app.run_gui = lambda **options: print(sorted(options.items())) or 0\n"
              "assert cli.main(['--data-dir', 'somewhere']) == 0\n"
              "from classesduo.commands import COMMAND_MODULES\n"
              "print([name for name in COMMAND_MODULES if name in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[('data_dir', 'somewhere'), ('db_url', None)]", "[]"]
