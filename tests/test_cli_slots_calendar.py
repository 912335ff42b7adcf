"""``classesduo slots`` / ``slots --all`` and the school calendars: public holidays left out, unknown years flagged."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from classesduo.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _duo_id(capsys: pytest.CaptureFixture[str], demo_dir: Path, city: str) -> str:
    _, out, _ = run(capsys, "--data-dir", str(demo_dir), "list", "duos", "--json")
    return next(d["id"] for d in json.loads(out) if d["partner_city"] == city)


def test_victoire_1945_is_not_offered_and_says_why(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    """The Batignolles ↔ Roma demo duo was offered Friday 8 May 2026."""
    duo = _duo_id(capsys, demo_dir, "Roma")
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2026-05-01", "--to",
                       "2026-05-31", "--json")
    days = {datetime.fromisoformat(slot["paris_local"]).date() for slot in json.loads(out)}
    assert code == 0 and days and date(2026, 5, 8) not in days and date(2026, 5, 14) not in days
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2026-05-01", "--to",
                       "2026-05-31")
    assert "left out: 2026-05-08: Fête de la Victoire — École élémentaire" in out
    assert "public holiday (holidays" in out


def test_an_unknown_year_is_flagged_per_date_in_text_and_json(capsys: pytest.CaptureFixture[str],
                                                              demo_dir: Path) -> None:
    """Tuesday 2 November 2027 was offered with no warning: the shipped zone C file stops at 2026-2027."""
    duo = _duo_id(capsys, demo_dir, "Roma")
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2027-10-25", "--to",
                         "2027-11-12", "--json")
    slots = json.loads(out)
    flagged = [s for s in slots if s["paris_local"].startswith("2027-11-02")]
    assert code == 0 and flagged
    assert all(any("school holidays for 2027-2028 are unknown — add them" in text for text in s["calendar_unknown"])
               for s in flagged)
    assert "warning:" in err and "2027-2028" in err
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2027-10-25", "--to",
                       "2027-11-12")
    line = next(text for text in out.splitlines() if text.startswith("2027-11-02"))
    assert "[unknown: École élémentaire" in line and "2027-2028 are unknown" in line
    known = [s for s in json.loads(run(capsys, "--data-dir", str(demo_dir), "slots", duo, "--from", "2027-03-01",
                                       "--to", "2027-03-12", "--json")[1])]
    assert known and all(s["calendar_unknown"] == [] for s in known)


def test_slots_all_flags_unknown_calendars_per_duo_in_json_and_csv(capsys: pytest.CaptureFixture[str],
                                                                  demo_dir: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", "--from", "2027-09-06", "--to",
                       "2027-09-24", "--json")
    duos = json.loads(out)
    assert code == 0 and all(d["calendar_unknown"] for d in duos)  # no school year 2027-2028 is known yet
    assert all(any(n["side"] == "paris" and n["school_year"] == "2027-2028" for n in d["calendar_unknown"])
               for d in duos)
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", "--from", "2027-09-06", "--to",
                       "2027-09-24", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and all("are unknown — add them" in row["calendar_unknown"] for row in rows)
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", "--from", "2027-03-01", "--to",
                       "2027-03-19", "--json")
    assert all(d["calendar_unknown"] == [] for d in json.loads(out))  # the demo's year is known everywhere
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "slots", "--all", "--from", "2027-09-06", "--to",
                       "2027-09-24")
    assert "warning:" in out
