"""``classesduo log``: each status, the history, and exit 2 with one clear line on bad input."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from classesduo.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _to_log(capsys: pytest.CaptureFixture[str], base: tuple[str, ...]) -> list[dict]:
    _, out, _ = run(capsys, *base, "list", "sessions", "--json")
    before = datetime(2026, 11, 27).astimezone()
    return [s for s in json.loads(out) if s["status"] == "planned" and datetime.fromisoformat(s["start_utc"]) < before]


def test_log_held_then_list_shows_the_log_fields(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    base = ("--data-dir", str(demo_dir))
    session = _to_log(capsys, base)[0]
    code, out, err = run(capsys, *base, "log", session["id"], "--status", "held", "--present-paris", "20",
                         "--present-partner", "15", "--minutes", "40", "--notes", "Très bien",
                         "--activities", "Chanson", "--tags", "song,qa", "--languages", "fr,es")
    assert code == 0, err
    assert "logged as held" in out
    _, out, _ = run(capsys, *base, "list", "sessions", "--json", "--duo", session["duo_id"])
    logged = next(s for s in json.loads(out) if s["id"] == session["id"])
    assert (logged["status"], logged["present_paris"], logged["present_partner"]) == ("held", 20, 15)
    assert logged["actual_minutes"] == 40 and logged["activity_tags"] == ["song", "qa"]
    assert logged["notes"] == "Très bien" and logged["logged_at"] and logged["postponed_to_id"] is None


def test_log_cancelled_and_postponed(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    base = ("--data-dir", str(demo_dir))
    first, second = _to_log(capsys, base)[:2]
    code, out, _ = run(capsys, *base, "log", first["id"], "--status", "cancelled", "--reason", "partner_absent",
                       "--notes", "Personne", "--json")
    assert code == 0 and json.loads(out)["log"]["cancel_reason"] == "partner_absent"
    code, out, err = run(capsys, *base, "log", second["id"], "--status", "postponed",
                         "--to", "2026-12-04T15:00+01:00", "--notes", "Grève")
    assert code == 0, err
    new_id = out.split("new session ")[1].rstrip(".\n")
    _, out, _ = run(capsys, *base, "list", "sessions", "--json", "--duo", second["duo_id"])
    rows = {s["id"]: s for s in json.loads(out)}
    assert rows[second["id"]]["postponed_to_id"] == new_id
    assert rows[new_id]["status"] == "planned" and rows[new_id]["start_utc"].startswith("2026-12-04T14:00")


@pytest.mark.parametrize(("extra", "needle"), [
    (("--status", "cancelled"), "cancel_reason"),
    (("--status", "held", "--present-paris", "-3"), "present_paris"),
    (("--status", "held", "--present-paris", "300"), "present_paris"),
    (("--status", "held", "--tags", "dance"), "activity_tags"),
    (("--status", "postponed", "--to", "2026-12-04T15:00"), "offset"),
    (("--status", "postponed", "--to", "next week"), "--to"),
    (("--status", "held", "--reason", "strike"), "--reason"),
    (("--status", "held", "--present-paris", "many"), "invalid int"),
    (("--status", "maybe"), "invalid choice"),
])
def test_bad_input_exits_2_with_one_clear_line(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                               extra: tuple[str, ...], needle: str) -> None:
    base = ("--data-dir", str(demo_dir))
    session = _to_log(capsys, base)[0]
    try:
        code, _, err = run(capsys, *base, "log", session["id"], *extra)
    except SystemExit as stop:  # argparse errors
        code, err = stop.code, capsys.readouterr().err
    assert code == 2 and needle in err and err.count("\n") == 1, err
    _, out, _ = run(capsys, *base, "list", "sessions", "--json", "--duo", session["duo_id"])
    assert next(s for s in json.loads(out) if s["id"] == session["id"])["status"] == "planned"


def test_unknown_session_exits_2(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "log", "no-such-id", "--status", "held")
    assert code == 2 and "no-such-id" in err


def test_correcting_one_figure_keeps_the_rest_of_the_log(capsys, demo_dir) -> None:  # noqa: ANN001
    import json

    from classesduo.cli import main

    main(["--data-dir", str(demo_dir), "list", "sessions", "--json"])
    held = next(s for s in json.loads(capsys.readouterr().out) if s["status"] == "held" and s["activities"])
    assert main(["--data-dir", str(demo_dir), "log", held["id"], "--status", "held", "--present-paris", "3"]) == 0
    capsys.readouterr()
    main(["--data-dir", str(demo_dir), "list", "sessions", "--json", "--duo", held["duo_id"]])
    after = next(s for s in json.loads(capsys.readouterr().out) if s["id"] == held["id"])
    assert after["present_paris"] == 3
    for field in ("present_partner", "actual_minutes", "activities", "activity_tags", "languages_used"):
        assert after[field] == held[field], field


def test_a_log_that_names_children_is_flagged(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    base = ("--data-dir", str(demo_dir))
    session = _to_log(capsys, base)[0]
    code, _, err = run(capsys, *base, "log", session["id"], "--status", "held",
                       "--present-paris", "10", "--present-partner", "9",
                       "--activities", "Zoé et Mehdi ont présenté leur quartier")
    assert code == 0 and "warning:" in err and "Zoé, Mehdi" in err
    code, _, err = run(capsys, *base, "log", session["id"], "--status", "held",
                       "--present-paris", "10", "--present-partner", "9",
                       "--activities", "Les élèves ont présenté leur quartier")
    assert code == 0 and err == ""
