"""``classesduo slots --all``: one line, JSON object or CSV row per duo, parsed back."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from classesduo.cli import main

RANGE = ["--from", "2026-09-01", "--to", "2026-12-31"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _duos(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> list[dict]:
    main(["--data-dir", str(demo_dir), "list", "duos", "--json"])
    return json.loads(capsys.readouterr().out)


def test_all_as_text_json_and_csv_agree(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    duos = _duos(capsys, demo_dir)
    code, text, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", *RANGE)
    assert code == 0
    lines = text.splitlines()
    assert lines[0].startswith(f"{len(duos)} duos, 2026-09-01 to 2026-12-31, 45-minute slots:")
    assert len(lines) == len(duos) + 1
    tokyo = next(line for line in lines if "Tokyo" in line)
    assert "no slot. Tokyo is 7 h ahead" in tokyo and "asynchronous" in tokyo
    montreal = next(line for line in lines if "Montréal" in line)
    assert "first 2026-09-01 Tue 15:00 Paris = Tue 09:00 Montréal" in montreal

    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", *RANGE, "--json")
    data = json.loads(out)
    assert code == 0 and {item["duo_id"] for item in data} == {duo["id"] for duo in duos}
    for item in data:
        if item["slots"]:
            first = item["first_slot"]
            assert datetime.fromisoformat(first["paris_local"]) == datetime.fromisoformat(first["partner_local"])
            assert item["explanation"] == ""
        else:
            assert item["first_slot"] is None and item["explanation"]

    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", *RANGE, "--csv", "--minutes", "60")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(data)
    by_id = {row["duo_id"]: row for row in rows}
    for item in data:
        row = by_id[item["duo_id"]]
        assert row["duo"] == item["duo"] and row["partner_timezone"] == item["partner_timezone"]
        assert (int(row["slots"]) > 0) == (item["slots"] > 0)  # 60-minute slots: fewer, but the same duos meet
        assert int(row["slots"]) <= item["slots"]
        assert bool(row["why_none"]) == (row["first_paris"] == "")
    montreal = next(row for row in rows if row["partner_city"] == "Montréal")
    assert (montreal["first_paris"], montreal["first_partner"]) == ("2026-09-01 15:00", "2026-09-01 09:00")


def test_active_only(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    duos = _duos(capsys, demo_dir)
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", "--active", *RANGE, "--json")
    active = {duo["id"] for duo in duos if duo["status"] == "active"}
    assert code == 0 and {item["duo_id"] for item in json.loads(out)} == active
    assert 0 < len(active) < len(duos)


@pytest.mark.parametrize(("args", "message"), [
    (["slots", *RANGE], "either a DUO_ID or --all"),
    (["slots", "DUO", "--all", *RANGE], "either a DUO_ID or --all"),
    (["slots", "DUO", "--csv", *RANGE], "--csv only applies with --all"),
    (["slots", "DUO", "--active", *RANGE], "--active only applies with --all"),
    (["slots", "--all", "--from", "2026-01-01", "--to", "2027-06-30"], "too long"),
])
def test_bad_combinations_exit_2(capsys: pytest.CaptureFixture[str], demo_dir: Path, args: list[str],
                                 message: str) -> None:
    duo = _duos(capsys, demo_dir)[0]["id"]
    code, _, err = run(capsys, "--data-dir", str(demo_dir), *[duo if a == "DUO" else a for a in args])
    assert code == 2 and message in err
