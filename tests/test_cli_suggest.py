"""``classesduo suggest``: ranked partner classes for a Paris class, for people and for scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classesduo.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_ranks_with_reasons(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    base = ("--data-dir", str(demo_dir))
    _, out, _ = run(capsys, *base, "list", "duos", "--json")
    duos = json.loads(out)
    _, out, _ = run(capsys, *base, "list", "classes", "--json")
    paris_class = next(c for c in json.loads(out) if c["id"] == duos[0]["paris_class_id"])
    code, out, _ = run(capsys, *base, "suggest", paris_class["id"], "--year", "2027-2028", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 12
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    tokyo = next(r for r in rows if r["city"] == "Tokyo")
    assert tokyo["asynchronous_only"] and tokyo["weekly_overlap_minutes"] == 0
    assert "asynchronous only" in tokyo["why"]
    code, out, _ = run(capsys, *base, "suggest", paris_class["id"], "--year", "2026-2027")
    assert code == 0 and "(none)" in out


def test_suggest_bad_input_exits_2(capsys: pytest.CaptureFixture[str], demo_dir: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "suggest", "no-such-id", "--year", "2026-2027")
    assert code == 2 and "no-such-id" in err
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "suggest", "x", "--year", "2026")
    assert code == 2 and "school year" in err
