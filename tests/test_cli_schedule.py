"""``classesduo slots`` and ``classesduo ics``: output, JSON, exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from classesduo.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _duo_id(capsys: pytest.CaptureFixture[str], demo_dir: Path, city: str) -> str:
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    return next(d["id"] for d in json.loads(out) if d["partner_city"] == city)


def test_slots_json(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    duo = _duo_id(capsys, demo_dir, "Montréal")
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2027-03-08", "--to",
                       "2027-03-26", "--minutes", "60", "--json")
    slots = json.loads(out)
    assert code == 0 and slots
    for slot in slots:
        start = datetime.fromisoformat(slot["start_utc"])
        paris, partner = datetime.fromisoformat(slot["paris_local"]), datetime.fromisoformat(slot["partner_local"])
        assert start == paris == partner and slot["minutes"] == 60
        assert 15 <= paris.hour < 16 and 8 <= partner.hour <= 10
    assert {s["partner_local"][11:16] for s in slots if s["paris_local"].startswith("2027-03-23")} == {"10:00",
                                                                                                        "10:15",
                                                                                                        "10:30"}


def test_slots_text_and_no_overlap(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    duo = _duo_id(capsys, demo_dir, "Tokyo")
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2027-01-11", "--to", "2027-01-15")
    assert code == 0 and "0 slots" in out and "Tokyo is 8 h ahead" in out and "asynchronous" in out


@pytest.mark.parametrize("args, message", [
    (["slots", "no-such-duo", "--from", "2027-01-11", "--to", "2027-01-15"], "no duo with id"),
    (["slots", "DUO", "--from", "2027-01-15", "--to", "2027-01-11"], "after the end date"),
    (["slots", "DUO", "--from", "2027-01-11", "--to", "2027-01-15", "--minutes", "0"], "--minutes"),
    (["ics", "--duo", "no-such-duo", "-o", "x.ics"], "No duo"),
])
def test_bad_input_exits_2(capsys: pytest.CaptureFixture[str], demo_dir: Path, tmp_path: Path, args: list[str],
                           message: str) -> None:
    duo = _duo_id(capsys, demo_dir, "Madrid")
    args = [duo if a == "DUO" else str(tmp_path / a) if a == "x.ics" else a for a in args]
    code, _, err = run(capsys, "--data-dir", str(demo_dir), *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(demo_dir), "slots", "x", "--from", "2027-02-31", "--to", "2027-03-01"])
    assert caught.value.code == 2 and "not a date" in capsys.readouterr().err


def test_ics_all_and_duo(capsys: pytest.CaptureFixture[str], demo_dir: Path, tmp_path: Path) -> None:
    duo = _duo_id(capsys, demo_dir, "Madrid")
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "ics", "--all", "-o", str(tmp_path / "all.ics"))
    assert code == 0 and "visios written" in out
    everything = Calendar.from_ical((tmp_path / "all.ics").read_bytes()).walk("VEVENT")
    code, _, _ = run(capsys, "--data-dir", str(demo_dir), "ics", "--duo", duo, "-o", str(tmp_path / "one.ics"))
    one = Calendar.from_ical((tmp_path / "one.ics").read_bytes()).walk("VEVENT")
    assert code == 0 and 0 < len(one) < len(everything)
    assert {str(e["UID"]) for e in one} <= {str(e["UID"]) for e in everything}
    with pytest.raises(SystemExit):
        main(["--data-dir", str(demo_dir), "ics", "--all", "--duo", duo, "-o", "x.ics"])  # one scope only
